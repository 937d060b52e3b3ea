import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { TopicDetail } from '../../../core/contract/topics';
import { call, errorMessage } from '../api/client';
import { satisfactionOptions } from './labels';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Values {
  satisfaction: TopicDetail['satisfaction'];
  note?: string;
}

interface Props {
  topic: TopicDetail;
  onClose(): void;
  onSaved(topic: TopicDetail): void;
}

/** 居民评价: what the resident said about how it was handled (feeds 满意率). */
export function FeedbackModal({ topic, onClose, onSaved }: Props) {
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
    if (!v.satisfaction) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('topics.feedback', { id: topic.id, satisfaction: v.satisfaction, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`居民评价：${topic.title}`}
      open
      {...discard}
      onOk={submit}
      okText="保存评价"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ satisfaction: topic.satisfaction ?? undefined, note: topic.feedbackNote ?? '' }}>
        <Form.Item name="satisfaction" label="居民的评价" rules={[{ required: true, message: '请选择满意、基本满意或不满意' }]}>
          <Radio.Group optionType="button" options={satisfactionOptions.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="note" label="评价说明">
          <Input maxLength={500} placeholder="可选，例如：清运时间再早些更好" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
