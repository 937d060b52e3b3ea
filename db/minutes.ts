import { asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import { appendAudit, auditHead } from './audit';
import type { Db, Tx } from './client';
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
    attendeeList: row?.attendeeList ?? null,
    addenda: addenda.map((a) => ({ id: a.id, date: a.date, text: a.text, by: a.by })),
  };
}

function upsert(tx: Tx, meetingId: number, values: Partial<typeof minutesReviews.$inferInsert>) {
  const exists = tx.orm.select({ id: minutesReviews.meetingId }).from(minutesReviews).where(eq(minutesReviews.meetingId, meetingId)).get();
  const at = tx.clock.instant;
  if (exists)
    tx.orm
      .update(minutesReviews)
      .set({ ...values, updatedAt: at })
      .where(eq(minutesReviews.meetingId, meetingId))
      .run();
  else
    tx.orm
      .insert(minutesReviews)
      .values({ meetingId, ...values, updatedAt: at })
      .run();
}

export function submitMinutes(tx: Tx, { meetingId }: ParsedInput<'minutes.submit'>) {
  const m = findMeeting(tx, meetingId);
  const before = minutesReview(tx, meetingId);
  if (m.status !== '已结束') throw new ApiError('FORBIDDEN', m.status === '已定稿' ? '会议记录已定稿' : '请先结束会议，再把会议记录送主持人审核');
  if (before.status !== '草稿') throw new ApiError('FORBIDDEN', `会议记录已经是“${before.status}”状态`);
  upsert(tx, meetingId, { status: '待审核', submittedAt: tx.clock.instant, submittedBy: tx.actor.name, reviewer: m.chairName, returnedNote: null });
  appendAudit(tx, { action: 'minutes.submit', entity: 'meeting', entityId: meetingId, before, after: minutesReview(tx, meetingId) });
  return minutesReview(tx, meetingId);
}

export function returnMinutes(tx: Tx, { meetingId, note }: ParsedInput<'minutes.return'>) {
  const before = minutesReview(tx, meetingId);
  if (before.status !== '待审核') throw new ApiError('FORBIDDEN', '只有待审核的会议记录可以退回修改');
  upsert(tx, meetingId, { status: '草稿', returnedNote: note });
  appendAudit(tx, { action: 'minutes.return', entity: 'meeting', entityId: meetingId, before, after: minutesReview(tx, meetingId) });
  return minutesReview(tx, meetingId);
}

/** Refuses to finalize minutes that are already final or a meeting that has not ended. */
export function assertCanApprove(db: Db, meetingId: number): void {
  const m = findMeeting(db, meetingId);
  if (minutesReview(db, meetingId).status === '已定稿') throw new ApiError('FORBIDDEN', '会议记录已定稿');
  if (m.status !== '已结束') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，请先结束会议再定稿`);
}

/**
 * Finalizes the minutes and, with them, the meeting (the database then refuses changes). The
 * hash of the .docx exported from this same transaction goes into the record and the audit trail.
 */
export function approveMinutes(tx: Tx, meetingId: number, fileHash: string, snapshot: string) {
  assertCanApprove(tx, meetingId);
  const before = minutesReview(tx, meetingId);
  // The trail's head as it stood before this finalization: an anchor no later rewrite of the trail can match.
  const head = auditHead(tx);
  upsert(tx, meetingId, {
    status: '已定稿',
    approvedAt: tx.clock.instant,
    approvedBy: tx.actor.name,
    fileHash,
    snapshot,
    auditCount: head.count,
    auditHash: head.hash,
  });
  finalizeMeeting(tx, meetingId);
  appendAudit(tx, { action: 'minutes.finalize', entity: 'meeting', entityId: meetingId, before, after: { ...minutesReview(tx, meetingId), fileHash } });
  return minutesReview(tx, meetingId);
}

/** The minutes' data as finalized (JSON), or null for a draft or a meeting finalized before snapshots were kept. */
export function minutesSnapshot(db: Db, meetingId: number): string | null {
  return db.orm.select({ snapshot: minutesReviews.snapshot }).from(minutesReviews).where(eq(minutesReviews.meetingId, meetingId)).get()?.snapshot ?? null;
}

/** 名单 / 表格 / 签到表: how the minutes list those present; part of the record until it is finalized. */
export function setAttendeeList(tx: Tx, { meetingId, attendeeList }: ParsedInput<'minutes.setAttendeeList'>) {
  const before = minutesReview(tx, meetingId);
  if (before.status === '已定稿') throw new ApiError('FORBIDDEN', '会议记录已定稿，出席人员的列法不能再改');
  upsert(tx, meetingId, { attendeeList });
  appendAudit(tx, {
    action: 'minutes.attendeeList',
    entity: 'meeting',
    entityId: meetingId,
    before: { attendeeList: before.attendeeList },
    after: { attendeeList },
  });
  return minutesReview(tx, meetingId);
}

export function addAddendum(tx: Tx, { meetingId, text }: ParsedInput<'minutes.addAddendum'>) {
  const m = findMeeting(tx, meetingId);
  if (m.status !== '已定稿') throw new ApiError('FORBIDDEN', '会议尚未定稿，可以直接修改记录；更正记录只用于已定稿的会议');
  const row = tx.orm.insert(meetingAddenda).values({ meetingId, date: tx.clock.today, text, by: tx.actor.name, createdAt: tx.clock.instant }).returning().get();
  appendAudit(tx, { action: 'minutes.addendum', entity: 'meeting', entityId: meetingId, after: row });
  return minutesReview(tx, meetingId);
}
