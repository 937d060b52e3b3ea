import { asc, eq, inArray, sql } from 'drizzle-orm';
import { pageWindow } from '../core/contract/paging';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import type { MatterDetail } from '../core/contract/matters';
import { chineseDate } from '../core/dates';
import { basisOn, matterStepsFor, type MatterStepDefinition } from '../core/followup/data';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { findMeeting, presentCount, ruleSetOf } from './meetings';
import { getOrganization, getOrgProfile } from './organizations';
import { matterSteps, matters, meetings, notices, votes } from './schema';
import { blankToNull } from './values';

// 四议两公开: six steps recorded strictly in order, each tied to its meeting (and vote) or notice.

type MatterRow = typeof matters.$inferSelect;
type StepRow = typeof matterSteps.$inferSelect;

function findMatter(db: Db, id: number): MatterRow {
  const m = db.orm.select().from(matters).where(eq(matters.id, id)).get();
  if (!m) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的四议两公开事项，请刷新后重试`);
  return m;
}

function stepsOf(db: Db, matterId: number): StepRow[] {
  return db.orm.select().from(matterSteps).where(eq(matterSteps.matterId, matterId)).orderBy(asc(matterSteps.step)).all();
}

/** The steps in the words of the matter's organization (居民会议 for a 社区). */
function definitionsFor(db: Db, m: MatterRow): readonly MatterStepDefinition[] {
  return matterStepsFor(getOrganization(db, m.orgId).kind);
}

function summary(stepDefinitions: readonly MatterStepDefinition[], m: MatterRow, steps: Pick<StepRow, 'step'>[]) {
  const next = stepDefinitions.find((d) => !steps.some((s) => s.step === d.step)) ?? null;
  return {
    id: m.id,
    orgId: m.orgId,
    title: m.title,
    content: m.content,
    category: m.category,
    createdOn: m.createdOn,
    bothPostsOnePerson: m.bothPostsOnePerson,
    nextStep: next?.step ?? null,
    nextStepName: next?.name ?? null,
  };
}

export function getMatter(db: Db, id: number): MatterDetail {
  const m = findMatter(db, id);
  const rows = stepsOf(db, id);
  const stepDefinitions = definitionsFor(db, m);
  return {
    ...summary(stepDefinitions, m, rows),
    steps: stepDefinitions.map((d) => {
      const s = rows.find((r) => r.step === d.step);
      const meeting = s?.meetingId ? db.orm.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, s.meetingId)).get() : undefined;
      const vote = s?.voteId ? db.orm.select({ outcome: votes.outcome }).from(votes).where(eq(votes.id, s.voteId)).get() : undefined;
      const notice = s?.noticeId ? db.orm.select({ title: notices.title }).from(notices).where(eq(notices.id, s.noticeId)).get() : undefined;
      return {
        step: d.step,
        name: d.name,
        form: d.form,
        recorded: !!s,
        date: s?.date ?? null,
        meetingId: s?.meetingId ?? null,
        meetingTitle: meeting?.title ?? null,
        voteId: s?.voteId ?? null,
        voteOutcome: vote?.outcome ?? null,
        noticeId: s?.noticeId ?? null,
        noticeTitle: notice?.title ?? null,
        expected: s?.expected ?? null,
        present: s?.present ?? null,
        content: s?.content ?? '',
        townshipOfficials: s?.townshipOfficials ?? null,
        mergedWithPrevious: s?.mergedWithPrevious ?? false,
      };
    }),
  };
}

/** Newest first; the steps of the page's matters in one query. */
export function listMatters(db: Db, q: { orgId: number; page?: number | undefined; pageSize?: number | undefined }) {
  const stepDefinitions = matterStepsFor(getOrganization(db, q.orgId).kind);
  const total =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(matters)
      .where(eq(matters.orgId, q.orgId))
      .get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const rows = db.orm
    .select()
    .from(matters)
    .where(eq(matters.orgId, q.orgId))
    .orderBy(sql`${matters.createdOn} desc`, sql`${matters.id} desc`)
    .limit(limit)
    .offset(offset)
    .all();
  const steps = new Map<number, { step: number }[]>(rows.map((m) => [m.id, []]));
  if (rows.length) {
    const done = db.orm
      .select({ matterId: matterSteps.matterId, step: matterSteps.step })
      .from(matterSteps)
      .where(inArray(matterSteps.matterId, [...steps.keys()]))
      .all();
    for (const s of done) steps.get(s.matterId)!.push({ step: s.step });
  }
  return { items: rows.map((m) => summary(stepDefinitions, m, steps.get(m.id)!)), total };
}

export function createMatter(tx: Tx, input: ParsedInput<'matters.create'>): MatterDetail {
  getOrganization(tx, input.orgId);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(matters)
    .values({
      orgId: input.orgId,
      title: input.title,
      content: input.content ?? '',
      category: blankToNull(input.category),
      createdOn: input.createdOn,
      bothPostsOnePerson: input.bothPostsOnePerson ?? false,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'matters.create', entity: 'matter', entityId: row.id, after: row });
  return getMatter(tx, row.id);
}

export function recordStep(tx: Tx, input: ParsedInput<'matters.recordStep'>): MatterDetail {
  const m = findMatter(tx, input.matterId);
  const stepDefinitions = definitionsFor(tx, m);
  const def = stepDefinitions.find((d) => d.step === input.step);
  if (!def) throw new ApiError('INVALID_INPUT', '步骤只能是第 1 到第 6 步');
  const done = stepsOf(tx, m.id);
  if (done.some((s) => s.step === def.step)) throw new ApiError('CONFLICT', `第${def.step}步“${def.name}”已登记`);
  const prevDef = stepDefinitions.find((d) => d.step === def.step - 1);
  const prev = done.find((s) => s.step === def.step - 1);
  if (prevDef && !prev) throw new ApiError('FORBIDDEN', `请先登记第${prevDef.step}步：${prevDef.name}`);

  let { date, meetingId, expected, present } = input;
  const { voteId, noticeId } = input;
  const merged = input.mergedWithPrevious ?? false;
  if (merged) {
    if (!def.mayMergeWithPrevious) throw new ApiError('INVALID_INPUT', `第${def.step}步“${def.name}”不能与上一步合并`);
    if (!m.bothPostsOnePerson)
      throw new ApiError('FORBIDDEN', '只有村党组织书记和村委会主任由一人担任（“一肩挑”）时，第2步“两委”会议商议才能与第1步合并；请分别登记');
    date ??= prev!.date;
    meetingId ??= prev!.meetingId ?? undefined;
    expected ??= prev!.expected ?? undefined;
    present ??= prev!.present ?? undefined;
  }
  if (def.form === '公示' && (meetingId || voteId)) throw new ApiError('INVALID_INPUT', `第${def.step}步“${def.name}”是公示，请关联公示而不是会议`);
  if (def.form === '会议' && noticeId) throw new ApiError('INVALID_INPUT', `第${def.step}步“${def.name}”是会议，请关联会议而不是公示`);

  if (voteId) {
    const v = tx.orm.select().from(votes).where(eq(votes.id, voteId)).get();
    if (!v) throw new ApiError('NOT_FOUND', `找不到编号为 ${voteId} 的表决，请重新选择`);
    if (meetingId && v.meetingId !== meetingId) throw new ApiError('INVALID_INPUT', '所选表决不是在所选会议上进行的，请核对');
    meetingId = v.meetingId;
    if (def.needsConfirmedVote && v.status !== '已确认')
      throw new ApiError('FORBIDDEN', `第${def.step}步关联的表决尚未确认（当前：${v.status}），请先在会议中确认表决结果`);
    if (def.needsConfirmedVote && v.outcome !== '通过') throw new ApiError('FORBIDDEN', `所选表决未通过，不能登记为第${def.step}步“${def.name}”`);
    expected ??= v.expected;
    present ??= v.eligible;
  }
  if (meetingId) {
    const meeting = findMeeting(tx, meetingId);
    if (meeting.orgId !== m.orgId) throw new ApiError('INVALID_INPUT', `会议“${meeting.title}”不属于本议事主体，请重新选择`);
    const kind = ruleSetOf(meeting).meetingKind;
    const basis = basisOn(def, meeting.date);
    if (def.meetingKinds && !def.meetingKinds.includes(kind)) {
      throw new ApiError(
        'INVALID_INPUT',
        `第${def.step}步“${def.name}”须由${def.meetingKinds.join('或')}进行，所选会议“${meeting.title}”是${kind}；请选择${def.meetingKinds.join('或')}${basis ? `（${basis}）` : ''}`,
      );
    }
    date ??= meeting.date;
    expected ??= meeting.expectedCount ?? undefined;
    present ??= meeting.expectedCount != null ? presentCount(tx, meeting.id) : undefined;
  }
  if (def.needsConfirmedVote && !voteId) {
    // 决议 is what the meeting voted: a date and counts typed by hand are not a decision of the villagers.
    const basis = basisOn(def, date ?? tx.clock.today);
    const kinds = def.meetingKinds?.join('或') ?? '会议';
    throw new ApiError(
      'INVALID_INPUT',
      `第${def.step}步“${def.name}”须关联${kinds}上已确认通过的表决，请选择召开的会议和会议上的表决${basis ? `（${basis}）` : ''}`,
    );
  }
  if (def.noticeKind) {
    if (!noticeId) throw new ApiError('INVALID_INPUT', `第${def.step}步“${def.name}”请关联一份“${def.noticeKind}”公示`);
    const n = tx.orm.select().from(notices).where(eq(notices.id, noticeId)).get();
    if (!n || n.orgId !== m.orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${noticeId} 的公示，请重新选择`);
    if (n.kind !== def.noticeKind) throw new ApiError('INVALID_INPUT', `第${def.step}步须关联“${def.noticeKind}”公示，所选公示“${n.title}”是“${n.kind}”`);
    date ??= n.postedOn;
  }
  if (!date) throw new ApiError('INVALID_INPUT', `请填写第${def.step}步的日期`);
  if (prev && date < prev.date) throw new ApiError('INVALID_INPUT', `第${def.step}步的日期 ${date} 早于第${prev.step}步（${prev.date}），请核对`);
  if (expected != null && present != null && present > expected) throw new ApiError('INVALID_INPUT', `实到人数 ${present} 超过应到人数 ${expected}，请核对`);

  const row = tx.orm
    .insert(matterSteps)
    .values({
      matterId: m.id,
      step: def.step,
      date,
      form: def.form,
      meetingId: meetingId ?? null,
      voteId: voteId ?? null,
      noticeId: noticeId ?? null,
      expected: expected ?? null,
      present: present ?? null,
      content: input.content?.trim() ?? '',
      townshipOfficials: blankToNull(input.townshipOfficials),
      mergedWithPrevious: merged,
      createdAt: tx.clock.instant,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'matters.recordStep', entity: 'matter', entityId: m.id, after: row });
  return getMatter(tx, m.id);
}

/** What the 四议两公开登记表 prints, one block per step, recorded or blank. */
export function registrationData(db: Db, id: number) {
  const detail = getMatter(db, id);
  const org = getOrganization(db, detail.orgId);
  const stepDefinitions = matterStepsFor(org.kind);
  const stepDates = detail.steps.map((s) => s.date).filter((d): d is string => !!d);
  return {
    orgName: getOrgProfile(db, detail.orgId).committeeName,
    /** 填报日期: the latest step the form records, not the day it is printed. */
    filledOn: stepDates.length ? stepDates.reduce((a, b) => (b > a ? b : a)) : detail.createdOn,
    subject: detail.title,
    content: detail.content,
    category: detail.category,
    createdOn: detail.createdOn,
    steps: detail.steps.map((s) => {
      const def = stepDefinitions.find((d) => d.step === s.step)!;
      const meeting = s.meetingId ? findMeeting(db, s.meetingId) : null;
      const names: Record<string, string | null> = { 主持人: meeting?.chairName ?? null, 记录人: meeting?.recorderName ?? null };
      return {
        step: s.step,
        name: s.name,
        form: s.mergedWithPrevious ? '会议（与上一步合并召开）' : s.form,
        recorded: s.recorded,
        date: s.date,
        dateText: s.date ? chineseDate(s.date) : '',
        meetingTitle: s.meetingTitle,
        expected: s.expected,
        present: s.present,
        ratio: s.expected != null && s.present != null ? `${s.present}/${s.expected}` : '',
        content: s.content,
        townshipOfficials: s.townshipOfficials ?? '',
        mergedWithPrevious: s.mergedWithPrevious,
        signatures: def.signatures.map((role) => ({ role, name: names[role] ?? null })),
      };
    }),
  };
}
