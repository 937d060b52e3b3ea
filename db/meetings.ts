import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { pageWindow } from '../core/contract/paging';
import { ApiError } from '../core/contract/define';
import type { ParsedInput } from '../core/contract';
import type { Meeting, MeetingSummary, Quorum } from '../core/contract/meetings';
import { ruleSetDefinitionSchema, quorumStatus, type AttendeeBasis, type RuleSetDefinition } from '../core/rules/rule-set';
import { ruleGrounds } from '../core/rules/citation';
import { appendAudit } from './audit';
import { preparedOnce } from './prepared';
import type { Db, Tx } from './client';
import { expectedAttendees, expectedCount } from './expected-attendees';
import { recomputeLateness } from './lateness';
import { getMeetingType, ruleSetInForce } from './meeting-types';
import { getOrganization } from './organizations';
import { peopleRows } from './people';
import { attendance, bodies, meetingTypes, meetings, people, ruleSets, votes } from './schema';
import { blankToNull, escapeLike } from './values';

type MeetingRow = typeof meetings.$inferSelect;

export function findMeeting(db: Db, id: number): MeetingRow {
  // Every call about a meeting starts here (each door check-in too): compiled once per file.
  const statement = preparedOnce(db, 'meetings.find', () =>
    db.orm
      .select()
      .from(meetings)
      .where(eq(meetings.id, sql.placeholder('id')))
      .prepare(),
  );
  const m = statement.get({ id });
  if (!m) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的会议，可能已被删除，请刷新后重试`);
  return m;
}

// A meeting's rules are a snapshot that never changes; checking it against the schema on every
// call (each door check-in asks) cost more than the check-in's own queries.
const parsedRuleSets = new Map<string, RuleSetDefinition>();

/** Shared between calls, so nobody may change it in place. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function ruleSetOf(m: MeetingRow): RuleSetDefinition {
  let def = parsedRuleSets.get(m.ruleSetSnapshot);
  if (!def) {
    def = deepFreeze(ruleSetDefinitionSchema.parse(JSON.parse(m.ruleSetSnapshot)));
    if (parsedRuleSets.size >= 200) parsedRuleSets.clear();
    parsedRuleSets.set(m.ruleSetSnapshot, def);
  }
  return def;
}

/** Refuses changes to a finalized meeting before the database trigger has to. */
export function assertNotFinalized(m: MeetingRow, what = '修改'): void {
  if (m.status === '已定稿') throw new ApiError('FORBIDDEN', `会议“${m.title}”已定稿，不能${what}；如需更正，请在“纪要”中添加更正记录`);
}

/**
 * The lines present now (出席 or 迟到), one per person or household, whichever route put them there
 * (door sign-in, 更正, a household line with or without a named signer). The one definition of 实到:
 * the quorum panel counts these, a vote freezes exactly these as its voters.
 */
export function presentLines(db: Db, meetingId: number) {
  return db.orm
    .select({ id: attendance.id, personId: attendance.personId, householdId: attendance.householdId, name: attendance.name })
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.kind, 'member'), inArray(attendance.status, ['出席', '迟到'])))
    .orderBy(attendance.id)
    .all();
}

/** Counted in SQL: a door check-in asks for it each time, and the roll may hold thousands of lines. */
export function presentCount(db: Db, meetingId: number): number {
  const statement = preparedOnce(db, 'meetings.presentCount', () =>
    db.orm
      .select({ n: count() })
      .from(attendance)
      .where(and(eq(attendance.meetingId, sql.placeholder('meetingId')), eq(attendance.kind, 'member'), inArray(attendance.status, ['出席', '迟到'])))
      .prepare(),
  );
  return statement.get({ meetingId })!.n;
}

export function quorumOf(db: Db, m: MeetingRow, liveExpected?: number): Quorum {
  const def = ruleSetOf(m);
  const basis = def.bases.find((b) => b.basis === m.basis) ?? def.bases[0]!;
  // Frozen at the start; before that, a number set by hand (with its reason) wins over the roster.
  const expected = m.expectedCount ?? m.expectedManual ?? liveExpected ?? expectedCount(db, basisOf(m));
  return { ...quorumStatus(basis.quorum, expected, presentCount(db, m.id)), frozen: m.expectedCount != null };
}

function basisOf(m: MeetingRow) {
  return { orgId: m.orgId, date: m.date, basis: m.basis as AttendeeBasis, bodyId: m.bodyId, groupName: m.groupName };
}

export function getMeeting(db: Db, id: number, warnings: string[] = []): Meeting {
  const m = findMeeting(db, id);
  const type = getMeetingType(db, m.meetingTypeId);
  const rule = db.orm.select().from(ruleSets).where(eq(ruleSets.id, m.ruleSetId)).get()!;
  const body = m.bodyId ? db.orm.select().from(bodies).where(eq(bodies.id, m.bodyId)).get() : undefined;
  const def = ruleSetOf(m);
  const notes = [...warnings];
  let liveExpected: number | undefined;
  let undated: number[] = [];
  if (m.expectedCount == null) {
    const base = expectedAttendees(db, basisOf(m));
    liveExpected = base.entries.length;
    undated = base.undated;
    notes.push(...base.warnings);
  }
  if (!def.statutory) notes.push(`本会议使用的是“${rule.label}”规则，不是法律规定的比例`);
  return {
    id: m.id,
    orgId: m.orgId,
    title: m.title,
    typeName: type.name,
    meetingTypeId: m.meetingTypeId,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    status: m.status,
    lawVersion: def.lawVersion,
    chairName: m.chairName,
    recorderName: m.recorderName,
    basis: m.basis as AttendeeBasis,
    bodyId: m.bodyId,
    bodyName: body?.name ?? null,
    groupName: m.groupName,
    noticeDate: m.noticeDate,
    urgentReason: m.urgentReason,
    ruleSetId: m.ruleSetId,
    ruleSetLabel: rule.label,
    ruleSet: def,
    quorum: quorumOf(db, m, liveExpected),
    expectedManual: m.expectedManual,
    expectedReason: m.expectedReason,
    undated: peopleRows(db, undated),
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    finalizedAt: m.finalizedAt,
    warnings: notes,
  };
}

function meetingSummaries(db: Db, where: SQL | undefined, order: SQL[], window?: { limit: number; offset: number }): MeetingSummary[] {
  const q = db.orm
    .select({ m: meetings, typeName: meetingTypes.name, lawVersion: sql<string | null>`json_extract(${meetings.ruleSetSnapshot}, '$.lawVersion')` })
    .from(meetings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, meetings.meetingTypeId))
    .where(where)
    .orderBy(...order);
  return (window ? q.limit(window.limit).offset(window.offset).all() : q.all()).map(({ m, typeName, lawVersion }) => ({
    id: m.id,
    orgId: m.orgId,
    title: m.title,
    typeName,
    meetingTypeId: m.meetingTypeId,
    date: m.date,
    startTime: m.startTime,
    place: m.place,
    status: m.status,
    lawVersion,
  }));
}

/** Meetings dated from `from` to `to` inclusive, earliest first (by date, then start time): the home page's. */
export function meetingsBetween(db: Db, orgId: number, from: string, to: string): MeetingSummary[] {
  return meetingSummaries(db, and(eq(meetings.orgId, orgId), gte(meetings.date, from), lte(meetings.date, to)), [
    asc(meetings.date),
    sql`coalesce(${meetings.startTime}, '')`,
    desc(meetings.id),
  ]);
}

export function listMeetings(
  db: Db,
  q: {
    orgId: number;
    meetingTypeId?: number | undefined;
    year?: number | undefined;
    status?: MeetingRow['status'] | undefined;
    query?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
): { items: MeetingSummary[]; total: number } {
  getOrganization(db, q.orgId);
  const where: SQL[] = [eq(meetings.orgId, q.orgId)];
  if (q.meetingTypeId) where.push(eq(meetings.meetingTypeId, q.meetingTypeId));
  // A range on the ISO date, so the (org_id, date) index finds the year.
  if (q.year) where.push(gte(meetings.date, `${q.year}-01-01`), lt(meetings.date, `${q.year + 1}-01-01`));
  if (q.status) where.push(eq(meetings.status, q.status));
  if (q.query?.trim()) {
    const like = `%${escapeLike(q.query.trim())}%`;
    where.push(sql`(${meetings.title} like ${like} escape '\\' or ${meetings.place} like ${like} escape '\\')`);
  }
  const condition = and(...where);
  const total =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(meetings)
      .where(condition)
      .get()?.n ?? 0;
  return { items: meetingSummaries(db, condition, [desc(meetings.date), desc(meetings.id)], pageWindow(q)), total };
}

function checkBase(db: Db, orgId: number, def: RuleSetDefinition, basis: AttendeeBasis, bodyId: number | null) {
  if (!def.bases.some((b) => b.basis === basis)) {
    throw new ApiError('INVALID_INPUT', `${def.meetingKind}不能按这种方式计算应到人员，请重新选择`);
  }
  if (basis === 'body') {
    if (bodyId == null) throw new ApiError('INVALID_INPUT', `请选择参会的机构（例如本届${def.meetingKind}），应到人员从机构成员中计算`);
    const body = db.orm.select().from(bodies).where(eq(bodies.id, bodyId)).get();
    if (!body || body.orgId !== orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${bodyId} 的机构，请重新选择`);
  }
}

/** A meeting of one 村民小组 (村民小组会议, and copies of it): its 应到 is that group only. */
export function isGroupMeeting(def: RuleSetDefinition): boolean {
  return def.meetingKind.includes('小组会议');
}

/**
 * The group a meeting counts: required for a group meeting and one the roster knows; for any other
 * meeting none (a 村民会议 counts the whole village, never one group).
 */
function checkGroup(db: Db, orgId: number, def: RuleSetDefinition, groupName: string | null): string | null {
  if (!isGroupMeeting(def)) return null;
  if (!groupName) {
    throw new ApiError(
      'INVALID_INPUT',
      `${def.meetingKind}只计算本小组的人员，请选择是哪个村民小组（${ruleGrounds(def)}应到人员为本组年满十八周岁的村民或本组各户代表）`,
    );
  }
  const known = db.orm
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.status, '在册'), eq(people.groupName, groupName)))
    .get();
  if (!known) throw new ApiError('INVALID_INPUT', `名册中没有属于“${groupName}”的在册人员，请核对小组名称，或先在人员名册中为本组人员填写小组`);
  return groupName;
}

function checkTimes(startTime: string | null | undefined, endTime: string | null | undefined) {
  if (startTime && endTime && endTime < startTime) throw new ApiError('INVALID_INPUT', `结束时间 ${endTime} 早于开始时间 ${startTime}，请核对`);
}

export function createMeeting(tx: Tx, input: ParsedInput<'meetings.create'>): Meeting {
  getOrganization(tx, input.orgId);
  getMeetingType(tx, input.meetingTypeId, input.orgId);
  const { row: rule, definition } = ruleSetInForce(tx, input.meetingTypeId, input.date);
  const bodyId = input.basis === 'body' ? (input.bodyId ?? null) : null;
  checkBase(tx, input.orgId, definition, input.basis, bodyId);
  const groupName = checkGroup(tx, input.orgId, definition, blankToNull(input.groupName));
  checkTimes(input.startTime, input.endTime);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(meetings)
    .values({
      orgId: input.orgId,
      meetingTypeId: input.meetingTypeId,
      ruleSetId: rule.id,
      ruleSetSnapshot: JSON.stringify(definition),
      title: input.title,
      date: input.date,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
      place: blankToNull(input.place),
      chairName: blankToNull(input.chairName),
      recorderName: blankToNull(input.recorderName),
      basis: input.basis,
      bodyId,
      groupName,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'meeting.create', entity: 'meeting', entityId: row.id, after: row });
  return getMeeting(tx, row.id);
}

export function updateMeeting(tx: Tx, { id, ...input }: ParsedInput<'meetings.update'>): Meeting {
  const before = findMeeting(tx, id);
  assertNotFinalized(before);
  const started = before.status === '进行中' || before.status === '已结束';
  const changesBase = input.date !== undefined || input.basis !== undefined || input.bodyId !== undefined || input.groupName !== undefined;
  const nextGroup = input.groupName === undefined ? before.groupName : blankToNull(input.groupName);
  if (
    started &&
    changesBase &&
    ((input.date ?? before.date) !== before.date ||
      (input.basis ?? before.basis) !== before.basis ||
      (input.bodyId ?? before.bodyId) !== before.bodyId ||
      nextGroup !== before.groupName)
  ) {
    throw new ApiError('FORBIDDEN', '会议已经开始，应到人员已确定，不能再修改日期和参会范围');
  }
  const date = input.date ?? before.date;
  const basis = (input.basis ?? before.basis) as AttendeeBasis;
  // A new date may fall under the other text of the law: the rules follow the date until the meeting starts.
  const { row: rule, definition } = started ? { row: { id: before.ruleSetId }, definition: ruleSetOf(before) } : ruleSetInForce(tx, before.meetingTypeId, date);
  const bodyId = basis === 'body' ? (input.bodyId === undefined ? before.bodyId : input.bodyId) : null;
  checkBase(tx, before.orgId, definition, basis, bodyId);
  const groupName = nextGroup === before.groupName && started ? before.groupName : checkGroup(tx, before.orgId, definition, nextGroup);
  const startTime = input.startTime === undefined ? before.startTime : input.startTime;
  const endTime = input.endTime === undefined ? before.endTime : input.endTime;
  checkTimes(startTime, endTime);
  tx.orm
    .update(meetings)
    .set({
      title: input.title ?? before.title,
      date,
      startTime,
      endTime,
      place: input.place === undefined ? before.place : blankToNull(input.place),
      chairName: input.chairName === undefined ? before.chairName : blankToNull(input.chairName),
      recorderName: input.recorderName === undefined ? before.recorderName : blankToNull(input.recorderName),
      basis,
      bodyId,
      groupName,
      ruleSetId: rule.id,
      ruleSetSnapshot: JSON.stringify(definition),
      updatedAt: tx.clock.instant,
    })
    .where(eq(meetings.id, id))
    .run();
  appendAudit(tx, { action: 'meeting.update', entity: 'meeting', entityId: id, before, after: findMeeting(tx, id) });
  // A corrected start or end after the doors opened: 迟到/早退 are judged again (note in the attendance history).
  if (started) recomputeLateness(tx, { meetingId: id, before: { startTime: before.startTime, endTime: before.endTime }, after: { startTime, endTime } });
  return getMeeting(tx, id);
}

/** Whole days from one date to another (YYYY-MM-DD), by UTC calendar arithmetic. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The time of day on the write's clock (the user's zone), if today is the meeting's day. A start
 * or end recorded on another day has no "now" worth writing down: the time is left blank.
 */
export function meetingDayTime(tx: Tx, m: MeetingRow): string | null {
  return tx.clock.today === m.date ? tx.clock.time : null;
}

function transition(tx: Tx, m: MeetingRow, status: MeetingRow['status'], set: Partial<MeetingRow>, action: string, extra?: unknown): Meeting {
  tx.orm
    .update(meetings)
    .set({ ...set, status, updatedAt: tx.clock.instant })
    .where(eq(meetings.id, m.id))
    .run();
  appendAudit(tx, { action, entity: 'meeting', entityId: m.id, before: m, after: { ...findMeeting(tx, m.id), ...(extra ? { note: extra } : {}) } });
  return getMeeting(tx, m.id);
}

export function notifyMeeting(tx: Tx, { id, noticeDate, urgentReason }: ParsedInput<'meetings.notify'>): Meeting {
  const m = findMeeting(tx, id);
  if (m.status !== '草稿' && m.status !== '已通知') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，不能再登记通知`);
  if (noticeDate > m.date) throw new ApiError('INVALID_INPUT', `通知日期 ${noticeDate} 晚于会议日期 ${m.date}，请核对`);
  const def = ruleSetOf(m);
  const days = daysBetween(noticeDate, m.date);
  const reason = blankToNull(urgentReason);
  if (def.noticeDays != null && days < def.noticeDays && !reason) {
    throw new ApiError(
      'INVALID_INPUT',
      `${ruleGrounds(def)}${def.meetingKind}应当提前 ${def.noticeDays} 天通知；本次只提前 ${days} 天。请填写“临时召开的特殊情况”后再登记。`,
    );
  }
  return transition(tx, m, '已通知', { noticeDate, urgentReason: reason }, 'meeting.notify');
}

export function startMeeting(tx: Tx, { id, startTime, acknowledgeUndated }: ParsedInput<'meetings.start'>): Meeting {
  const m = findMeeting(tx, id);
  if (m.status !== '草稿' && m.status !== '已通知') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，不能开始`);
  const def = ruleSetOf(m);
  if (def.noticeDays != null && m.noticeDate == null) {
    throw new ApiError('FORBIDDEN', `${def.meetingKind}应当提前 ${def.noticeDays} 天通知，请先登记会议通知（临时召开的请写明特殊情况）`);
  }
  if (isGroupMeeting(def) && !m.groupName) {
    throw new ApiError('FORBIDDEN', `${def.meetingKind}只计算本小组的人员，请先在“修改会议信息”中选择是哪个村民小组，再开始会议`);
  }
  const base = expectedAttendees(tx, basisOf(m));
  // Nobody is left out of 应到 without the secretary knowing: people without a birth date are named first.
  if (base.undated.length > 0 && m.expectedManual == null && !acknowledgeUndated) {
    const names = peopleRows(tx, base.undated).map((p) => p.name);
    const shown = names.length > 10 ? `${names.slice(0, 10).join('、')}等` : names.join('、');
    throw new ApiError(
      'FORBIDDEN',
      `以下 ${names.length} 人没有出生日期，无法判断是否年满十八周岁，未计入应到人数：${shown}。请先补全出生日期，或确认不计入后再开始会议`,
    );
  }
  const expected = m.expectedManual ?? base.entries.length;
  if (expected === 0) throw new ApiError('FORBIDDEN', '应到人数为 0：请先为参会机构添加成员，或在名册中录入人员，再开始会议');
  const start = startTime ?? m.startTime ?? meetingDayTime(tx, m);
  const note = base.undated.length > 0 && m.expectedManual == null ? `${base.undated.length} 人没有出生日期，经确认未计入应到人数` : undefined;
  const started = transition(tx, m, '进行中', { expectedCount: expected, startedAt: tx.clock.instant, startTime: start }, 'meeting.start', note);
  // Started with a start time other than the one planned: those already signed in are judged against it.
  if (startTime != null && m.startTime != null && startTime !== m.startTime) {
    if (recomputeLateness(tx, { meetingId: id, before: { startTime: m.startTime, endTime: m.endTime }, after: { startTime, endTime: m.endTime } }) > 0)
      return getMeeting(tx, id);
  }
  return started;
}

/**
 * 应到 set by hand where the roster is known to be incomplete, with the written reason the minutes
 * print. Allowed until the meeting is finalized, but not once a vote has been taken on the old number.
 */
export function setExpected(tx: Tx, { id, expected, reason }: ParsedInput<'meetings.setExpected'>): Meeting {
  const m = findMeeting(tx, id);
  assertNotFinalized(m, '修改应到人数');
  const voted = tx.orm
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.meetingId, id), inArray(votes.status, ['进行中', '已确认'])))
    .get();
  if (voted) {
    throw new ApiError(
      'FORBIDDEN',
      `本次会议已经按应到 ${m.expectedCount ?? m.expectedManual ?? '原定'} 人进行了表决，不能再修改应到人数；进行中的表决请先作废`,
    );
  }
  const why = reason.trim();
  tx.orm
    .update(meetings)
    .set({ expectedManual: expected, expectedReason: why, ...(m.expectedCount != null ? { expectedCount: expected } : {}), updatedAt: tx.clock.instant })
    .where(eq(meetings.id, id))
    .run();
  appendAudit(tx, {
    action: 'meeting.setExpected',
    entity: 'meeting',
    entityId: id,
    before: {
      expected: m.expectedCount ?? m.expectedManual ?? expectedCount(tx, basisOf(m)),
      expectedManual: m.expectedManual,
      expectedReason: m.expectedReason,
    },
    after: { expected, expectedManual: expected, expectedReason: why },
  });
  return getMeeting(tx, id);
}

export function endMeeting(tx: Tx, { id, endTime }: ParsedInput<'meetings.end'>): Meeting {
  const m = findMeeting(tx, id);
  if (m.status !== '进行中') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，只有进行中的会议可以结束`);
  const end = endTime ?? meetingDayTime(tx, m);
  checkTimes(m.startTime, end);
  return transition(tx, m, '已结束', { endedAt: tx.clock.instant, endTime: end }, 'meeting.end');
}

export function reopenMeeting(tx: Tx, { id, reason }: ParsedInput<'meetings.reopen'>): Meeting {
  const m = findMeeting(tx, id);
  if (m.status !== '已结束') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，只有已结束的会议可以重新开始`);
  return transition(tx, m, '进行中', { endedAt: null, endTime: null }, 'meeting.reopen', reason);
}

/** Locks the meeting (the database then refuses changes); only through the minutes' approval. */
export function finalizeMeeting(tx: Tx, id: number): Meeting {
  const m = findMeeting(tx, id);
  if (m.status !== '已结束') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，请先结束会议再定稿`);
  return transition(tx, m, '已定稿', { finalizedAt: tx.clock.instant }, 'meeting.finalize');
}
