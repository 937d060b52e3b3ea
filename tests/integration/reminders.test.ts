import { describe, expect, it } from 'vitest';
import { clockAt } from '../../core/clock';
import { reminderLateness, reminderNotice, type Reminder } from '../../core/reminders';
import { remindersFor } from '../../db/reminders';
import { readReminderSnapshot } from '../../electron/reminder-schedule';
import { value, village } from '../support/village';

/** What the list shows: category, title and how late, in order. */
const shown = (items: Reminder[]) => items.map((r) => [r.category, r.title, reminderLateness(r)]);

/**
 * Everything due on 2026-12-01 (China time), made on 2026-11-30: a resolution's 督办 deadline, a
 * notice whose period ends, a 12345 reply deadline, a summons' 承诺办结 date, and its 报到 limit
 * of 30 hours that ends exactly at midnight (2026-12-01T16:00Z = 12-02 00:00 in Shanghai).
 */
async function dueOnDecemberFirst() {
  const v = await village(35);
  const { ctx, org, decide } = v;
  ctx.now = () => new Date('2026-11-30T12:00:00Z');
  const { resolutions } = await decide('2026-11-10', ['修路', '装灯']);
  await value(ctx, 'resolutions.update', { id: resolutions[0]!.id, deadline: '2026-12-01', responsible: '王主任' });
  await value(ctx, 'resolutions.update', { id: resolutions[1]!.id, deadline: '2026-12-05' });
  const notice = await value(ctx, 'notices.create', {
    orgId: org.id,
    kind: '决议公开',
    resolutionId: resolutions[0]!.id,
    title: '修路决议公示',
    postedOn: '2026-11-17',
    periodDays: 15,
    place: '村务公开栏',
  }); // ends 12-01
  await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '12345热线'] });
  const hotline = await value(ctx, 'topics.create', {
    orgId: org.id,
    receivedOn: '2026-11-28',
    channel: '12345热线',
    raiserKind: 'anonymous',
    title: '楼道灯不亮',
    content: '5号楼楼道灯坏了。',
    ticketNumber: 'GD001',
    replyDueOn: '2026-12-01',
  });
  await value(ctx, 'topics.create', {
    orgId: org.id,
    receivedOn: '2026-11-28',
    channel: '12345热线',
    raiserKind: 'anonymous',
    title: '井盖松动',
    content: '路口井盖松动。',
    replyDueOn: '2026-12-03',
  });
  const summons = await value(ctx, 'summons.create', {
    orgId: org.id,
    department: '城管执法队',
    summonedAt: '2026-11-30T10:00:00Z',
    reportWithinHours: 30,
    deadline: '2026-12-01',
  });
  return { ...v, notice, hotline, summons, resolutions };
}

describe('今日提醒', () => {
  it('turns “today” into “1 day late” at the user’s midnight, not the computer’s', async () => {
    const { db, org, ctx, summons, hotline, resolutions } = await dueOnDecemberFirst();

    // 23:59 on 12-01 in Shanghai: four things due today; the 报到 limit (midnight) is tomorrow's.
    const before = remindersFor(db, org.id, clockAt('Asia/Shanghai', new Date('2026-12-01T15:59:00Z')));
    expect(shown(before)).toEqual([
      ['承诺办结', '向城管执法队吹哨', '今天到期'],
      ['公示期满', '修路决议公示', '今天到期'],
      ['督办', '修路', '今天到期'],
      ['热线答复', '楼道灯不亮', '今天到期'],
    ]);
    expect(before.every((r) => !r.overdue && r.daysLate === 0)).toBe(true);
    expect(before.find((r) => r.category === '督办')).toMatchObject({
      dueOn: '2026-12-01',
      detail: expect.stringContaining('王主任'),
      link: { page: 'resolution', id: resolutions[0]!.id },
    });
    expect(before.find((r) => r.category === '热线答复')).toMatchObject({ detail: '12345热线 · 工单号 GD001', link: { page: 'topic', id: hotline.id } });

    // 00:01 on 12-02: the same four are a day late, and the 报到 limit has just passed.
    const after = remindersFor(db, org.id, clockAt('Asia/Shanghai', new Date('2026-12-01T16:01:00Z')));
    expect(shown(after)).toEqual([
      ['承诺办结', '向城管执法队吹哨', '逾期 1 天'],
      ['公示期满', '修路决议公示', '逾期 1 天'],
      ['督办', '修路', '逾期 1 天'],
      ['热线答复', '楼道灯不亮', '逾期 1 天'],
      ['报到', '向城管执法队吹哨', '刚刚逾期'],
    ]);
    expect(after.every((r) => r.overdue)).toBe(true);
    expect(after.find((r) => r.category === '报到')).toMatchObject({
      dueOn: '2026-12-02',
      dueAt: '2026-12-01T16:00:00.000Z',
      daysLate: 0,
      hoursLate: 0,
      link: { page: 'summons', id: null },
    });

    // Five hours before the limit, on 12-01 19:00: "还剩 5 小时" does not count as due today (it is tomorrow's 00:00)…
    expect(remindersFor(db, org.id, clockAt('Asia/Shanghai', new Date('2026-12-01T11:00:00Z'))).map((r) => r.category)).not.toContain('报到');
    // …but at 03:00 on 12-02 in Tokyo time it is, an hour after midnight, three hours late.
    const tokyo = remindersFor(db, org.id, clockAt('Asia/Tokyo', new Date('2026-12-01T18:00:00Z')));
    expect(tokyo.find((r) => r.category === '报到')).toMatchObject({ overdue: true, dueOn: '2026-12-02', hoursLate: 2 });

    // Through the contract, on the user's zone setting: Xinjiang time (UTC+6) is still 12-01 at 16:01Z.
    ctx.now = () => new Date('2026-12-01T16:01:00Z');
    const shanghai = await value(ctx, 'reminders.today', { orgId: org.id });
    expect(shanghai).toMatchObject({ today: '2026-12-02', timeZone: 'Asia/Shanghai', desktopNotifications: true });
    expect(shanghai.items.map((r: Reminder) => reminderLateness(r))).toEqual(['逾期 1 天', '逾期 1 天', '逾期 1 天', '逾期 1 天', '刚刚逾期']);
    await value(ctx, 'clock.setTimeZone', { timeZone: 'Asia/Urumqi' });
    const urumqi = await value(ctx, 'reminders.today', { orgId: org.id });
    expect(urumqi.today).toBe('2026-12-01');
    expect(shown(urumqi.items)).toEqual([
      // The 报到 limit fell at 22:00 local: late by minutes, the one overdue item.
      ['报到', '向城管执法队吹哨', '刚刚逾期'],
      ['承诺办结', '向城管执法队吹哨', '今天到期'],
      ['公示期满', '修路决议公示', '今天到期'],
      ['督办', '修路', '今天到期'],
      ['热线答复', '楼道灯不亮', '今天到期'],
    ]);
    expect(urumqi.items[0]).toMatchObject({ dueOn: '2026-12-01', overdue: true });
    await value(ctx, 'clock.setTimeZone', { timeZone: 'Asia/Shanghai' });

    // Done things leave the list: the department reports, the hotline is answered, the notice comes down.
    ctx.now = () => new Date('2026-12-01T16:30:00Z');
    await value(ctx, 'summons.report', { id: summons.id, reportedAt: '2026-12-01T16:20:00Z' });
    await value(ctx, 'topics.reply', { id: hotline.id, reply: '已安排维修。', date: '2026-12-02' });
    const left = (await value(ctx, 'reminders.today', { orgId: org.id })).items as Reminder[];
    expect(left.map((r) => r.category)).toEqual(['承诺办结', '公示期满', '督办']);
  });

  it('says how much is due in the notification, and can be turned off for the desktop', async () => {
    const { db, org, ctx } = await dueOnDecemberFirst();
    const items = remindersFor(db, org.id, clockAt('Asia/Shanghai', new Date('2026-12-01T16:01:00Z')));
    expect(reminderNotice(items)).toEqual({
      title: '今日提醒：逾期 5 项',
      body: ['【承诺办结】向城管执法队吹哨（逾期 1 天）', '【公示期满】修路决议公示（逾期 1 天）', '【督办】修路（逾期 1 天）', '……另有 2 项，点击查看'].join(
        '\n',
      ),
    });
    const mixed = remindersFor(db, org.id, clockAt('Asia/Urumqi', new Date('2026-12-01T16:01:00Z')));
    expect(reminderNotice(mixed)?.title).toBe('今日提醒：逾期 1 项，今天到期 4 项');
    expect(reminderNotice([])).toBeNull();

    // What the desktop app reads for its notification: the current 议事主体's list.
    ctx.now = () => new Date('2026-12-01T16:01:00Z');
    const snapshot = await readReminderSnapshot(ctx);
    expect(snapshot).toMatchObject({ today: '2026-12-02', timeZone: 'Asia/Shanghai', desktopNotifications: true });
    expect(snapshot?.items).toHaveLength(5);

    await value(ctx, 'reminders.setDesktop', { desktopNotifications: false });
    expect((await readReminderSnapshot(ctx))?.desktopNotifications).toBe(false);
    expect((await value(ctx, 'reminders.today', { orgId: org.id })).desktopNotifications).toBe(false);
    const trail = ctx.db.sqlite.prepare("select count(*) from audit_log where action = 'settings.desktopReminders'").pluck().get();
    expect(trail).toBe(1);
  });
});
