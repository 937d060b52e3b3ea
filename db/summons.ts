import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import type { Summons } from '../core/contract/summons';
import { localDateTime, todayIn, zonedInstant, type Clock } from '../core/clock';
import type { ParsedInput } from '../core/contract';
import { addDays } from '../core/dates';
import { followUpDefaults } from '../core/followup/data';
import { perMille, percentText, rateDefinitions, reportedInTime, type DepartmentFigures, type Rate } from '../core/followup/rates';
import { pageWindow } from '../core/contract/paging';
import { summonsOverdue } from '../core/followup/rules';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { findMeeting } from './meetings';
import { getOrganization } from './organizations';
import { meetings, summons, topics } from './schema';
import { addTopicEvent, assertTopicOpen, findTopic } from './topic-events';
import { prepared } from './prepared';
import { blankToNull } from './values';

type SummonsRow = typeof summons.$inferSelect;

/** A summons as 吹哨 or 转部门办理 records it; `date` dates the topic's timeline line (default: the summons' local date). */
export type SummonsInput = ParsedInput<'summons.create'> & { date?: string | undefined };

function findSummons(db: Db, id: number): SummonsRow {
  const s = db.orm.select().from(summons).where(eq(summons.id, id)).get();
  if (!s) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的吹哨记录，请刷新后重试`);
  return s;
}

function toSummons(row: SummonsRow & { topicTitle: string | null; meetingTitle: string | null }, clock: Clock): Summons {
  const today = clock.today;
  const overdueReason = summonsOverdue(row, today, new Date(clock.instant));
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

function query(db: Db, where: SQL | undefined, clock: Clock, window?: { limit: number; offset: number }): Summons[] {
  const q = db.orm
    .select({ s: summons, topicTitle: topics.title, meetingTitle: meetings.title })
    .from(summons)
    .leftJoin(topics, eq(topics.id, summons.topicId))
    .leftJoin(meetings, eq(meetings.id, summons.meetingId))
    .where(where)
    .orderBy(desc(summons.summonedAt), desc(summons.id));
  return (window ? q.limit(window.limit).offset(window.offset).all() : q.all()).map((r) =>
    toSummons({ ...r.s, topicTitle: r.topicTitle, meetingTitle: r.meetingTitle }, clock),
  );
}

/** Milliseconds since 1970 of an ISO instant column, exactly (SQLite keeps julian days in whole milliseconds). */
const epochMs = (column: SQL | typeof summons.summonedAt) => sql`cast(round((julianday(${column}) - 2440587.5) * 86400000) as integer)`;

/** summonsOverdue (core/followup/rules) in SQL: open, and not reported within its hours by `clock`'s instant or past its deadline by its date. */
function overdueCondition(clock: Clock): SQL {
  const now = Date.parse(clock.instant);
  return sql`(${summons.closedAt} is null and ((${summons.reportedAt} is null and ${epochMs(summons.summonedAt)} + ${summons.reportWithinHours} * 3600000 < ${now}) or (${summons.deadline} is not null and ${summons.deadline} < ${clock.today})))`;
}

/** Open summons overdue or due within the due-soon window: the home page's list. */
export function summonsNeedingAttention(db: Db, orgId: number, clock: Clock): Summons[] {
  const soon = addDays(clock.today, followUpDefaults.dueSoonDays);
  return query(
    db,
    and(
      eq(summons.orgId, orgId),
      isNull(summons.closedAt),
      sql`(${overdueCondition(clock)} or (${summons.deadline} is not null and ${summons.deadline} <= ${soon}))`,
    ),
    clock,
  );
}

/** Every summons of a topic, unpaged: the topic's own page. */
export function summonsOfTopic(db: Db, topicId: number, clock: Clock): Summons[] {
  return query(db, eq(summons.topicId, topicId), clock);
}

/** Overdue and due-soon are judged by `clock`: its date for deadlines, its instant for the report limit in hours. */
export function getSummons(db: Db, id: number, clock: Clock): Summons {
  findSummons(db, id);
  return query(db, eq(summons.id, id), clock)[0]!;
}

/**
 * Inserts a summons (also for 转部门办理). A summons for a topic puts it on the topic's timeline and
 * marks the topic 转部门办理.
 */
export function insertSummons(tx: Tx, input: SummonsInput): SummonsRow {
  getOrganization(tx, input.orgId);
  const tz = tx.clock.timeZone;
  const topic = input.topicId ? findTopic(tx, input.topicId) : null;
  if (topic) {
    if (topic.orgId !== input.orgId) throw new ApiError('INVALID_INPUT', `议题“${topic.title}”不属于本议事主体，请重新选择`);
    assertTopicOpen(topic, '转部门办理');
  }
  if (input.meetingId) {
    const m = findMeeting(tx, input.meetingId);
    if (m.orgId !== input.orgId) throw new ApiError('INVALID_INPUT', `会议“${m.title}”不属于本议事主体，请重新选择`);
  }
  const summonedAt = input.summonedAt ? new Date(input.summonedAt).toISOString() : tx.clock.instant;
  if (input.deadline && input.deadline < todayIn(tz, new Date(summonedAt))) {
    throw new ApiError('INVALID_INPUT', `承诺完成期限 ${input.deadline} 早于吹哨日期 ${todayIn(tz, new Date(summonedAt))}，请核对`);
  }
  const at = tx.clock.instant;
  const row = tx.orm
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
  appendAudit(tx, { action: 'summons.create', entity: 'summons', entityId: row.id, after: row });
  if (topic) {
    const date = input.date ?? todayIn(tz, new Date(summonedAt));
    addTopicEvent(
      tx,
      topic.id,
      date,
      '转部门办理',
      `向${row.department}吹哨（${localDateTime(tz, summonedAt)}），要求 ${row.reportWithinHours} 小时内报到${row.deadline ? `，期限 ${row.deadline}` : ''}`,
    );
    if (topic.status !== '转部门办理') {
      tx.orm.update(topics).set({ status: '转部门办理', updatedAt: at }).where(eq(topics.id, topic.id)).run();
      appendAudit(tx, { action: 'topics.refer', entity: 'topic', entityId: topic.id, before: topic, after: findTopic(tx, topic.id) });
      addTopicEvent(tx, topic.id, date, '状态', `状态：${topic.status} → 转部门办理`);
    }
  }
  return row;
}

export function createSummons(tx: Tx, input: ParsedInput<'summons.create'>): Summons {
  return getSummons(tx, insertSummons(tx, input).id, tx.clock);
}

const eventKinds: Record<string, string> = {
  'summons.report': '部门报到',
  'summons.complete': '部门办结',
  'summons.evaluate': '委员会评价',
  'summons.update': '部门承诺',
};

/** One change to a summons; `at` is when it happened (report or completion time), which dates its line on the topic's timeline. */
function change(tx: Tx, id: number, action: string, build: (s: SummonsRow, tz: string) => { set: Partial<SummonsRow>; event?: string; at?: string }): Summons {
  const before = findSummons(tx, id);
  const tz = tx.clock.timeZone;
  const { set, event, at } = build(before, tz);
  tx.orm
    .update(summons)
    .set({ ...set, updatedAt: tx.clock.instant })
    .where(eq(summons.id, id))
    .run();
  appendAudit(tx, { action, entity: 'summons', entityId: id, before, after: findSummons(tx, id) });
  if (event && before.topicId) addTopicEvent(tx, before.topicId, at ? todayIn(tz, new Date(at)) : tx.clock.today, eventKinds[action]!, event);
  return getSummons(tx, id, tx.clock);
}

function assertOpen(s: SummonsRow, what: string) {
  if (s.closedAt) throw new ApiError('FORBIDDEN', `${s.department}已办结（${s.closedAt.slice(0, 10)}），不能再${what}`);
}

export function reportSummons(tx: Tx, input: ParsedInput<'summons.report'>): Summons {
  const { id, reportedAt } = input;
  return change(tx, id, 'summons.report', (s, tz) => {
    if (s.reportedAt) throw new ApiError('CONFLICT', `${s.department}已于 ${localDateTime(tz, s.reportedAt)} 报到，不需要再登记`);
    const at = reportedAt ? new Date(reportedAt).toISOString() : tx.clock.instant;
    if (at < s.summonedAt) throw new ApiError('INVALID_INPUT', `报到时间 ${localDateTime(tz, at)} 早于吹哨时间 ${localDateTime(tz, s.summonedAt)}，请核对`);
    const inTime = reportedInTime({ ...s, reportedAt: at });
    return {
      set: { reportedAt: at },
      at,
      event: `${s.department}于 ${localDateTime(tz, at)} 报到（${inTime ? '按时' : `超过 ${s.reportWithinHours} 小时时限`}）`,
    };
  });
}

export function updateSummons(tx: Tx, input: ParsedInput<'summons.update'>): Summons {
  return change(tx, input.id, 'summons.update', (s, tz) => {
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
  });
}

export function completeSummons(tx: Tx, input: ParsedInput<'summons.complete'>): Summons {
  return change(tx, input.id, 'summons.complete', (s, tz) => {
    assertOpen(s, '登记办理结果');
    const at = input.closedAt ? new Date(input.closedAt).toISOString() : tx.clock.instant;
    if (at < s.summonedAt) throw new ApiError('INVALID_INPUT', `办结时间早于吹哨时间 ${localDateTime(tz, s.summonedAt)}，请核对`);
    return {
      set: { result: input.result.trim(), resolved: input.resolved, closedAt: at },
      at,
      event: `${s.department}办结（${input.resolved ? '已解决' : '未解决'}）：${input.result.trim()}`,
    };
  });
}

export function evaluateSummons(tx: Tx, input: ParsedInput<'summons.evaluate'>): Summons {
  const { id, evaluation } = input;
  return change(tx, id, 'summons.evaluate', (s) => ({ set: { evaluation }, event: `委员会对${s.department}的评价：${evaluation}` }));
}

export function listSummons(
  db: Db,
  q: {
    orgId: number;
    department?: string | undefined;
    overdueOnly?: boolean | undefined;
    openOnly?: boolean | undefined;
    topicId?: number | undefined;
    topicIds?: number[] | undefined;
    meetingId?: number | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
  clock: Clock,
): { items: Summons[]; total: number } {
  getOrganization(db, q.orgId);
  const where: SQL[] = [eq(summons.orgId, q.orgId)];
  if (q.department?.trim()) where.push(eq(summons.department, q.department.trim()));
  if (q.openOnly || q.overdueOnly) where.push(isNull(summons.closedAt));
  if (q.overdueOnly) where.push(overdueCondition(clock));
  if (q.topicId) where.push(eq(summons.topicId, q.topicId));
  if (q.topicIds) where.push(q.topicIds.length ? inArray(summons.topicId, q.topicIds) : sql`0`);
  if (q.meetingId) where.push(eq(summons.meetingId, q.meetingId));
  const condition = and(...where);
  const total =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(summons)
      .where(condition)
      .get()?.n ?? 0;
  return { items: query(db, condition, clock, pageWindow(q)), total };
}

export function summonsDepartments(db: Db, orgId: number): { items: string[] } {
  getOrganization(db, orgId);
  const rows = db.orm.selectDistinct({ d: summons.department }).from(summons).where(eq(summons.orgId, orgId)).orderBy(asc(summons.department)).all();
  return { items: rows.map((r) => r.d) };
}

function rate(numerator: number, denominator: number, definition: string): Rate {
  const pm = perMille(numerator, denominator);
  return { numerator, denominator, perMille: pm, text: `${numerator}/${denominator}（${percentText(pm)}）`, definition };
}

interface RateCounts {
  department: string | null;
  summoned: number;
  inTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
}

function figuresOf(department: string, c: RateCounts): DepartmentFigures {
  return {
    department,
    summoned: c.summoned,
    response: rate(c.inTime, c.summoned, rateDefinitions.response),
    resolution: rate(c.resolved, c.summoned, rateDefinitions.resolution),
    satisfaction: rate(c.satisfied, c.rated, rateDefinitions.satisfaction),
  };
}

// core/followup/rates.ts departmentRates, counted by SQLite over the period's rows only (found by
// the summoned_at range, not by reading every summons): in time means reported no later than
// summoned_at + the hours allowed; satisfaction counts each topic once, by its residents' rating.
const countsSelect = `count(*) as summoned,
  coalesce(sum(s.reported_at is not null and cast(round((julianday(s.reported_at) - 2440587.5) * 86400000) as integer)
    <= cast(round((julianday(s.summoned_at) - 2440587.5) * 86400000) as integer) + s.report_within_hours * 3600000), 0) as inTime,
  coalesce(sum(s.resolved = 1), 0) as resolved,
  count(distinct case when t.satisfaction is not null then s.topic_id end) as rated,
  count(distinct case when t.satisfaction in ('满意', '基本满意') then s.topic_id end) as satisfied
  from summons s left join topics t on t.id = s.topic_id
  where s.org_id = @orgId and s.summoned_at >= @start and s.summoned_at < @end`;
const ratesSql = `select s.department as department, ${countsSelect} group by s.department
  union all select null as department, ${countsSelect}`;

// One collator for the department names (localeCompare with a locale builds one per call).
const zhCollator = new Intl.Collator('zh-CN');

/** The three figures of 接诉即办 per department for summons made from `from` to `to` (local dates, inclusive). */
export function summonsRates(db: Db, q: ParsedInput<'summons.rates'>, clock: Clock) {
  getOrganization(db, q.orgId);
  if (q.to < q.from) throw new ApiError('INVALID_INPUT', `统计结束日期 ${q.to} 早于开始日期 ${q.from}，请核对`);
  const tz = clock.timeZone;
  // The period's local days as instants: from the first day's midnight to the midnight after the last.
  const start = new Date(zonedInstant(tz, q.from, '00:00')).toISOString();
  const end = new Date(zonedInstant(tz, addDays(q.to, 1), '00:00')).toISOString();
  const rows = prepared<[Record<string, unknown>], RateCounts>(db, ratesSql).all({ orgId: q.orgId, start, end }) as RateCounts[];
  const total = rows.find((r) => r.department == null)!;
  const departments = rows
    .filter((r): r is RateCounts & { department: string } => r.department != null)
    .sort((a, b) => zhCollator.compare(a.department, b.department))
    .map((r) => figuresOf(r.department, r));
  return { from: q.from, to: q.to, departments, total: figuresOf('合计', total) };
}
