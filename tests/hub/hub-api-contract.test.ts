import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type z } from 'zod';
import {
  communitiesBody,
  createdCommunityBody,
  enrollCodeBody,
  hubInfoBody,
  hubRoutes,
  ingestLogBody,
  meBody,
  meetingListBody,
  meetingsBody,
  mattersBody,
  repliesBody,
  resolutionsBody,
  rulesBody,
  summonsBody,
  summonsRatesBody,
  usersBody,
  xlsxRoute,
} from '../../exchange/hub-api';
import { sampleReport } from '../e2e/hub-setup';
import { enrollCommunity, reportPackage, send, signIn, startHub, targets, type FakeCommunity, type TestHub } from './support';

// The street page (hub-web/) reads the hub through the schemas of exchange/hub-api.ts: every
// answer it parses must pass them, so a change on either side fails here, not in a browser.

for (const target of targets) {
  describe(`hub API as the street page reads it (${target.name})`, () => {
    let t: TestHub;
    let admin: string;
    let reader: string;
    let department: string;
    let community: FakeCommunity;

    beforeAll(async () => {
      t = await startHub(target);
      admin = await signIn(t, '管理员', '街道管理员');
      reader = await signIn(t, '只读', '只读');
      department = await signIn(t, '城管科', '部门', '城管科');
      community = await enrollCommunity(t, admin, '青石村', '村');
      const stored = await send(t, reportPackage(community, 1, sampleReport()));
      expect(stored.body.message).toContain('已接收第 1 号报送包');
    }, 60_000);

    afterAll(async () => {
      await t?.close();
    });

    async function read<S extends z.ZodType>(cookie: string, url: string, schema: S): Promise<z.infer<S>> {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      const parsed = schema.safeParse(res.json());
      expect(parsed.error?.issues ?? [], `${url}: ${res.body.slice(0, 300)}`).toEqual([]);
      return parsed.data as z.infer<S>;
    }

    async function post<S extends z.ZodType>(cookie: string, url: string, payload: object, schema?: S) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
      expect(res.statusCode, res.body).toBe(200);
      if (schema) {
        const parsed = schema.safeParse(res.json());
        expect(parsed.error?.issues ?? []).toEqual([]);
        return parsed.data as z.infer<S>;
      }
      return res.json();
    }

    it('session, users and communities', async () => {
      const me = await read(admin, hubRoutes.me, meBody);
      expect(me.user.role).toBe('街道管理员');
      expect(me.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((await read(admin, hubRoutes.users, usersBody)).items.map((u) => u.username)).toContain('城管科');
      const list = await read(reader, hubRoutes.communities, communitiesBody);
      expect(list.items).toEqual([expect.objectContaining({ name: '青石村', enrolled: true, lastSequence: 1 })]);
      const created = await post(admin, hubRoutes.communities, { name: '东风社区', orgKind: '社区' }, createdCommunityBody);
      expect(created.code).toMatch(/^[A-Z0-9]{8}$/);
      const again = await post(admin, hubRoutes.communityCode(created.communityId), {}, enrollCodeBody);
      expect(again.code).not.toBe(created.code);
      const log = await read(admin, hubRoutes.ingestLog, ingestLogBody);
      expect(log.items[0]).toMatchObject({ ok: true, sequence: 1 });
      expect(log.items.map((i) => i.source)).toContain('登记');
      expect((await read(reader, hubRoutes.hub, hubInfoBody)).hubId).toBe(t.hub.hubId);
    });

    it('重新登记（更换电脑）: a new code, and the community row says so', async () => {
      const issued = await post(admin, hubRoutes.communityReenroll(community.communityId), {}, enrollCodeBody);
      expect(issued.code).toMatch(/^[A-Z0-9]{8}$/);
      const list = await read(reader, hubRoutes.communities, communitiesBody);
      expect(list.items.find((c) => c.name === '青石村')).toMatchObject({ enrolled: true, keyEpoch: 1, reenrollRequestedAt: expect.any(String) });
    });

    it('the dashboards, for all communities and for one', async () => {
      // The sample's dates are in 2026; the hub's default period is this year to date.
      for (const scope of ['?from=2026-01-01&to=2026-12-31', `?from=2026-01-01&to=2026-12-31&communityId=${encodeURIComponent(community.communityId)}`]) {
        const meetings = await read(reader, hubRoutes.dashboard.meetings + scope, meetingsBody);
        expect(meetings.rows).toEqual([expect.objectContaining({ communityName: '青石村', month: '2026-11', held: 1, expected: 25, present: 21 })]);
        const resolutions = await read(reader, hubRoutes.dashboard.resolutions + scope, resolutionsBody);
        expect(resolutions.overdue.map((r) => r.title)).toEqual(['村道硬化工程']);
        const rates = await read(reader, hubRoutes.dashboard.summons + scope, summonsRatesBody);
        expect(rates.months[0]?.departments[0]).toMatchObject({ department: '城管科', summoned: 2, response: { text: '1/2（50.0%）' } });
        const matters = await read(reader, hubRoutes.dashboard.matters + scope, mattersBody);
        expect(matters.rows[0]).toMatchObject({ title: '修建村文化广场', inOrder: false });
        const list = await read(reader, hubRoutes.dashboard.meetingList + scope, meetingListBody);
        expect(list).toMatchObject({ total: 1, limit: 50, offset: 0 });
        expect(list.rows[0]).toMatchObject({ communityName: '青石村', expected: 25, present: 21, outcomes: '通过 1 项 / 未通过 0 项', minutes: null });
        const rules = await read(reader, hubRoutes.dashboard.rules + scope, rulesBody);
        expect(rules.rows[0]).toMatchObject({ title: '青石村村规民约', status: '待审查', reviews: [] });
        expect(rules.rows[0]!.steps?.map((s) => s.stage)).toEqual(['征集民意', '审议表决']);
        expect(rules.rows[0]!.documents.map((d) => d.fileName)).toEqual(['青石村村规民约备案报告.docx']);
      }
    });

    it('each dashboard, and the 吹哨 list, has its Excel twin', async () => {
      for (const route of [...Object.values(hubRoutes.dashboard), hubRoutes.summons]) {
        const res = await t.app.inject({ method: 'GET', url: xlsxRoute(route), headers: { cookie: reader } });
        expect(res.statusCode, route).toBe(200);
        expect(res.headers['content-type']).toContain('spreadsheetml');
        expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
      }
    });

    it('the return path: a review, a department answer, the 回执包 list', async () => {
      await post(admin, hubRoutes.ruleReview, {
        communityId: community.communityId,
        ruleUid: 'rule_documents-1',
        decision: '退回',
        reasons: '第五条要改',
        receiptNo: null,
      });
      const rules = await read(reader, hubRoutes.dashboard.rules, rulesBody);
      expect(rules.rows[0]).toMatchObject({ status: '已退回', latestReview: { decision: '退回', reasons: '第五条要改' } });
      expect(rules.rows[0]!.reviews?.map((r) => r.reasons)).toEqual(['第五条要改']);

      const mine = await read(department, hubRoutes.summons, summonsBody);
      expect(mine.items.map((s) => s.uid).sort()).toEqual(['summons-1', 'summons-2']);
      await post(department, hubRoutes.summonsAnswer, { communityId: community.communityId, summonsUid: 'summons-2', reportedAt: null, answer: '本周处理' });
      const after = await read(department, hubRoutes.summons, summonsBody);
      expect(after.items.find((s) => s.uid === 'summons-2')?.latestReply?.answer).toBe('本周处理');

      const replies = await read(admin, hubRoutes.replies(community.communityId), repliesBody);
      expect(replies.items).toEqual([expect.objectContaining({ sequence: 1, acknowledgedSequence: 1 })]);
      const file = await t.app.inject({ method: 'GET', url: hubRoutes.replyFile(community.communityId, 1), headers: { cookie: admin } });
      expect(file.statusCode).toBe(200);
      expect(file.json()).toMatchObject({ header: { kind: 'reply', sequence: 1 } });
    });
  });
}
