import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AgendaItem } from '../core/contract/agenda';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { assertNotFinalized, findMeeting } from './meetings';
import { matterStepsFor } from '../core/followup/data';
import { getOrganization } from './organizations';
import { agendaItems, matterSteps, matters, meetingTypes, meetings, speeches } from './schema';
import { blankToNull } from './values';

/** Meeting kinds whose discussion counts as the Party organization's prior review (2025 law). */
const PARTY_REVIEW_KINDS = ['党员大会', '两委联席会议'];

type ItemRow = typeof agendaItems.$inferSelect;

function findItem(db: Db, id: number): ItemRow {
  const item = db.orm.select().from(agendaItems).where(eq(agendaItems.id, id)).get();
  if (!item) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的议题，可能已被删除，请刷新后重试`);
  return item;
}

/** The steps before the decision (党组织提议, 两委商议, 党员审议) of 四议两公开. */
const PRIOR_STEPS = 3;

/** The 四议两公开 matter that registered one of its earlier steps at this meeting, with those steps. */
function priorMatter(db: Db, meetingId: number): NonNullable<AgendaItem['partyReview']>['matter'] {
  const hit = db.orm
    .select({ id: matters.id, title: matters.title, orgId: matters.orgId })
    .from(matterSteps)
    .innerJoin(matters, eq(matters.id, matterSteps.matterId))
    .where(and(eq(matterSteps.meetingId, meetingId), lt(matterSteps.step, PRIOR_STEPS + 1)))
    .orderBy(sql`${matters.id} desc`)
    .limit(1)
    .get();
  if (!hit) return null;
  const names = matterStepsFor(getOrganization(db, hit.orgId).kind);
  const steps = db.orm
    .select({ step: matterSteps.step, date: matterSteps.date })
    .from(matterSteps)
    .where(and(eq(matterSteps.matterId, hit.id), lt(matterSteps.step, PRIOR_STEPS + 1)))
    .orderBy(asc(matterSteps.step))
    .all();
  return { id: hit.id, title: hit.title, steps: steps.map((s) => ({ ...s, name: names.find((d) => d.step === s.step)?.name ?? `第${s.step}步` })) };
}

function toItem(db: Db, row: ItemRow): AgendaItem {
  let partyReview: AgendaItem['partyReview'] = null;
  if (row.partyReviewItemId) {
    const r = db.orm
      .select({ itemId: agendaItems.id, itemTitle: agendaItems.title, meetingId: meetings.id, meetingTitle: meetings.title, meetingDate: meetings.date })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(agendaItems.id, row.partyReviewItemId))
      .get();
    partyReview = r ? { ...r, matter: priorMatter(db, r.meetingId) } : null;
  }
  let attachments: string[] = [];
  try {
    attachments = JSON.parse(row.attachments) as string[];
  } catch {
    attachments = [];
  }
  return {
    id: row.id,
    meetingId: row.meetingId,
    position: row.position,
    title: row.title,
    description: row.description,
    presenter: row.presenter,
    plannedMinutes: row.plannedMinutes,
    attachments,
    needsPartyReview: row.needsPartyReview,
    partyReview,
    topicId: row.topicId,
    resolutionId: row.resolutionId,
  };
}

export function listAgenda(db: Db, meetingId: number): { items: AgendaItem[] } {
  findMeeting(db, meetingId);
  const rows = db.orm.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.id)).all();
  return { items: rows.map((r) => toItem(db, r)) };
}

/** Where an item came from, set only by the calls that create it that way (topic triage, carry-over). */
interface ItemLinks {
  topicId?: number | undefined;
  resolutionId?: number | undefined;
}

export function addAgendaItem(tx: Tx, meetingId: number, input: Omit<ParsedInput<'agenda.add'>, 'meetingId'>, links: ItemLinks = {}): AgendaItem {
  const m = findMeeting(tx, meetingId);
  assertNotFinalized(m, '添加议题');
  const last = tx.orm
    .select({ max: sql<number | null>`max(${agendaItems.position})` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .get();
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(agendaItems)
    .values({
      meetingId,
      position: (last?.max ?? 0) + 1,
      title: input.title,
      description: blankToNull(input.description),
      presenter: blankToNull(input.presenter),
      plannedMinutes: input.plannedMinutes ?? null,
      attachments: JSON.stringify(input.attachments ?? []),
      needsPartyReview: input.needsPartyReview ?? false,
      topicId: links.topicId ?? null,
      resolutionId: links.resolutionId ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'agenda.add', entity: 'agendaItem', entityId: row.id, after: row });
  return toItem(tx, row);
}

export function updateAgendaItem(tx: Tx, { id, ...input }: ParsedInput<'agenda.update'>): AgendaItem {
  const before = findItem(tx, id);
  assertNotFinalized(findMeeting(tx, before.meetingId));
  const needsPartyReview = input.needsPartyReview ?? before.needsPartyReview;
  tx.orm
    .update(agendaItems)
    .set({
      title: input.title ?? before.title,
      description: input.description === undefined ? before.description : blankToNull(input.description),
      presenter: input.presenter === undefined ? before.presenter : blankToNull(input.presenter),
      plannedMinutes: input.plannedMinutes === undefined ? before.plannedMinutes : input.plannedMinutes,
      attachments: input.attachments === undefined ? before.attachments : JSON.stringify(input.attachments),
      needsPartyReview,
      partyReviewItemId: needsPartyReview ? before.partyReviewItemId : null,
      updatedAt: tx.clock.instant,
    })
    .where(eq(agendaItems.id, id))
    .run();
  const after = findItem(tx, id);
  appendAudit(tx, { action: 'agenda.update', entity: 'agendaItem', entityId: id, before, after });
  return toItem(tx, after);
}

export function reorderAgenda(tx: Tx, { meetingId, orderedIds }: ParsedInput<'agenda.reorder'>): { items: AgendaItem[] } {
  assertNotFinalized(findMeeting(tx, meetingId), '调整议程');
  const current = tx.orm.select({ id: agendaItems.id, position: agendaItems.position }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
  const same = current.length === orderedIds.length && new Set(orderedIds).size === orderedIds.length && current.every((c) => orderedIds.includes(c.id));
  if (!same) throw new ApiError('CONFLICT', '议程已被修改（可能在另一个窗口），请刷新后再调整顺序');
  orderedIds.forEach((itemId, index) => {
    tx.orm
      .update(agendaItems)
      .set({ position: index + 1, updatedAt: tx.clock.instant })
      .where(eq(agendaItems.id, itemId))
      .run();
  });
  appendAudit(tx, {
    action: 'agenda.reorder',
    entity: 'meeting',
    entityId: meetingId,
    before: current.sort((a, b) => a.position - b.position).map((c) => c.id),
    after: orderedIds,
  });
  return listAgenda(tx, meetingId);
}

export function removeAgendaItem(tx: Tx, { id }: ParsedInput<'agenda.remove'>): { items: AgendaItem[] } {
  const item = findItem(tx, id);
  assertNotFinalized(findMeeting(tx, item.meetingId), '删除议题');
  const spoken =
    tx.orm
      .select({ n: sql<number>`count(*)` })
      .from(speeches)
      .where(eq(speeches.agendaItemId, id))
      .get()?.n ?? 0;
  if (spoken > 0) throw new ApiError('FORBIDDEN', `议题“${item.title}”已有 ${spoken} 条发言记录，不能删除；如不再讨论，可在说明中注明`);
  const referenced = tx.orm.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.partyReviewItemId, id)).get();
  if (referenced) throw new ApiError('FORBIDDEN', `议题“${item.title}”是其他会议议题的党组织前置讨论记录，不能删除`);
  tx.orm.delete(agendaItems).where(eq(agendaItems.id, id)).run();
  const rest = tx.orm
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, item.meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
  rest.forEach((r, i) =>
    tx.orm
      .update(agendaItems)
      .set({ position: i + 1 })
      .where(eq(agendaItems.id, r.id))
      .run(),
  );
  appendAudit(tx, { action: 'agenda.remove', entity: 'agendaItem', entityId: id, before: item });
  return listAgenda(tx, item.meetingId);
}

/**
 * Items of earlier Party meetings (党员大会, 两委联席会议) of the same organization, in one
 * statement: the meeting kind is read from the rule-set snapshot by SQLite, and the 四议两公开
 * matter registered at each meeting (as priorMatter finds it) by a subquery.
 */
export function partyReviewCandidates(db: Db, meetingId: number) {
  const m = findMeeting(db, meetingId);
  const matterTitle = sql<string | null>`(select mt.title from ${matterSteps} ms join ${matters} mt on mt.id = ms.matter_id
    where ms.meeting_id = ${meetings.id} and ms.step < ${PRIOR_STEPS + 1} order by mt.id desc limit 1)`;
  const items = db.orm
    .select({
      itemId: agendaItems.id,
      itemTitle: agendaItems.title,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      typeName: meetingTypes.name,
      matterTitle,
    })
    .from(meetings)
    .innerJoin(agendaItems, eq(agendaItems.meetingId, meetings.id))
    .innerJoin(meetingTypes, eq(meetingTypes.id, meetings.meetingTypeId))
    .where(
      and(
        eq(meetings.orgId, m.orgId),
        lt(meetings.date, m.date),
        inArray(meetings.status, ['进行中', '已结束', '已定稿']),
        inArray(sql`json_extract(${meetings.ruleSetSnapshot}, '$.meetingKind')`, PARTY_REVIEW_KINDS),
      ),
    )
    .orderBy(asc(meetings.date), asc(agendaItems.position), asc(agendaItems.id))
    .all();
  return { items };
}

export function linkPartyReview(tx: Tx, { id, reviewItemId }: ParsedInput<'agenda.linkPartyReview'>): AgendaItem {
  const item = findItem(tx, id);
  const m = findMeeting(tx, item.meetingId);
  assertNotFinalized(m);
  if (reviewItemId != null) {
    const ok = partyReviewCandidates(tx, m.id).items.some((c) => c.itemId === reviewItemId);
    if (!ok) {
      throw new ApiError('INVALID_INPUT', `只能关联本会议日期（${m.date}）之前已召开的${PARTY_REVIEW_KINDS.join('或')}的议题`);
    }
  }
  tx.orm
    .update(agendaItems)
    .set({ partyReviewItemId: reviewItemId, needsPartyReview: reviewItemId != null ? true : item.needsPartyReview, updatedAt: tx.clock.instant })
    .where(eq(agendaItems.id, id))
    .run();
  const after = findItem(tx, id);
  appendAudit(tx, { action: 'agenda.linkPartyReview', entity: 'agendaItem', entityId: id, before: item, after });
  return toItem(tx, after);
}
