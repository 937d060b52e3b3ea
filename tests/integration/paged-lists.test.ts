import { describe, expect, it } from 'vitest';
import { clockOf } from '../../db/clock';
import { completeSummons, createSummons, listSummons, reportSummons } from '../../db/summons';
import * as schema from '../../db/schema';
import { todayIn } from '../../core/clock';
import { departmentRates } from '../../core/followup/rates';
import { value, village } from '../support/village';
import { write } from '../support/write';

// Whole-history lists are paged and filtered by SQLite, and the screens that used to run a query
// per row (督办, 首页, rates) now read sets: the results must be the ones a row-by-row reading gives.

type Item = { id: number; [k: string]: unknown };
const ids = (r: { items: Item[] }) => r.items.map((i) => i.id);

async function world() {
  const v = await village(45);
  const { ctx, meeting, decide } = v;
  // Seven resolutions over two years: 〔2025〕1–2, 〔2026〕1–5.
  const a = await decide('2025-12-20', ['旧路修补', '旧灯更换']);
  const b = await decide('2026-03-15', ['村道硬化', '增设路灯', '河道清淤']);
  const c = await decide('2026-06-10', ['文化广场', '垃圾分类']);
  const [r1, r2] = a.resolutions;
  const [r3, r4, r5] = b.resolutions;
  const [r6, r7] = c.resolutions;
  const deadline = (r: { id: number }, d: string) => value(ctx, 'resolutions.update', { id: r.id, deadline: d, responsible: '村委会' });
  await deadline(r1!, '2026-01-31'); // overdue on 2026-07-01
  await deadline(r3!, '2026-06-30'); // overdue
  await deadline(r4!, '2026-07-05'); // due soon
  await deadline(r5!, '2026-07-08'); // due soon (7 days on)
  await deadline(r6!, '2026-07-09'); // later
  // Several progress entries: the list shows the last one of each.
  const progress = (r: { id: number }, date: string, percent: number) =>
    value(ctx, 'followUp.addProgress', { resolutionId: r.id, date, text: `进度${percent}`, percent });
  await progress(r3!, '2026-04-01', 20);
  await progress(r3!, '2026-05-01', 70);
  await progress(r4!, '2026-04-10', 10);
  await progress(r6!, '2026-06-11', 5);
  await value(ctx, 'followUp.complete', { resolutionId: r2!.id, completedOn: '2026-01-10', result: '已更换' });
  // Meetings either side of a new year, besides the three above.
  await meeting('年末会议', '2025-12-31');
  await meeting('新年会议', '2026-01-01');
  await meeting('秋季会议', '2026-09-01');
  return { ...v, r: [r1!, r2!, r3!, r4!, r5!, r6!, r7!] };
}

describe('paged lists', () => {
  it('pages meetings in SQL with totals, the year by a date range, in the same order as unpaged', async () => {
    const { ctx, org } = await world();
    const all = await value(ctx, 'meetings.list', { orgId: org.id, pageSize: 200 });
    expect(all.total).toBe(6);
    expect(all.items.map((m: { date: string }) => m.date)).toEqual(['2026-09-01', '2026-06-10', '2026-03-15', '2026-01-01', '2025-12-31', '2025-12-20']);
    const pages = [1, 2, 3].map((page) => value(ctx, 'meetings.list', { orgId: org.id, page, pageSize: 2 }));
    const got = await Promise.all(pages);
    expect(got.map((p) => p.total)).toEqual([6, 6, 6]);
    expect(got.flatMap(ids)).toEqual(ids(all));
    expect((await value(ctx, 'meetings.list', { orgId: org.id, page: 4, pageSize: 2 })).items).toEqual([]);
    const y2025 = await value(ctx, 'meetings.list', { orgId: org.id, year: 2025 });
    expect([y2025.total, y2025.items.map((m: { title: string }) => m.title)]).toEqual([2, ['年末会议', '2025-12-20 村民代表会议']]);
    expect((await value(ctx, 'meetings.list', { orgId: org.id, year: 2026, status: '草稿' })).items.map((m: { title: string }) => m.title)).toEqual([
      '秋季会议',
      '新年会议',
    ]);
    expect((await value(ctx, 'meetings.list', { orgId: org.id, query: '年' })).total).toBe(2);
    expect((await value(ctx, 'meetings.list', { orgId: org.id })).items[0].lawVersion).toBe('2025');
  });

  it('lists 督办 with each resolution’s last progress as the one-by-one reading gives, paged with totals', async () => {
    const { ctx, org, r } = await world();
    const today = '2026-07-01';
    const one = async (id: number) => {
      const { progress: _p, ...item } = await value(ctx, 'followUp.get', { resolutionId: id, today });
      return item;
    };
    const byId = new Map(await Promise.all(r.map(async (x) => [x.id, await one(x.id)] as const)));
    const [r1, r2, r3, r4, r5, r6, r7] = r.map((x) => x.id) as [number, number, number, number, number, number, number];
    const list = (filter: string, extra = {}) => value(ctx, 'followUp.list', { orgId: org.id, filter, today, ...extra });
    // Newest number first; overdue and due soon by deadline.
    const expected: Record<string, number[]> = {
      all: [r7, r6, r5, r4, r3, r2, r1],
      open: [r7, r6, r5, r4, r3, r1],
      done: [r2],
      overdue: [r1, r3],
      dueSoon: [r4, r5],
    };
    for (const [filter, want] of Object.entries(expected)) {
      const got = await list(filter);
      expect([filter, got.total]).toEqual([filter, want.length]);
      expect(got.items).toEqual(want.map((id) => byId.get(id)));
    }
    // By hand: r3's last entry is 70% of 05-01; r4 due in 4 days; r1 overdue 151 days.
    expect(byId.get(r3)).toMatchObject({ lastPercent: 70, lastProgressOn: '2026-05-01', dueState: 'overdue', daysLeft: -1 });
    expect(byId.get(r4)).toMatchObject({ lastPercent: 10, dueState: 'dueSoon', daysLeft: 4 });
    expect(byId.get(r7)).toMatchObject({ lastPercent: null, lastProgressOn: null, dueState: 'none', daysLeft: null });
    expect(byId.get(r1)!.daysLeft).toBe(-151);
    const pages = await Promise.all([1, 2, 3].map((page) => list('all', { page, pageSize: 3 })));
    expect(pages.map((p) => [p.total, p.items.length])).toEqual([
      [7, 3],
      [7, 3],
      [7, 1],
    ]);
    expect(pages.flatMap(ids)).toEqual(expected.all);
    // The home page shows the overdue and due-soon ones, soonest deadline first.
    const home = await value(ctx, 'home.summary', { orgId: org.id, today });
    expect(home.resolutions.map((x: Item) => x.id)).toEqual([r1, r3, r4, r5]);
    expect([home.counts.resolutionsOverdue, home.counts.resolutionsDueSoon]).toEqual([2, 2]);
    // Carry-over onto a later meeting: the unfinished ones, oldest number first.
    const later = await value(ctx, 'meetings.list', { orgId: org.id, query: '秋季' });
    const carry = await value(ctx, 'followUp.carryCandidates', { meetingId: later.items[0].id, today });
    expect(carry.items).toEqual([r1, r3, r4, r5, r6, r7].map((id) => byId.get(id)));
  });

  it('pages and filters summons in SQL, overdue judged as each row judges itself, and counts the rates per period', async () => {
    const { db, ctx, org } = await village(2);
    const topic = async (title: string) =>
      (await value(ctx, 'topics.create', { orgId: org.id, receivedOn: '2026-01-05', channel: '热线电话', raiserKind: 'anonymous', title, content: title }))
        .id as number;
    const topicIds = [await topic('甲'), await topic('乙'), await topic('丙')];
    const departments = ['城管执法队', '供电所', '水务站'];
    // 18 summons over a year, one every 20 days; some reported (in time or late), some closed.
    for (let i = 0; i < 18; i++) {
      const summonedAt = new Date(Date.parse('2026-01-01T02:00:00Z') + i * 20 * 86_400_000).toISOString();
      const s = write(
        db,
        (tx) =>
          createSummons(tx, {
            orgId: org.id,
            department: departments[i % 3]!,
            ...(i % 4 === 0 ? {} : { topicId: topicIds[i % 3]! }),
            summonedAt,
            reportWithinHours: 24,
            ...(i % 5 === 0 ? { deadline: todayIn('Asia/Shanghai', new Date(Date.parse(summonedAt) + 10 * 86_400_000)) } : {}),
          }),
        new Date(summonedAt),
      );
      if (i % 3 !== 2) {
        const reportedAt = new Date(Date.parse(summonedAt) + (i % 2 ? 30 : 24) * 3_600_000).toISOString(); // 24 h exactly is in time
        write(db, (tx) => reportSummons(tx, { id: s.id, reportedAt }), new Date(reportedAt));
      }
      if (i % 4 === 1)
        write(db, (tx) => completeSummons(tx, { id: s.id, result: '已办', resolved: i % 8 === 1 }), new Date(Date.parse(summonedAt) + 2 * 86_400_000));
    }
    await value(ctx, 'topics.close', { id: topicIds[0], result: '办结', date: '2026-12-01' });
    await value(ctx, 'topics.feedback', { id: topicIds[0], satisfaction: '满意', date: '2026-12-02' });
    await value(ctx, 'topics.close', { id: topicIds[1], result: '办结', date: '2026-12-01' });
    await value(ctx, 'topics.feedback', { id: topicIds[1], satisfaction: '不满意', date: '2026-12-02' });

    const clock = clockOf(db, new Date('2026-12-20T04:00:00Z'));
    const all = listSummons(db, { orgId: org.id, pageSize: 200 }, clock);
    expect(all.total).toBe(18);
    // Overdue in SQL is exactly the rows whose own reading says overdue (and not closed).
    const overdue = listSummons(db, { orgId: org.id, overdueOnly: true, pageSize: 200 }, clock);
    expect(overdue.items.map((s) => s.id)).toEqual(all.items.filter((s) => s.overdue).map((s) => s.id));
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((s) => s.overdue)).toBe(true);
    const pages = [1, 2, 3, 4].map((page) => listSummons(db, { orgId: org.id, page, pageSize: 5 }, clock));
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5, 3]);
    expect(pages.flatMap((p) => p.items.map((s) => s.id))).toEqual(all.items.map((s) => s.id));
    const forTopics = listSummons(db, { orgId: org.id, topicIds: [topicIds[0]!] }, clock);
    expect(forTopics.items.map((s) => s.id)).toEqual(all.items.filter((s) => s.topicId === topicIds[0]).map((s) => s.id));

    // The rates as core/followup/rates computes them from every row, for several periods.
    const rows = db.orm.select().from(schema.summons).all();
    const sat = new Map(
      db.orm
        .select({ id: schema.topics.id, s: schema.topics.satisfaction })
        .from(schema.topics)
        .all()
        .map((t) => [t.id, t.s]),
    );
    const records = rows.map((s) => ({
      department: s.department,
      summonedOn: todayIn('Asia/Shanghai', new Date(s.summonedAt)),
      summonedAt: s.summonedAt,
      reportWithinHours: s.reportWithinHours,
      reportedAt: s.reportedAt,
      resolved: s.resolved,
      topicId: s.topicId,
      topicSatisfaction: s.topicId == null ? null : (sat.get(s.topicId) ?? null),
    }));
    for (const period of [
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2026-01-01', to: '2026-01-21' },
      { from: '2026-03-02', to: '2026-06-30' },
      { from: '2027-01-01', to: '2027-01-31' },
    ]) {
      const got = await value(ctx, 'summons.rates', { orgId: org.id, ...period });
      expect(got).toEqual({ ...period, ...departmentRates(records, period) });
    }
    // By hand for January 1–21: summons 0 (城管, reported at 24 h: in time) and 1 (供电所, 30 h: late; resolved).
    const jan = await value(ctx, 'summons.rates', { orgId: org.id, from: '2026-01-01', to: '2026-01-21' });
    expect([jan.total.summoned, jan.total.response.text, jan.total.resolution.text]).toEqual([2, '1/2（50.0%）', '1/2（50.0%）']);
  });

  it('filters notices by status in SQL as each notice’s own status reads, and pages matters with their next step', async () => {
    const { ctx, org, r } = await world();
    const post = (resolutionId: number, title: string, postedOn: string, periodDays: number) =>
      value(ctx, 'notices.create', { orgId: org.id, kind: '决议公开', resolutionId, title, postedOn, periodDays, place: '公开栏' });
    await post(r[2]!.id, '甲', '2026-06-01', 15); // ended 06-15: expired on 07-01
    await post(r[3]!.id, '乙', '2026-06-20', 15); // ends 07-04: ending soon
    await post(r[4]!.id, '丙', '2026-06-25', 30); // ends 07-24: current
    await post(r[5]!.id, '丁', '2026-07-02', 15); // not yet started
    const taken = await post(r[6]!.id, '戊', '2026-06-10', 15);
    await value(ctx, 'notices.takeDown', { id: taken.id, takenDownOn: '2026-06-30' });
    const today = '2026-07-01';
    const all = await value(ctx, 'notices.list', { orgId: org.id, filter: 'all', today });
    expect(all.items.map((n: { title: string; status: string }) => [n.title, n.status])).toEqual([
      ['丁', '未开始'],
      ['丙', '公示中'],
      ['乙', '公示中'],
      ['戊', '已撤下'],
      ['甲', '期满未撤'],
    ]);
    const titles = async (filter: string) => {
      const got = await value(ctx, 'notices.list', { orgId: org.id, filter, today });
      return [got.total, got.items.map((n: { title: string }) => n.title)];
    };
    expect(await titles('current')).toEqual([2, ['丙', '乙']]);
    expect(await titles('endingSoon')).toEqual([1, ['乙']]);
    expect(await titles('expired')).toEqual([1, ['甲']]);
    const page2 = await value(ctx, 'notices.list', { orgId: org.id, filter: 'all', today, page: 2, pageSize: 2 });
    expect([page2.total, page2.items.map((n: { title: string }) => n.title)]).toEqual([5, ['乙', '戊']]);
    const home = await value(ctx, 'home.summary', { orgId: org.id, today });
    expect([
      home.counts.noticesCurrent,
      home.noticesEndingSoon.map((n: { title: string }) => n.title),
      home.noticesExpired.map((n: { title: string }) => n.title),
    ]).toEqual([2, ['乙'], ['甲']]);

    for (const [i, day] of ['2026-01-01', '2026-02-01', '2026-03-01'].entries()) {
      await value(ctx, 'matters.create', { orgId: org.id, title: `事项${i + 1}`, createdOn: day });
    }
    const first = await value(ctx, 'matters.list', { orgId: org.id, pageSize: 2 });
    const second = await value(ctx, 'matters.list', { orgId: org.id, page: 2, pageSize: 2 });
    expect([first.total, first.items.map((m: { title: string }) => m.title), second.items.map((m: { title: string }) => m.title)]).toEqual([
      3,
      ['事项3', '事项2'],
      ['事项1'],
    ]);
    expect(first.items[0]).toMatchObject({ nextStep: 1 });
  });
});
