import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileOutput } from '../core/contract/common';
import type { Envelope } from '../core/contract';
import { folderKey, type SaveFolders } from './save-folders';
import type { SavedFiles } from './saved-files';

/**
 * What happens to a handler's file once the user has answered the save dialog. No 'electron'
 * here: main.ts shows the dialog and passes the answer in.
 *
 * The bytes never travel back to the renderer in Electron — the main process has written them —
 * so `base64` is emptied either way. `savedTo` tells the renderer what happened:
 *   - a path: the file was written there;
 *   - '' (empty string): the user cancelled the dialog, nothing was written;
 *   - absent: no dialog was involved (the browser preview downloads the bytes itself).
 */

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.xlsx': { name: 'Excel 工作簿', extensions: ['xlsx'] },
  '.csv': { name: 'CSV 文件', extensions: ['csv'] },
  '.docx': { name: 'Word 文档', extensions: ['docx'] },
  '.pdf': { name: 'PDF 文件', extensions: ['pdf'] },
  '.zip': { name: '压缩包', extensions: ['zip'] },
  '.sqlite': { name: '议事厅数据文件', extensions: ['sqlite'] },
  '.json': { name: '议事厅报送包', extensions: ['json'] },
};

/** Save-dialog filters for a suggested name: its own type first, then "all files". */
export function saveFilters(fileName: string): { name: string; extensions: string[] }[] {
  const own = FILTERS[path.extname(fileName).toLowerCase()];
  const all = { name: '所有文件', extensions: ['*'] };
  return own ? [own, all] : [all];
}

/** Strips what a suggested name must not carry into a path (folders, reserved characters). */
export function safeFileName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/'));
  const cleaned = base.replace(/[<>:"/\\|?*\u0000-\u001F]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.length > 0 ? cleaned.slice(0, 200) : '议事厅导出文件';
}

export function isFileOutput(value: unknown): value is FileOutput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.fileName === 'string' && typeof v.mimeType === 'string' && typeof v.base64 === 'string';
}

export function cancelledFileOutput(value: FileOutput): FileOutput {
  return { ...value, base64: '', savedTo: '' };
}

/** Writes the bytes to the chosen path; failures come back as an envelope a person can act on. */
export async function writeFileOutput(value: FileOutput, target: string): Promise<Envelope<FileOutput>> {
  try {
    await fs.writeFile(target, Buffer.from(value.base64, 'base64'));
    return { ok: true, value: { ...value, base64: '', savedTo: target } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const hint =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? '文件可能正在被 Word、WPS 或 Excel 打开，或该文件夹不允许写入。请关闭该文件或换一个位置后再试。'
        : '请换一个位置后再试。';
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `无法保存文件到 ${target}（${(err as Error).message}）。${hint}` },
    };
  }
}

/** Shows the save dialog: where it opens, and the filters; the chosen path, or null if cancelled. */
export type AskWhereToSave = (defaultPath: string, filters: { name: string; extensions: string[] }[]) => Promise<string | null>;

/**
 * A produced file's way to disk: the dialog opens where the last file of its kind went (else
 * Documents), the bytes are written to the chosen path, and that path joins the files this
 * session may open and becomes the kind's folder for next time.
 */
export async function saveProduced(value: FileOutput, ask: AskWhereToSave, folders: SaveFolders, saved: SavedFiles): Promise<Envelope<FileOutput>> {
  const fileName = safeFileName(value.fileName);
  const key = folderKey(value);
  const target = await ask(folders.defaultPath(key, fileName), saveFilters(fileName));
  if (!target) return { ok: true, value: cancelledFileOutput(value) };
  const written = await writeFileOutput(value, target);
  if (written.ok) {
    saved.add(target);
    folders.remember(key, target);
  }
  return written;
}
