import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { newestBackupHead, type BackupHead } from './backups/head';
import { prepareBackupDir, pruneAfterOpen, refuseDamaged, startupBackup } from './backups/lifecycle';
import { startMaintenance, type Maintenance } from './maintenance/background';
import { zoneOf } from './backups/store';
import type { Db } from './client';
import { DatabaseOpenError } from './errors';
import { clockOf } from './clock';
import { ensureShippedMeetingTypes, SHIPPED_RULES_ACTOR } from './meeting-types';
import { writeNow } from './write';
import { checkIntegrityAtOpen, describeSqliteError, inspectBeforeOpen } from './integrity';
import * as schema from './schema';

export interface OpenOptions {
  migrationsFolder: string;
  /** Where backups go; without it no backup is taken (tests of a throwaway file). */
  backupDir?: string;
  /** Path to a better_sqlite3.node built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

export interface OpenResult {
  db: Db;
  schemaVersion: number;
  backupPath: string | null;
  migrated: number;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const file = path.join(migrationsFolder, 'meta', '_journal.json');
  if (!fs.existsSync(file)) throw new Error(`找不到数据库升级脚本：${file}`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

function appliedMigrations(sqlite: Database.Database): { count: number; lastWhen: number } {
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return { count: 0, lastWhen: 0 };
  const row = sqlite.prepare('select count(*) as count, max(created_at) as lastWhen from __drizzle_migrations').get() as {
    count: number;
    lastWhen: number | null;
  };
  return { count: row.count, lastWhen: Number(row.lastWhen ?? 0) };
}

type CheckLevel = 'background' | 'full';

/**
 * The part of opening that must come before the first answer: pragmas, the check, the upgrade
 * (after a mandatory checked backup), the guards and the audit trail against its anchors.
 * `full` runs PRAGMA integrity_check here; `background` leaves the checks of a plain start to the
 * background (db/maintenance: quick_check at once, the full check once a day) — both read the
 * whole file, 3 s a gigabyte. Before an upgrade the whole file is always checked here.
 */
function openChecked(file: string, options: OpenOptions, level: CheckLevel): OpenResult & { existed: boolean } {
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Another program's file, a file that is not a database, a read-only file or folder: refused untouched.
  inspectBeforeOpen(file, options.nativeBinding);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on a power cut, and a
    // committed sign-in or vote must survive one. Our writes are few and small, so the extra
    // fsync per commit costs nothing a person notices.
    sqlite.pragma('synchronous = FULL');
  } catch (err) {
    throw new DatabaseOpenError('DB_UNREADABLE', describeSqliteError(file, err), file, null);
  }

  let backupPath: string | null = null;
  let newestBackup: BackupHead | null = null;
  try {
    const journal = readJournal(options.migrationsFolder);
    const latest = journal.reduce((max, e) => Math.max(max, e.when), 0);
    const applied = appliedMigrations(sqlite);
    if (applied.lastWhen > latest || applied.count > journal.length) {
      throw new DatabaseOpenError(
        'DB_TOO_NEW',
        `数据文件 ${file} 由更新版本的议事厅写入，本版本无法安全打开。请安装最新版本的议事厅后再打开；文件没有被改动。`,
        file,
        null,
      );
    }
    const pending = journal.filter((e) => e.when > applied.lastWhen).length;
    if (existed && (level === 'full' || pending > 0)) {
      // A damaged file is refused before anything is copied or written, so the good backups stay.
      // Before an upgrade the whole file is checked: the upgrade rewrites tables.
      refuseDamaged(sqlite, file, options.backupDir, 'integrity_check');
    }
    if (existed && options.backupDir) {
      prepareBackupDir(file, options.backupDir);
      // Read before this start adds its own copy: the trail is compared with what the last backup held.
      newestBackup = newestBackupHead(options.backupDir, zoneOf(sqlite), options.nativeBinding);
      // Before an upgrade the checked copy stays synchronous and mandatory.
      if (pending > 0) backupPath = startupBackup(sqlite, file, options.backupDir, true, options.nativeBinding);
    }

    const orm = drizzle(sqlite, { schema });
    if (pending > 0) {
      // drizzle-kit's table rebuilds start with PRAGMA foreign_keys=OFF, which is ignored inside
      // the migrator's transaction; with keys on, ON DELETE CASCADE would wipe child rows. So
      // keys go off around migrate() and the result is checked before they go back on.
      sqlite.pragma('foreign_keys = OFF');
      try {
        migrate(orm, { migrationsFolder: options.migrationsFolder });
      } catch (err) {
        throw new DatabaseOpenError(
          'DB_MIGRATION_FAILED',
          `升级数据文件 ${file} 失败：${(err as Error).message}。` + (backupPath ? `升级前的备份在 ${backupPath}。` : '') + '文件没有被删除，请联系技术人员。',
          file,
          backupPath,
        );
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new DatabaseOpenError(
          'DB_MIGRATION_FAILED',
          `升级数据文件 ${file} 后发现 ${violations.length} 处关联数据不一致。` + (backupPath ? `升级前的备份在 ${backupPath}。` : '') + '请联系技术人员。',
          file,
          backupPath,
        );
      }
      // What the upgrade wrote is checked like the file was before it.
      const integrity = (sqlite.pragma(level === 'full' ? 'integrity_check' : 'quick_check') as Record<string, string>[]).map((r) =>
        String(Object.values(r)[0]),
      );
      if (integrity.length !== 1 || integrity[0] !== 'ok') {
        throw new DatabaseOpenError(
          'DB_CORRUPT',
          `数据文件 ${file} 升级后检查发现损坏（${integrity.slice(0, 3).join('；')}）。` +
            (backupPath ? `升级前的备份在 ${backupPath}。` : '') +
            '请联系技术人员从备份恢复。',
          file,
          backupPath,
        );
      }
    }
    sqlite.pragma('foreign_keys = ON');

    const db: Db = { sqlite, orm, file };
    writeNow(db, SHIPPED_RULES_ACTOR, clockOf(db), ensureShippedMeetingTypes);
    // Application id, lock triggers present as shipped (else writes are refused), audit trail against its anchors.
    checkIntegrityAtOpen(db, { ...options, newestBackup });
    return { db, schemaVersion: appliedMigrations(sqlite).count, backupPath, migrated: pending, existed };
  } catch (err) {
    sqlite.close();
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError('DB_UNREADABLE', describeSqliteError(file, err) + (backupPath ? `备份在 ${backupPath}。` : ''), file, backupPath);
  }
}

/**
 * Opens (or creates) the database synchronously, the whole sequence at once: the full integrity
 * check, migrations (after a checked backup), the guards and the trail, then this start's checked
 * backup and pruning. Never deletes or overwrites the user's file. Throws DatabaseOpenError with a
 * Chinese message naming the file and the backup. The app itself opens with startDatabase.
 */
export function openDatabase(file: string, options: OpenOptions): OpenResult {
  const { existed, ...opened } = openChecked(file, options, 'full');
  if (options.backupDir) {
    let backupPath = opened.backupPath;
    if (existed && opened.migrated === 0) backupPath = startupBackup(opened.db.sqlite, file, options.backupDir, false, options.nativeBinding);
    pruneAfterOpen(opened.db.sqlite, options.backupDir, backupPath);
    return { ...opened, backupPath };
  }
  return opened;
}

export interface StartOptions extends OpenOptions {
  now?: () => Date;
  /** Wait before the background work starts, so the window's first reads go first. */
  backgroundDelayMs?: number;
}

export interface StartedDatabase extends OpenResult {
  /** The full check and this start's backup, running after the open returned. */
  maintenance: Maintenance;
}

/**
 * Opens the database for the app: only what must come before the first answer (an upgrade with
 * its full check and mandatory checked backup, the guards and the trail), then hands back the
 * database while the quick check (writes wait for it: maintenance.checked), the full check (once
 * a day) and the startup backup run in the background.
 */
export function startDatabase(file: string, options: StartOptions): StartedDatabase {
  const { existed, ...opened } = openChecked(file, options, 'background');
  if (options.backupDir && opened.backupPath) pruneAfterOpen(opened.db.sqlite, options.backupDir, opened.backupPath);
  const maintenance = startMaintenance(opened.db, {
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.backgroundDelayMs !== undefined ? { delayMs: options.backgroundDelayMs } : {}),
    backup: existed && opened.migrated === 0,
    // A new file has nothing to check; an upgraded one was checked whole before the upgrade.
    quickCheck: existed && opened.migrated === 0,
    fullCheckDone: existed && opened.migrated > 0,
  });
  return { ...opened, maintenance };
}
