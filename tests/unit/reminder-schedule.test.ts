import { describe, expect, it } from 'vitest';
import { dateReminder, instantReminder, reminderLateness, type Reminder } from '../../core/reminders';
import { msUntilNextMorning, nextMorning, pastMorning, reminderNotification, ReminderScheduler, type ReminderSnapshot } from '../../electron/reminder-schedule';

const H = 3_600_000;

function item(category: Reminder['category'], title: string, overdue: boolean, daysLate = overdue ? 2 : 0): Reminder {
  return {
    key: `${category}:${title}`,
    category,
    title,
    detail: null,
    dueOn: '2026-12-01',
    dueAt: null,
    overdue,
    daysLate,
    hoursLeft: null,
    hoursLate: null,
    link: { page: 'topic', id: 1 },
  };
}

describe('the morning of the desktop reminder', () => {
  it('is 08:00 in the user’s zone, today’s while ahead and tomorrow’s after it, across midnight', () => {
    // 2026-12-01 23:59 in Shanghai → 12-02 08:00 Shanghai (00:00Z), 8 h 1 min away.
    expect(nextMorning('Asia/Shanghai', new Date('2026-12-01T15:59:00Z')).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(msUntilNextMorning('Asia/Shanghai', new Date('2026-12-01T15:59:00Z'))).toBe(8 * H + 60_000);
    // 00:01 on 12-02: the same morning, two minutes nearer.
    expect(msUntilNextMorning('Asia/Shanghai', new Date('2026-12-01T16:01:00Z'))).toBe(7 * H + 59 * 60_000);
    // At 08:00 exactly the next one is tomorrow's.
    expect(nextMorning('Asia/Shanghai', new Date('2026-12-02T00:00:00Z')).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    // Xinjiang time (UTC+6): 16:01Z is 22:01 on 12-01 → 08:00 on 12-02 is 02:00Z.
    expect(nextMorning('Asia/Urumqi', new Date('2026-12-01T16:01:00Z')).toISOString()).toBe('2026-12-02T02:00:00.000Z');
    // UTC, whatever the computer says: 07:00Z → one hour.
    expect(msUntilNextMorning('UTC', new Date('2026-12-01T07:00:00Z'))).toBe(H);
    // An unknown zone falls back to China time like every clock.
    expect(nextMorning('Mars/Olympus', new Date('2026-12-01T15:59:00Z')).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    // Across a year's end.
    expect(nextMorning('Asia/Shanghai', new Date('2026-12-31T16:30:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(pastMorning('Asia/Shanghai', new Date('2026-12-01T23:59:00Z'))).toBe(false); // 07:59 on 12-02
    expect(pastMorning('Asia/Shanghai', new Date('2026-12-02T00:00:00Z'))).toBe(true);
  });

  it('says how much is late and due today, with the first three titles', () => {
    const items = [
      item('报到', '供电所报到', true),
      item('督办', '修路', true),
      item('热线答复', '楼道灯不亮', false),
      item('备案', '村规民约', false),
      item('公示期满', '修路公示', false),
    ];
    expect(reminderNotification(items)).toEqual({
      title: '今日提醒：逾期 2 项，今天到期 3 项',
      body: '【报到】供电所报到（逾期 2 天）\n【督办】修路（逾期 2 天）\n【热线答复】楼道灯不亮（今天到期）\n……另有 2 项，点击查看',
    });
    expect(reminderNotification([item('备案', '村规民约', false)])).toEqual({ title: '今日提醒：今天到期 1 项', body: '【备案】村规民约（今天到期）' });
    expect(reminderNotification([])).toBeNull();
  });
});

describe('ReminderScheduler', () => {
  function harness(start: string, snapshot: Partial<ReminderSnapshot> = {}) {
    let now = new Date(start);
    const shown: string[] = [];
    const timers: { run: () => void; at: number }[] = [];
    const state = {
      snapshot: {
        today: '2026-12-01',
        timeZone: 'Asia/Shanghai',
        items: [item('督办', '修路', true)],
        desktopNotifications: true,
        ...snapshot,
      } as ReminderSnapshot | null,
    };
    const scheduler = new ReminderScheduler(
      {
        read: async () => state.snapshot,
        show: (n) => shown.push(n.title),
        now: () => now,
        setTimer: (run, ms) => {
          const t = { run, at: now.getTime() + ms };
          timers.push(t);
          return t;
        },
        clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
      },
      'Asia/Shanghai',
    );
    return {
      scheduler,
      shown,
      timers,
      state,
      set: (iso: string, today: string) => {
        now = new Date(iso);
        if (state.snapshot) state.snapshot = { ...state.snapshot, today };
      },
    };
  }

  it('notifies at start, then each morning once, and on waking only when the morning was missed that day', async () => {
    // Started at 07:00 on 12-01 (Shanghai): notifies, and waits for 08:00.
    const h = harness('2026-11-30T23:00:00Z');
    expect(await h.scheduler.check('start')).not.toBeNull();
    expect(h.shown).toHaveLength(1);
    expect(h.timers.map((t) => new Date(t.at).toISOString())).toEqual(['2026-12-01T00:00:00.000Z']);
    // 08:00 the same day: already told today.
    h.set('2026-12-01T00:00:00Z', '2026-12-01');
    expect(await h.scheduler.check('morning')).toBeNull();
    expect(h.timers.map((t) => new Date(t.at).toISOString())).toEqual(['2026-12-02T00:00:00.000Z']);
    // Woken at 06:30 on 12-02: the morning is still ahead, nothing now; the timer is set again.
    h.set('2026-12-01T22:30:00Z', '2026-12-02');
    expect(await h.scheduler.check('resume')).toBeNull();
    expect(h.timers).toHaveLength(1);
    // Woken at 09:10 on 12-02 (slept through 08:00): notifies once; a second wake the same day does not.
    h.set('2026-12-02T01:10:00Z', '2026-12-02');
    expect(await h.scheduler.check('resume')).not.toBeNull();
    expect(await h.scheduler.check('resume')).toBeNull();
    expect(h.shown).toHaveLength(2);
    // 08:00 on 12-03 by the timer.
    h.set('2026-12-03T00:00:00Z', '2026-12-03');
    h.timers.shift()!.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.shown).toHaveLength(3);
    expect(h.timers).toHaveLength(1);
    h.scheduler.stop();
    expect(h.timers).toHaveLength(0);
  });

  it('stays quiet when nothing is due, when turned off, or when the database cannot answer, and still sets the timer', async () => {
    const empty = harness('2026-12-01T01:00:00Z', { items: [] });
    expect(await empty.scheduler.check('start')).toBeNull();
    const off = harness('2026-12-01T01:00:00Z', { desktopNotifications: false });
    expect(await off.scheduler.check('start')).toBeNull();
    const down = harness('2026-12-01T01:00:00Z');
    down.state.snapshot = null;
    expect(await down.scheduler.check('start')).toBeNull();
    for (const h of [empty, off, down]) {
      expect(h.shown).toEqual([]);
      expect(h.timers.map((t) => new Date(t.at).toISOString())).toEqual(['2026-12-02T00:00:00.000Z']);
    }
    // Something due later the same day (after an empty start) is still told on the next check.
    empty.state.snapshot = { ...empty.state.snapshot!, items: [item('热线答复', '楼道灯不亮', false)] };
    expect(await empty.scheduler.check('resume')).not.toBeNull();
  });

  it('notes a failed read and tries again the next morning', async () => {
    const errors: unknown[] = [];
    const timers: number[] = [];
    const scheduler = new ReminderScheduler(
      {
        read: () => Promise.reject(new Error('数据文件正被另一个程序使用')),
        show: () => {
          throw new Error('should not show');
        },
        now: () => new Date('2026-12-01T01:00:00Z'),
        setTimer: (_run, ms) => timers.push(ms),
        clearTimer: () => {},
        onError: (err) => errors.push(err),
      },
      'Asia/Shanghai',
    );
    expect(await scheduler.check('start')).toBeNull();
    expect(errors).toHaveLength(1);
    expect(timers).toEqual([23 * H]);
  });

  it('follows the zone of the setting: Xinjiang time wakes at 02:00Z', async () => {
    const h = harness('2026-12-01T16:01:00Z', { timeZone: 'Asia/Urumqi' });
    await h.scheduler.check('start');
    expect(h.timers.map((t) => new Date(t.at).toISOString())).toEqual(['2026-12-02T02:00:00.000Z']);
  });
});

describe('how late a reminder is', () => {
  it('counts a limit in hours by the instant and a date by the local calendar', () => {
    // A 报到 limit at 12-01 23:00 local (15:00Z), looked at from both sides of midnight.
    const due = '2026-12-01T15:00:00.000Z';
    expect(instantReminder(due, '2026-12-01', '2026-12-01', '2026-12-01T10:00:00Z')).toMatchObject({ overdue: false, hoursLeft: 5 });
    expect(reminderLateness(instantReminder(due, '2026-12-01', '2026-12-01', '2026-12-01T10:00:00Z')!)).toBe('还剩 5 小时');
    // 12-02 00:30 local: one and a half hours late is said in hours, not "1 day".
    const justLate = instantReminder(due, '2026-12-01', '2026-12-02', '2026-12-01T16:30:00Z')!;
    expect(justLate).toMatchObject({ overdue: true, daysLate: 1, hoursLate: 1 });
    expect(reminderLateness(justLate)).toBe('逾期 1 小时');
    // Two days on: in days.
    expect(reminderLateness(instantReminder(due, '2026-12-01', '2026-12-03', '2026-12-03T02:00:00Z')!)).toBe('逾期 2 天');
    // Not yet, and not today: no reminder.
    expect(instantReminder(due, '2026-12-01', '2026-11-30', '2026-11-30T10:00:00Z')).toBeNull();
    // Dates: due tomorrow → nothing; today → 今天到期; yesterday → 逾期 1 天.
    expect(dateReminder('2026-12-02', '2026-12-01')).toBeNull();
    expect(reminderLateness(dateReminder('2026-12-01', '2026-12-01')!)).toBe('今天到期');
    expect(reminderLateness(dateReminder('2026-11-30', '2026-12-01')!)).toBe('逾期 1 天');
  });
});
