import fs from 'node:fs';
import Database from 'better-sqlite3';

/** What a backup holds, read from the file itself. */
export interface BackupContents {
  people: number;
  meetings: number;
  lastFinalized: { title: string; date: string } | null;
  /** Migrations applied: a file written by a newer version has more than this one knows. */
  schemaVersion: number;
  /** The newest audit entry: when the data in the file last changed (UTC instant). */
  lastChange: string | null;
  /** Entries in its audit trail: at start the current trail is checked against the newest backup's. */
  auditEntries: number;
}

/** A file that cannot be used as a backup, with a Chinese reason that says what to do. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

const REQUIRED_TABLES = ['organizations', 'people', 'meetings', 'audit_log', 'settings', '__drizzle_migrations'];
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

export interface InspectOptions {
  /** Open read-write to switch the file out of WAL mode first (only for our own fresh copies). */
  normalize?: boolean;
  nativeBinding?: string;
  /** Migrations this version knows: a file with more was written by a newer version. */
  maxSchemaVersion?: number;
}

/**
 * Checks a file is a whole 议事厅 database — SQLite header, PRAGMA integrity_check, our tables,
 * not from a newer version — and counts what it holds. Opens it read-only unless `normalize`.
 * Throws BackupFileError; never changes a file it was not asked to normalize.
 */
export function inspectDatabaseFile(file: string, options: InspectOptions = {}): BackupContents {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(16);
      fs.readSync(fd, header, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new BackupFileError('读不到这个文件，请确认文件还在、U 盘已插好，再试一次');
  }
  if (!header.equals(SQLITE_HEADER)) throw new BackupFileError('这不是议事厅的数据文件（也不是 SQLite 数据库），请选择以 .sqlite 结尾的议事厅备份');
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: !options.normalize,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch {
    throw new BackupFileError('无法打开这个文件，它可能已损坏；请换一个备份');
  }
  try {
    if (options.normalize) db.pragma('journal_mode = DELETE');
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch {
      throw new BackupFileError('这个文件已损坏，不能使用；请换一个备份');
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new BackupFileError('这个文件检查发现损坏，不能使用；请换一个备份');
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!REQUIRED_TABLES.every((t) => tables.has(t))) {
      throw new BackupFileError('这个文件不是议事厅的数据文件（缺少议事厅的数据表），请选择议事厅的备份');
    }
    const schemaVersion = (db.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    if (options.maxSchemaVersion !== undefined && schemaVersion > options.maxSchemaVersion) {
      throw new BackupFileError('这个备份由更新版本的议事厅写入，本版本不能使用；请先安装最新版本的议事厅');
    }
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const last = db.prepare("select title, date from meetings where status = '已定稿' order by date desc, id desc limit 1").get() as
      { title: string; date: string } | undefined;
    const change = db.prepare('select at from audit_log order by id desc limit 1').get() as { at: string } | undefined;
    return {
      people: count('select count(*) as n from people'),
      meetings: count('select count(*) as n from meetings'),
      lastFinalized: last ? { title: last.title, date: last.date } : null,
      schemaVersion,
      lastChange: change?.at ?? null,
      auditEntries: count('select count(*) as n from audit_log'),
    };
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    throw new BackupFileError('读取这个文件时出错，它可能已损坏或不是议事厅的数据文件；请换一个备份');
  } finally {
    db.close();
  }
}
