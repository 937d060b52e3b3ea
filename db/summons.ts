import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import type { Summons } from '../core/contract/summons';
import { addDays, localDateTime, todayIn } from '../core/dates';
import { followUpDefaults } from '../core/followup/data';
import { departmentRates, reportedInTime, type SummonsRecord } from '../core/followup/rates';
import { summonsOverdue } from '../core/followup/rules';
import { appendAudit } from './audit';
import { inTransaction, type Actor, type Db } from './client';
import { getTimeZone } from './clock';
import { findMeeting } from './meetings';
import { getOrganization } from './organizations';
import { meetings, summons, topics } from './schema';
import { addTopicEvent, assertTopicOpen, findTopic } from './topic-events';
import { blankToNull } from './values';

type SummonsRow = typeof summons.$inferSelect;

export interface SummonsInput {
  department: string;
  contact?: string | undefined;
  summonedAt?: string | undefined;
  reportWithinHours?: number | undefined;
  commitment?: string | undefined;
  deadline?: string | undefined;
}

function findSummons(db: Db, id: number): SummonsRow {
  const s = db.orm.select().from(summons).where(eq(summons.id, id)).get();
  if (!s) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的吹哨记录，请刷新后重试`);
  return s;
}

function toSummons(db: Db, row: SummonsRow & { topicTitle: string | null; meetingTitle: string | null }, now: Date): Summons {
  const today = todayIn(getTimeZone(db), now);
  const overdueReason = summonsOverdue(row, today, now);
  return {
    id: row.id,
    orgId: row.orgId,
    topicId: row.topicId,
    topicTitle: row.topicTitle,
    meetingId: row.meetingId,
    meetingTitle: row.meetingTitle,
    department: row.department,
    contact: row.contact,
    summonedAt: row.summonedAt,
    reportWithinHours: row.reportWithinHours,
    reportDueAt: new Date(Date.parse(row.summonedAt) + row.reportWithinHours * 3_600_000).toISOString(),
    reportedAt: row.reportedAt,
    reportedInTime: row.reportedAt == null ? null : reportedInTime(row),
    commitment: row.commitment,
    deadline: row.deadline,
    result: row.result,
    resolved: row.resolved,
    evaluation: row.evaluation,
    closedAt: row.closedAt,
    overdue: overdueReason != null,
    overdueReason,
    dueSoon: row.closedAt == null && overdueReason == null && row.deadline != null && row.deadline <= addDays(today, followUpDefaults.dueSoonDays),
  };
}

function query(db: Db, where: SQL | undefined, now: Date): Summons[] {
  return db.orm
    .select({ s: summons, topicTitle: topics.title, meetingTitle: meetings.title })
    .from(summons)
    .leftJoin(topics, eq(topics.id, summons.topicId))
    .leftJoin(meetings, eq(meetings.id, summons.meetingId))
    .where(where)
    .orderBy(desc(summons.summonedAt), desc(summons.id))
    .all()
    .map((r) => toSummons(db, { ...r.s, topicTitle: r.topicTitle, meetingTitle: r.meetingTitle }, now));
}

export function getSummons(db: Db, id: number, now = new Date()): Summons {
  findSummons(db, id);
  return query(db, eq(summons.id, id), now)[0]!;
}

/**
 * Inserts a summons inside the caller's transaction. A summons for a topic puts it on the topic's
 * timeline and marks the topic 转部门办理.
 */
export function insertSummons(db: Db, actor: Actor, input: SummonsInput & { orgId: number; topicId?: number | undefined; meetingId?: number | undefined; date?: string | undefined }, now: Date): SummonsRow {
  getOrganization(db, input.orgId);
  const tz = getTimeZone(db);
  const topic = input.topicId ? findTopic(db, input.topicId) : null;
  if (topic) {
    if (topic.orgId !== input.orgId) throw new ApiError('INVALID_INPUT', `议题“${topic.title}”不属于本议事主体，请重新选择`);
    assertTopicOpen(topic, '转部门办理');
  }
  if (input.meetingId) {
    const m = findMeeting(db, input.meetingId);
    if (m.orgId !== input.orgId) throw new ApiError('INVALID_INPUT', `会议“${m.title}”不属于本议事主体，请重新选择`);
  }
  const summonedAt = input.summonedAt ? new Date(input.summonedAt).toISOString() : now.toISOString();
  if (input.deadline && input.deadline < todayIn(tz, new Date(summonedAt))) {
    throw new ApiError('INVALID_INPUT', `承诺完成期限 ${input.deadline} 早于吹哨日期 ${todayIn(tz, new Date(summonedAt))}，请核对`);
  }
  const at = now.toISOString();
  const row = db.orm
    .insert(summons)
    .values({
      orgId: input.orgId,
      topicId: input.topicId ?? null,
      meetingId: input.meetingId ?? null,
      department: input.department.trim(),
      contact: blankToNull(input.contact),
      summonedAt,
      reportWithinHours: input.reportWithinHours ?? followUpDefaults.summonsReportWithinHours,
      commitment: blankToNull(input.commitment),
      deadline: input.deadline ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(db, actor, { action: 'summons.create', entity: 'summons', entityId: row.id, after: row }, now);
  if (topic) {
    const date = input.date ?? todayIn(tz, new Date(summonedAt));
    addTopicEvent(db, actor, topic.id, date, '转部门办理', `向${row.department}吹哨（${localDateTime(tz, summonedAt)}），要求 ${row.reportWithinHours} 小时内报到${row.deadline ? `，期限 ${row.deadline}` : ''}`, now);
    if (topic.status !== '转部门办理') {
      db.orm.update(topics).set({ status: '转部门办理', updatedAt: at }).where(eq(topics.id, topic.id)).run();
      addTopicEvent(db, actor, topic.id, date, '状态', `状态：${topic.status} → 转部门办理`, now);
    }
  }
  return row;
}

export function createSummons(db: Db, actor: Actor, input: SummonsInput & { orgId: number; topicId?: number | undefined; meetingId?: number | undefined }, now = new Date()): Summons {
  return inTransaction(db, () => getSummons(db, insertSummons(db, actor, input, now).id, now));
}

const eventKinds: Record<string, string> = { 'summons.report': '部门报到', 'summons.complete': '部门办结', 'summons.evaluate': '委员会评价', 'summons.update': '部门承诺' };

/** One change to a summons; `at` is when it happened (report or completion time), which dates its line on the topic's timeline. */
function change(db: Db, actor: Actor, id: number, action: string, build: (s: SummonsRow, tz: string) => { set: Partial<SummonsRow>; event?: string; at?: string }, now: Date): Summons {
  return inTransaction(db, () => {
    const before = findSummons(db, id);
    const tz = getTimeZone(db);
    const { set, event, at } = build(before, tz);
    db.orm.update(summons).set({ ...set, updatedAt: now.toISOString() }).where(eq(summons.id, id)).run();
    appendAudit(db, actor, { action, entity: 'summons', entityId: id, before, after: findSummons(db, id) }, now);
    if (event && before.topicId) addTopicEvent(db, actor, before.topicId, todayIn(tz, at ? new Date(at) : now), eventKinds[action]!, event, now);
    return getSummons(db, id, now);
  });
}

function assertOpen(s: SummonsRow, what: string) {
  if (s.closedAt) throw new ApiError('FORBIDDEN', `${s.department}已办结（${s.closedAt.slice(0, 10)}），不能再${what}`);
}

export function reportSummons(db: Db, actor: Actor, id: number, reportedAt: string | undefined, now = new Date()): Summons {
  return change(
    db,
    actor,
    id,
    'summons.report',
    (s, tz) => {
      if (s.reportedAt) throw new ApiError('CONFLICT', `${s.department}已于 ${localDateTime(tz, s.reportedAt)} 报到，不需要再登记`);
      const at = reportedAt ? new Date(reportedAt).toISOString() : now.toISOString();
      if (at < s.summonedAt) throw new ApiError('INVALID_INPUT', `报到时间 ${localDateTime(tz, at)} 早于吹哨时间 ${localDateTime(tz, s.summonedAt)}，请核对`);
      const inTime = reportedInTime({ ...s, reportedAt: at });
      return { set: { reportedAt: at }, at, event: `${s.department}于 ${localDateTime(tz, at)} 报到（${inTime ? '按时' : `超过 ${s.reportWithinHours} 小时时限`}）` };
    },
    now,
  );
}

export function updateSummons(db: Db, actor: Actor, input: { id: number; contact?: string | undefined; commitment?: string | undefined; deadline?: string | null | undefined }, now = new Date()): Summons {
  return change(
    db,
    actor,
    input.id,
    'summons.update',
    (s, tz) => {
      assertOpen(s, '修改承诺');
      const summonedOn = todayIn(tz, new Date(s.summonedAt));
      if (input.deadline && input.deadline < summonedOn) throw new ApiError('INVALID_INPUT', `承诺完成期限 ${input.deadline} 早于吹哨日期 ${summonedOn}，请核对`);
      const set = {
        contact: input.contact === undefined ? s.contact : blankToNull(input.contact),
        commitment: input.commitment === undefined ? s.commitment : blankToNull(input.commitment),
        deadline: input.deadline === undefined ? s.deadline : input.deadline,
      };
      const changed = set.commitment !== s.commitment || set.deadline !== s.deadline;
      return { set, ...(changed ? { event: `${s.department}承诺：${set.commitment ?? '（未填写）'}；期限 ${set.deadline ?? '未定'}` } : {}) };
    },
    now,
  );
}

export function completeSummons(db: Db, actor: Actor, input: { id: number; result: string; resolved: boolean; closedAt?: string | undefined }, now = new Date()): Summons {
  return change(
    db,
    actor,
    input.id,
    'summons.complete',
    (s, tz) => {
      assertOpen(s, '登记办理结果');
      const at = input.closedAt ? new Date(input.closedAt).toISOString() : now.toISOString();
      if (at < s.summonedAt) throw new ApiError('INVALID_INPUT', `办结时间早于吹哨时间 ${localDateTime(tz, s.summonedAt)}，请核对`);
      return { set: { result: input.result.trim(), resolved: input.resolved, closedAt: at }, at, event: `${s.department}办结（${input.resolved ? '已解决' : '未解决'}）：${input.result.trim()}` };
    },
    now,
  );
}

export function evaluateSummons(db: Db, actor: Actor, id: number, evaluation: NonNullable<SummonsRow['evaluation']>, now = new Date()): Summons {
  return change(db, actor, id, 'summons.evaluate', (s) => ({ set: { evaluation }, event: `委员会对${s.department}的评价：${evaluation}` }), now);
}

export function listSummons(
  db: Db,
  q: { orgId: number; department?: string | undefined; overdueOnly?: boolean | undefined; openOnly?: boolean | undefined; topicId?: number | undefined; meetingId?: number | undefined },
  now = new Date(),
): { items: Summons[] } {
  getOrganization(db, q.orgId);
  const where: SQL[] = [eq(summons.orgId, q.orgId)];
  if (q.department?.trim()) where.push(eq(summons.department, q.department.trim()));
  if (q.openOnly || q.overdueOnly) where.push(isNull(summons.closedAt));
  if (q.topicId) where.push(eq(summons.topicId, q.topicId));
  if (q.meetingId) where.push(eq(summons.meetingId, q.meetingId));
  const items = query(db, and(...where), now);
  return { items: q.overdueOnly ? items.filter((s) => s.overdue) : items };
}

export function summonsDepartments(db: Db, orgId: number): { items: string[] } {
  getOrganization(db, orgId);
  const rows = db.orm.selectDistinct({ d: summons.department }).from(summons).where(eq(summons.orgId, orgId)).orderBy(asc(summons.department)).all();
  return { items: rows.map((r) => r.d) };
}

/** The three figures of 接诉即办 per department for summons made from `from` to `to` (local dates, inclusive). */
export function summonsRates(db: Db, q: { orgId: number; from: string; to: string }) {
  getOrganization(db, q.orgId);
  if (q.to < q.from) throw new ApiError('INVALID_INPUT', `统计结束日期 ${q.to} 早于开始日期 ${q.from}，请核对`);
  const tz = getTimeZone(db);
  const rows = db.orm
    .select({ s: summons, satisfaction: topics.satisfaction })
    .from(summons)
    .leftJoin(topics, eq(topics.id, summons.topicId))
    .where(eq(summons.orgId, q.orgId))
    .all();
  const records: SummonsRecord[] = rows.map(({ s, satisfaction }) => ({
    department: s.department,
    summonedOn: todayIn(tz, new Date(s.summonedAt)),
    summonedAt: s.summonedAt,
    reportWithinHours: s.reportWithinHours,
    reportedAt: s.reportedAt,
    resolved: s.resolved,
    topicId: s.topicId,
    topicSatisfaction: satisfaction,
  }));
  return { from: q.from, to: q.to, ...departmentRates(records, q) };
}
