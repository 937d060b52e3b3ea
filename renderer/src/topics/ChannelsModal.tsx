import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useWrite } from '../api/queries';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  orgId: number;
  channels: string[];
  onClose(): void;
  onSaved(channels: string[]): void;
}

/** 管理来源渠道: rename, add or remove the channels topics come in by. */
export function ChannelsModal({ orgId, channels, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ channels: string[] }>();
  const discard = useConfirmDiscard(onClose, form);
  const save = useWrite('topics.setChannels');

  async function submit() {
    let v: { channels: string[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const list = (v.channels ?? []).map((c) => (c ?? '').trim()).filter(Boolean);
    try {
      onSaved((await save.run({ orgId, channels: list })).channels);
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
      width={520}
    >
      <Typography.Paragraph type="secondary">登记议题时从这里选来源。已登记的议题不受影响。</Typography.Paragraph>
      <Form form={form} initialValues={{ channels }}>
        <Form.List name="channels">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} size={8}>
              {fields.map((field, index) => (
                <Space key={field.key} align="start">
                  <Form.Item name={field.name} noStyle>
                    <Input aria-label={`渠道 ${index + 1}`} maxLength={20} style={{ width: 280 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={`删除渠道 ${index + 1}`} disabled={fields.length <= 1} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add('')}>
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
