/**
 * The desktop app and the street hub together, each as it really runs: the desktop through its
 * own dispatch on a real SQLite file, the hub listening on a port with its database (PGlite, and
 * a real PostgreSQL server where HUB_TEST_DATABASE_URL is set). Nothing stands in for either.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleWorld } from '../../core/contract/samples';
import { filedRule } from '../../core/contract/samples/rules';
import { buildWorld, caller, copyOfWorld } from '../support/sample-world';
import { signIn, startHub, targets, type TestHub } from './support';

let built: { file: string; world: SampleWorld };
beforeAll(async () => {
  built = await buildWorld();
}, 120_000);

describe.each(targets)('a village and its street hub on $name', (target) => {
  let hub: TestHub;
  let url: string;
  let admin: string;
  let department: string;

  beforeAll(async () => {
    hub = await startHub(target, '青石镇议事集散中心');
    await hub.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
    admin = await signIn(hub, 'wangfang', '街道管理员');
    department = await signIn(hub, 'gongdian', '部门', '供电所');
  }, 60_000);
  afterAll(async () => hub?.close());

  const get = async (path: string, cookie = admin) => {
    const res = await hub.app.inject({ method: 'GET', url: path, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const post = async (path: string, payload: object, cookie = admin) => {
    const res = await hub.app.inject({ method: 'POST', url: path, headers: { cookie }, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('enrolls with the code, sends its records, and gets the street’s 备案审查意见 and the department’s 报到 back on the right records', async () => {
    const desk = copyOfWorld(built.file);
    try {
      const call = caller(desk.ctx);
      const orgId = built.world.village.orgId;
      const rule = await filedRule({ world: built.world, call });
      const topic = await call('topics.create', {
        orgId,
        receivedOn: '2026-11-18',
        channel: '热线电话',
        raiserKind: 'anonymous',
        title: '村东路灯不亮',
        content: '村东路口三盏路灯坏了',
      });
      const summons = await call('summons.create', {
        orgId,
        topicId: topic.id,
        department: '供电所',
        summonedAt: '2026-11-20T09:00:00+08:00',
        reportWithinHours: 24,
      });

      const { code, communityId } = await post('/api/communities', { name: '青石村', orgKind: '村' });
      const wrong = await call('exchange.enrollApply', { orgId, hubUrl: url, code: 'WRONG123' }).catch((e: Error) => e.message);
      expect(wrong).toMatch(/^exchange\.enrollApply: .*街道平台没有登记：/);
      const status = await call('exchange.enrollApply', { orgId, hubUrl: url, code });
      expect(status).toMatchObject({ enrolled: true, communityId, hubName: '青石镇议事集散中心' });
      expect((await get('/api/hub')).fingerprint).toBe(status.hubFingerprint);

      const pushed = await call('exchange.push', { orgId });
      expect(pushed).toMatchObject({ sent: [1], acknowledgedSequence: 1 });

      // What the street sees: the village's meetings, its rule awaiting review, its 吹哨.
      const meetings = await get(`/api/dashboard/meetings?communityId=${communityId}&from=2026-01-01&to=2026-12-31`);
      expect(meetings.rows.some((r: { communityName: string; held: number }) => r.communityName === '青石村' && r.held > 0)).toBe(true);
      const rules = await get(`/api/dashboard/rules?communityId=${communityId}`);
      const row = rules.rows.find((r: { uid: string }) => r.uid === `rule_documents-${rule.id}`);
      expect(row).toMatchObject({ title: rule.title, status: '待审查', filedOn: '2026-10-25' });
      expect(row.documents.map((d: { kind: string }) => d.kind)).toContain('备案报告');

      // The street answers: the rule is returned with reasons; 供电所 reports and answers.
      await post('/api/rules/review', { communityId, ruleUid: row.uid, decision: '退回', reasons: '第五条罚款没有法律依据，请删去后重新表决' });
      const readOnly = await signIn(hub, 'chakan', '只读');
      const refused = await hub.app.inject({
        method: 'POST',
        url: '/api/rules/review',
        headers: { cookie: readOnly },
        payload: { communityId, ruleUid: row.uid, decision: '同意备案' },
      });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      await post('/api/summons/answer', { communityId, summonsUid: `summons-${summons.id}`, reported: true, answer: '已更换三盏路灯' }, department);

      const pulled = await call('exchange.pull', { orgId });
      expect(pulled.results.filter((r) => r.applied).length).toBeGreaterThanOrEqual(1);
      const reviews = await call('exchange.filingReviews', { docId: rule.id });
      expect(reviews.items).toEqual([
        expect.objectContaining({
          decision: '退回',
          reasons: '第五条罚款没有法律依据，请删去后重新表决',
          reviewer: 'wangfang',
          authority: '青石镇议事集散中心',
        }),
      ]);
      const answers = await call('exchange.summonsReplies', { summonsId: summons.id });
      expect(answers.items).toEqual([expect.objectContaining({ department: '供电所', answer: '已更换三盏路灯', by: 'gongdian' })]);
      expect((await call('summons.list', { orgId, topicId: topic.id })).items[0]!.reportedAt).not.toBeNull();
      expect(await call('exchange.status', { orgId })).toMatchObject({ lastAcknowledged: 1, unacknowledged: 0 });

      // Pulling again brings nothing new and changes nothing; sending the same file by hand is "already".
      expect((await call('exchange.pull', { orgId })).message).toBe('街道平台暂时没有新的回执。');
      const file = await call('exchange.resave', { orgId, sequence: 1 });
      const again = await hub.app.inject({
        method: 'POST',
        url: '/api/admin/packages',
        headers: { cookie: admin, 'content-type': 'application/json' },
        payload: Buffer.from(file.base64, 'base64').toString('utf8'),
      });
      expect(again.json()).toMatchObject({ status: 'already', sequence: 1 });
      expect((await call('exchange.filingReviews', { docId: rule.id })).items).toHaveLength(1);
    } finally {
      desk.db.sqlite.close();
    }
  }, 120_000);
});
