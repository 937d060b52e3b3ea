import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import { DEFAULT_RESOLUTION_FORMAT, formatResolutionNumber } from '../core/rules/resolution-number';
import type { Resolution } from '../core/contract/votes';
import { appendAudit } from './audit';
import { noteOnTopics } from './topic-links';
import type { Db, Tx } from './client';
import type { findMeeting } from './meetings';
import { getOrganization } from './organizations';
import type { findProposal } from './proposals';
import { meetings, resolutions, votes } from './schema';
import { getSetting, setSetting } from './settings';

const formatKey = (orgId: number) => `resolutionFormat:${orgId}`;

/** The organization's numbering format, with an example number in the year of `today` (YYYY-MM-DD). */
export function getResolutionFormat(db: Db, orgId: number, today: string) {
  getOrganization(db, orgId);
  const format = getSetting<string>(db, formatKey(orgId)) ?? DEFAULT_RESOLUTION_FORMAT;
  return { format, example: formatResolutionNumber(format, Number(today.slice(0, 4)), 3) };
}

export function setResolutionFormat(tx: Tx, input: ParsedInput<'resolutions.setFormat'>) {
  const { orgId, format } = input;
  const before = getResolutionFormat(tx, orgId, tx.clock.today).format;
  setSetting(tx, formatKey(orgId), format);
  appendAudit(tx, { action: 'resolution.format', entity: 'organization', entityId: orgId, before: { format: before }, after: { format } });
  return getResolutionFormat(tx, orgId, tx.clock.today);
}

/**
 * Numbers per organization and year, without gaps: the next number is read and written inside
 * the caller's IMMEDIATE transaction, so two writers can never take the same one, and the
 * unique index refuses it if they somehow did.
 */
export function createResolution(
  tx: Tx,
  input: { meeting: ReturnType<typeof findMeeting>; voteId: number; proposal: ReturnType<typeof findProposal>; title?: string },
): { id: number; number: string } {
  const year = Number(input.meeting.date.slice(0, 4));
  const last = tx.orm
    .select({ seq: sql<number | null>`max(${resolutions.seq})` })
    .from(resolutions)
    .where(and(eq(resolutions.orgId, input.meeting.orgId), eq(resolutions.year, year)))
    .get();
  const seq = (last?.seq ?? 0) + 1;
  const number = formatResolutionNumber(getResolutionFormat(tx, input.meeting.orgId, tx.clock.today).format, year, seq);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(resolutions)
    .values({
      orgId: input.meeting.orgId,
      meetingId: input.meeting.id,
      voteId: input.voteId,
      proposalId: input.proposal.id,
      year,
      seq,
      number,
      title: input.title ?? input.proposal.title,
      text: input.proposal.text,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'resolution.create', entity: 'resolution', entityId: row.id, after: row });
  // The resident's topic behind the agenda item moves on with the decision (表决 → 督办 → 办结).
  noteOnTopics(tx, row.id, input.meeting.date, '表决', `“${input.meeting.title}”表决通过，形成决议${number}：${input.title ?? input.proposal.title}`);
  return { id: row.id, number };
}

function toResolution(r: { res: typeof resolutions.$inferSelect; meetingTitle: string; meetingDate: string; explanation: string | null }): Resolution {
  return {
    id: r.res.id,
    orgId: r.res.orgId,
    meetingId: r.res.meetingId,
    meetingTitle: r.meetingTitle,
    meetingDate: r.meetingDate,
    number: r.res.number,
    title: r.res.title,
    text: r.res.text,
    explanation: r.explanation ?? '',
    responsible: r.res.responsible,
    deadline: r.res.deadline,
    completedOn: r.res.completedOn,
    result: r.res.result,
  };
}

export function queryResolutions(db: Db, where: SQL | undefined) {
  return db.orm
    .select({ res: resolutions, meetingTitle: meetings.title, meetingDate: meetings.date, explanation: votes.explanation })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(votes, eq(votes.id, resolutions.voteId))
    .where(where)
    .orderBy(desc(resolutions.year), desc(resolutions.seq))
    .all()
    .map(toResolution);
}

export function listResolutions(db: Db, q: { orgId: number; year?: number | undefined; meetingId?: number | undefined }): { items: Resolution[] } {
  getOrganization(db, q.orgId);
  const where: SQL[] = [eq(resolutions.orgId, q.orgId)];
  if (q.year) where.push(eq(resolutions.year, q.year));
  if (q.meetingId) where.push(eq(resolutions.meetingId, q.meetingId));
  return { items: queryResolutions(db, and(...where)) };
}

export function updateResolution(tx: Tx, input: ParsedInput<'resolutions.update'>): Resolution {
  const before = tx.orm.select().from(resolutions).where(eq(resolutions.id, input.id)).get();
  if (!before) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.id} 的决议，请刷新后重试`);
  tx.orm
    .update(resolutions)
    .set({
      responsible: input.responsible === undefined ? before.responsible : input.responsible.trim() || null,
      deadline: input.deadline === undefined ? before.deadline : input.deadline,
      updatedAt: tx.clock.instant,
    })
    .where(eq(resolutions.id, input.id))
    .run();
  const after = tx.orm.select().from(resolutions).where(eq(resolutions.id, input.id)).get()!;
  appendAudit(tx, { action: 'resolution.update', entity: 'resolution', entityId: input.id, before, after });
  return queryResolutions(tx, eq(resolutions.id, input.id))[0]!;
}
