import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { errorMessage } from '../api/client';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  title: string;
  label: string;
  initial?: string;
  onClose(): void;
  onSave(title: string): Promise<void>;
}

/** 新增一章 / 改章名: the title without "第一章". */
export function ChapterTitleModal({ title, label, initial = '', onClose, onSave }: Props) {
  const discard = useConfirmDiscard(onClose);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit() {
    setSaving(true);
    setError(null);
    try {
      await onSave(value.trim());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal open title={title} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} {...discard} destroyOnHidden>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={label} required extra="只写章名，例如“公共秩序”；“第几章”会自动编号。">
          <Input aria-label={label} autoFocus value={value} maxLength={40} onChange={(e) => setValue(e.target.value)} onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
