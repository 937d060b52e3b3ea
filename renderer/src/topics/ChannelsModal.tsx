import { Alert, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useWrite } from '../api/queries';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import type { ChannelList } from './useChannels';

interface Props {
  orgId: number;
  channels: string[];
  /** The channels whose topics carry 工单号, 来电人, 来电电话 and 答复时限. */
  hotline: string[];
  onClose(): void;
  onSaved(next: ChannelList): void;
}

interface Row {
  name: string;
  hotline: boolean;
}

/** 管理来源渠道: rename, add or remove the channels topics come in by, and mark those that carry the hotline fields. */
export function ChannelsModal({ orgId, channels, hotline, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ channels: Row[] }>();
  const discard = useConfirmDiscard(onClose, form);
  const save = useWrite('topics.setChannels');

  async function submit() {
    let v: { channels: Row[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const rows = (v.channels ?? []).map((r) => ({ name: (r?.name ?? '').trim(), hotline: !!r?.hotline })).filter((r) => r.name);
    try {
      onSaved(await save.run({ orgId, channels: rows.map((r) => r.name), hotline: rows.filter((r) => r.hotline).map((r) => r.name) }));
    } catch {
      // Shown below the form (save.error).
    }
  }

  return (
    <Modal
      title="管理来源渠道"
      open
      {...discard}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={820}
    >
      <Typography.Paragraph type="secondary">
        登记议题时从这里选来源。像 12345
        热线那样派发工单的渠道，请勾选“带热线工单字段”，登记时就会多出工单号、来电人、来电电话和答复时限。已登记的议题不受影响。
      </Typography.Paragraph>
      <Form form={form} initialValues={{ channels: channels.map((name) => ({ name, hotline: hotline.includes(name) })) }}>
        <Form.List name="channels">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} size={8}>
              {fields.map((field, index) => (
                <Space key={field.key} align="center">
                  <Form.Item name={[field.name, 'name']} noStyle>
                    <Input aria-label={`渠道 ${index + 1}`} maxLength={20} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'hotline']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={`渠道 ${index + 1} 带热线工单字段`}>带热线工单字段（工单号、来电人、来电电话、答复时限）</Checkbox>
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={`删除渠道 ${index + 1}`} disabled={fields.length <= 1} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', hotline: false })}>
                添加渠道
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
      {save.error && <Alert type="error" showIcon title={save.error} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
