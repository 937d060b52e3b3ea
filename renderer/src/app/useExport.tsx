import { useCallback, useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { FileWordOutlined, FolderOpenOutlined } from '@ant-design/icons';
import type { FileOutput } from '../../../core/contract/common';
import { canOpenSavedFiles, errorMessage, openSavedFile, saveFile, showSavedFile, type SaveResult } from '../api/client';
import { useReportError } from './useReportError';

/** One notice for the latest export: a new file replaces the last one's notice. */
const NOTICE_KEY = 'export-saved';

/** The path of a saved file, with 打开文件 / 打开所在文件夹 in the desktop app. */
function SavedPath({ path, onDone }: { path: string; onDone(): void }) {
  const reportError = useReportError();
  const [busy, setBusy] = useState<'open' | 'folder' | null>(null);
  const desktop = canOpenSavedFiles();

  async function act(which: 'open' | 'folder') {
    setBusy(which);
    try {
      await (which === 'open' ? openSavedFile(path) : showSavedFile(path));
      onDone();
    } catch (e) {
      reportError(e, which === 'open' ? '没有打开文件' : '没有打开所在文件夹');
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-notice">
      <Typography.Text copyable={{ text: path, tooltips: ['复制位置', '已复制'] }} className="export-notice-path">
        {path}
      </Typography.Text>
      {desktop && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button type="primary" size="small" icon={<FileWordOutlined />} loading={busy === 'open'} onClick={() => void act('open')}>
            打开文件
          </Button>
          <Button size="small" icon={<FolderOpenOutlined />} loading={busy === 'folder'} onClick={() => void act('folder')}>
            打开所在文件夹
          </Button>
        </Space>
      )}
    </div>
  );
}

/**
 * Says where an exported file went, and stays until closed (or the next export replaces it):
 * in the desktop app the path with 打开文件 and 打开所在文件夹; in the browser preview, which
 * downloads, where the download went; a cancelled save dialog only gets a short message.
 */
export function useSavedNotice() {
  const { message, notification } = App.useApp();
  return useCallback(
    (label: string, result: SaveResult, check?: FileOutput['check']) => {
      if (result.status === 'cancelled') {
        message.info(`没有保存${label}`);
        return;
      }
      const common = { key: NOTICE_KEY, duration: false as const, placement: 'bottomRight' as const, role: 'status' as const };
      // A finalized record's file says whether it is still the file approved (its sha256).
      const checked = check && (
        <Typography.Paragraph type={check.ok ? 'success' : 'danger'} style={{ marginTop: 8, marginBottom: 0 }}>
          {check.message}
        </Typography.Paragraph>
      );
      const show = check && !check.ok ? notification.warning : notification.success;
      if (result.status === 'downloaded') {
        show({
          ...common,
          title: `${label}已下载`,
          description: (
            <>
              {`已下载“${result.fileName}”，请到浏览器的“下载”文件夹里找到它。`}
              {checked}
            </>
          ),
        });
        return;
      }
      show({
        ...common,
        title: `${label}已保存`,
        description: (
          <>
            <SavedPath path={result.path} onDone={() => notification.destroy(NOTICE_KEY)} />
            {checked}
          </>
        ),
      });
    },
    [message, notification],
  );
}

export interface ExportOptions {
  /** What `isBusy` knows this export by; the label when not given. */
  key?: string;
  /** Shows a failure somewhere of the caller's (a dialog's inline alert) instead of a modal. */
  onError?(message: string): void;
}

/**
 * Runs one export: the call that produces the file, then saving (desktop: the main process has
 * already asked where) or downloading it, then the notice. `run` resolves to what happened to
 * the file, or null when it could not be produced.
 */
export function useExport() {
  const reportError = useReportError();
  const notify = useSavedNotice();
  const [running, setRunning] = useState<ReadonlySet<string>>(() => new Set());

  const mark = useCallback((key: string, on: boolean) => {
    setRunning((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  async function run(label: string, produce: () => Promise<FileOutput>, options: ExportOptions = {}): Promise<SaveResult | null> {
    const key = options.key ?? label;
    mark(key, true);
    try {
      const out = await produce();
      const result = saveFile(out);
      notify(label, result, out.check);
      return result;
    } catch (e) {
      if (options.onError) options.onError(errorMessage(e));
      else reportError(e, `${label}没有导出`);
      return null;
    } finally {
      mark(key, false);
    }
  }

  return { isBusy: (key: string) => running.has(key), run };
}
