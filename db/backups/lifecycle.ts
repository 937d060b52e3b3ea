import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DatabaseOpenError } from '../errors';
import { inspectDatabaseFile } from './inspect';
import { cleanStaleFiles, pruneBackups, takeBackupSync, zoneOf } from './store';

/**
 * Newest existing backup, for messages: "最近的备份在 …". Chosen by modification time so older
 * naming schemes count too.
 */
export function newestBackup(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite') && !f.startsWith('.'))
    .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  return files[0] ? path.join(dir, files[0].f) : null;
}

/** What a damaged file is told as, wherever it is found: at the open or by the check in the background. */
export function damageMessage(file: string, problems: string[], dir: string | undefined): { message: string; newest: string | null } {
  const newest = dir ? newestBackup(dir) : null;
  return {
    newest,
    message:
      `数据文件 ${file} 检查发现损坏（${problems.slice(0, 3).join('；')}）。` +
      (dir ? '没有用它覆盖任何备份，也没有清理旧备份。' : '') +
      (newest ? `最近的完好备份在 ${newest}，` : '') +
      '请联系技术人员从备份恢复；文件没有被改动。',
  };
}

/**
 * The check at open: `quick_check` at a plain start (the full check runs in the background,
 * db/maintenance), `integrity_check` before an upgrade and where the caller opens synchronously.
 * A damaged file is refused before anything is copied or written.
 */
export function refuseDamaged(sqlite: Database.Database, file: string, dir: string | undefined, pragma: 'quick_check' | 'integrity_check'): void {
  const rows = (sqlite.pragma(pragma) as Record<string, string>[]).map((r) => String(Object.values(r)[0]));
  if (rows.length === 1 && rows[0] === 'ok') return;
  const { message, newest } = damageMessage(file, rows, dir);
  throw new DatabaseOpenError('DB_CORRUPT', message, file, newest);
}

/** Leftovers of a crash: half-written backups, and a restore cut short beside the database. */
export function prepareBackupDir(file: string, dir: string): void {
  cleanStaleFiles(dir);
  fs.rmSync(`${file}.restoring`, { force: true });
}

/**
 * The synchronous checked copy (VACUUM INTO) taken before an upgrade, or at a start opened
 * synchronously; the caller has checked the file first (refuseDamaged), so a damaged file never
 * produces a backup and never causes pruning. A failed copy at a plain start is reported and the
 * app still opens (nothing pruned); before an upgrade it stops the start.
 */
export function startupBackup(sqlite: Database.Database, file: string, dir: string, beforeMigrate: boolean, nativeBinding?: string): string | null {
  const timeZone = zoneOf(sqlite);
  try {
    const taken = takeBackupSync(sqlite, dir, beforeMigrate ? 'before-migrate' : 'startup', { timeZone, ...(nativeBinding ? { nativeBinding } : {}) });
    return taken.path;
  } catch (err) {
    if (beforeMigrate) {
      throw new DatabaseOpenError(
        'DB_MIGRATION_FAILED',
        `升级前无法备份数据文件 ${file}（${(err as Error).message}）。没有升级，文件没有被改动；请检查磁盘空间后重新打开议事厅。`,
        file,
        newestBackup(dir),
      );
    }
    console.warn(`[议事厅] 启动备份没有完成，旧备份全部保留：${(err as Error).name}`);
    return null;
  }
}

/**
 * Pruning at start waits until the file has opened (migrated, checked): a start that fails
 * removes nothing. Only when `backupPath` (this start's checked copy) exists.
 */
export function pruneAfterOpen(sqlite: Database.Database, dir: string, backupPath: string | null): void {
  if (!backupPath) return;
  try {
    pruneBackups(dir, zoneOf(sqlite));
  } catch (err) {
    console.warn(`[议事厅] 清理旧备份没有完成：${(err as Error).name}`);
  }
}

/** A copy when the app closes (desktop quit, web host shutdown). Never stops the close. */
export function closeBackup(sqlite: Database.Database, dir: string, nativeBinding?: string): string | null {
  try {
    if (!sqlite.open) return null;
    const integrity = sqlite.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') return null;
    const timeZone = zoneOf(sqlite);
    const taken = takeBackupSync(sqlite, dir, 'close', { timeZone, ...(nativeBinding ? { nativeBinding } : {}) });
    pruneBackups(dir, timeZone);
    return taken.path;
  } catch (err) {
    console.warn(`[议事厅] 关闭时的备份没有完成：${(err as Error).name}`);
    return null;
  }
}

/**
 * Puts a checked file in place of the database. The caller has already taken the
 * 恢复前 backup of the current file and closed its connection. Writes the new file under a
 * temporary name beside the database, checks it again, then renames it over the old one, so a
 * failure at any step leaves the current file as it was.
 */
export function replaceDatabaseFile(file: string, staged: string, nativeBinding?: string): void {
  const temp = `${file}.restoring`;
  fs.copyFileSync(staged, temp);
  try {
    inspectDatabaseFile(temp, { normalize: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const fd = fs.openSync(temp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    throw err;
  }
  // The old connection is closed (its WAL checkpointed); stale -wal/-shm would be applied to the
  // new file, so they go first.
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
  fs.renameSync(temp, file);
}
