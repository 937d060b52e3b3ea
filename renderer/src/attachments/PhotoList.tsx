import { useEffect, useRef, useState } from 'react';
import { App, Button, Popconfirm, Space, Spin, Typography } from 'antd';
import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import type { AttachmentEntry, AttachmentTarget } from '../../../core/contract/attachments';
import { call } from '../api/client';
import { useCall } from '../api/queries';
import { useReportError } from '../app/useReportError';
import { desktopFiles, openAttachment, pickAttachmentOnDesktop, uploadAttachment } from './files';

/** The picture of a stored photo, from its bytes (attachments.get) as a blob: URL the page's CSP allows. */
function Thumbnail({ entry, label }: { entry: AttachmentEntry; label: string }) {
  const { data, error } = useCall('attachments.get', { path: entry.path });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!data) return;
    const bytes = Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: data.mimeType }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [data]);
  const box = {
    width: 120,
    height: 90,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: '#fafafa',
    border: '1px solid #d9d9d9',
    borderRadius: 4,
  };
  if (error) {
    return (
      <div style={box} title={error}>
        <Typography.Text type="danger" style={{ fontSize: 12, padding: 4 }}>
          照片文件找不到
        </Typography.Text>
      </div>
    );
  }
  if (!url) {
    return (
      <div style={box}>
        <Spin size="small" />
      </div>
    );
  }
  return <img src={url} alt={`${label}：${entry.name}`} style={{ ...box, objectFit: 'cover', display: 'block' }} />;
}

interface Props {
  target: AttachmentTarget;
  photos: AttachmentEntry[];
  /** 张贴照片 or 撤下照片: in the button, the pictures' names and the messages. */
  label: string;
  /** Why photos cannot be added now (shown instead of the button); null when they can. */
  disabledReason?: string | null;
  onChanged(): void;
}

/**
 * A row of photo thumbnails, each with 打开 and 移除, and 上传…照片 (JPG, PNG, GIF or WebP; the
 * server checks the bytes too). The files stay in the data folder when removed from the record.
 */
export function PhotoList({ target, photos, label, disabledReason, onChanged }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function added(run: () => Promise<string[] | null>) {
    setBusy(true);
    try {
      if (!(await run())) return;
      onChanged();
      message.success(`${label}已上传`);
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(path: string) {
    try {
      await call('attachments.remove', { target, path });
      onChanged();
      message.success(`已移除${label}（文件仍保存在数据文件夹中）`);
    } catch (e) {
      reportError(e);
    }
  }

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {photos.length === 0 && (
        <Typography.Text type="secondary">
          <PictureOutlined aria-hidden /> 还没有{label}
        </Typography.Text>
      )}
      <Space size={12} wrap align="start">
        {photos.map((p) => (
          <Space key={p.path} orientation="vertical" size={2} align="center">
            <Thumbnail entry={p} label={label} />
            <Typography.Text ellipsis style={{ maxWidth: 120, fontSize: 12 }} title={p.name}>
              {p.name}
            </Typography.Text>
            <Space size={0}>
              <Button size="small" type="link" onClick={() => void openAttachment(p.path).catch(reportError)} aria-label={`打开${label}：${p.name}`}>
                打开
              </Button>
              <Popconfirm
                title={`从这条公示移除这张${label}？`}
                description="文件仍保存在数据文件夹中，操作记录里可以查到"
                okText="移除"
                cancelText="取消"
                onConfirm={() => remove(p.path)}
              >
                <Button size="small" type="link" danger aria-label={`移除${label}：${p.name}`}>
                  移除
                </Button>
              </Popconfirm>
            </Space>
          </Space>
        ))}
      </Space>
      {disabledReason ? (
        <Typography.Text type="secondary">{disabledReason}</Typography.Text>
      ) : (
        <>
          <Button
            icon={<CameraOutlined />}
            loading={busy}
            onClick={() => (desktopFiles() ? void added(() => pickAttachmentOnDesktop(target)) : input.current?.click())}
          >
            上传{label}
          </Button>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/gif,image/webp"
            hidden
            aria-label={`选择${label}文件`}
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
