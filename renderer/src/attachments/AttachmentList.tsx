import { useRef, useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { attachmentEntries, type AttachmentTarget } from '../../../core/contract/attachments';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';
import { desktopFiles, openAttachment, pickAttachmentOnDesktop, uploadAttachment } from './files';

interface Props {
  target: AttachmentTarget;
  /** The record's attachments as kept: "attachments/2026/…" for copied files, older typed locations as typed. */
  paths: string[];
  readOnly?: boolean;
  /** The record's new list, after an attachment was added or removed. */
  onChanged?(paths: string[]): void;
  /** What the list is for, in the buttons' accessible names (e.g. the agenda item's title). */
  label?: string;
}

/**
 * 附件: files copied into the data folder, each with 打开 (the system's program; a download in the
 * browser preview) and 移除 (the file itself is kept); older typed locations are shown as
 * 外部文件（未复制）. 添加附件 opens a file picker.
 */
export function AttachmentList({ target, paths, readOnly, onChanged, label }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const entries = attachmentEntries(paths);
  const suffix = label ? `：${label}` : '';

  async function added(run: () => Promise<string[] | null>) {
    setBusy(true);
    try {
      const next = await run();
      if (!next) return;
      onChanged?.(next);
      message.success('附件已添加');
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  }

  function add() {
    if (desktopFiles()) void added(() => pickAttachmentOnDesktop(target));
    else input.current?.click();
  }

  async function remove(path: string) {
    try {
      const r = await call('attachments.remove', { target, path });
      onChanged?.(r.attachments.map((a) => a.path));
      message.success('已移除附件（文件仍保存在数据文件夹中）');
    } catch (e) {
      reportError(e);
    }
  }

  return (
    <Space orientation="vertical" size={4} className="attachment-list">
      {entries.length === 0 && readOnly && <span>无</span>}
      {entries.map((a) => (
        <Space key={a.path} size={8} wrap>
          <PaperClipOutlined aria-hidden />
          {a.stored ? (
            <Typography.Text>{a.name}</Typography.Text>
          ) : (
            <>
              <Typography.Text copyable={{ tooltips: ['复制文件位置', '已复制'] }}>{a.name}</Typography.Text>
              <Tag>外部文件（未复制）</Tag>
            </>
          )}
          {a.stored && (
            <Button size="small" type="link" onClick={() => void openAttachment(a.path).catch(reportError)} aria-label={`打开附件：${a.name}`}>
              打开
            </Button>
          )}
          {!readOnly && (
            <Popconfirm
              title="从这条记录移除这个附件？"
              description="文件仍保存在数据文件夹中，操作记录里可以查到"
              okText="移除"
              cancelText="取消"
              onConfirm={() => remove(a.path)}
            >
              <Button size="small" type="link" danger aria-label={`移除附件：${a.name}`}>
                移除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ))}
      {!readOnly && (
        <>
          <Button size="small" icon={<PlusOutlined />} loading={busy} onClick={add} aria-label={`添加附件${suffix}`}>
            添加附件
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={`选择附件文件${suffix}`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              void added(() => uploadAttachment(target, file));
            }}
          />
        </>
      )}
    </Space>
  );
}
