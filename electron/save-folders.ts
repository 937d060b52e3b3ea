import fs from 'node:fs';
import path from 'node:path';
import { fileKinds, type FileOutput } from '../core/contract/common';

/**
 * Where the save dialog opens, per kind of document: the folder the last 签到表 was saved in
 * for the next 签到表, the last 会议记录's folder for the next 会议记录, and the Documents folder
 * for a kind never saved before. Kept in `<userData>/save-folders.json`, next to the window
 * state. No 'electron' here: main.ts passes the file's place and the fallback folder in.
 *
 * Like the window state, a hand-edited, truncated or foreign file must never stop an export:
 * anything doubtful is ignored, and a remembered folder that no longer exists falls back.
 */

export const SAVE_FOLDERS_FILE = 'save-folders.json';

const KINDS: ReadonlySet<string> = new Set(fileKinds);
// A file with no known kind is remembered by its extension (".xlsx"), never by a free-form name.
const EXTENSION_KEY = /^\.[a-z0-9]{1,8}$/;
const MAX_PATH = 4096;
const MAX_FILE = 100_000;

/**
 * The key a file is remembered under: its declared kind, else the kind its suggested name ends
 * with ("2026年11月25日 居民代表会议 签到表.docx" → 签到表), else its extension.
 */
export function folderKey(output: Pick<FileOutput, 'fileName' | 'kind'>): string {
  if (output.kind && KINDS.has(output.kind)) return output.kind;
  const ext = path.extname(output.fileName).toLowerCase();
  const stem = path.basename(output.fileName, path.extname(output.fileName));
  const named = fileKinds.filter((k) => stem.endsWith(k)).sort((a, b) => b.length - a.length)[0];
  if (named) return named;
  return EXTENSION_KEY.test(ext) ? ext : '其他';
}

function isKey(key: string): boolean {
  return KINDS.has(key) || EXTENSION_KEY.test(key) || key === '其他';
}

/** The file's text as kind → folder; unknown keys, relative or overlong paths are dropped. */
export function parseSaveFolders(text: string | null | undefined): Record<string, string> {
  const folders: Record<string, string> = {};
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_FILE) return folders;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return folders;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return folders;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (isKey(key) && typeof value === 'string' && value.length <= MAX_PATH && !value.includes('\u0000') && path.isAbsolute(value)) {
      folders[key] = value;
    }
  }
  return folders;
}

export function serializeSaveFolders(folders: Record<string, string>): string {
  return JSON.stringify(folders, null, 2);
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

export class SaveFolders {
  /**
   * `file`: the JSON file. `fallback`: the folder for a kind never saved (Documents), or null
   * when the system has none — the dialog then opens in its own default with just the name.
   */
  constructor(
    private readonly file: string,
    private readonly fallback: () => string | null,
  ) {}

  private read(): Record<string, string> {
    try {
      return parseSaveFolders(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return {};
    }
  }

  /** The folder the dialog should open in for this kind, if any. */
  folderFor(key: string): string | null {
    const remembered = this.read()[key];
    if (remembered && isDirectory(remembered)) return remembered;
    const fallback = this.fallback();
    return fallback && isDirectory(fallback) ? fallback : null;
  }

  /** The save dialog's defaultPath: the suggested name in the remembered folder. */
  defaultPath(key: string, fileName: string): string {
    const folder = this.folderFor(key);
    return folder ? path.join(folder, fileName) : fileName;
  }

  /** After a save: the next file of this kind starts in the same folder. Never throws. */
  remember(key: string, savedPath: string): void {
    if (!isKey(key) || !path.isAbsolute(savedPath)) return;
    try {
      const folders = this.read();
      folders[key] = path.dirname(path.resolve(savedPath));
      const tmp = `${this.file}.tmp`;
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, serializeSaveFolders(folders));
      // Rename so a crash mid-write leaves the old file, not half a file.
      fs.renameSync(tmp, this.file);
    } catch (err) {
      // Forgetting a folder is harmless; it must not turn a saved file into an error.
      console.warn('[议事厅] 无法记住保存位置:', (err as Error).message);
    }
  }
}
