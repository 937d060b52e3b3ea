import { describe, expect, it } from 'vitest';
import { clockOf } from '../../db/clock';
import { homeSummary } from '../../db/home';
import { createSummons, reportSummons } from '../../db/summons';
import { value, village } from '../support/village';
import { write } from '../support/write';

describe('首页', () => {
  it('gathers what needs the secretary on her local day, with counts and six months of topics for the chart', async () => {
    const { ctx, db, org, meeting, decide } = await village(45);
    const now = new Date('2026-11-25T16:30:00Z'); // 2026-11-26 00:30 in Shanghai
    const clock = clockOf(db, now);
    expect(clock.today).toBe('2026-11-26');

    await meeting('今天的议事会', '2026-11-26');
    await meeting('两周内的会议', '2026-12-10');
    await meeting('太远的会议', '2026-12-11');
    await meeting('昨天的会议', '2026-11-25');

    const topic = (receivedOn: string, channel: string, title: string) =>
      value(ctx, 'topics.create', { orgId: org.id, receivedOn, channel, raiserKind: 'anonymous', title, content: title });
    const t1 = await topic('2026-06-03', '热线电话', '六月的事');
    await topic('2026-11-20', '居民信箱', '十一月的事');
    await topic('2026-11-21', '居民信箱', '十一月的另一件事');
    await topic('2026-05-31', '来访', '五月的事（图表之外）');
    await value(ctx, 'topics.reply', { id: t1.id, reply: '已答复' });

    const cg = write(
      db,
      (tx) => createSummons(tx, { orgId: org.id, department: '城管执法队', summonedAt: '2026-11-20T01:00:00Z', deadline: '2026-11-25' }),
      new Date('2026-11-20T01:00:00Z'),
    );
    write(db, (tx) => reportSummons(tx, { id: cg.id, reportedAt: '2026-11-20T03:00:00Z' }), new Date('2026-11-20T03:00:00Z'));
    write(db, (tx) => createSummons(tx, { orgId: org.id, department: '供电所', summonedAt: '2026-11-25T12:00:00Z' }), new Date('2026-11-25T12:00:00Z')); // not reported, 4.5 h left of 24

    const { resolutions } = await decide('2026-11-01', ['修路', '装灯', '清淤']);
    await value(ctx, 'resolutions.update', { id: resolutions[0]!.id, deadline: '2026-11-25' });
    await value(ctx, 'resolutions.update', { id: resolutions[1]!.id, deadline: '2026-12-03' });
    await value(ctx, 'resolutions.update', { id: resolutions[2]!.id, deadline: '2027-01-31' });
    await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '决议公开',
      resolutionId: resolutions[0]!.id,
      title: '修路决议公示',
      postedOn: '2026-11-15',
      periodDays: 15,
      place: '公开栏',
    }); // ends 11-29

    const h = homeSummary(db, org.id, clock);
    expect(h.meetings.today.map((m) => m.title)).toEqual(['今天的议事会']);
    expect(h.meetings.upcoming.map((m) => m.title)).toEqual(['两周内的会议']);
    expect(h.topicsAwaitingTriage.map((t) => t.title)).toEqual(['五月的事（图表之外）', '十一月的事', '十一月的另一件事']);
    expect(h.summons.map((s) => [s.department, s.overdue, s.dueSoon])).toEqual([['城管执法队', true, false]]);
    expect(h.resolutions.map((r) => [r.title, r.dueState])).toEqual([
      ['修路', 'overdue'],
      ['装灯', 'dueSoon'],
    ]);
    expect(h.noticesEndingSoon.map((n) => [n.title, n.endsOn])).toEqual([['修路决议公示', '2026-11-29']]);
    expect(h.rulesAwaitingFiling).toEqual([]);
    expect(h.counts).toMatchObject({
      meetingsToday: 1,
      meetingsUpcoming: 1,
      topicsAwaitingTriage: 3,
      topicsOpen: 3,
      summonsOverdue: 1,
      resolutionsOverdue: 1,
      resolutionsDueSoon: 1,
      noticesEndingSoon: 1,
    });
    expect(h.chart.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(h.chart.byChannel).toEqual([
      { month: '2026-06', channel: '热线电话', count: 1 },
      { month: '2026-11', channel: '居民信箱', count: 2 },
    ]);
    expect(h.chart.byStatus).toEqual([
      { month: '2026-06', status: '已答复', count: 1 },
      { month: '2026-11', status: '待分办', count: 2 },
    ]);

    // Half an hour earlier it is still the 25th in Shanghai: nothing is overdue yet.
    const earlier = new Date('2026-11-25T15:59:00Z');
    const e = homeSummary(db, org.id, clockOf(db, earlier));
    expect(e.counts).toMatchObject({ summonsOverdue: 0, summonsDueSoon: 1, resolutionsOverdue: 0, meetingsToday: 1 });
    expect(e.meetings.today.map((m) => m.title)).toEqual(['昨天的会议']);

    // Through the contract, with the day fixed by the caller.
    const viaApi = await value(ctx, 'home.summary', { orgId: org.id, today: '2026-11-26' });
    expect(viaApi.counts.resolutionsOverdue).toBe(1);
    expect((await value(ctx, 'clock.get', {})).timeZone).toBe('Asia/Shanghai');
  });
});
