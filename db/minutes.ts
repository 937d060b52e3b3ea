import { asc, eq } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import { localIsoDate } from '../core/dates';
import { appendAudit } from './audit';
import { inTransaction, type Actor, type Db } from './client';
import { finalizeMeeting, findMeeting } from './meetings';
import { meetingAddenda, minutesReviews } from './schema';

export type MinutesStatus = '草稿' | '待审核' | '已定稿';

export function minutesReview(db: Db, meetingId: number) {
  const m = findMeeting(db, meetingId);
  const row = db.orm.select().from(minutesReviews).where(eq(minutesReviews.meetingId, meetingId)).get();
  const addenda = db.orm.select().from(meetingAddenda).where(eq(meetingAddenda.meetingId, meetingId)).orderBy(asc(meetingAddenda.id)).all();
  return {
    meetingId,
    // A meeting finalized before minutes had their own path counts as finalized minutes too.
    status: (row?.status ?? (m.status === '已定稿' ? '已定稿' : '草稿')) as MinutesStatus,
    submittedAt: row?.submittedAt ?? null,
    reviewer: row?.reviewer ?? m.chairName,
    returnedNote: row?.returnedNote ?? null,
    approvedAt: row?.approvedAt ?? null,
    approvedBy: row?.approvedBy ?? null,
    fileHash: row?.fileHash ?? null,
    addenda: addenda.map((a) => ({ id: a.id, date: a.date, text: a.text, by: a.by })),
  };
}

function upsert(db: Db, meetingId: number, values: Partial<typeof minutesReviews.$inferInsert>, now: Date) {
  const exists = db.orm.select({ id: minutesReviews.meetingId }).from(minutesReviews).where(eq(minutesReviews.meetingId, meetingId)).get();
  const at = now.toISOString();
  if (exists) db.orm.update(minutesReviews).set({ ...values, updatedAt: at }).where(eq(minutesReviews.meetingId, meetingId)).run();
  else db.orm.insert(minutesReviews).values({ meetingId, ...values, updatedAt: at }).run();
}

export function submitMinutes(db: Db, actor: Actor, meetingId: number, now = new Date()) {
  return inTransaction(db, () => {
    const m = findMeeting(db, meetingId);
    const before = minutesReview(db, meetingId);
    if (m.status !== '已结束') throw new ApiError('FORBIDDEN', m.status === '已定稿' ? '会议记录已定稿' : '请先结束会议，再把会议记录送主持人审核');
    if (before.status !== '草稿') throw new ApiError('FORBIDDEN', `会议记录已经是“${before.status}”状态`);
    upsert(db, meetingId, { status: '待审核', submittedAt: now.toISOString(), submittedBy: actor.name, reviewer: m.chairName, returnedNote: null }, now);
    appendAudit(db, actor, { action: 'minutes.submit', entity: 'meeting', entityId: meetingId, before, after: minutesReview(db, meetingId) }, now);
    return minutesReview(db, meetingId);
  });
}

export function returnMinutes(db: Db, actor: Actor, meetingId: number, note: string, now = new Date()) {
  return inTransaction(db, () => {
    const before = minutesReview(db, meetingId);
    if (before.status !== '待审核') throw new ApiError('FORBIDDEN', '只有待审核的会议记录可以退回修改');
    upsert(db, meetingId, { status: '草稿', returnedNote: note }, now);
    appendAudit(db, actor, { action: 'minutes.return', entity: 'meeting', entityId: meetingId, before, after: minutesReview(db, meetingId) }, now);
    return minutesReview(db, meetingId);
  });
}

/**
 * Finalizes the minutes and, with them, the meeting (the database then refuses changes). The
 * hash of the .docx exported at this moment goes into the record and the audit trail.
 */
export function approveMinutes(db: Db, actor: Actor, meetingId: number, fileHash: string, now = new Date()) {
  return inTransaction(db, () => {
    const before = minutesReview(db, meetingId);
    if (before.status === '已定稿') throw new ApiError('FORBIDDEN', '会议记录已定稿');
    upsert(db, meetingId, { status: '已定稿', approvedAt: now.toISOString(), approvedBy: actor.name, fileHash }, now);
    finalizeMeeting(db, actor, meetingId, now);
    appendAudit(db, actor, { action: 'minutes.finalize', entity: 'meeting', entityId: meetingId, before, after: { ...minutesReview(db, meetingId), fileHash } }, now);
    return minutesReview(db, meetingId);
  });
}

export function addAddendum(db: Db, actor: Actor, meetingId: number, text: string, now = new Date()) {
  return inTransaction(db, () => {
    const m = findMeeting(db, meetingId);
    if (m.status !== '已定稿') throw new ApiError('FORBIDDEN', '会议尚未定稿，可以直接修改记录；更正记录只用于已定稿的会议');
    const row = db.orm.insert(meetingAddenda).values({ meetingId, date: localIsoDate(now), text, by: actor.name, createdAt: now.toISOString() }).returning().get();
    appendAudit(db, actor, { action: 'minutes.addendum', entity: 'meeting', entityId: meetingId, after: row }, now);
    return minutesReview(db, meetingId);
  });
}
