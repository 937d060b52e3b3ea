import { describe, expect, it } from 'vitest';
import { listFollowUp } from '../../db/followup';
import { clockOf } from '../../db/clock';
import { failure, value, village } from '../support/village';

describe('决议督办', () => {
  it('records progress, refuses >100% and going backwards without a reason, and completes separately', async () => {
    const { ctx, db, decide } = await village(45);
    const { resolutions } = await decide('2026-03-15', ['村道硬化']);
    const r = resolutions[0]!;
    await value(ctx, 'resolutions.update', { id: r.id, responsible: '村委会主任', deadline: '2026-06-30' });
    let f = await value(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-04-01', text: '完成招标', percent: 30 });
    f = await value(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-05-01', text: '路基完成', percent: 60 });
    expect(f.lastPercent).toBe(60);

    const count = () => db.sqlite.prepare('select (select count(*) from resolution_progress), (select count(*) from audit_log)').raw().get();
    const before = count();
    expect((await failure(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-05-10', text: '超额', percent: 120 })).message).toContain(
      '不能超过 100%',
    );
    expect((await failure(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-05-10', text: '返工', percent: 50 })).message).toBe(
      '进度比上次（60%）低，请说明原因',
    );
    expect((await failure(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-04-10', text: '补记', percent: 70 })).message).toContain(
      '早于上一次登记',
    );
    expect((await failure(ctx, 'followUp.addProgress', { resolutionId: 9999, date: '2026-05-10', text: 'x', percent: 70 })).code).toBe('NOT_FOUND');
    expect(count()).toEqual(before);

    f = await value(ctx, 'followUp.addProgress', {
      resolutionId: r.id,
      date: '2026-05-10',
      text: '路基沉降返工',
      percent: 50,
      reason: '雨季路基沉降，部分返工',
    });
    f = await value(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-06-20', text: '全部完工', percent: 100 });
    expect(f).toMatchObject({ lastPercent: 100, completedOn: null });
    expect(f.progress.map((p: { percent: number; reason: string | null }) => [p.percent, p.reason])).toEqual([
      [30, null],
      [60, null],
      [50, '雨季路基沉降，部分返工'],
      [100, null],
    ]);
    f = await value(ctx, 'followUp.complete', { resolutionId: r.id, completedOn: '2026-06-25', result: '村道 1.2 公里全部硬化，验收合格' });
    expect(f).toMatchObject({ completedOn: '2026-06-25', dueState: 'done' });
    expect((await failure(ctx, 'followUp.complete', { resolutionId: r.id, completedOn: '2026-06-26', result: '再办结' })).code).toBe('CONFLICT');
    expect((await failure(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-06-26', text: 'x', percent: 100 })).message).toContain(
      '已于 2026-06-25 办结',
    );
    expect(() => db.sqlite.prepare('update resolution_progress set percent = 10').run()).toThrow('决议进度记录不能修改');
    expect(() => db.sqlite.prepare('update resolutions set result = ? where id = ?').run('改', r.id)).toThrow('办结日期和结果不能修改');
    expect((await value(ctx, 'resolutions.list', { orgId: f.orgId })).items[0]).toMatchObject({ completedOn: '2026-06-25' });
  });

  it('lists overdue and due-within-7-days resolutions by the local date, around midnight', async () => {
    const { ctx, db, org, decide } = await village(45);
    const { resolutions } = await decide('2026-11-01', ['甲', '乙', '丙']);
    await value(ctx, 'resolutions.update', { id: resolutions[0]!.id, deadline: '2026-11-25' });
    await value(ctx, 'resolutions.update', { id: resolutions[1]!.id, deadline: '2026-12-03' });
    await value(ctx, 'resolutions.update', { id: resolutions[2]!.id, deadline: '2026-12-04' });
    const late = new Date('2026-11-25T16:30:00Z'); // 2026-11-26 00:30 in Shanghai
    const today = clockOf(db, late).today;
    expect(today).toBe('2026-11-26');
    expect(listFollowUp(db, { orgId: org.id, filter: 'overdue' }, today).items.map((r) => [r.title, r.daysLeft])).toEqual([['甲', -1]]);
    expect(listFollowUp(db, { orgId: org.id, filter: 'dueSoon' }, today).items.map((r) => r.title)).toEqual(['乙']);
    const earlier = clockOf(db, new Date('2026-11-25T15:59:00Z')).today;
    expect(listFollowUp(db, { orgId: org.id, filter: 'overdue' }, earlier).items).toEqual([]);
    // The user's own zone: in UTC it is still the 25th.
    await value(ctx, 'clock.setTimeZone', { timeZone: 'UTC' });
    expect(clockOf(db, late).today).toBe('2026-11-25');
    expect((await failure(ctx, 'clock.setTimeZone', { timeZone: 'Mars/Olympus' })).message).toContain('不认识时区');
    expect((await value(ctx, 'followUp.list', { orgId: org.id, filter: 'overdue', today: '2026-11-26' })).items).toHaveLength(1);
  });

  it('offers unfinished resolutions of earlier meetings for the next agenda and carries only those accepted', async () => {
    const { ctx, org, decide, meeting } = await village(45);
    const first = await decide('2026-03-15', ['村道硬化', '增设路灯']);
    const [road, lights] = first.resolutions;
    await value(ctx, 'followUp.complete', { resolutionId: lights!.id, completedOn: '2026-04-01', result: '已安装 20 盏' });
    const next = await meeting('第二季度村民代表会议', '2026-06-15');
    const candidates = await value(ctx, 'followUp.carryCandidates', { meetingId: next.id });
    expect(candidates.items.map((r: { id: number }) => r.id)).toEqual([road!.id]);
    // Nothing is added until the user accepts.
    expect((await value(ctx, 'agenda.list', { meetingId: next.id })).items).toEqual([]);
    const agenda = await value(ctx, 'followUp.carry', { meetingId: next.id, resolutionIds: [road!.id] });
    expect(agenda.items).toMatchObject([{ title: '跟进事项：村道硬化（〔2026〕1号）', resolutionId: road!.id, topicId: null }]);
    expect((await value(ctx, 'followUp.carryCandidates', { meetingId: next.id })).items).toEqual([]);
    expect((await failure(ctx, 'followUp.carry', { meetingId: next.id, resolutionIds: [road!.id] })).message).toContain('不能列为本次会议的跟进事项');
    expect((await failure(ctx, 'followUp.carry', { meetingId: next.id, resolutionIds: [lights!.id] })).message).toContain('已办结');
    // A meeting before the decision gets nothing.
    const before = await meeting('更早的会议', '2026-03-01');
    expect((await value(ctx, 'followUp.carryCandidates', { meetingId: before.id })).items).toEqual([]);
    expect((await value(ctx, 'followUp.list', { orgId: org.id, filter: 'open' })).items.map((r: { id: number }) => r.id)).toEqual([road!.id]);
  });
});
