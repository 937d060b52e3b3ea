import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../core/contract';
import { readJournal, openDatabase } from '../../db/open';
import { DatabaseOpenError } from '../../db/errors';
import { closeBackup } from '../../db/backups/lifecycle';
import { cleanStaleFiles, listBackups } from '../../db/backups/store';
import { integrityReport } from '../../db/integrity';
import { applyPendingRestore } from '../../electron/api/backups';
import { dispatch, type HandlerContext } from '../../electron/api/dispatch';
import { MIGRATIONS, openTemp, tempDir } from '../support/db';

async function call<N extends CallName>(ctx: HandlerContext, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<N>;
}

function withHost(ctx: HandlerContext, dir: string): HandlerContext {
  ctx.backups = { dir, maxSchemaVersion: readJournal(MIGRATIONS).length, restart: 'reload', pendingRestore: null };
  return ctx;
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function villageWithPeople(ctx: HandlerContext, names: string[]): Promise<number> {
  const org = await call(ctx, 'organizations.create', { name: '青石村', kind: '村' });
  for (const [i, name] of names.entries()) await call(ctx, 'people.create', { orgId: org.id, name, householdNo: String(100 + i) });
  return org.id;
}

describe('backups and restore', () => {
  it('backs up, changes data, restores and sees the old data; the current file is kept as 恢复前', async () => {
    const t = openTemp();
    const dir = path.join(path.dirname(t.file), 'backups');
    const ctx = withHost(t.ctx, dir);
    const orgId = await villageWithPeople(ctx, ['张三', '李四']);

    const copy = await call(ctx, 'backups.backupNow', {});
    expect(copy.fileName).toMatch(/^议事厅备份-\d{4}-\d{2}-\d{2}-\d{4}-手动(-\d+)?\.sqlite$/);
    const listed = await call(ctx, 'backups.list', {});
    const mine = listed.items.find((i) => i.name === copy.fileName)!;
    expect(mine).toMatchObject({ reason: '手动', problem: null, contents: { people: 2, meetings: 0, lastFinalized: null } });
    expect(mine.size).toBeGreaterThan(0);

    await call(ctx, 'people.create', { orgId, name: '王五', householdNo: '300' });
    const preview = await call(ctx, 'backups.inspect', { source: { kind: 'listed', name: copy.fileName } });
    expect(preview.contents.people).toBe(2);

    const restored = await call(ctx, 'backups.restore', { source: { kind: 'listed', name: copy.fileName } });
    expect(restored).toMatchObject({ restart: 'reload', contents: { people: 2 } });
    const { savedCurrentAs } = applyPendingRestore(ctx);
    expect(path.basename(savedCurrentAs)).toMatch(/恢复前/);

    const reopened = openDatabase(t.file, { migrationsFolder: MIGRATIONS, backupDir: dir });
    expect(reopened.db.sqlite.prepare('select name from people order by name').pluck().all()).toEqual(['张三', '李四'].sort());
    // The restored trail is shorter than the 恢复前 backup's: that is the restore, not a cut, and
    // the restored file's own trail says where it came from.
    expect(integrityReport(reopened.db).audit).toEqual([]);
    const restoredRow = reopened.db.sqlite.prepare("select before_json as b, after_json as a from audit_log where action = 'backup.restored'").get() as {
      b: string;
      a: string;
    };
    expect(JSON.parse(restoredRow.a)).toEqual({ from: copy.fileName });
    expect(JSON.parse(restoredRow.b)).toMatchObject({ savedAs: path.basename(savedCurrentAs) });
    expect(fs.existsSync(`${t.file}.replaced.json`)).toBe(false);
    reopened.db.sqlite.close();
    // Nor at the next start, whatever the newest backup is.
    const again = openDatabase(t.file, { migrationsFolder: MIGRATIONS, backupDir: dir });
    expect(integrityReport(again.db).audit).toEqual([]);
    again.db.sqlite.close();
    // The data just before the restore, 王五 included, is one of the listed backups.
    const saved = new Database(savedCurrentAs, { readonly: true });
    expect(saved.prepare('select count(*) from people').pluck().get()).toBe(3);
    expect(saved.prepare("select count(*) from audit_log where action = 'backup.restore'").pluck().get()).toBe(1);
    saved.close();
  });

  it('restores an outside copy (a file from a USB stick)', async () => {
    const t = openTemp();
    const ctx = withHost(t.ctx, path.join(path.dirname(t.file), 'backups'));
    await villageWithPeople(ctx, ['赵六']);
    const copy = await call(ctx, 'backups.backupNow', {});
    await call(ctx, 'people.create', { orgId: 1, name: '孙七', householdNo: '900' }).catch(() => undefined);
    const source = { kind: 'file' as const, fileName: 'U盘备份.sqlite', dataBase64: copy.base64 };
    const preview = await call(ctx, 'backups.inspect', { source });
    expect(preview).toMatchObject({ name: 'U盘备份.sqlite', contents: { people: 1 } });
    expect(preview.takenAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await call(ctx, 'backups.restore', { source });
    applyPendingRestore(ctx);
    const reopened = openDatabase(t.file, { migrationsFolder: MIGRATIONS });
    expect(reopened.db.sqlite.prepare('select name from people').pluck().all()).toEqual(['赵六']);
    reopened.db.sqlite.close();
  });

  it('refuses a damaged or foreign file with a Chinese message and leaves the current file untouched', async () => {
    const t = openTemp();
    const ctx = withHost(t.ctx, path.join(path.dirname(t.file), 'backups'));
    await villageWithPeople(ctx, ['张三']);
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(t.file);

    const foreignFile = path.join(tempDir(), 'other.sqlite');
    const other = new Database(foreignFile);
    other.exec('create table photos (id integer primary key, path text)');
    other.close();

    const good = await call(ctx, 'backups.backupNow', {});
    const damaged = Buffer.from(good.base64, 'base64');
    damaged.fill(0xa5, 4096 * 3, 4096 * 6);

    const cases: [string, string, RegExp][] = [
      ['照片.sqlite', Buffer.from('not a database at all').toString('base64'), /不是议事厅的数据文件/],
      ['其他程序.sqlite', fs.readFileSync(foreignFile).toString('base64'), /不是议事厅的数据文件/],
      ['坏的.sqlite', damaged.toString('base64'), /损坏/],
    ];
    for (const [fileName, dataBase64, message] of cases) {
      for (const name of ['backups.inspect', 'backups.restore'] as const) {
        const result = await dispatch(ctx, name, { source: { kind: 'file', fileName, dataBase64 } });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.message).toMatch(message);
          expect(result.error.message).toMatch(/当前数据没有任何改动/);
        }
      }
    }
    expect(ctx.backups!.pendingRestore).toBeNull();
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha(t.file)).toBe(before);
    // No staged copies left behind.
    expect(fs.readdirSync(ctx.backups!.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('never backs up a damaged database, so the good backups stay', async () => {
    const t = openTemp();
    await villageWithPeople(
      t.ctx,
      Array.from({ length: 60 }, (_, i) => `村民${i}`),
    );
    t.db.sqlite.close();
    const dir = path.join(path.dirname(t.file), 'backups');
    for (let i = 0; i < 3; i++) openDatabase(t.file, { migrationsFolder: MIGRATIONS, backupDir: dir }).db.sqlite.close();
    const good = fs.readdirSync(dir).sort();
    expect(good.length).toBeGreaterThanOrEqual(2);

    // Damage the roster's first page (a disk error, a bad USB copy).
    const probe = new Database(t.file, { readonly: true });
    const root = probe.prepare("select rootpage from sqlite_master where name = 'people'").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = fs.readFileSync(t.file);
    bytes.fill(0x5a, pageSize * (root - 1) + 8, pageSize * root - 8);
    fs.writeFileSync(t.file, bytes);

    for (let i = 0; i < 12; i++) {
      let error: unknown;
      try {
        openDatabase(t.file, { migrationsFolder: MIGRATIONS, backupDir: dir }).db.sqlite.close();
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DatabaseOpenError);
      expect((error as DatabaseOpenError).message).toMatch(/损坏|无法打开/);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(good);
    for (const b of listBackups(dir, 'Asia/Shanghai')) expect(b.problem).toBeNull();
  });

  it('cleans half-written copies and stale journals of backups', () => {
    const dir = tempDir();
    for (const f of ['.abc123.sqlite.partial', '议事厅备份-2026-11-30-1845-启动.sqlite-journal', 'x.sqlite-wal', '.restore-0a1b.sqlite', 'keep.sqlite']) {
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    cleanStaleFiles(dir);
    expect(fs.readdirSync(dir)).toEqual(['keep.sqlite']);
  });
});

describe('the copy on close', () => {
  it('is taken, checked and named 关闭; a closed database is left alone', async () => {
    const t = openTemp();
    await villageWithPeople(t.ctx, ['张三']);
    const dir = tempDir();
    const taken = closeBackup(t.db.sqlite, dir);
    expect(path.basename(taken!)).toMatch(/^议事厅备份-\d{4}-\d{2}-\d{2}-\d{4}-关闭\.sqlite$/);
    expect(listBackups(dir, 'Asia/Shanghai')[0]).toMatchObject({ reason: '关闭', problem: null, contents: { people: 1 } });
    t.db.sqlite.close();
    expect(closeBackup(t.db.sqlite, dir)).toBeNull();
  });
});

describe('generations at start', () => {
  it('prunes old start copies after a good open and keeps the hand-made ones', () => {
    const t = openTemp();
    const dir = path.join(path.dirname(t.file), 'backups');
    t.db.sqlite.close();
    openDatabase(t.file, { migrationsFolder: MIGRATIONS, backupDir: dir }).db.sqlite.close();
    const seed = fs.readdirSync(dir).find((f) => f.endsWith('.sqlite'))!;
    // A start every day since 2025-06-01, and one backup by hand.
    for (let i = 0; i < 300; i++) {
      const day = new Date(Date.UTC(2025, 5, 1) + i * 86_400_000).toISOString().slice(0, 10);
      fs.copyFileSync(path.join(dir, seed), path.join(dir, `议事厅备份-${day}-0800-启动.sqlite`));
    }
    fs.copyFileSync(path.join(dir, seed), path.join(dir, '议事厅备份-2025-01-01-0900-手动.sqlite'));
    openDatabase(t.file, { migrationsFolder: MIGRATIONS, backupDir: dir }).db.sqlite.close();
    const left = fs.readdirSync(dir);
    expect(left).toContain('议事厅备份-2025-01-01-0900-手动.sqlite');
    expect(left.filter((f) => f.includes('启动')).length).toBeLessThanOrEqual(5 + 7 + 4 + 12);
    expect(left.filter((f) => f.includes('启动')).length).toBeGreaterThanOrEqual(12);
  });
});
