import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedParts } from '../../core/clock';
import { departmentRates, type SummonsRecord } from '../../core/followup/rates';
import { type ReportBody } from '../../exchange';
import { tenYears } from '../../server/bench/generate';
import { summonsRates } from '../../server/db/queries/summons';
import { enrollCommunity, reportPackage, send, signIn, startHub, targets, type TestHub } from './support';

/** What the desktop computes from the same records (core/followup/rates.ts). */
function coreRecords(bodies: ReportBody[]): SummonsRecord[] {
  let topicNumber = 0;
  return bodies.flatMap((body) => {
    const topics = new Map(body.topics.map((t) => [t.uid, { id: ++topicNumber, satisfaction: t.satisfaction }]));
    return body.summons.map((s) => ({
      department: s.department,
      summonedOn: zonedParts('Asia/Shanghai', s.summonedAt).date,
      summonedAt: s.summonedAt,
      reportWithinHours: s.reportWithinHours,
      reportedAt: s.reportedAt,
      resolved: s.resolved,
      topicId: s.topicUid ? (topics.get(s.topicUid)?.id ?? null) : null,
      topicSatisfaction: s.topicUid ? (topics.get(s.topicUid)?.satisfaction ?? null) : null,
    }));
  });
}

describe.each(targets)('吹哨报到 rates on $name equal the desktop’s', (target) => {
  let t: TestHub;
  const bodies = [tenYears(0, '甲社区', { documents: false }), tenYears(1, '乙社区', { documents: false })];

  beforeAll(async () => {
    t = await startHub(target);
    const admin = await signIn(t, '王芳', '街道管理员');
    for (const [i, body] of bodies.entries()) {
      const c = await enrollCommunity(t, admin, body.organization.name);
      expect((await send(t, reportPackage(c, 1, body))).body.ok, `community ${i}`).toBe(true);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('for the whole period, every department and every month', async () => {
    const period = { from: '2017-01-01', to: '2026-12-31' };
    const records = coreRecords(bodies);
    const hub = await summonsRates(t.opened.db, period);
    const core = departmentRates(records, period);
    expect(hub.departments).toEqual(core.departments);
    expect(hub.total).toEqual(core.total);
    for (const m of hub.months.filter((_, i) => i % 17 === 0)) {
      const monthRecords = records.filter((r) => r.summonedOn.startsWith(m.month));
      const expected = departmentRates(monthRecords, period);
      expect(m.departments, m.month).toEqual(expected.departments);
      expect(m.total, m.month).toEqual(expected.total);
    }
  });
});
