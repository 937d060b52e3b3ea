import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Envelope } from '../core/contract';

/**
 * "打开文件" and "打开所在文件夹" after an export. The page may only name a file the main
 * process itself wrote in this session, to a place the user chose in the save dialog: a
 * compromised or buggy page cannot use the channel to open anything else on the computer.
 * No 'electron' here: main.ts passes the checked path to shell.openPath / showItemInFolder.
 */

const MAX_PATH = 4096;

/** What the page sends on the saved-file channel; anything else is refused before a lookup. */
export const savedFileRequest = z
  .object({
    action: z.enum(['open', 'folder'], { error: '不认识的文件操作' }),
    path: z
      .string({ error: '文件位置应为文字' })
      .min(1, { error: '没有给出文件位置' })
      .max(MAX_PATH, { error: '文件位置太长' })
      .refine((s) => !s.includes('\u0000'), { error: '文件位置无效' }),
  })
  .strict();
export type SavedFileRequest = z.infer<typeof savedFileRequest>;

/**
 * Only documents are handed to the desktop's default program: should a file somehow have been
 * saved under another extension, the user can still see it in its folder, but the app will not
 * run it.
 */
const OPENABLE = new Set(['.docx', '.xlsx', '.csv', '.pdf']);

export type SavedFileCheck =
  { ok: true; action: SavedFileRequest['action']; path: string } | { ok: false; error: { code: 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_INPUT'; message: string } };

/** The files this session saved, by their full path. */
export class SavedFiles {
  private readonly saved = new Map<string, string>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  private get paths(): path.PlatformPath {
    return this.platform === 'win32' ? path.win32 : path.posix;
  }

  /** The lookup key: normalized, and on Windows without regard to case. Null for relative paths. */
  private key(file: string): string | null {
    if (!this.paths.isAbsolute(file)) return null;
    const normalized = this.paths.resolve(file);
    return this.platform === 'win32' ? normalized.toLowerCase() : normalized;
  }

  /** Called by the main process after it wrote `file`. */
  add(file: string): void {
    const key = this.key(file);
    if (key !== null) this.saved.set(key, this.paths.resolve(file));
  }

  has(file: string): boolean {
    const key = this.key(file);
    return key !== null && this.saved.has(key);
  }

  /**
   * Checks a request from the page: valid input, a file this session saved, still a plain file
   * where it was written (not moved, deleted, or swapped for a link). Returns the path as the
   * main process stored it, never the page's spelling of it.
   */
  check(input: unknown): SavedFileCheck {
    const parsed = savedFileRequest.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? '文件操作的参数有误' } };
    }
    const key = this.key(parsed.data.path);
    const stored = key === null ? undefined : this.saved.get(key);
    if (stored === undefined) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '只能打开议事厅这次运行中保存的文件。请重新导出，或到文件夹里自己打开它。' } };
    }
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(stored);
    } catch {
      return { ok: false, error: { code: 'NOT_FOUND', message: `找不到 ${stored}：文件可能已被移动、改名或删除。请重新导出。` } };
    }
    if (!stat.isFile()) {
      return { ok: false, error: { code: 'FORBIDDEN', message: `${stored} 已不是议事厅保存的那个文件，不能打开。请重新导出。` } };
    }
    if (parsed.data.action === 'open' && !OPENABLE.has(this.paths.extname(stored).toLowerCase())) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: `${this.paths.basename(stored)} 不是 Word、Excel 或 PDF 文件，议事厅不直接打开它。请点“打开所在文件夹”。` },
      };
    }
    return { ok: true, action: parsed.data.action, path: stored };
  }
}

/** shell.openPath answers '' on success or an error text; this makes either an envelope. */
export function openResult(file: string, error: string): Envelope<null> {
  if (!error) return { ok: true, value: null };
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `无法打开 ${file}（${error}）。请确认电脑上装有 WPS 或 Word 等能打开它的软件，或到文件夹里双击打开。` },
  };
}
