import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, readJournal } from '../../db/open';
import { DatabaseOpenError } from '../../db/errors';
import { MIGRATIONS, openTemp, tempDir } from '../support/db';

describe('数据库打开与升级', () => {
  it('migrates an empty database and sets the pragmas', () => {
    const { db, schemaVersion, migrated } = openTemp();
    expect(migrated).toBe(readJournal(MIGRATIONS).length);
    expect(schemaVersion).toBe(readJournal(MIGRATIONS).length);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db.sqlite.prepare("select name from sqlite_master where type='table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['organizations', 'people', 'households', 'audit_log', 'settings']));
    db.sqlite.close();
  });

  it('keeps journal timestamps strictly increasing (drizzle skips older ones)', () => {
    const whens = readJournal(MIGRATIONS).map((e) => e.when);
    for (let i = 1; i < whens.length; i++) expect(whens[i]!).toBeGreaterThan(whens[i - 1]!);
  });

  it('opens the same file twice, the second time without migrating, after a backup', () => {
    const first = openTemp();
    first.db.sqlite.prepare("insert into organizations (name, kind, created_at, updated_at) values ('幸福社区', '社区', 'x', 'x')").run();
    first.db.sqlite.close();
    const second = openTemp(first.file);
    expect(second.migrated).toBe(0);
    expect(second.backupPath).toMatch(/启动\.sqlite$/);
    expect(fs.existsSync(second.backupPath!)).toBe(true);
    const backup = new Database(second.backupPath!, { readonly: true });
    expect(backup.prepare('select name from organizations').pluck().all()).toEqual(['幸福社区']);
    backup.close();
    expect(second.db.sqlite.prepare('select count(*) from organizations').pluck().get()).toBe(1);
    second.db.sqlite.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const { db, file } = openTemp();
    db.sqlite.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(Date.now() + 10 ** 12);
    db.sqlite.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file, { migrationsFolder: MIGRATIONS });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('DB_TOO_NEW');
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('更新版本');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('migrates a database filled at the previous version without losing rows, backing up first', () => {
    const dir = tempDir();
    const older = path.join(dir, 'migrations-n-1');
    fs.cpSync(MIGRATIONS, older, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(older, 'meta/_journal.json'), 'utf8'));
    const last = journal.entries.pop();
    fs.writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify(journal));
    fs.rmSync(path.join(older, `${last.tag}.sql`));

    const file = path.join(dir, 'data.sqlite');
    const v1 = openDatabase(file, { migrationsFolder: older });
    v1.db.sqlite.prepare("insert into organizations (name, kind, created_at, updated_at) values ('东村', '村', 'x', 'x')").run();
    v1.db.sqlite.prepare("insert into people (org_id, name, pinyin_keys, created_at, updated_at) values (1, '张三', 'zhangsan zs', 'x', 'x')").run();
    v1.db.sqlite.close();

    const v2 = openDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: path.join(dir, 'backups') });
    expect(v2.migrated).toBe(1);
    expect(v2.backupPath).toMatch(/升级前\.sqlite$/);
    expect(v2.db.sqlite.prepare('select name from people').pluck().all()).toEqual(['张三']);
    expect(v2.db.sqlite.pragma('foreign_key_check')).toEqual([]);
    v2.db.sqlite.close();
  });

  it('reports a file that is not a database in Chinese and does not delete it', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    fs.writeFileSync(file, 'this is not a database, just text '.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: path.join(path.dirname(file), 'b') })).toThrow(/不是议事厅的数据文件/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
