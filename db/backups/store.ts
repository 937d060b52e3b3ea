import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../core/clock';
import { BackupFileError, inspectDatabaseFile, type BackupContents } from './inspect';
import { backupFileName, parseBackupName } from './names';
import { backupsToKeep, newestFirst, REASON_LABELS, type BackupReason, type RetentionPolicy } from './retention';

/**
 * The backup folder: every copy is written under a temporary name, checked (opened, PRAGMA
 * integrity_check, our tables counted) and only then renamed to its final name. A copy that
 * fails the check is deleted and nothing is pruned.
 */

const PARTIAL = /\.partial$|^\.(?:incoming|restore)-[0-9a-f]+\.sqlite$/;

export function defaultBackupDir(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups');
}

/** The user's zone read straight from the file (before migrations the settings table may differ). */
export function zoneOf(sqlite: Database.Database): string {
  try {
    const row = sqlite.prepare("select value from settings where key = 'timeZone'").get() as { value: string } | undefined;
    const zone = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof zone === 'string' && isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

function freeName(dir: string, reason: BackupReason, timeZone: string, now: Date): string {
  for (let seq = 1; ; seq++) {
    const name = backupFileName(reason, timeZone, now, seq);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // A leftover we cannot remove now is removed at the next start.
    }
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks a fresh copy and gives it its final name; deletes it and throws when it is bad. */
function finish(temp: string, dir: string, reason: BackupReason, timeZone: string, now: Date, nativeBinding?: string): TakenBackup {
  let contents: BackupContents;
  try {
    contents = inspectDatabaseFile(temp, { normalize: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  return { path: nameCheckedCopy(temp, dir, reason, timeZone, now), contents };
}

/**
 * Gives a copy that has passed inspectDatabaseFile (here or in a worker thread) its final name,
 * after it is on disk: only a checked, complete copy ever carries a backup's name.
 */
export function nameCheckedCopy(temp: string, dir: string, reason: BackupReason, timeZone: string, now: Date): string {
  try {
    fsyncFile(temp);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  const final = path.join(dir, freeName(dir, reason, timeZone, now));
  fs.renameSync(temp, final);
  return final;
}

/** A copy that failed its check, or was stopped half-way: removed with its journals. */
export function discardCopy(temp: string): void {
  removeQuietly(temp);
}

export interface TakenBackup {
  path: string;
  contents: BackupContents;
}

export interface TakeOptions {
  timeZone: string;
  now?: Date;
  nativeBinding?: string;
}

/**
 * A checked copy with VACUUM INTO: synchronous, so only at start, before a migration and on
 * close, when no window waits on it. Not in query_only mode (VACUUM INTO counts as a write).
 */
export function takeBackupSync(sqlite: Database.Database, dir: string, reason: BackupReason, options: TakeOptions): TakenBackup {
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${randomBytes(6).toString('hex')}.sqlite.partial`);
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  return finish(temp, dir, reason, options.timeZone, options.now ?? new Date(), options.nativeBinding);
}

/**
 * The same with SQLite's online backup API, page by page between turns of the event loop: the
 * window keeps drawing (and shows its spinner) while a large file is copied. Works under a
 * read-only (query_only) connection.
 */
export async function takeBackupAsync(sqlite: Database.Database, dir: string, reason: BackupReason, options: TakeOptions): Promise<TakenBackup> {
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${randomBytes(6).toString('hex')}.sqlite.partial`);
  try {
    await sqlite.backup(temp);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  return finish(temp, dir, reason, options.timeZone, options.now ?? new Date(), options.nativeBinding);
}

/** Pages copied per turn of the event loop: 64 pages (256 KB) keep each turn to a few milliseconds on a slow disk. */
const PAGES_PER_STEP = 64;
/** About every 16 MB copied. */
const FLUSH_EVERY_STEPS = 64;

/**
 * An unchecked copy under a temporary name, made with the online backup API in steps between
 * turns of the event loop; `signal` stops it between two steps (the partial file is removed).
 * The caller checks it (inspectDatabaseFile, in a worker thread) before nameCheckedCopy.
 */
export async function copyOnline(sqlite: Database.Database, dir: string, signal?: AbortSignal): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${randomBytes(6).toString('hex')}.sqlite.partial`);
  // The copy's last step commits it with an fsync on this thread: flushed as it grows, on
  // libuv's threads, that last fsync finds little left to write and the window does not stall.
  let flushing: Promise<void> | null = null;
  let steps = 0;
  const flushSoFar = () => {
    flushing ??= fs.promises
      .open(temp, 'r+')
      .then(async (handle) => {
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
      })
      .catch(() => {})
      .finally(() => (flushing = null));
  };
  try {
    await sqlite.backup(temp, {
      progress: () => {
        if (signal?.aborted) throw new Error('backup stopped');
        if (++steps % FLUSH_EVERY_STEPS === 0) flushSoFar();
        return PAGES_PER_STEP;
      },
    });
    if (signal?.aborted) throw new Error('backup stopped');
  } catch (err) {
    await flushing;
    removeQuietly(temp);
    throw err;
  }
  await flushing;
  return temp;
}

/** Half-written copies and journals of backups left by a crash or power cut. */
export function cleanStaleFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const f of fs.readdirSync(dir)) {
    const base = f.replace(/-(journal|wal|shm)$/, '');
    const stale = PARTIAL.test(base) || (base !== f && base.endsWith('.sqlite'));
    if (!stale) continue;
    removeQuietly(path.join(dir, f));
    removed.push(f);
  }
  return removed;
}

/** Removes the rotating backups the retention rules no longer keep. Call only after a good copy. */
export function pruneBackups(dir: string, timeZone: string, policy?: RetentionPolicy): string[] {
  if (!fs.existsSync(dir)) return [];
  const generations = fs
    .readdirSync(dir)
    .map((f) => parseBackupName(f, timeZone))
    .filter((g) => g !== null);
  const keep = backupsToKeep(generations, policy);
  const removed: string[] = [];
  for (const g of generations) {
    if (keep.has(g.name)) continue;
    fs.rmSync(path.join(dir, g.name), { force: true });
    removed.push(g.name);
  }
  return removed;
}

export interface ListedBackup {
  name: string;
  takenAt: string;
  reason: string;
  size: number;
  contents: BackupContents | null;
  problem: string | null;
}

/**
 * What each backup holds, by path, size and modification time: a backup never changes once
 * renamed into place, so each file is checked (PRAGMA integrity_check) once per run, not every
 * time 设置 opens.
 */
const inspected = new Map<string, { size: number; mtimeMs: number; contents: BackupContents | null; problem: string | null }>();

/** Every backup in the folder, newest first, with what each holds (read from the file, read-only). */
export function listBackups(dir: string, timeZone: string, nativeBinding?: string): ListedBackup[] {
  if (!fs.existsSync(dir)) return [];
  const generations = fs
    .readdirSync(dir)
    .map((f) => parseBackupName(f, timeZone))
    .filter((g) => g !== null)
    .sort(newestFirst);
  return generations.map((g) => {
    const file = path.join(dir, g.name);
    const { size, mtimeMs } = fs.statSync(file);
    const known = inspected.get(file);
    let contents: BackupContents | null = null;
    let problem: string | null = null;
    if (known && known.size === size && known.mtimeMs === mtimeMs) {
      ({ contents, problem } = known);
    } else {
      try {
        contents = inspectDatabaseFile(file, nativeBinding ? { nativeBinding } : {});
      } catch (err) {
        problem = err instanceof BackupFileError ? err.message : '无法读取这个备份';
      }
      inspected.set(file, { size, mtimeMs, contents, problem });
    }
    return { name: g.name, takenAt: g.local, reason: REASON_LABELS[g.reason], size, contents, problem };
  });
}

/** A listed backup's path, only for a name that is one of ours and lies in the folder. */
export function listedBackupPath(dir: string, name: string, timeZone: string): string | null {
  if (path.basename(name) !== name || !parseBackupName(name, timeZone)) return null;
  const file = path.join(dir, name);
  return fs.existsSync(file) ? file : null;
}

/** Writes uploaded bytes next to the backups and checks them; the caller deletes the file when done. */
export function stageFile(dir: string, bytes: Buffer, kind: 'incoming' | 'restore'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `.${kind}-${randomBytes(6).toString('hex')}.sqlite`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A private copy of a listed backup for a restore, so the listed file itself is never touched. */
export function stageCopy(dir: string, source: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `.restore-${randomBytes(6).toString('hex')}.sqlite`);
  fs.copyFileSync(source, file);
  return file;
}

export function discardStaged(file: string): void {
  removeQuietly(file);
}
