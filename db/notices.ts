import { and, asc, desc, eq, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { pageWindow } from '../core/contract/paging';
import { publicityCitation } from '../core/rules/citation';
import type { ParsedInput } from '../core/contract';
import { attachmentEntries } from '../core/contract/attachments';
import { ApiError } from '../core/contract/define';
import type { Notice } from '../core/contract/notices';
import { addDays, daysFrom } from '../core/dates';
import { followUpDefaults } from '../core/followup/data';
import { noticeEndsOn } from '../core/followup/rules';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { progressOf } from './followup';
import { findMeeting, ruleSetOf } from './meetings';
import { getOrganization, getOrgProfile } from './organizations';
import { queryResolutions } from './resolutions';
import { matterSteps, matters, notices, resolutions } from './schema';

type NoticeRow = typeof notices.$inferSelect;

function findNotice(db: Db, id: number): NoticeRow {
  const n = db.orm.select().from(notices).where(eq(notices.id, id)).get();
  if (!n) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的公示，请刷新后重试`);
  return n;
}

function resolutionIn(db: Db, orgId: number, id: number) {
  const r = queryResolutions(db, eq(resolutions.id, id))[0];
  if (!r || r.orgId !== orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的决议，请重新选择`);
  return r;
}

function matterIn(db: Db, orgId: number, id: number) {
  const m = db.orm.select().from(matters).where(eq(matters.id, id)).get();
  if (!m || m.orgId !== orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的四议两公开事项，请重新选择`);
  return m;
}

/**
 * The shortest period allowed: the publicity days of the rules the deciding meeting was held
 * under (15 under the 2025 texts), else the default in core/followup/defaults.json.
 */
export function minimumDays(db: Db, q: { orgId: number; resolutionId?: number | null | undefined; matterId?: number | null | undefined }) {
  getOrganization(db, q.orgId);
  let meetingId: number | null = null;
  if (q.resolutionId) meetingId = resolutionIn(db, q.orgId, q.resolutionId).meetingId;
  else if (q.matterId) {
    matterIn(db, q.orgId, q.matterId);
    const step4 = db.orm
      .select()
      .from(matterSteps)
      .where(and(eq(matterSteps.matterId, q.matterId), eq(matterSteps.step, 4)))
      .get();
    meetingId = step4?.meetingId ?? null;
  }
  if (meetingId != null) {
    const def = ruleSetOf(findMeeting(db, meetingId));
    if (def.publicityDays != null) {
      const law = publicityCitation(def);
      if (law) return { days: def.publicityDays, basis: `依照${law}，公示期不少于 ${def.publicityDays} 天`, statutory: true, law };
      return { days: def.publicityDays, basis: `按作出决定的会议规则（本地规定），公示期不少于 ${def.publicityDays} 天`, statutory: false, law: null };
    }
  }
  const days = followUpDefaults.defaultMinimumPublicityDays;
  return { days, basis: `作出决定的会议规则没有规定公示期，按本软件默认，公示期不少于 ${days} 天`, statutory: false, law: null };
}

function photoPaths(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function toNotice(row: NoticeRow, resolutionNumber: string | null, today: string): Notice {
  const endsOn = noticeEndsOn(row.postedOn, row.periodDays);
  const status: Notice['status'] = row.takenDownOn ? '已撤下' : today < row.postedOn ? '未开始' : today <= endsOn ? '公示中' : '期满未撤';
  return {
    id: row.id,
    orgId: row.orgId,
    kind: row.kind,
    resolutionId: row.resolutionId,
    resolutionNumber,
    matterId: row.matterId,
    title: row.title,
    content: row.content,
    postedOn: row.postedOn,
    periodDays: row.periodDays,
    endsOn,
    place: row.place,
    takenDownOn: row.takenDownOn,
    takeDownReason: row.takeDownReason,
    postedBy: row.postedBy,
    takenDownBy: row.takenDownBy,
    postedPhotos: attachmentEntries(photoPaths(row.postedPhotos)),
    takenDownPhotos: attachmentEntries(photoPaths(row.takenDownPhotos)),
    status,
    daysLeft: status === '公示中' ? daysFrom(today, endsOn) : null,
    createdAt: row.createdAt,
  };
}

function query(db: Db, where: SQL | undefined, today: string, order?: SQL[], window?: { limit: number; offset: number }): Notice[] {
  const q = db.orm
    .select({ n: notices, number: resolutions.number })
    .from(notices)
    .leftJoin(resolutions, eq(resolutions.id, notices.resolutionId))
    .where(where)
    .orderBy(...(order ?? [desc(notices.postedOn), desc(notices.id)]));
  return (window ? q.limit(window.limit).offset(window.offset).all() : q.all()).map((r) => toNotice(r.n, r.number, today));
}

/** The last day of the period (core/followup/rules noticeEndsOn) in SQL. */
const endsOn = sql<string>`date(${notices.postedOn}, '+' || (${notices.periodDays} - 1) || ' days')`;

type NoticeFilter = NonNullable<ParsedInput<'notices.list'>['filter']>;

/** The statuses of toNotice as conditions: 公示中 is posted by today, not taken down, period not over. */
function noticeFilter(filter: NoticeFilter, today: string): SQL[] {
  if (filter === 'all') return [];
  const up = [isNull(notices.takenDownOn), lte(notices.postedOn, today)];
  if (filter === 'expired') return [...up, sql`${endsOn} < ${today}`];
  const current = [...up, sql`${endsOn} >= ${today}`];
  return filter === 'endingSoon' ? [...current, sql`${endsOn} <= ${addDays(today, followUpDefaults.dueSoonDays)}`] : current;
}

/** Ending soon: the soonest end first; otherwise newest posted first. */
function noticeOrder(filter: NoticeFilter): SQL[] {
  const newest = [desc(notices.postedOn), desc(notices.id)];
  return filter === 'endingSoon' ? [asc(endsOn), ...newest] : newest;
}

/** Every notice of the filter, unpaged (the home page's reminders), and how many there are. */
export function noticesOf(db: Db, orgId: number, filter: NoticeFilter, today: string): Notice[] {
  return query(db, and(eq(notices.orgId, orgId), ...noticeFilter(filter, today)), today, noticeOrder(filter));
}

export function countNotices(db: Db, orgId: number, filter: NoticeFilter, today: string): number {
  return (
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(notices)
      .where(and(eq(notices.orgId, orgId), ...noticeFilter(filter, today)))
      .get()?.n ?? 0
  );
}

export function getNotice(db: Db, id: number, today: string): Notice {
  findNotice(db, id);
  return query(db, eq(notices.id, id), today)[0]!;
}

export function createNotice(tx: Tx, input: ParsedInput<'notices.create'>): Notice {
  getOrganization(tx, input.orgId);
  if (input.kind === '实施结果公开' && !input.resolutionId) throw new ApiError('INVALID_INPUT', '实施结果公开须选择所公开的决议');
  if (input.kind === '决议公开' && !input.resolutionId && !input.matterId) throw new ApiError('INVALID_INPUT', '决议公开须选择所公开的决议或四议两公开事项');
  if (input.resolutionId) {
    const r = resolutionIn(tx, input.orgId, input.resolutionId);
    if (input.postedOn < r.meetingDate) throw new ApiError('INVALID_INPUT', `张贴日期 ${input.postedOn} 早于作出决议的会议日期 ${r.meetingDate}，请核对`);
  }
  if (input.matterId) matterIn(tx, input.orgId, input.matterId);
  const min = minimumDays(tx, input);
  if (input.periodDays < min.days) throw new ApiError('INVALID_INPUT', `${min.basis}；现在只有 ${input.periodDays} 天，请延长公示期`);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(notices)
    .values({
      orgId: input.orgId,
      kind: input.kind,
      resolutionId: input.resolutionId ?? null,
      matterId: input.matterId ?? null,
      title: input.title,
      content: input.content ?? '',
      postedOn: input.postedOn,
      periodDays: input.periodDays,
      place: input.place,
      postedBy: input.postedBy || tx.actor.name,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'notices.create', entity: 'notice', entityId: row.id, after: row });
  return getNotice(tx, row.id, tx.clock.today);
}

/**
 * Taking down on or after the last day completes the period (the notice was up for all of it);
 * an earlier date is allowed only with the reason, which is kept.
 */
export function takeDownNotice(tx: Tx, input: ParsedInput<'notices.takeDown'>): Notice {
  const before = findNotice(tx, input.id);
  if (before.takenDownOn) throw new ApiError('CONFLICT', `公示“${before.title}”已于 ${before.takenDownOn} 撤下`);
  if (input.takenDownOn < before.postedOn) throw new ApiError('INVALID_INPUT', `撤下日期 ${input.takenDownOn} 早于张贴日期 ${before.postedOn}，请核对`);
  const endsOn = noticeEndsOn(before.postedOn, before.periodDays);
  const reason = input.reason?.trim() || null;
  if (input.takenDownOn < endsOn && !reason) {
    throw new ApiError('INVALID_INPUT', `公示期到 ${endsOn} 才满（共 ${before.periodDays} 天），${input.takenDownOn} 撤下属于提前撤下，请填写原因`);
  }
  tx.orm
    .update(notices)
    .set({ takenDownOn: input.takenDownOn, takeDownReason: reason, takenDownBy: input.takenDownBy || tx.actor.name, updatedAt: tx.clock.instant })
    .where(eq(notices.id, before.id))
    .run();
  appendAudit(tx, { action: 'notices.takeDown', entity: 'notice', entityId: before.id, before, after: findNotice(tx, before.id) });
  return getNotice(tx, before.id, tx.clock.today);
}

/** current: posted by today and not taken down; endingSoon: of those, ending within 7 days; expired: period over, still up. */
export function listNotices(db: Db, q: Omit<ParsedInput<'notices.list'>, 'today'>, today: string): { today: string; items: Notice[]; total: number } {
  getOrganization(db, q.orgId);
  const filter = q.filter ?? 'all';
  const where: SQL[] = [eq(notices.orgId, q.orgId), ...noticeFilter(filter, today)];
  if (q.resolutionId) where.push(eq(notices.resolutionId, q.resolutionId));
  if (q.matterId) where.push(eq(notices.matterId, q.matterId));
  const condition = and(...where);
  const total =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(notices)
      .where(condition)
      .get()?.n ?? 0;
  return { today, items: query(db, condition, today, noticeOrder(filter), pageWindow(q)), total };
}

/** Everything the Word notice needs; for 实施结果公开 the resolution's progress and completion too. */
export function noticeDocumentData(db: Db, id: number, today: string) {
  const notice = getNotice(db, id, today);
  const r = notice.resolutionId ? queryResolutions(db, eq(resolutions.id, notice.resolutionId))[0]! : null;
  const results = notice.kind === '实施结果公开' && r;
  return {
    // The committee posts the notice and signs it (本单位信息).
    orgName: getOrgProfile(db, notice.orgId).committeeName,
    notice,
    minimum: minimumDays(db, notice),
    resolution: r
      ? {
          id: r.id,
          number: r.number,
          title: r.title,
          text: r.text,
          meetingTitle: r.meetingTitle,
          meetingDate: r.meetingDate,
          responsible: r.responsible,
          deadline: r.deadline,
        }
      : null,
    progress: results ? progressOf(db, r.id).map(({ resolutionId: _r, ...p }) => p) : [],
    completion: results && r.completedOn ? { completedOn: r.completedOn, result: r.result ?? '' } : null,
    issuedDate: notice.postedOn,
  };
}
