import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SampleWorld } from '../../core/contract/samples';
import { entryHash } from '../../db/audit';
import { type DatabaseOpenError } from '../../db/errors';
import { APPLICATION_ID, integrityReport } from '../../db/integrity';
import { openDatabase } from '../../db/open';
import { dispatch } from '../../electron/api/dispatch';
import { MIGRATIONS, openTemp, tempDir } from '../support/db';
import { buildWorld, caller } from '../support/sample-world';

let built: { file: string; world: SampleWorld };
beforeAll(async () => {
  built = await buildWorld();
}, 120_000);

/** A copy of the world's file, as another program would find it (not opened by the app). */
function copy(): string {
  const file = path.join(tempDir('council-hall-tamper-'), 'data.sqlite');
  fs.copyFileSync(built.file, file);
  return file;
}

/** Another program at the file: plain SQLite, no app code, recursive_triggers off (its default). */
function tamper<T>(file: string, fn: (raw: Database.Database) => T): T {
  const raw = new Database(file);
  try {
    return fn(raw);
  } finally {
    raw.close();
  }
}

/** Edits the entry at `index` (0-based) and re-hashes every entry after it; returns the new head hash. */
function rehashFrom(raw: Database.Database, index: number, forged: unknown): string {
  const rows = raw.prepare('select * from audit_log order by id').all() as Record<string, unknown>[];
  let prev = rows[index - 1]!.hash as string;
  const update = raw.prepare('update audit_log set before_json = ?, after_json = ?, prev_hash = ?, hash = ? where id = ?');
  for (const r of rows.slice(index)) {
    const row = {
      id: r.id as number,
      prevHash: prev,
      at: r.at as string,
      actor: r.actor as string,
      action: r.action as string,
      entity: r.entity as string,
      entityId: r.entity_id as number | null,
      beforeJson: r.before_json as string | null,
      afterJson: r.id === rows[index]!.id ? JSON.stringify(forged) : (r.after_json as string | null),
      hash: '',
    };
    row.hash = entryHash(row);
    update.run(row.beforeJson, row.afterJson, row.prevHash, row.hash, row.id);
    prev = row.hash;
  }
  return prev;
}

function triggerSql(raw: Database.Database, name: string): string {
  return (raw.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").get(name) as { sql: string }).sql;
}

function replaceRow(raw: Database.Database, table: string, where: string, change: Record<string, unknown>): void {
  const row = { ...(raw.prepare(`select * from ${table} where ${where}`).get() as Record<string, unknown>), ...change };
  const cols = Object.keys(row);
  raw.prepare(`insert or replace into ${table} (${cols.join(', ')}) values (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

describe('locked means locked (another program at the file)', () => {
  it('refuses INSERT OR REPLACE of a finalized meeting, its vote and its minutes record, and DELETE of the minutes record', () => {
    const file = copy();
    const fin = built.world.meetings.finalized;
    const draft = built.world.meetings.draft;
    tamper(file, (raw) => {
      expect(raw.pragma('recursive_triggers', { simple: true })).toBe(0);
      const vote = raw.prepare('select id from votes where meeting_id = ?').get(fin) as { id: number };
      // Moving the vote to a draft meeting used to slip past every trigger (REPLACE deletes without DELETE triggers).
      expect(() => replaceRow(raw, 'votes', `id = ${vote.id}`, { meeting_id: draft, outcome: '未通过' })).toThrow('会议已定稿，不能替换其中的记录');
      expect(() => replaceRow(raw, 'votes', `id = ${vote.id}`, { outcome: '未通过' })).toThrow('会议已定稿');
      expect(() => replaceRow(raw, 'meetings', `id = ${fin}`, { status: '草稿' })).toThrow('会议已定稿，不能替换');
      expect(() => replaceRow(raw, 'minutes_reviews', `meeting_id = ${fin}`, { status: '草稿', file_hash: null })).toThrow('会议记录已定稿，不能替换');
      expect(() => raw.prepare('delete from minutes_reviews where meeting_id = ?').run(fin)).toThrow('会议记录已定稿，不能删除');
      const audit = raw.prepare('select * from audit_log order by id limit 1').get() as Record<string, unknown>;
      expect(() => replaceRow(raw, 'audit_log', `id = ${audit.id as number}`, { action: 'x' })).toThrow('操作记录不能替换');
      expect((raw.prepare('select status from meetings where id = ?').get(fin) as { status: string }).status).toBe('已定稿');
      expect((raw.prepare('select meeting_id as m from votes where id = ?').get(vote.id) as { m: number }).m).toBe(fin);
    });
  });

  it("refuses a finalized resolution's title (and number, text, meeting, vote) but keeps the 督办 fields editable", async () => {
    const file = copy();
    const id = built.world.resolutionId;
    tamper(file, (raw) => {
      expect(() => raw.prepare("update resolutions set title = '改过的标题' where id = ?").run(id)).toThrow('决议的编号、标题和内容不能修改');
      expect(() => raw.prepare('update resolutions set meeting_id = ? where id = ?').run(built.world.meetings.draft, id)).toThrow('不能修改');
      expect(() => replaceRow(raw, 'resolutions', `id = ${id}`, { title: '改过的标题' })).toThrow('会议已定稿');
      expect(() => replaceRow(raw, 'resolutions', `id = ${id}`, { meeting_id: built.world.meetings.draft, title: '改过的标题' })).toThrow('决议不能替换或删除');
    });
    const t = openTemp(file);
    const call = caller(t.ctx);
    const updated = await call('resolutions.update', { id, responsible: '村委会 王五', deadline: '2026-12-31' });
    expect(updated.responsible).toBe('村委会 王五');
    t.db.sqlite.close();
  });
});

describe('triggers checked at every open', () => {
  it('refuses writes when a trigger was dropped, says so, and 修复 re-creates it (audited)', async () => {
    const file = copy();
    const sql = tamper(file, (raw) => {
      const s = triggerSql(raw, 'votes_locked_delete');
      raw.exec('drop trigger votes_locked_delete');
      return s;
    });
    const t = openTemp(file);
    const report = integrityReport(t.db);
    expect(report.guards?.missing).toEqual(['votes_locked_delete']);
    expect(report.writesBlocked).toContain('缺少 1 个（votes_locked_delete）');
    const refused = await dispatch(t.ctx, 'resolutions.update', { id: built.world.resolutionId, responsible: '张三' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('FORBIDDEN');
      expect(refused.error.message).toContain('修复');
    }
    const repaired = await dispatch(t.ctx, 'system.repairGuards', {});
    expect(repaired.ok).toBe(true);
    expect(triggerSql(t.db.sqlite, 'votes_locked_delete')).toBe(sql);
    const last = t.db.sqlite.prepare('select action, before_json as b from audit_log order by id desc limit 1').get() as { action: string; b: string };
    expect(last.action).toBe('system.repairGuards');
    expect(JSON.parse(last.b).missing).toEqual(['votes_locked_delete']);
    expect((await dispatch(t.ctx, 'resolutions.update', { id: built.world.resolutionId, responsible: '张三' })).ok).toBe(true);
    t.db.sqlite.close();
    const again = openTemp(file);
    expect(integrityReport(again.db).guards).toBeNull();
    again.db.sqlite.close();
  });

  it('notices a trigger re-created with a different body', () => {
    const file = copy();
    tamper(file, (raw) => {
      raw.exec('drop trigger minutes_reviews_locked_delete');
      raw.exec("create trigger minutes_reviews_locked_delete before delete on minutes_reviews when 0 begin select raise(abort, 'x'); end");
    });
    const t = openTemp(file);
    expect(integrityReport(t.db).guards?.altered).toEqual(['minutes_reviews_locked_delete']);
    t.db.sqlite.close();
  });
});

describe('an anchored audit trail', () => {
  function withoutAuditTriggers(raw: Database.Database, fn: () => void): void {
    const names = ['audit_log_no_update', 'audit_log_no_delete'];
    const sqls = names.map((n) => triggerSql(raw, n));
    for (const n of names) raw.exec(`drop trigger ${n}`);
    fn();
    for (const s of sqls) raw.exec(s);
  }

  /** The careful forger: every trigger dropped for the edit and put back exactly as it was. */
  function withoutAnyTriggers(raw: Database.Database, fn: () => void): void {
    const triggers = raw.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as { name: string; sql: string }[];
    for (const t of triggers) raw.exec(`drop trigger "${t.name}"`);
    fn();
    for (const t of triggers) raw.exec(t.sql);
  }

  it('detects a tail cut off, records it in the trail, keeps the banner until acknowledged', async () => {
    const file = copy();
    const before = tamper(file, (raw) => (raw.prepare('select count(*) as n from audit_log').get() as { n: number }).n);
    tamper(file, (raw) => withoutAuditTriggers(raw, () => raw.exec('delete from audit_log where id in (select id from audit_log order by id desc limit 3)')));
    const t = openTemp(file);
    const found = integrityReport(t.db).audit.map((f) => f.message);
    expect(found.join('\n')).toContain(`少了 3 条（应有 ${before} 条，现有 ${before - 3} 条）`);
    expect(integrityReport(t.db).writesBlocked).toBeNull();
    const anomaly = t.db.sqlite.prepare("select after_json as a from audit_log where action = 'audit.anomaly'").get() as { a: string };
    expect(anomaly.a).toContain('少了 3 条');
    t.db.sqlite.close();

    const second = openTemp(file);
    expect(integrityReport(second.db).audit.map((f) => f.message)).toEqual(found);
    expect((await dispatch(second.ctx, 'system.repairGuards', {})).ok).toBe(true);
    second.db.sqlite.close();
    const third = openTemp(file);
    expect(integrityReport(third.db).audit).toEqual([]);
    third.db.sqlite.close();
  });

  it('detects a trail re-hashed forward from an edited entry, even with the anchors table forged too', () => {
    const file = copy();
    tamper(file, (raw) => {
      const anchor = raw.prepare("select audit_count as n from minutes_reviews where status = '已定稿'").get() as { n: number };
      expect(anchor.n).toBeGreaterThan(3);
      withoutAuditTriggers(raw, () => {
        const prev = rehashFrom(raw, 2, { forged: true });
        // The strong forger also moves the anchors table onto the forged chain.
        raw.prepare("update audit_anchors set hash = ? where kind = 'head'").run(prev);
        raw.prepare("delete from audit_anchors where kind = 'verified'").run();
      });
    });
    const t = openTemp(file);
    const found = integrityReport(t.db).audit.map((f) => f.message);
    expect(found.some((m) => m.includes('定稿之前的操作记录被改写过'))).toBe(true);
    t.db.sqlite.close();
  });

  it('the strongest forger (tail cut, or trail re-hashed, with every anchor inside the file moved too) is caught by the newest backup', () => {
    for (const attack of ['cut', 'rehash'] as const) {
      const file = copy();
      const backups = path.join(path.dirname(file), 'backups');
      // A normal start leaves a backup of the trail as it stood.
      const first = openDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: backups });
      const count = first.db.sqlite.prepare('select count(*) from audit_log').pluck().get() as number;
      first.db.sqlite.close();
      tamper(file, (raw) =>
        withoutAnyTriggers(raw, () => {
          if (attack === 'cut') raw.exec('delete from audit_log where id in (select id from audit_log order by id desc limit 2)');
          else rehashFrom(raw, 2, { forged: true });
          const last = raw.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string };
          const n = raw.prepare('select count(*) from audit_log').pluck().get() as number;
          // Every anchor the file holds now agrees with the forged trail; the finalized meetings' too.
          raw.prepare('update audit_anchors set count = ?, last_id = ?, hash = ?').run(n, last.id, last.hash);
          raw.prepare('update minutes_reviews set audit_count = null, audit_hash = null').run();
        }),
      );
      const t = openTemp(file);
      const found = integrityReport(t.db)
        .audit.map((f) => f.message)
        .join('\n');
      if (attack === 'cut') expect(found).toContain(`还少 2 条（备份中有 ${count} 条，现在只有 ${count - 2} 条）`);
      else expect(found).toMatch(/操作记录与.*启动备份（议事厅备份-.*\.sqlite）对不上/);
      t.db.sqlite.close();
    }
  });

  it('a weaker forger (anchors untouched) is caught by the head anchor', () => {
    const file = copy();
    tamper(file, (raw) =>
      withoutAuditTriggers(raw, () => {
        const last = raw.prepare('select id from audit_log order by id desc limit 1').get() as { id: number };
        raw.prepare('update audit_log set hash = ? where id = ?').run(createHash('sha256').update('x').digest('hex'), last.id);
      }),
    );
    const t = openTemp(file);
    expect(
      integrityReport(t.db)
        .audit.map((f) => f.message)
        .join('\n'),
    ).toContain('被改写');
    t.db.sqlite.close();
  });

  it('stores ID numbers and phones masked in the trail', async () => {
    const t = openTemp(copy());
    const call = caller(t.ctx);
    await call('people.create', { orgId: built.world.village.orgId, name: '测试人', idNumber: '11010519491231002X', phone: '13812345678' });
    const row = t.db.sqlite.prepare("select after_json as a from audit_log where action = 'person.create' order by id desc limit 1").get() as { a: string };
    expect(row.a).not.toContain('11010519491231002X');
    expect(row.a).not.toContain('13812345678');
    expect(row.a).toContain('138****5678');
    t.db.sqlite.close();
  });
});

describe('files that are not ours', () => {
  const open = (file: string) => openDatabase(file, { migrationsFolder: MIGRATIONS });
  const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  function openError(file: string): DatabaseOpenError {
    try {
      open(file).db.sqlite.close();
    } catch (err) {
      return err as DatabaseOpenError;
    }
    throw new Error('opened');
  }

  it('marks new and existing files with our application id', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    open(file).db.sqlite.close();
    expect(fs.readFileSync(file).readUInt32BE(68)).toBe(APPLICATION_ID);
    const existing = copy();
    tamper(existing, (raw) => raw.pragma('application_id = 0'));
    const opened = open(existing);
    expect(opened.db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    opened.db.sqlite.close();
  });

  it("refuses another program's SQLite file untouched, with or without an application id, and a file that is not SQLite", () => {
    const dir = tempDir();
    const withId = path.join(dir, 'other.sqlite');
    tamper(withId, (raw) => {
      raw.exec('create table photos (id integer primary key, path text)');
      raw.pragma('application_id = 305419896');
    });
    const withoutId = path.join(dir, 'plain.sqlite');
    tamper(withoutId, (raw) => raw.exec('create table invoices (id integer primary key)'));
    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, '这不是数据库'.repeat(20));
    for (const file of [withId, withoutId, text]) {
      const before = digest(file);
      const err = openError(file);
      expect(err.code).toBe('DB_NOT_OURS');
      expect(err.message).toContain('不是议事厅的数据文件');
      expect(err.message).toContain('没有改动它');
      expect(digest(file)).toBe(before);
      expect(fs.existsSync(file + '-wal')).toBe(false);
    }
  });

  it('says a read-only file or folder is about permissions, not "not our file"', () => {
    const file = copy();
    fs.chmodSync(file, 0o444);
    const err = openError(file);
    expect(err.code).toBe('DB_READ_ONLY');
    expect(err.message).toContain('只读');
    expect(err.message).not.toContain('不是议事厅');
    fs.chmodSync(file, 0o644);

    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    const inDir = openError(path.join(dir, 'council-hall.sqlite'));
    expect(inDir.code).toBe('DB_READ_ONLY');
    expect(inDir.message).toContain('文件夹');
    expect(inDir.message).toMatch(/[\u4e00-\u9fa5]/);
    fs.chmodSync(dir, 0o755);
  });
});
