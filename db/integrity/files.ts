import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError } from '../errors';

/** PRAGMA application_id of every 议事厅 database ("YSHT"): set on create and on the first open by this version. */
export const APPLICATION_ID = 0x59534854;

const SQLITE_MAGIC = 'SQLite format 3\0';

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch {
    return false;
  }
  // Root passes access(); a file or folder marked read-only (no write bit, Windows' 只读) still counts as read-only.
  return (fs.statSync(target).mode & 0o222) !== 0;
}

function readOnlyMessage(file: string, what: 'file' | 'folder'): string {
  const dir = path.dirname(file);
  return what === 'file'
    ? `数据文件 ${file} 是只读的，议事厅无法在其中保存修改。请在文件的“属性”中取消“只读”，或请管理员给当前用户写入权限，然后重新打开议事厅；文件没有被改动。`
    : `数据文件所在的文件夹 ${dir} 不允许写入，议事厅无法在那里保存数据。请请管理员给当前用户写入权限，或把数据文件放到可以写入的文件夹（例如“文档”），然后重新打开议事厅；文件没有被改动。`;
}

function notOurs(file: string, why: string): DatabaseOpenError {
  return new DatabaseOpenError(
    'DB_NOT_OURS',
    `文件 ${file} 不是议事厅的数据文件（${why}），议事厅没有打开它，也没有改动它。请选择议事厅的数据文件（council-hall.sqlite）或从备份恢复。`,
    file,
    null,
  );
}

/**
 * Before SQLite writes anything (WAL files, migrations): a read-only file or folder is refused
 * with a message about permissions, another program's SQLite file or a file that is not a
 * database at all is refused untouched. Only the header and, where needed, the table names are
 * read (through a read-only connection).
 */
export function inspectBeforeOpen(file: string, nativeBinding?: string): void {
  const exists = fs.existsSync(file);
  const dir = path.dirname(file);
  if (fs.existsSync(dir) && !writable(dir)) throw new DatabaseOpenError('DB_READ_ONLY', readOnlyMessage(file, 'folder'), file, null);
  if (!exists || fs.statSync(file).size === 0) return;
  if (!writable(file)) throw new DatabaseOpenError('DB_READ_ONLY', readOnlyMessage(file, 'file'), file, null);

  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw notOurs(file, '它不是 SQLite 数据库文件');
  const appId = header.readUInt32BE(68);
  if (appId !== 0 && appId !== APPLICATION_ID) throw notOurs(file, `它属于另一个程序，程序标识为 0x${appId.toString(16).padStart(8, '0')}`);
  if (appId === APPLICATION_ID) return;

  // No application id yet: a file from an earlier version has our tables; another program's does not.
  let names: string[];
  const ro = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    names = (ro.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
  } catch (err) {
    throw new DatabaseOpenError('DB_UNREADABLE', describeSqliteError(file, err), file, null);
  } finally {
    ro.close();
  }
  const ours = names.includes('__drizzle_migrations') && names.includes('audit_log');
  const empty = names.filter((n) => !n.startsWith('sqlite_')).length === 0;
  if (!ours && !empty) throw notOurs(file, `其中的数据表（${names.slice(0, 3).join('、')}${names.length > 3 ? ' 等' : ''}）不是议事厅的`);
}

/** Marks the file as ours (new files and files from earlier versions). */
export function ensureApplicationId(sqlite: Database.Database): void {
  if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
}

/** SQLite's English never reaches the user alone: a Chinese sentence says what happened and what to do; the code stays for support. */
export function describeSqliteError(file: string, err: unknown): string {
  const code = String((err as { code?: unknown })?.code ?? '');
  const detail = `（技术信息：${code || (err as Error)?.name || 'Error'} ${String((err as Error)?.message ?? '')}）`;
  if (code === 'SQLITE_NOTADB') return `文件 ${file} 不是议事厅的数据文件，或已严重损坏；议事厅没有改动它。请选择正确的数据文件或从备份恢复。${detail}`;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH')
    return `没有写入数据文件 ${file} 的权限。请取消文件的“只读”属性或请管理员给当前用户写入权限，然后重新打开议事厅。${detail}`;
  if (code.startsWith('SQLITE_CANTOPEN'))
    return `无法打开数据文件 ${file}：文件或所在文件夹不存在、没有权限，或正被其他程序占用。请检查后重新打开议事厅；文件没有被改动。${detail}`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `数据文件 ${file} 正被另一个程序使用（可能已经打开了一个议事厅）。请关闭其他程序后重新打开；文件没有被改动。${detail}`;
  if (code.startsWith('SQLITE_CORRUPT')) return `数据文件 ${file} 已损坏，议事厅没有改动它。请从备份恢复，或联系技术人员。${detail}`;
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'))
    return `读写数据文件 ${file} 出错（磁盘已满或读写失败）。请腾出磁盘空间、检查 U 盘或硬盘后重新打开议事厅。${detail}`;
  return `无法打开数据文件 ${file}，文件没有被改动。请重新打开议事厅；若反复出现，请联系技术人员。${detail}`;
}
