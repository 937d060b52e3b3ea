import { describe, expect, it } from 'vitest';
import { addObserver, attendanceSheet, signIn } from '../../db/attendance';
import { write } from '../support/write';
import { value, village } from '../support/village';

describe('签到时间的默认值', () => {
  it('takes the door clock (北京时间) on the meeting day, and leaves it blank for a record typed in later', async () => {
    const { ctx, db, people, meeting } = await village(5);
    const m = await meeting('三月村民代表会议', '2026-03-15');
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    // 2026-03-15T00:55Z is 08:55 on the 15th in Shanghai: the meeting's day.
    write(db, (tx) => signIn(tx, { meetingId: m.id, personId: people[0]!.id, late: false }), new Date('2026-03-15T00:55:00Z'));
    // Typed in two days later, at 00:18 Shanghai time: no time is invented, and nothing is refused.
    const later = new Date('2026-03-16T16:18:00Z');
    write(db, (tx) => signIn(tx, { meetingId: m.id, personId: people[1]!.id, late: false }), later);
    const added = write(db, (tx) => addObserver(tx, { meetingId: m.id, name: '刘干事', unit: '镇政府' }), later);
    expect(added.observer).toMatchObject({ name: '刘干事', arrivedAt: null });
    const sheet = attendanceSheet(db, m.id);
    expect(sheet.expected.find((e) => e.personId === people[0]!.id)).toMatchObject({ attendance: { status: '出席', arrivedAt: '08:55' } });
    expect(sheet.expected.find((e) => e.personId === people[1]!.id)).toMatchObject({ attendance: { status: '出席', arrivedAt: null } });
    expect(sheet.observers[0]).toMatchObject({ name: '刘干事', arrivedAt: null });
  });
});

describe('开始、签到、结束用同一个时钟', () => {
  // Whatever zone the computer is set to (the suite runs under TZ=UTC, Asia/Shanghai and
  // America/Los_Angeles), the times of day recorded are Beijing time, the user's setting.
  it('records start, sign-in, late arrival, early leave and end in the user’s zone, never the computer’s', async () => {
    const { ctx, people, meeting } = await village(5);
    const m = await value(ctx, 'meetings.update', { id: (await meeting('十一月村民代表会议', '2026-11-26')).id, startTime: null });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-11-10' });
    const at = (iso: string) => {
      ctx.now = () => new Date(iso);
    };

    // 06:30Z is 14:30 in Beijing; on a UTC computer the operating system would say 06:30.
    at('2026-11-26T06:30:00Z');
    const started = await value(ctx, 'meetings.start', { id: m.id });
    expect(started.startTime).toBe('14:30');

    at('2026-11-26T06:25:00Z');
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[0]!.id });
    at('2026-11-26T06:41:00Z');
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[1]!.id });
    at('2026-11-26T07:05:00Z');
    await value(ctx, 'attendance.setStatus', { meetingId: m.id, personId: people[2]!.id, status: '迟到' });
    at('2026-11-26T08:10:00Z');
    await value(ctx, 'attendance.setStatus', { meetingId: m.id, personId: people[0]!.id, status: '早退' });
    const sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    const line = (i: number) => sheet.expected.find((e: { personId: number }) => e.personId === people[i]!.id).attendance;
    expect(line(0)).toMatchObject({ status: '早退', arrivedAt: '14:25', leftAt: '16:10' });
    expect(line(1)).toMatchObject({ status: '迟到', arrivedAt: '14:41' });
    expect(line(2)).toMatchObject({ status: '迟到', arrivedAt: '15:05' });

    // The case: ended at 06:33 UTC = 14:33 Beijing, after the 14:30 start — not refused.
    at('2026-11-26T06:33:00Z');
    const ended = await value(ctx, 'meetings.end', { id: m.id });
    expect(ended).toMatchObject({ status: '已结束', startTime: '14:30', endTime: '14:33', endedAt: '2026-11-26T06:33:00.000Z' });
  });

  it('takes the date in the user’s zone: 00:30 Beijing time is already the meeting’s day', async () => {
    const { ctx, meeting } = await village(3);
    const m = await value(ctx, 'meetings.update', { id: (await meeting('夜间会议', '2026-11-26')).id, startTime: null });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-11-10' });
    // 2026-11-25T16:30Z: still the 25th in UTC and Los Angeles, the 26th at 00:30 in Beijing.
    ctx.now = () => new Date('2026-11-25T16:30:00Z');
    expect((await value(ctx, 'meetings.start', { id: m.id })).startTime).toBe('00:30');
    ctx.now = () => new Date('2026-11-25T17:45:00Z');
    expect((await value(ctx, 'meetings.end', { id: m.id })).endTime).toBe('01:45');
  });

  it('leaves start and end blank when pressed on another day than the meeting’s', async () => {
    const { ctx, meeting } = await village(3);
    const m = await value(ctx, 'meetings.update', { id: (await meeting('补录的会议', '2026-11-20')).id, startTime: null });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-11-01' });
    ctx.now = () => new Date('2026-11-26T06:30:00Z');
    expect((await value(ctx, 'meetings.start', { id: m.id })).startTime).toBeNull();
    expect((await value(ctx, 'meetings.end', { id: m.id })).endTime).toBeNull();
  });
});
