import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { errorMessage } from '../api/client';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  title: string;
  label: string;
  okText: string;
  hint?: string;
  maxLength?: number;
  onClose(): void;
  onSubmit(text: string): Promise<void>;
}

/** One piece of text and a button: 直接答复, 不予受理, 办结. */
export function TextActionModal({ title, label, okText, hint, maxLength = 5000, onClose, onSubmit }: Props) {
  const [form] = Form.useForm<{ text: string }>();
  const discard = useConfirmDiscard(onClose, form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    let v: { text: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(v.text.trim());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={title}
      open
      {...discard}
      onOk={submit}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          <Input.TextArea rows={4} maxLength={maxLength} autoFocus />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
