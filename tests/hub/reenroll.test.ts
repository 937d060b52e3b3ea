import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, signPullRequest } from '../../exchange';
import { communitiesBody, enrollCodeBody, ingestLogBody, repliesBody } from '../../exchange/hub-api';
import { rows } from '../../server/db/open';
import { enrollCommunity, enrollmentRequest, meeting, reportPackage, send, signIn, startHub, targets, type FakeCommunity, type TestHub } from './support';

// 重新登记（更换电脑）: the community's PC is lost; the street issues a new code, the new PC enrolls
// with a new key, the old key is refused from then on, and sequences restart at 1 under the new
// key epoch. And the enrollment rate limit: ten failed codes per address in 15 minutes.

const OLD_PC = '这个村（社区）已经用新电脑重新登记，旧电脑的报送包不能再接收';

describe.each(targets)('re-enrollment after a lost PC on $name', (target) => {
  let t: TestHub;
  let admin: string;
  let old: FakeCommunity;

  beforeAll(async () => {
    t = await startHub(target);
    admin = await signIn(t, '王芳', '街道管理员');
    old = await enrollCommunity(t, admin, '幸福里社区');
  }, 60_000);
  afterAll(async () => t?.close());

  const post = (url: string, payload: object | string = {}) => t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload });
  const community = async () =>
    communitiesBody.parse((await t.app.inject({ url: '/api/communities', headers: { cookie: admin } })).json()).items.find((c) => c.name === '幸福里社区')!;
  const meetingTitles = async () =>
    (await rows<{ uid: string; title: string }>(t.opened.db, sql`select uid, title from meetings order by uid`)).map((r) => `${r.uid} ${r.title}`);

  it('replaces the key, restarts the sequence under a new epoch, refuses the old PC and keeps the records', async () => {
    expect((await send(t, reportPackage(old, 1, { meetings: [meeting('meetings-1', '2026-03-01')] }))).body.status).toBe('stored');
    expect((await send(t, reportPackage(old, 2, { meetings: [meeting('meetings-2', '2026-04-01')] }))).body.status).toBe('stored');
    // A 回执包 of the first key epoch.
    expect(repliesBody.parse((await t.app.inject({ url: `/api/communities/${old.communityId}/replies`, headers: { cookie: admin } })).json()).items).toEqual([
      expect.objectContaining({ sequence: 1, acknowledgedSequence: 2 }),
    ]);

    // Enrolled: a plain new code is refused and points to 重新登记.
    const plain = await post(`/api/communities/${old.communityId}/code`);
    expect(plain.statusCode).toBe(400);
    expect(plain.json().message).toContain('重新登记（更换电脑）');

    const issued = enrollCodeBody.parse((await post(`/api/communities/${old.communityId}/reenroll`)).json());
    expect(await community()).toMatchObject({ enrolled: true, keyEpoch: 1, reenrollRequestedAt: expect.any(String) });
    // Until the new PC enrolls, the old one still reports; and the code can be issued again.
    expect((await send(t, reportPackage(old, 3, { meetings: [meeting('meetings-3', '2026-05-01')] }))).body.status).toBe('stored');
    const code = enrollCodeBody.parse((await post(`/api/communities/${old.communityId}/code`)).json()).code;
    expect(code).not.toBe(issued.code);
    const stale = await t.app.inject({ method: 'POST', url: '/api/enroll', payload: enrollmentRequest(generateKeyPair(), issued.code, '幸福里社区') });
    expect(stale.json().message).toContain('登记码不对或已经用过');

    // The new PC (a fresh install, or a restored backup never enrolled) enrolls with the code.
    const keys = generateKeyPair();
    const enrolled = await t.app.inject({ method: 'POST', url: '/api/enroll', payload: enrollmentRequest(keys, code, '幸福里社区') });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect(enrolled.json()).toMatchObject({ communityId: old.communityId });
    const fresh: FakeCommunity = { ...old, keys };
    const row = await community();
    expect(row).toMatchObject({ keyEpoch: 2, lastSequence: 0, reenrollRequestedAt: null });
    expect(row.fingerprint).not.toBe(null);
    const log = ingestLogBody.parse((await t.app.inject({ url: `/api/ingest-log?communityId=${old.communityId}`, headers: { cookie: admin } })).json());
    expect(log.items[0]).toMatchObject({ source: '登记', ok: true });
    expect(log.items[0]!.message).toContain('重新登记（更换电脑）');
    expect(log.items[0]!.message).toContain('第 1 号重新开始');

    // The old PC is out: a new package, and even one already stored re-sent identical.
    const before = await meetingTitles();
    for (const text of [
      reportPackage(old, 4, { meetings: [meeting('meetings-4', '2026-06-01')] }),
      reportPackage(old, 3, { meetings: [meeting('meetings-3', '2026-05-01')] }),
    ]) {
      const refused = await send(t, text);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain(OLD_PC);
    }
    expect(await meetingTitles()).toEqual(before);
    const refusedLog = ingestLogBody.parse((await t.app.inject({ url: `/api/ingest-log?communityId=${old.communityId}`, headers: { cookie: admin } })).json());
    expect(refusedLog.items[0]).toMatchObject({ ok: false, message: expect.stringContaining(OLD_PC) });
    // A pull signed with the old key is refused too.
    const pull = signPullRequest(old.communityId, 0, old.keys.privateKeyPem, new Date().toISOString());
    const pulled = await t.app.inject({ url: `/api/replies?${new URLSearchParams({ ...pull, after: '0' }).toString()}` });
    expect(pulled.statusCode).toBe(403);
    expect(pulled.json().message).toContain('旧电脑不能再取回执');

    // The new key starts at 1: a restored backup sends the same uids again — upserted, not added.
    expect((await send(t, reportPackage(fresh, 2, {}))).body.message).toContain('缺少第 1 号');
    const first = reportPackage(fresh, 1, { meetings: [meeting('meetings-1', '2026-03-01', { title: '居民代表会议（恢复后修改）' })] });
    expect((await send(t, first)).body).toMatchObject({ status: 'stored', sequence: 1 });
    // Re-sent within the same epoch: already.
    expect((await send(t, first)).body).toMatchObject({ status: 'already' });
    expect(await meetingTitles()).toEqual([
      'meetings-1 居民代表会议（恢复后修改）',
      'meetings-2 居民代表会议 2026-04-01',
      'meetings-3 居民代表会议 2026-05-01',
    ]);
    expect(await community()).toMatchObject({ keyEpoch: 2, lastSequence: 1 });

    // 回执包 restart at 1 in the new epoch, acknowledging the new key's sequence.
    const replies = repliesBody.parse((await t.app.inject({ url: `/api/communities/${old.communityId}/replies`, headers: { cookie: admin } })).json());
    expect(replies.items).toEqual([expect.objectContaining({ sequence: 1, acknowledgedSequence: 1 })]);
    const file = await t.app.inject({ url: `/api/communities/${old.communityId}/replies/1`, headers: { cookie: admin } });
    expect(JSON.parse(file.body)).toMatchObject({ header: { kind: 'reply', sequence: 1 }, body: { acknowledgedSequence: 1 } });
    const newPull = signPullRequest(old.communityId, 0, keys.privateKeyPem, new Date().toISOString());
    const newPulled = await t.app.inject({ url: `/api/replies?${new URLSearchParams({ ...newPull, after: '0' }).toString()}` });
    expect(newPulled.statusCode, newPulled.body).toBe(200);
    expect(newPulled.json().packages.map((p: { sequence: number; acknowledgedSequence: number }) => [p.sequence, p.acknowledgedSequence])).toEqual([[1, 1]]);
  });

  it('refuses 重新登记 for a community that never enrolled, and an unknown one', async () => {
    const created = (await post('/api/communities', { name: '东风社区' })).json() as { communityId: string };
    const r = await post(`/api/communities/${created.communityId}/reenroll`);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('还没有登记');
    expect((await post('/api/communities/c-none/reenroll')).json().message).toContain('没有这个村（社区）');
  });

  it('refuses enrollment after ten failed codes from one address in 15 minutes', async () => {
    const created = (await post('/api/communities', { name: '青石村', orgKind: '村' })).json() as { code: string };
    const attempt = (code: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/enroll', remoteAddress, payload: enrollmentRequest(generateKeyPair(), code, '青石村', '村') });
    for (let i = 0; i < 10; i++) {
      const wrong = await attempt(`WRONG${String(i).padStart(3, '2')}`, '10.0.0.7');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().message).toContain('登记码不对');
    }
    // The eleventh is refused before the code is even looked at — the right code too.
    const blocked = await attempt(created.code, '10.0.0.7');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toContain('登记码输错的次数太多');
    expect(blocked.json().message).toContain('分钟后再试');
    // Another address is not affected, and the code still works.
    const other = await attempt(created.code, '10.0.0.8');
    expect(other.statusCode, other.body).toBe(200);
  });
});
