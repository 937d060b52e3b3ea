import { useRef, useState } from 'react';
import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';

/** The largest package file the app accepts (finalized minutes make 报送包 big; a 回执包 is small). */
const MAX_BYTES = 60 * 1024 * 1024;

interface Props {
  label: string;
  /** Receives the file's text; any refusal is shown by the caller. */
  onText(text: string, fileName: string): Promise<void> | void;
  onProblem(message: string): void;
  disabled?: boolean;
  type?: 'primary' | 'default';
}

/** A button that opens the file chooser for a .json package and hands over its text. */
export function PickPackage({ label, onText, onProblem, disabled, type = 'default' }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function picked(file: File | undefined) {
    if (!file) return;
    if (file.size === 0) return onProblem('这个文件是空的（可能没有拷贝完），请重新拷贝后再选择。');
    if (file.size > MAX_BYTES) return onProblem('文件太大，不是议事厅的回执文件。请确认选对了文件。');
    setBusy(true);
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        onProblem('文件读取失败，可能正被其他软件占用或U盘已拔出。请重新选择。');
        return;
      }
      await onText(text, file.name);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={label}
        style={{ display: 'none' }}
        onChange={(e) => void picked(e.target.files?.[0])}
      />
      <Button type={type} icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
