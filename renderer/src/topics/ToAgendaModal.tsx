import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { TopicDetail } from '../../../core/contract/topics';
import { call, errorMessage } from '../api/client';
import { MeetingSelect } from './MeetingSelect';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Values {
  meetingId?: number;
  title: string;
}

interface Props {
  orgId: number;
  topic: TopicDetail;
  onClose(): void;
  onSaved(topic: TopicDetail): void;
}

/** 纳入议程: the topic becomes an item on a meeting's agenda that links back to it. */
export function ToAgendaModal({ orgId, topic, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!v.meetingId) return;
    setSaving(true);
    setError(null);
    try {
      const title = v.title.trim();
      onSaved(await call('topics.toAgenda', { id: topic.id, meetingId: v.meetingId, ...(title && title !== topic.title ? { title } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`纳入议程：${topic.title}`}
      open
      {...discard}
      onOk={submit}
      okText="纳入议程"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={620}
    >
      <Form form={form} layout="vertical" initialValues={{ title: topic.title }}>
        <Form.Item name="meetingId" label="会议" rules={[{ required: true, message: '请选择要上会的会议' }]}>
          <MeetingSelect orgId={orgId} notFinalized />
        </Form.Item>
        <Form.Item name="title" label="议程中的名称" extra="不改就用议题标题">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
