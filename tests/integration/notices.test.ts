import { describe, expect, it } from 'vitest';
import { failure, value, village } from '../support/village';

describe('公示', () => {
  it('requires the rule’s period, counts the posting day, lists current and ending notices, and asks why one came down early', async () => {
    const { ctx, db, org, decide } = await village(45);
    const { resolutions } = await decide('2026-03-15', ['村道硬化']);
    const r = resolutions[0]!;
    expect(await value(ctx, 'notices.minimumDays', { orgId: org.id, resolutionId: r.id })).toMatchObject({ days: 15, statutory: true });
    const base = { orgId: org.id, kind: '决议公开', resolutionId: r.id, title: '关于村道硬化的决议公示', postedOn: '2026-03-16', place: '村务公开栏' };
    const count = () => db.sqlite.prepare('select (select count(*) from notices), (select count(*) from audit_log)').raw().get();
    const before = count();
    const short = await failure(ctx, 'notices.create', { ...base, periodDays: 10 });
    expect(short.message).toMatch(/^依照《中华人民共和国村民委员会组织法》（2025年修订）第三十五条，公示期不少于 15 天；现在只有 10 天，请延长公示期$/);
    expect((await failure(ctx, 'notices.create', { ...base, kind: '实施结果公开', resolutionId: undefined, periodDays: 15 })).message).toContain(
      '须选择所公开的决议',
    );
    expect((await failure(ctx, 'notices.create', { ...base, resolutionId: 9999, periodDays: 15 })).code).toBe('NOT_FOUND');
    expect(count()).toEqual(before);

    const n = await value(ctx, 'notices.create', { ...base, periodDays: 15 });
    expect(n).toMatchObject({ endsOn: '2026-03-30', resolutionNumber: r.number });
    const other = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '其他',
      title: '低保名单公示',
      postedOn: '2026-03-25',
      periodDays: 7,
      place: '村委会门口',
    });
    expect(other.endsOn).toBe('2026-03-31');
    expect(
      (await failure(ctx, 'notices.create', { orgId: org.id, kind: '其他', title: '太短', postedOn: '2026-03-25', periodDays: 3, place: '门口' })).message,
    ).toContain('按本软件默认，公示期不少于 7 天');

    const list = async (filter: string, today: string) =>
      (await value(ctx, 'notices.list', { orgId: org.id, filter, today })).items.map((x: { title: string }) => x.title);
    expect(await list('current', '2026-03-20')).toEqual(['关于村道硬化的决议公示']);
    expect(await list('endingSoon', '2026-03-20')).toEqual([]);
    expect(await list('endingSoon', '2026-03-26')).toEqual(['关于村道硬化的决议公示', '低保名单公示']);
    expect(await list('current', '2026-03-30')).toEqual(['低保名单公示', '关于村道硬化的决议公示']);
    expect(await list('expired', '2026-03-31')).toEqual(['关于村道硬化的决议公示']);

    expect((await failure(ctx, 'notices.takeDown', { id: n.id, takenDownOn: '2026-03-29' })).message).toBe(
      '公示期到 2026-03-30 才满（共 15 天），2026-03-29 撤下属于提前撤下，请填写原因',
    );
    const early = await value(ctx, 'notices.takeDown', { id: other.id, takenDownOn: '2026-03-28', reason: '公示栏维修，改为线上公示' });
    expect(early).toMatchObject({ status: '已撤下', takeDownReason: '公示栏维修，改为线上公示' });
    expect((await value(ctx, 'notices.takeDown', { id: n.id, takenDownOn: '2026-03-30' })).takeDownReason).toBeNull();
    expect((await failure(ctx, 'notices.takeDown', { id: n.id, takenDownOn: '2026-04-01' })).code).toBe('CONFLICT');
  });

  it('gives the Word notice of an implementation result its resolution, progress and completion', async () => {
    const { ctx, org, decide } = await village(45);
    const r = (await decide('2026-03-15', ['村道硬化'])).resolutions[0]!;
    await value(ctx, 'resolutions.update', { id: r.id, responsible: '村委会', deadline: '2026-06-30' });
    await value(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-04-01', text: '完成招标', percent: 30 });
    await value(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-06-20', text: '全部完工', percent: 100 });
    await value(ctx, 'followUp.complete', { resolutionId: r.id, completedOn: '2026-06-25', result: '验收合格' });
    const n = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '实施结果公开',
      resolutionId: r.id,
      title: '村道硬化实施结果公示',
      postedOn: '2026-06-26',
      periodDays: 15,
      place: '村务公开栏',
    });
    const data = await value(ctx, 'notices.documentData', { id: n.id, today: '2026-06-27' });
    expect(data).toMatchObject({
      orgName: '东风村村民委员会',
      notice: { kind: '实施结果公开', endsOn: '2026-07-10', status: '公示中', daysLeft: 13 },
      minimum: { days: 15 },
      resolution: { number: '〔2026〕1号', title: '村道硬化', text: '村道硬化的具体内容', responsible: '村委会' },
      completion: { completedOn: '2026-06-25', result: '验收合格' },
    });
    expect(data.progress.map((p: { date: string; percent: number; text: string }) => `${p.date} ${p.percent}% ${p.text}`)).toEqual([
      '2026-04-01 30% 完成招标',
      '2026-06-20 100% 全部完工',
    ]);
    expect((await failure(ctx, 'notices.documentData', { id: 9999 })).code).toBe('NOT_FOUND');
  });
});
