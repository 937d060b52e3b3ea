import { describe, expect, it } from 'vitest';
import { addObserver, signIn } from '../../db/attendance';
import { value, village } from '../support/village';

describe('签到时间的默认值', () => {
  it('takes the door clock (北京时间) on the meeting day, and leaves it blank for a record typed in later', async () => {
    const { ctx, db, people, meeting } = await village(5);
    const m = await meeting('三月村民代表会议', '2026-03-15');
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    // 2026-03-15T00:55Z is 08:55 on the 15th in Shanghai: the meeting's day.
    signIn(db, ctx.actor, { meetingId: m.id, personId: people[0]!.id }, new Date('2026-03-15T00:55:00Z'));
    // Typed in two days later, at 00:18 Shanghai time: no time is invented, and nothing is refused.
    const later = new Date('2026-03-16T16:18:00Z');
    signIn(db, ctx.actor, { meetingId: m.id, personId: people[1]!.id }, later);
    const sheet = addObserver(db, ctx.actor, { meetingId: m.id, name: '刘干事', unit: '镇政府' }, later);
    expect(sheet.expected.find((e) => e.personId === people[0]!.id)).toMatchObject({ attendance: { status: '出席', arrivedAt: '08:55' } });
    expect(sheet.expected.find((e) => e.personId === people[1]!.id)).toMatchObject({ attendance: { status: '出席', arrivedAt: null } });
    expect(sheet.observers[0]).toMatchObject({ name: '刘干事', arrivedAt: null });
  });
});
