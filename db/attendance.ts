import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import type { AttendanceLineState, ExpectedAttendee, SheetChange } from '../core/contract/attendance';
import { ApiError } from '../core/contract/define';
import { minutesOfDay } from '../core/dates';
import { basisLabels, type AttendeeBasis } from '../core/rules/rule-set';
import { ruleGrounds } from '../core/rules/citation';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { expectedAttendees, type ExpectedEntry, type OnlyEntry } from './expected-attendees';
import { assertNotFinalized, findMeeting, quorumOf, ruleSetOf } from './meetings';
import { preparedOnce } from './prepared';
import { attendance, attendanceChanges, people } from './schema';

type MeetingRow = ReturnType<typeof findMeeting>;
type LineRow = typeof attendance.$inferSelect;
type Status = LineRow['status'];

function baseOf(db: Db, m: MeetingRow, only?: OnlyEntry) {
  return expectedAttendees(db, { orgId: m.orgId, date: m.date, basis: m.basis as AttendeeBasis, bodyId: m.bodyId, groupName: m.groupName }, only);
}

type Who = { personId: number | null; householdId: number | null };

/** The key of an expected line: one household in household mode, else one person. */
const keyOf = (e: Who) => (e.householdId != null ? `h${e.householdId}` : `p${e.personId}`);

/** The member line of one entry, read through the meeting's unique indexes (one per person, one per household). */
function lineOf(db: Db, meetingId: number, e: Who): LineRow | undefined {
  const byHousehold = e.householdId != null;
  const statement = preparedOnce(db, `attendance.line.${byHousehold ? 'household' : 'person'}`, () =>
    db.orm
      .select()
      .from(attendance)
      .where(
        and(
          eq(attendance.meetingId, sql.placeholder('meetingId')),
          eq(attendance.kind, 'member'),
          byHousehold
            ? eq(attendance.householdId, sql.placeholder('householdId'))
            : and(isNull(attendance.householdId), eq(attendance.personId, sql.placeholder('personId'))),
        ),
      )
      .prepare(),
  );
  return statement.get({ meetingId, householdId: e.householdId ?? 0, personId: e.personId ?? 0 });
}

function changesOf(db: Db, attendanceId: number): number {
  const statement = preparedOnce(db, 'attendance.changes', () =>
    db.orm
      .select({ n: count() })
      .from(attendanceChanges)
      .where(eq(attendanceChanges.attendanceId, sql.placeholder('attendanceId')))
      .prepare(),
  );
  return statement.get({ attendanceId })!.n;
}

/** A line as the sheet shows it; `changes` is how many entries its history holds (the first is the sign-in itself). */
function toLine(l: LineRow | undefined, changes: number): ExpectedAttendee['attendance'] {
  return l
    ? {
        id: l.id,
        status: l.status,
        arrivedAt: l.arrivedAt,
        leftAt: l.leftAt,
        reason: l.reason,
        // A household line with no representative named says so: it still counts and votes, as the household.
        signedByName: l.householdId != null && l.personId == null ? '' : l.name,
        changes: Math.max(0, changes - 1),
      }
    : null;
}

const toObserver = (o: LineRow) => ({ id: o.id, name: o.name, unit: o.unit, department: o.department, arrivedAt: o.arrivedAt, status: o.status });

export function attendanceSheet(db: Db, meetingId: number) {
  const m = findMeeting(db, meetingId);
  const base = baseOf(db, m);
  const rows = db.orm.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.id)).all();
  const changes = new Map(
    db.orm
      .select({ attendanceId: attendanceChanges.attendanceId, n: count() })
      .from(attendanceChanges)
      .where(eq(attendanceChanges.meetingId, meetingId))
      .groupBy(attendanceChanges.attendanceId)
      .all()
      .map((c) => [c.attendanceId, c.n]),
  );
  const line = (l: LineRow | undefined) => toLine(l, l ? (changes.get(l.id) ?? 0) : 0);
  const members = new Map<string, LineRow>();
  const observerRows: LineRow[] = [];
  // 预备党员 sign in as 列席 lines of their own (no vote): found by person and unit, the first one made.
  const silent = new Map<string, LineRow>();
  for (const r of rows) {
    if (r.kind === 'member') members.set(keyOf(r), r);
    else {
      observerRows.push(r);
      const key = `${r.personId}|${r.unit}`;
      if (r.personId != null && !silent.has(key)) silent.set(key, r);
    }
  }
  const expected: ExpectedAttendee[] = base.entries.map((e) => ({ ...e, attendance: line(members.get(keyOf(e))) }));
  // Listed apart, and among those attending.
  const nonVoting: ExpectedAttendee[] = (base.nonVoting ?? []).map((e) => ({ ...e, attendance: line(silent.get(`${e.personId}|${nonVotingUnit(e)}`)) }));
  return { expected, nonVoting, observers: observerRows.map(toObserver), quorum: quorumOf(db, m, base.entries.length) };
}

/**
 * What a write changed, for the screen to put into the sheet it has: the line as attendance.sheet
 * lists it and the quorum by the same rule (quorumOf: 应到 frozen, set by hand or counted in one
 * query; 实到 the lines present) — no whole roll, no whole sheet.
 */
function sheetChange(tx: Tx, m: MeetingRow, entry: ExpectedAttendee | null, list: SheetChange['list'], observer: LineRow | null): SheetChange {
  return { entry, list, observer: observer ? toObserver(observer) : null, quorum: quorumOf(tx, m) };
}

/** The 列席 line's unit for a member without a vote: "预备党员（无表决权）", printed in the minutes as 列席：预备党员（无表决权）王五、赵六. */
export function nonVotingUnit(e: { role: string | null }): string {
  return `${e.role ?? '列席'}（无表决权）`;
}

/**
 * The clock at the door — the write's one clock, in the user's time zone — only on the meeting's
 * own day. A record typed in afterwards has no "now" worth writing down: the time is left blank
 * unless the user gives one.
 */
function doorClock(tx: Tx, m: MeetingRow): string | undefined {
  return tx.clock.today === m.date ? tx.clock.time : undefined;
}

/** A time at the door makes sense from a few hours before the start until the end. */
function checkTime(m: MeetingRow, time: string) {
  if (m.endTime && minutesOfDay(time) > minutesOfDay(m.endTime)) {
    throw new ApiError('INVALID_INPUT', `时间 ${time} 晚于会议结束时间 ${m.endTime}，请核对`);
  }
  if (m.startTime && minutesOfDay(time) < minutesOfDay(m.startTime) - 180) {
    throw new ApiError('INVALID_INPUT', `时间 ${time} 比会议开始时间 ${m.startTime} 早三个小时以上，请核对`);
  }
}

/** Finds the expected entry for a person or a household; household mode accepts a member for the household. */
function resolveEntry(
  db: Db,
  m: MeetingRow,
  entries: ExpectedEntry[],
  personId?: number,
  householdId?: number,
): { entry: ExpectedEntry; signer: { id: number; name: string } | null } {
  if (householdId !== undefined) {
    const entry = entries.find((e) => e.householdId === householdId);
    if (!entry) throw new ApiError('NOT_FOUND', `编号为 ${householdId} 的户不在本次会议的应到范围内`);
    return { entry, signer: null };
  }
  const person = db.orm.select().from(people).where(eq(people.id, personId!)).get();
  if (!person || person.orgId !== m.orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${personId} 的人员，请刷新后重试`);
  const direct = entries.find((e) => e.householdId == null && e.personId === personId);
  if (direct) return { entry: direct, signer: null };
  const viaHousehold = entries.find((e) => e.members.some((p) => p.personId === personId));
  if (viaHousehold) {
    assertAdultSigner(
      m,
      viaHousehold,
      viaHousehold.members.find((p) => p.personId === personId)!,
    );
    return { entry: viaHousehold, signer: { id: person.id, name: person.name } };
  }
  throw new ApiError('INVALID_INPUT', `${person.name}不在本次会议的应到人员中（应到人员：${basisLabels[m.basis as AttendeeBasis]}）；如需旁听，请登记为列席`);
}

/** A household's representative (户的代表) is one of its members aged 18 or more on the meeting's date. */
function assertAdultSigner(m: MeetingRow, entry: ExpectedEntry, member: { name: string; minor: boolean }) {
  if (!member.minor) return;
  throw new ApiError(
    'INVALID_INPUT',
    `${member.name}在会议日期 ${m.date} 未满十八周岁，不能作为${entry.householdNo}户的户代表签到（${ruleGrounds(ruleSetOf(m))}参加会议的是十八周岁以上的村民或户的代表）；请选择本户一名年满十八周岁的成员`,
  );
}

function record(tx: Tx, m: MeetingRow, before: LineRow | undefined, after: LineRow, note: string | null) {
  tx.orm
    .insert(attendanceChanges)
    .values({
      meetingId: m.id,
      attendanceId: after.id,
      at: tx.clock.instant,
      actor: tx.actor.name,
      before: before ? JSON.stringify(before) : null,
      after: JSON.stringify(after),
      note,
    })
    .run();
  appendAudit(tx, { action: before ? 'attendance.change' : 'attendance.create', entity: 'attendance', entityId: after.id, before, after });
}

function writeLine(
  tx: Tx,
  m: MeetingRow,
  existing: LineRow | undefined,
  entry: ExpectedEntry,
  values: Partial<LineRow> & { status: Status; name: string; personId: number | null },
): LineRow {
  const at = tx.clock.instant;
  if (existing) {
    tx.orm
      .update(attendance)
      .set({ ...values, updatedAt: at })
      .where(eq(attendance.id, existing.id))
      .run();
    return tx.orm.select().from(attendance).where(eq(attendance.id, existing.id)).get()!;
  }
  return tx.orm
    .insert(attendance)
    .values({ meetingId: m.id, kind: 'member', householdId: entry.householdId, createdAt: at, updatedAt: at, ...values })
    .returning()
    .get();
}

export function signIn(tx: Tx, input: ParsedInput<'attendance.signIn'>) {
  const m = findMeeting(tx, input.meetingId);
  assertNotFinalized(m, '签到');
  if (input.paper) {
    // 补录纸质签到表: the paper sheet signed at the door, typed in during or after the meeting (before 定稿).
    if (m.status !== '进行中' && m.status !== '已结束') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，纸质签到表只能在会议开始后、定稿前补录`);
  } else if (m.status === '已结束') {
    throw new ApiError('FORBIDDEN', '会议已结束，不能再签到；请用“补录纸质签到表”录入会上的纸质签到，或在签到表中修改该人员的状态');
  }
  const base = baseOf(tx, m, input);
  const silent = input.personId !== undefined ? base.nonVoting?.find((e) => e.personId === input.personId) : undefined;
  if (silent) return signInWithoutVote(tx, m, silent, input);
  const { entry, signer: viaMember } = resolveEntry(tx, m, base.entries, input.personId, input.householdId);
  let signer = viaMember;
  if (entry.householdId != null && input.signedByPersonId !== undefined) {
    const member = entry.members.find((p) => p.personId === input.signedByPersonId);
    if (!member) throw new ApiError('INVALID_INPUT', `签到人不是${entry.householdNo}户的成员，请重新选择`);
    assertAdultSigner(m, entry, member);
    signer = { id: member.personId, name: member.name };
  }
  const existing = lineOf(tx, m.id, entry);
  if (existing && (existing.status === '出席' || existing.status === '迟到')) {
    throw new ApiError(
      'CONFLICT',
      `${existing.householdId ? `${entry.householdNo}户（${existing.name}）` : existing.name}已于 ${existing.arrivedAt ?? '早些时候'} 签到，不能重复签到`,
    );
  }
  const time = input.time ?? (input.paper ? undefined : doorClock(tx, m));
  if (time) checkTime(m, time);
  // At the door, lateness counts once the meeting is under way; from paper, by the written time against the start.
  const late =
    input.late || (time !== undefined && (m.status === '进行中' || input.paper) && m.startTime != null && minutesOfDay(time) > minutesOfDay(m.startTime));
  const after = writeLine(tx, m, existing, entry, {
    personId: entry.householdId != null ? (signer?.id ?? null) : entry.personId,
    name: entry.householdId != null ? (signer?.name ?? `${entry.householdNo ?? ''}户`) : entry.name,
    status: late ? '迟到' : '出席',
    arrivedAt: time ?? null,
    leftAt: null,
    reason: null,
  });
  record(tx, m, existing, after, input.paper ? PAPER_NOTE : null);
  return sheetChange(tx, m, { ...entry, attendance: toLine(after, changesOf(tx, after.id)) }, 'expected', null);
}

const PAPER_NOTE = '补录纸质签到表';

/** A member without a vote (预备党员) signs in as a 列席 line: attending, never counted in 实到 or among voters. */
function signInWithoutVote(tx: Tx, m: MeetingRow, entry: ExpectedEntry, input: ParsedInput<'attendance.signIn'>) {
  const unit = nonVotingUnit(entry);
  const existing = tx.orm
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, m.id), eq(attendance.kind, 'observer'), eq(attendance.personId, entry.personId!), eq(attendance.unit, unit)))
    .get();
  if (existing) throw new ApiError('CONFLICT', `${entry.name}（${unit}）已于 ${existing.arrivedAt ?? '早些时候'} 签到，不能重复签到`);
  const time = input.time ?? (input.paper ? undefined : doorClock(tx, m));
  if (time) checkTime(m, time);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(attendance)
    .values({
      meetingId: m.id,
      kind: 'observer',
      personId: entry.personId,
      name: entry.name,
      unit,
      status: '出席',
      arrivedAt: time ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  record(tx, m, undefined, row, input.paper ? PAPER_NOTE : null);
  return sheetChange(tx, m, { ...entry, attendance: toLine(row, 1) }, 'nonVoting', row);
}

export function setAttendanceStatus(tx: Tx, input: ParsedInput<'attendance.setStatus'>) {
  const m = findMeeting(tx, input.meetingId);
  assertNotFinalized(m, '修改签到');
  const base = baseOf(tx, m, input);
  const { entry, signer } = resolveEntry(tx, m, base.entries, input.personId, input.householdId);
  const existing = lineOf(tx, m.id, entry);
  const now = doorClock(tx, m);
  const time = input.time ?? (input.status === '迟到' || input.status === '早退' ? now : undefined);
  if (time) checkTime(m, time);
  if (input.status === '早退') {
    const arrived = existing?.arrivedAt;
    if (!existing || (existing.status !== '出席' && existing.status !== '迟到' && existing.status !== '早退')) {
      throw new ApiError('INVALID_INPUT', `${entry.name}还没有签到，不能登记早退`);
    }
    if (arrived && time && minutesOfDay(time) < minutesOfDay(arrived)) throw new ApiError('INVALID_INPUT', `离开时间 ${time} 早于签到时间 ${arrived}，请核对`);
  }
  const reason = input.reason?.trim() || null;
  if (input.status === '请假' && !reason) throw new ApiError('INVALID_INPUT', '登记请假请填写请假原因');
  const present = input.status === '出席' || input.status === '迟到';
  const after = writeLine(tx, m, existing, entry, {
    personId: entry.householdId != null ? (signer?.id ?? existing?.personId ?? null) : entry.personId,
    name: entry.householdId != null ? (signer?.name ?? (existing?.personId != null ? existing.name : `${entry.householdNo ?? ''}户`)) : entry.name,
    status: input.status,
    arrivedAt: present
      ? input.status === '迟到'
        ? (time ?? existing?.arrivedAt ?? null)
        : (existing?.arrivedAt ?? time ?? now ?? null)
      : input.status === '早退'
        ? (existing?.arrivedAt ?? null)
        : null,
    leftAt: input.status === '早退' ? (time ?? null) : null,
    reason: input.status === '请假' || input.status === '缺席' ? reason : null,
  });
  if (
    existing &&
    existing.status === after.status &&
    existing.arrivedAt === after.arrivedAt &&
    existing.leftAt === after.leftAt &&
    existing.reason === after.reason &&
    existing.personId === after.personId
  ) {
    throw new ApiError('CONFLICT', `${entry.name}的状态已经是“${after.status}”，没有修改`);
  }
  record(tx, m, existing, after, input.note?.trim() || null);
  return sheetChange(tx, m, { ...entry, attendance: toLine(after, changesOf(tx, after.id)) }, 'expected', null);
}

export function addObserver(tx: Tx, input: ParsedInput<'attendance.addObserver'>) {
  const m = findMeeting(tx, input.meetingId);
  assertNotFinalized(m, '登记列席');
  if (input.personId !== undefined) {
    const p = tx.orm.select().from(people).where(eq(people.id, input.personId)).get();
    if (!p || p.orgId !== m.orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.personId} 的人员，请刷新后重试`);
  }
  const time = input.time ?? doorClock(tx, m);
  if (time) checkTime(m, time);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(attendance)
    .values({
      meetingId: m.id,
      kind: 'observer',
      personId: input.personId ?? null,
      name: input.name,
      unit: input.unit?.trim() || null,
      department: input.department?.trim() || null,
      status: '出席',
      arrivedAt: time ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  record(tx, m, undefined, row, null);
  return sheetChange(tx, m, null, 'expected', row);
}

export function attendanceHistory(db: Db, input: { meetingId: number; personId?: number | undefined; householdId?: number | undefined }) {
  const m = findMeeting(db, input.meetingId);
  const line =
    input.householdId !== undefined || input.personId !== undefined
      ? lineOf(db, m.id, { householdId: input.householdId ?? null, personId: input.personId ?? null })
      : undefined;
  // A person or household asked about who has no line has no history: nothing to read.
  if (!line && (input.personId !== undefined || input.householdId !== undefined)) return { items: [] };
  const where = line ? eq(attendanceChanges.attendanceId, line.id) : eq(attendanceChanges.meetingId, m.id);
  return {
    items: db.orm
      .select()
      .from(attendanceChanges)
      .where(where)
      .orderBy(asc(attendanceChanges.id))
      .all()
      .map(({ id, at, actor, before, after, note }) => ({ id, at, actor, before: before == null ? null : lineState(before), after: lineState(after), note })),
  };
}

/** A stored line (JSON of the attendance row) as the typed state the history shows. */
function lineState(json: string): AttendanceLineState {
  const x = JSON.parse(json) as Partial<LineRow>;
  return { name: x.name ?? '', status: x.status ?? '缺席', arrivedAt: x.arrivedAt ?? null, leftAt: x.leftAt ?? null, reason: x.reason ?? null };
}
