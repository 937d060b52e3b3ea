import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { listBackups } from '../../db/backups/store';
import { DatabaseOpenError } from '../../db/errors';
import { integrityReport } from '../../db/integrity';
import { setWorkerScript } from '../../db/maintenance/runner';
import { lastFullCheck } from '../../db/maintenance/schedule';
import { openDatabase, startDatabase } from '../../db/open';
import { dispatch, Session, type HandlerContext } from '../../electron/api/dispatch';
import { serveDatabase } from '../../electron/database-start';
import { listUsers } from '../../db/users';
import { MIGRATIONS, openTemp, tempDir, TEST_USER } from '../support/db';
import { bundledWorker } from '../support/worker';

// Issue 15 item 4: the app answers before the backup and the full check, which run after it in worker threads.

beforeAll(() => setWorkerScript(bundledWorker()));
afterAll(() => setWorkerScript(undefined));

const ZONE = 'Asia/Shanghai';

function ctxOf(opened: ReturnType<typeof startDatabase>): HandlerContext {
  const session = new Session();
  const user = listUsers(opened.db).find((u) => u.name === TEST_USER.name);
  if (user) session.signIn(user);
  return {
    db: opened.db,
    session,
    info: { appVersion: '0.0.0-test', databasePath: opened.db.file, schemaVersion: opened.schemaVersion, lastBackupPath: opened.backupPath },
  };
}

/** A file with a village in it, closed, and its backup folder (one 启动 copy from the first open). */
async function villageFile(people = 40): Promise<{ file: string; dir: string }> {
  const t = openTemp();
  const org = await dispatch(t.ctx, 'organizations.create', { name: '青石村', kind: '村' });
  if (!org.ok) throw new Error(org.error.message);
  for (let i = 0; i < people; i++) {
    const r = await dispatch(t.ctx, 'people.create', { orgId: (org.value as { id: number }).id, name: `村民${i}`, householdNo: String(100 + i) });
    if (!r.ok) throw new Error(r.error.message);
  }
  t.db.sqlite.close();
  const dir = path.join(path.dirname(t.file), 'backups');
  // A second start (the synchronous way) leaves a first 启动 copy.
  openDatabase(t.file, { migrationsFolder: MIGRATIONS, backupDir: dir }).db.sqlite.close();
  return { file: t.file, dir };
}

function startups(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.includes('启动')) : [];
}

/**
 * Damage only the full check sees: an index entry that no longer matches its row (a write lost half-way
 * on a bad disk). PRAGMA quick_check passes; PRAGMA integrity_check reports the missing entry.
 */
function loseAnIndexEntry(file: string): void {
  const raw = new Database(file);
  const index = raw.prepare("select name, tbl_name as tbl, rootpage, sql from sqlite_master where name = 'people_org_status_name'").get() as {
    name: string;
    tbl: string;
    rootpage: number;
    sql: string;
  };
  raw.unsafeMode(true);
  raw.pragma('writable_schema = ON');
  raw.prepare('delete from sqlite_master where name = ?').run(index.name);
  raw.close();
  const edit = new Database(file);
  edit.pragma('foreign_keys = OFF');
  edit.prepare("update people set name = name || '·' where id = (select min(id) from people)").run();
  edit.unsafeMode(true);
  edit.pragma('writable_schema = ON');
  edit
    .prepare("insert into sqlite_master (type, name, tbl_name, rootpage, sql) values ('index', ?, ?, ?, ?)")
    .run(index.name, index.tbl, index.rootpage, index.sql);
  edit.close();
  const probe = new Database(file, { readonly: true });
  expect(probe.pragma('quick_check', { simple: true })).toBe('ok');
  expect(probe.pragma('integrity_check', { simple: true })).not.toBe('ok');
  probe.close();
}

describe('a window that opens at once', () => {
  it('answers a read before the startup backup exists; the backup then exists, checked, and the report says the check ran', async () => {
    const { file, dir } = await villageFile();
    const before = startups(dir);
    const opened = startDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: dir });
    const ctx = ctxOf(opened);

    const people = await dispatch(ctx, 'people.list', { orgId: 1 });
    expect(people.ok).toBe(true);
    expect(startups(dir)).toEqual(before);
    expect(integrityReport(opened.db).fileCheck).toMatchObject({ running: true, damage: null });
    expect(opened.backupPath).toBeNull();

    const result = await opened.maintenance.done;
    expect(result).toMatchObject({ fullCheck: 'ok', damage: null, stopped: false });
    expect(path.basename(result.backupPath!)).toMatch(/^议事厅备份-\d{4}-\d{2}-\d{2}-\d{4}-启动(-\d+)?\.sqlite$/);
    const listed = listBackups(dir, ZONE).find((b) => b.name === path.basename(result.backupPath!))!;
    expect(listed).toMatchObject({ problem: null, contents: { people: 40 } });
    // A plain rollback-journal file, like every checked copy: nothing else is needed to open it.
    expect(fs.existsSync(`${result.backupPath}-wal`)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    const report = integrityReport(opened.db).fileCheck;
    expect(report).toMatchObject({ running: false, damage: null });
    expect(report.lastFullCheck).not.toBeNull();
    opened.db.sqlite.close();
  });

  it('keeps taking writes while the backup copies; the copy is whole and the writes are kept', async () => {
    const { file, dir } = await villageFile(10);
    const opened = startDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: dir });
    const ctx = ctxOf(opened);
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      const created = await dispatch(ctx, 'people.create', { orgId: 1, name: `新来的${i}`, householdNo: String(500 + i) });
      expect(created.ok).toBe(true);
    }
    const result = await opened.maintenance.done;
    const copy = new Database(result.backupPath!, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('select count(*) as n from people').get() as { n: number }).n).toBeGreaterThanOrEqual(10);
    copy.close();
    expect((opened.db.sqlite.prepare('select count(*) as n from people').get() as { n: number }).n).toBe(15);
    opened.db.sqlite.close();
  });

  it('a damaged file gives no backup and prunes nothing, and the report says so with what to do', async () => {
    const { file, dir } = await villageFile();
    // Old start copies that a good start would prune.
    const seed = startups(dir)[0]!;
    for (let i = 0; i < 40; i++) {
      const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      fs.copyFileSync(path.join(dir, seed), path.join(dir, `议事厅备份-${day}-0800-启动.sqlite`));
    }
    const good = fs.readdirSync(dir).sort();
    loseAnIndexEntry(file);

    const opened = startDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: dir });
    expect((await dispatch(ctxOf(opened), 'people.list', { orgId: 1 })).ok).toBe(true);
    const result = await opened.maintenance.done;
    expect(result).toMatchObject({ fullCheck: 'damaged', backupPath: null });
    expect(fs.readdirSync(dir).sort()).toEqual(good);
    const report = await dispatch(ctxOf(opened), 'system.integrity', {});
    const fileCheck = (report as { value: { fileCheck: { running: boolean; damage: string } } }).value.fileCheck;
    expect(fileCheck.running).toBe(false);
    expect(fileCheck.damage).toContain('损坏');
    expect(fileCheck.damage).toContain('没有用它覆盖任何备份');
    expect(fileCheck.damage).toContain('请联系技术人员从备份恢复');
    // Reading stays possible; writing into the damaged file is refused with the same words.
    expect((await dispatch(ctxOf(opened), 'people.list', { orgId: 1 })).ok).toBe(true);
    const refused = await dispatch(ctxOf(opened), 'organizations.create', { name: '东村', kind: '村' });
    expect((refused as { error: { message: string } }).error.message).toContain('暂停保存');
    // Damage is never remembered as a passed check: the next start looks again.
    expect(lastFullCheck(file)).toBeNull();
    opened.db.sqlite.close();

    // Even on a day whose full check already ran, the copy's own check catches it: still no backup.
    fs.writeFileSync(`${file}.checked.json`, JSON.stringify({ day: new Date().toISOString().slice(0, 10), at: new Date().toISOString() }));
    const again = startDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: dir, now: () => new Date() });
    const second = await again.maintenance.done;
    expect(second).toMatchObject({ backupPath: null });
    expect(second.damage).toContain('损坏');
    expect(fs.readdirSync(dir).sort()).toEqual(good);
    again.db.sqlite.close();

    // Opened the synchronous way it is refused outright, as before.
    expect(() => openDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: dir })).toThrow(DatabaseOpenError);
    expect(fs.readdirSync(dir).sort()).toEqual(good);
  });

  it('a file the quick check finds damaged: the app opens and reads, writes wait for the check and are refused, no backup', async () => {
    const { file, dir } = await villageFile(60);
    const good = fs.readdirSync(dir).sort();
    // Damage the roster's first page (a disk error, a bad USB copy).
    const probe = new Database(file, { readonly: true });
    const root = probe.prepare("select rootpage from sqlite_master where name = 'people'").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, pageSize * (root - 1) + 8, pageSize * root - 8);
    fs.writeFileSync(file, bytes);

    let ctx: HandlerContext | null = null;
    const served = serveDatabase({ file, open: { migrationsFolder: MIGRATIONS, backupDir: dir }, context: (opened) => (ctx = ctxOf(opened)) });
    const read = await dispatch(await served.contextFor('organizations.list'), 'organizations.list', {});
    expect(read.ok).toBe(true);
    const write = await dispatch(await served.contextFor('organizations.create'), 'organizations.create', { name: '东村', kind: '村' });
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((write as { error: { message: string } }).error.message).toContain('损坏');
    const result = await served.maintenance()!.done;
    expect(result).toMatchObject({ backupPath: null });
    expect(fs.readdirSync(dir).sort()).toEqual(good);
    expect(integrityReport(ctx!.db).fileCheck.damage).toContain('请联系技术人员从备份恢复');
    ctx!.db.sqlite.close();
  });

  it('a sound file: writes go through once the quick check has passed, and the backup follows', async () => {
    const { file, dir } = await villageFile(5);
    let ctx: HandlerContext | null = null;
    const served = serveDatabase({ file, open: { migrationsFolder: MIGRATIONS, backupDir: dir }, context: (opened) => (ctx = ctxOf(opened)) });
    const write = await dispatch(await served.contextFor('organizations.create'), 'organizations.create', { name: '东村', kind: '村' });
    expect(write.ok).toBe(true);
    const result = await served.maintenance()!.done;
    expect(result.backupPath).not.toBeNull();
    expect(ctx!.info.lastBackupPath).toBe(result.backupPath);
    ctx!.db.sqlite.close();
  });

  it('runs the full check at most once a day; a backup is still taken at every start', async () => {
    const { file, dir } = await villageFile(5);
    const morning = new Date('2026-03-02T01:00:00Z');
    const evening = new Date('2026-03-02T12:00:00Z');
    const nextDay = new Date('2026-03-02T17:00:00Z'); // 01:00 on 03-03 in Beijing
    const run = async (at: Date) => {
      const opened = startDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: dir, now: () => at });
      const result = await opened.maintenance.done;
      opened.db.sqlite.close();
      return result;
    };
    const first = await run(morning);
    expect(first.fullCheck).toBe('ok');
    expect(lastFullCheck(file)).toEqual({ day: '2026-03-02', at: morning.toISOString() });
    const second = await run(evening);
    expect(second.fullCheck).toBe('skipped');
    expect(second.backupPath).not.toBeNull();
    expect(lastFullCheck(file)?.at).toBe(morning.toISOString());
    const third = await run(nextDay);
    expect(third.fullCheck).toBe('ok');
    expect(lastFullCheck(file)?.day).toBe('2026-03-03');
  });

  it('stopped half-way (a restore, the app closing) leaves no half copy and prunes nothing', async () => {
    const { file, dir } = await villageFile(5);
    const before = fs.readdirSync(dir).sort();
    const opened = startDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: dir });
    await opened.maintenance.stop();
    expect((await opened.maintenance.done).stopped).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(integrityReport(opened.db).fileCheck.running).toBe(false);
    opened.db.sqlite.close();
  });

  it('before an upgrade the checked backup is still taken at the open, synchronously', async () => {
    const dir = tempDir();
    const older = path.join(dir, 'migrations-n-1');
    fs.cpSync(MIGRATIONS, older, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(older, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const last = journal.entries.pop()!;
    fs.writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify(journal));
    fs.rmSync(path.join(older, `${last.tag}.sql`));
    const file = path.join(dir, 'data.sqlite');
    openDatabase(file, { migrationsFolder: older }).db.sqlite.close();

    const backups = path.join(dir, 'backups');
    const opened = startDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: backups });
    expect(opened.migrated).toBe(1);
    expect(opened.backupPath).toMatch(/升级前\.sqlite$/);
    expect(listBackups(backups, ZONE)[0]).toMatchObject({ reason: '升级前', problem: null });
    // The whole file was checked before the upgrade: the day is remembered, no second copy is made.
    const result = await opened.maintenance.done;
    expect(result).toMatchObject({ fullCheck: 'skipped', backupPath: null, damage: null });
    expect(lastFullCheck(file)).not.toBeNull();
    expect(startups(backups)).toEqual([]);
    opened.db.sqlite.close();
  });
});

describe('system.verifyAudit off the main thread', () => {
  it('gives the same answer as the chain verified in place, and finds an edited entry', async () => {
    const t = openTemp();
    await dispatch(t.ctx, 'organizations.create', { name: '青石村', kind: '村' });
    const inWorker = await dispatch(t.ctx, 'system.verifyAudit', {});
    expect(inWorker).toEqual({ ok: true, value: verifyAuditChain(t.db) });
    expect((inWorker as { value: { ok: boolean } }).value.ok).toBe(true);

    const raw = new Database(t.file);
    raw.unsafeMode(true);
    const triggers = raw.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as {
      name: string;
      sql: string;
    }[];
    for (const tr of triggers) raw.exec(`drop trigger "${tr.name}"`);
    raw.prepare("update audit_log set actor = '别人' where id = (select max(id) from audit_log)").run();
    raw.close();
    const broken = await dispatch(t.ctx, 'system.verifyAudit', {});
    expect(broken).toMatchObject({ ok: true, value: { ok: false } });
    expect(broken).toEqual({ ok: true, value: verifyAuditChain(t.db) });
    t.db.sqlite.close();
  });
});
