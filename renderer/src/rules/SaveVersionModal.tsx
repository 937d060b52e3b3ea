import { useState } from 'react';
import { Alert, AutoComplete, Form, Input, Modal } from 'antd';
import { call, errorMessage } from '../api/client';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  docId: number;
  onClose(): void;
  onSaved(name: string): void;
}

const presets = ['征求意见稿', '审核稿', '表决稿', '正式稿'];

/** 保存为版本: freezes the current text under a name; a saved version never changes. */
export function SaveVersionModal({ docId, onClose, onSaved }: Props) {
  const discard = useConfirmDiscard(onClose);
  const [name, setName] = useState('征求意见稿');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit() {
    setSaving(true);
    setError(null);
    try {
      const v = await call('rules.versions.create', { docId, name: name.trim(), ...(note.trim() ? { note: note.trim() } : {}) });
      onSaved(`${v.name}（第${v.seq}版）`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal open title="保存为版本" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} {...discard} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label="版本名称" required extra="可以从列表中选，也可以自己起名。保存后这一稿就固定下来，不能再改。">
          <AutoComplete aria-label="版本名称" value={name} onChange={setName} options={presets.map((p) => ({ value: p }))} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item label="说明（可不填）">
          <Input.TextArea aria-label="说明" value={note} maxLength={1000} autoSize={{ minRows: 2 }} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
