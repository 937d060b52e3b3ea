import mammoth from 'mammoth';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { hashPin, pinMatches } from '../../db/users';
import { dispatch, Session, type HandlerContext } from '../../electron/api/dispatch';
import { MIGRATIONS, openTemp, tempDir } from '../support/db';
import { village } from '../support/village';

async function value<T = any>(ctx: HandlerContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function failure(ctx: HandlerContext, name: string, input: unknown) {
  const r = await dispatch(ctx, name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

/** A fresh installation as the program starts it: no users, nobody chosen. */
function freshInstall(): HandlerContext & { file: string } {
  const file = path.join(tempDir(), 'fresh.sqlite');
  const opened = openDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: path.join(path.dirname(file), 'backups') });
  return {
    db: opened.db,
    session: new Session(),
    info: { appVersion: '0', databasePath: file, schemaVersion: opened.schemaVersion, lastBackupPath: null },
    file,
  };
}

const actors = (ctx: HandlerContext) =>
  ctx.db.sqlite.prepare("select actor, action from audit_log where actor <> '议事厅（内置规则）' order by id").all() as { actor: string; action: string }[];

describe('使用人', () => {
  it('stores a PIN only as a salted scrypt hash', () => {
    const a = hashPin('2468');
    const b = hashPin('2468');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('2468');
    expect(pinMatches('2468', a)).toBe(true);
    expect(pinMatches('2469', a)).toBe(false);
  });

  it('on first start: writes wait for a user; the first one is made and chosen; the trail names them', async () => {
    const ctx = freshInstall();
    expect(await value(ctx, 'users.current', {})).toEqual({ user: null, hasUsers: false });
    expect((await failure(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' })).message).toMatch(/^请先选择使用人/);
    const first = await value(ctx, 'users.create', { name: '王文书', role: '文书', pin: '1234' });
    expect(first).toMatchObject({ name: '王文书', role: '文书', hasPin: true, retired: false });
    expect((await value(ctx, 'users.current', {})).user.name).toBe('王文书');
    const stored = ctx.db.sqlite.prepare('select pin_hash from users').pluck().get() as string;
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(stored).not.toContain('1234');
    await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    expect(actors(ctx)).toEqual([
      { actor: '王文书', action: 'user.create' },
      { actor: '王文书', action: 'user.signIn' },
      { actor: '王文书', action: 'organization.create' },
    ]);
    // Once there is a user, a second one can only be added by someone chosen.
    await value(ctx, 'users.signOut', {});
    expect((await failure(ctx, 'users.create', { name: '李主任', role: '主任' })).message).toMatch(/^请先选择使用人/);
    ctx.db.sqlite.close();
  });

  it('switches users; a wrong PIN is refused in Chinese and recorded', async () => {
    const ctx = freshInstall();
    const wang = await value(ctx, 'users.create', { name: '王文书', role: '文书' });
    const li = await value(ctx, 'users.create', { name: '李主任', role: '主任', pin: '8888' });
    expect((await failure(ctx, 'users.signIn', { id: li.id, pin: '1111' })).message).toBe('密码不对，请重新输入');
    expect((await failure(ctx, 'users.signIn', { id: li.id })).message).toBe('请输入“李主任”的密码');
    expect((await value(ctx, 'users.current', {})).user.name).toBe('王文书');
    await value(ctx, 'users.signIn', { id: li.id, pin: '8888' });
    await value(ctx, 'users.update', { id: wang.id, role: '村文书' });
    expect(actors(ctx).slice(2)).toEqual([
      { actor: '王文书', action: 'user.create' },
      { actor: '王文书', action: 'user.signIn.refused' },
      { actor: '王文书', action: 'user.signIn.refused' },
      { actor: '李主任', action: 'user.signIn' },
      { actor: '李主任', action: 'user.update' },
    ]);
    const refused = ctx.db.sqlite.prepare("select after_json from audit_log where action = 'user.signIn.refused'").pluck().get() as string;
    expect(JSON.parse(refused)).toEqual({ name: '李主任', reason: '密码错误' });
    // The audit trail never holds the hash.
    expect(ctx.db.sqlite.prepare("select count(*) from audit_log where after_json like '%scrypt%'").pluck().get()).toBe(0);
    ctx.db.sqlite.close();
  });

  it('keeps names unique, never retires the last user or oneself, and a retired user cannot be chosen', async () => {
    const { ctx } = openTemp();
    const me = (await value(ctx, 'users.current', {})).user;
    expect((await failure(ctx, 'users.create', { name: '测试书记员', role: '文书' })).code).toBe('CONFLICT');
    expect((await failure(ctx, 'users.update', { id: me.id, retired: true })).message).toMatch(/不能停用正在使用的自己/);
    const other = await value(ctx, 'users.create', { name: '赵会计', role: '会计', pin: '4321' });
    await value(ctx, 'users.update', { id: other.id, pin: null });
    expect((await value(ctx, 'users.list', {})).items.find((u: { id: number }) => u.id === other.id).hasPin).toBe(false);
    await value(ctx, 'users.update', { id: other.id, retired: true });
    expect((await failure(ctx, 'users.signIn', { id: other.id })).message).toMatch(/已停用/);
    expect((await value(ctx, 'users.list', {})).items.map((u: { name: string }) => u.name)).toEqual(['测试书记员', '赵会计']);
  });
});

describe('会议记录须由起草人以外的人定稿', () => {
  async function endedMeeting() {
    const v = await village(45);
    const { meeting } = await v.decide('2026-03-15', ['村道硬化方案']);
    const reviewer = await value(v.ctx, 'users.create', { name: '王主任', role: '主任', pin: '9999' });
    return { ...v, m: meeting as { id: number }, reviewer };
  }

  it('is off by default: the drafter may finalize', async () => {
    const { ctx, m } = await endedMeeting();
    expect((await value(ctx, 'users.list', {})).policy).toEqual({ approverMustDiffer: false });
    await value(ctx, 'minutes.submit', { meetingId: m.id });
    expect((await value(ctx, 'minutes.approve', { meetingId: m.id })).approvedBy).toBe('测试书记员');
  });

  it('when on, refuses the one who submitted the minutes, and prints the approver as 定稿人', async () => {
    const { ctx, m, reviewer } = await endedMeeting();
    await value(ctx, 'users.setPolicy', { approverMustDiffer: true });
    expect((await failure(ctx, 'minutes.approve', { meetingId: m.id })).message).toMatch(/请起草人先“提交审核”/);
    await value(ctx, 'minutes.submit', { meetingId: m.id });
    const refused = await failure(ctx, 'minutes.approve', { meetingId: m.id });
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.message).toMatch(/^本单位规定会议记录须由起草人以外的人定稿：这份记录由“测试书记员”提交审核/);
    expect((await failure(ctx, 'meetings.finalize', { id: m.id })).message).toMatch(/起草人以外的人定稿/);
    expect((await value(ctx, 'meetings.get', { id: m.id })).status).toBe('已结束');

    await value(ctx, 'users.signIn', { id: reviewer.id, pin: '9999' });
    expect((await value(ctx, 'meetings.finalize', { id: m.id })).status).toBe('已定稿');
    expect((await value(ctx, 'minutes.status', { meetingId: m.id })).approvedBy).toBe('王主任');
    await value(ctx, 'minutes.addAddendum', { meetingId: m.id, text: '第二项表决人数应为3人。' });
    const file = await value(ctx, 'documents.minutes', { meetingId: m.id });
    const words = (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value;
    expect(words).toContain('定稿人：王主任');
    expect(words).toMatch(/王主任更正：/);
  });
});
