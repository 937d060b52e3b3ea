import { useState } from 'react';
import { App } from 'antd';
import type { FileOutput } from '../../../core/contract/common';
import { saveFile } from '../api/client';
import { useReportError } from '../app/useReportError';

/** Runs a Word export and says where the file went; `busy` holds the key of the running one. */
export function useExport() {
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, label: string, produce: () => Promise<FileOutput>) {
    setBusy(key);
    try {
      const result = saveFile(await produce());
      if (result.status === 'saved') message.success(`${label}已保存：${result.path}`);
      else if (result.status === 'downloaded') message.success(`已下载“${result.fileName}”，请到浏览器的“下载”文件夹里找到它`);
      else message.info(`没有保存${label}`);
    } catch (e) {
      reportError(e, `${label}没有导出`);
    } finally {
      setBusy(null);
    }
  }

  return { busy, run };
}
