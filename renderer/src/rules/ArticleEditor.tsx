import { useState } from 'react';
import { Button, Input, Space } from 'antd';

interface Props {
  label: string;
  initial?: string;
  saveText?: string;
  onSave(text: string): Promise<boolean>;
  onCancel(): void;
}

/** The text of one article: several paragraphs (款), one per line. */
export function ArticleEditor({ label, initial = '', saveText = '保存', onSave, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  return (
    <div className="article-editor">
      <Input.TextArea
        aria-label={label}
        autoFocus
        value={text}
        maxLength={5000}
        autoSize={{ minRows: 2, maxRows: 12 }}
        onChange={(e) => setText(e.target.value)}
        placeholder="一款写一段，按回车另起一段"
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          type="primary"
          loading={saving}
          disabled={!text.trim()}
          onClick={async () => {
            setSaving(true);
            const ok = await onSave(text);
            setSaving(false);
            if (ok) onCancel();
          }}
        >
          {saveText}
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </div>
  );
}
