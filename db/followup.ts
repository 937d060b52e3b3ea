import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ParsedInput } from '../core/contract';
import type { AgendaItem } from '../core/contract/agenda';
import { ApiError } from '../core/contract/define';
import type { FollowUpDetail, FollowUpItem } from '../core/contract/followup';
import type { Resolution } from '../core/contract/votes';
import { pageWindow } from '../core/contract/paging';
import { addDays, daysFrom } from '../core/dates';
import { followUpDefaults } from '../core/followup/data';
import { dueState, followUpTitle, progressProblem } from '../core/followup/rules';
import { addAgendaItem, listAgenda } from './agenda';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { assertNotFinalized, findMeeting } from './meetings';
import { getOrganization } from './organizations';
import { queryResolutions } from './resolutions';
import { agendaItems, meetings, resolutionProgress, resolutions, votes } from './schema';
import { closeTopicsWithResolution, noteOnTopics } from './topic-links';

// 决议督办: progress entries, completion, the overdue and due-soon lists, and carrying an
// unfinished resolution onto the next meeting as a 跟进事项.

function findResolution(db: Db, id: number): Resolution {
  const r = queryResolutions(db, eq(resolutions.id, id))[0];
  if (!r) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的决议，请刷新后重试`);
  return r;
}

export function progressOf(db: Db, resolutionId: number) {
  return db.orm.select().from(resolutionProgress).where(eq(resolutionProgress.resolutionId, resolutionId)).orderBy(asc(resolutionProgress.id)).all();
}

type LastProgress = { percent: number | null; date: string | null } | undefined;

function toItem(r: Resolution, last: LastProgress, today: string): FollowUpItem {
  return {
    ...r,
    lastPercent: last?.percent ?? null,
    lastProgressOn: last?.date ?? null,
    dueState: r.completedOn ? 'done' : dueState(r.deadline, today, followUpDefaults.dueSoonDays),
    daysLeft: r.deadline && !r.completedOn ? daysFrom(today, r.deadline) : null,
  };
}

const lastProgress = alias(resolutionProgress, 'last_progress');

/**
 * 督办 rows with each one's latest progress entry, in one statement: the entry is joined by the
 * highest progress id of the resolution (an index lookup per row returned, not a query per row).
 */
function followUpRows(db: Db, where: SQL | undefined, order: SQL[], today: string, window?: { limit: number; offset: number }): FollowUpItem[] {
  const q = db.orm
    .select({
      res: resolutions,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      explanation: votes.explanation,
      lastPercent: lastProgress.percent,
      lastDate: lastProgress.date,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(votes, eq(votes.id, resolutions.voteId))
    .leftJoin(lastProgress, eq(lastProgress.id, sql`(select max(p.id) from ${resolutionProgress} p where p.resolution_id = ${resolutions.id})`))
    .where(where)
    .orderBy(...order);
  const rows = window ? q.limit(window.limit).offset(window.offset).all() : q.all();
  return rows.map(({ res, meetingTitle, meetingDate, explanation, lastPercent, lastDate }) =>
    toItem(
      {
        id: res.id,
        orgId: res.orgId,
        meetingId: res.meetingId,
        meetingTitle,
        meetingDate,
        number: res.number,
        title: res.title,
        text: res.text,
        explanation: explanation ?? '',
        responsible: res.responsible,
        deadline: res.deadline,
        completedOn: res.completedOn,
        result: res.result,
      },
      lastPercent == null ? undefined : { percent: lastPercent, date: lastDate },
      today,
    ),
  );
}

/** The 督办 filters as SQL: overdue and due-soon are open resolutions by their deadline against `today`. */
function followUpFilter(orgId: number, filter: NonNullable<ParsedInput<'followUp.list'>['filter']>, today: string): SQL {
  const where: SQL[] = [eq(resolutions.orgId, orgId)];
  if (filter === 'done') where.push(isNotNull(resolutions.completedOn));
  else if (filter !== 'all') where.push(isNull(resolutions.completedOn));
  if (filter === 'overdue') where.push(lt(resolutions.deadline, today));
  if (filter === 'dueSoon') where.push(gte(resolutions.deadline, today), lte(resolutions.deadline, addDays(today, followUpDefaults.dueSoonDays)));
  return and(...where)!;
}

/** Newest first by number; overdue and due-soon soonest deadline first (ties newest first). */
function followUpOrder(filter: NonNullable<ParsedInput<'followUp.list'>['filter']>): SQL[] {
  const byNumber = [desc(resolutions.year), desc(resolutions.seq)];
  return filter === 'overdue' || filter === 'dueSoon' ? [asc(resolutions.deadline), ...byNumber] : byNumber;
}

/** Every resolution of the filter, unpaged: for the home page and exports. */
export function followUpItems(db: Db, orgId: number, filter: NonNullable<ParsedInput<'followUp.list'>['filter']>, today: string): FollowUpItem[] {
  return followUpRows(db, followUpFilter(orgId, filter, today), followUpOrder(filter), today);
}

export function getFollowUp(db: Db, resolutionId: number, today: string): FollowUpDetail {
  const r = findResolution(db, resolutionId);
  return {
    ...toItem(
      r,
      db.orm.select().from(resolutionProgress).where(eq(resolutionProgress.resolutionId, r.id)).orderBy(desc(resolutionProgress.id)).limit(1).get(),
      today,
    ),
    progress: progressOf(db, resolutionId).map(({ resolutionId: _r, ...p }) => p),
  };
}

export function addProgress(tx: Tx, input: ParsedInput<'followUp.addProgress'>): FollowUpDetail {
  const r = findResolution(tx, input.resolutionId);
  if (r.completedOn) throw new ApiError('FORBIDDEN', `决议${r.number}已于 ${r.completedOn} 办结，不能再登记进度`);
  if (input.date < r.meetingDate) throw new ApiError('INVALID_INPUT', `进度日期 ${input.date} 早于作出决议的会议日期 ${r.meetingDate}，请核对`);
  if (input.date > tx.clock.today) throw new ApiError('INVALID_INPUT', `进度日期 ${input.date} 晚于今天（${tx.clock.today}），只能登记已经发生的进展`);
  const entries = progressOf(tx, r.id);
  const last = entries[entries.length - 1];
  if (last && input.date < last.date) throw new ApiError('INVALID_INPUT', `进度日期 ${input.date} 早于上一次登记的 ${last.date}，请按时间顺序登记`);
  const problem = progressProblem(last?.percent ?? null, input.percent, input.reason);
  if (problem) throw new ApiError('INVALID_INPUT', problem);
  const row = tx.orm
    .insert(resolutionProgress)
    .values({
      resolutionId: r.id,
      date: input.date,
      text: input.text.trim(),
      percent: input.percent,
      reason: input.reason?.trim() || null,
      actor: tx.actor.name,
      createdAt: tx.clock.instant,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'followUp.progress', entity: 'resolution', entityId: r.id, after: row });
  noteOnTopics(tx, r.id, input.date, '督办', `决议${r.number}督办进度 ${input.percent}%：${input.text.trim()}`);
  return getFollowUp(tx, r.id, tx.clock.today);
}

/** Completion is its own step: 100% progress says the work is done, not that the committee has accepted it. */
export function completeResolution(tx: Tx, input: ParsedInput<'followUp.complete'>): FollowUpDetail {
  const r = findResolution(tx, input.resolutionId);
  if (r.completedOn) throw new ApiError('CONFLICT', `决议${r.number}已于 ${r.completedOn} 办结`);
  if (input.completedOn < r.meetingDate) throw new ApiError('INVALID_INPUT', `办结日期 ${input.completedOn} 早于作出决议的会议日期 ${r.meetingDate}，请核对`);
  if (input.completedOn > tx.clock.today)
    throw new ApiError('INVALID_INPUT', `办结日期 ${input.completedOn} 晚于今天（${tx.clock.today}），请在办结之后再登记`);
  const lastProgress = progressOf(tx, r.id).at(-1);
  if (lastProgress && input.completedOn < lastProgress.date) {
    throw new ApiError('INVALID_INPUT', `办结日期 ${input.completedOn} 早于最后一次进度登记（${lastProgress.date}），请核对`);
  }
  const before = tx.orm.select().from(resolutions).where(eq(resolutions.id, r.id)).get();
  tx.orm
    .update(resolutions)
    .set({ completedOn: input.completedOn, result: input.result.trim(), updatedAt: tx.clock.instant })
    .where(eq(resolutions.id, r.id))
    .run();
  appendAudit(tx, {
    action: 'followUp.complete',
    entity: 'resolution',
    entityId: r.id,
    before,
    after: tx.orm.select().from(resolutions).where(eq(resolutions.id, r.id)).get(),
  });
  closeTopicsWithResolution(tx, r.id, input.completedOn, input.result.trim(), r.number);
  return getFollowUp(tx, r.id, tx.clock.today);
}

export function listFollowUp(db: Db, q: Omit<ParsedInput<'followUp.list'>, 'today'>, today: string): { today: string; items: FollowUpItem[]; total: number } {
  getOrganization(db, q.orgId);
  const filter = q.filter ?? 'open';
  const where = followUpFilter(q.orgId, filter, today);
  const total =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(resolutions)
      .where(where)
      .get()?.n ?? 0;
  return { today, items: followUpRows(db, where, followUpOrder(filter), today, pageWindow(q)), total };
}

/** Unfinished resolutions of the organization from earlier meetings, not yet carried onto this one, oldest first. */
export function carryCandidates(db: Db, meetingId: number, today: string): { items: FollowUpItem[] } {
  const m = findMeeting(db, meetingId);
  const carried = sql`${resolutions.id} not in (select ${agendaItems.resolutionId} from ${agendaItems} where ${agendaItems.meetingId} = ${m.id} and ${agendaItems.resolutionId} is not null)`;
  const earlier = or(lt(meetings.date, m.date), and(eq(meetings.date, m.date), lt(meetings.id, m.id)));
  const where = and(eq(resolutions.orgId, m.orgId), isNull(resolutions.completedOn), earlier, carried);
  return { items: followUpRows(db, where, [asc(resolutions.year), asc(resolutions.seq)], today) };
}

/** Adds the chosen resolutions to the meeting's agenda as 跟进事项 — only those the user accepted. */
export function carryResolutions(tx: Tx, input: ParsedInput<'followUp.carry'>): { items: AgendaItem[] } {
  const m = findMeeting(tx, input.meetingId);
  assertNotFinalized(m, '添加跟进事项');
  const allowed = new Map(carryCandidates(tx, m.id, tx.clock.today).items.map((r) => [r.id, r]));
  for (const rid of new Set(input.resolutionIds)) {
    const r = allowed.get(rid);
    if (!r) {
      const known = queryResolutions(tx, inArray(resolutions.id, [rid]))[0];
      if (!known) throw new ApiError('NOT_FOUND', `找不到编号为 ${rid} 的决议，请刷新后重试`);
      throw new ApiError('INVALID_INPUT', `决议${known.number}“${known.title}”不能列为本次会议的跟进事项：它已办结、已在本次议程中，或不是本会议之前作出的`);
    }
    const description = [r.text, r.responsible ? `责任人：${r.responsible}` : '', r.deadline ? `完成期限：${r.deadline}` : ''].filter(Boolean).join('\n');
    addAgendaItem(tx, m.id, { title: followUpTitle(r), description }, { resolutionId: r.id });
  }
  return listAgenda(tx, m.id);
}
