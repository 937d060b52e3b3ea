import { useState } from 'react';
import { Alert, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import type { AgendaItem } from '../../../core/contract/agenda';
import { call, errorMessage } from '../api/client';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { orgWording } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';

interface Values {
  title: string;
  description: string;
  presenter: string;
  plannedMinutes: number | null;
  needsPartyReview: boolean;
}

interface Props {
  meetingId: number;
  item?: AgendaItem;
  onClose(): void;
  onSaved(item: AgendaItem): void;
}

/** 添加议题 / 修改议题. Attachments are added from the agenda list (添加附件), where the file is copied into the data folder. */
export function AgendaItemModal({ meetingId, item, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const words = orgWording(useCurrentOrg().kind);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    const fields = {
      title: v.title.trim(),
      description: v.description ?? '',
      presenter: v.presenter ?? '',
      plannedMinutes: v.plannedMinutes ?? null,
      needsPartyReview: Boolean(v.needsPartyReview),
    };
    try {
      onSaved(item ? await call('agenda.update', { id: item.id, ...fields }) : await call('agenda.add', { meetingId, ...fields }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={item ? `修改议题：${item.title}` : '添加议题'}
      open
      {...discard}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={680}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={{
          title: item?.title ?? '',
          description: item?.description ?? '',
          presenter: item?.presenter ?? '',
          plannedMinutes: item?.plannedMinutes ?? null,
          needsPartyReview: item?.needsPartyReview ?? false,
        }}
      >
        <Form.Item name="title" label="议题名称" rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]}>
          <Input maxLength={200} placeholder="例如：村道硬化工程" autoFocus />
        </Form.Item>
        <Form.Item name="description" label="议题说明">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="presenter" label="汇报人">
          <Input maxLength={30} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="plannedMinutes" label="计划时长">
          <InputNumber min={1} max={600} precision={0} suffix="分钟" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="needsPartyReview" valuePropName="checked" wrapperCol={{ offset: 5 }}>
          <Checkbox>
            需党组织前置讨论（涉及{words.resident}利益的重大事项，2025年修订的组织法要求先经{words.partyOrg}研究讨论）
          </Checkbox>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
