import { and, asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import type { Proposal } from '../core/contract/votes';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { assertNotFinalized, findMeeting } from './meetings';
import { agendaItems, meetings, people, proposals } from './schema';

type Row = typeof proposals.$inferSelect;

export function toProposal(r: Row): Proposal {
  let seconders: string[] = [];
  try {
    seconders = JSON.parse(r.seconders) as string[];
  } catch {
    seconders = [];
  }
  return {
    id: r.id,
    meetingId: r.meetingId,
    agendaItemId: r.agendaItemId,
    title: r.title,
    text: r.text,
    proposerKind: r.proposerKind,
    proposerName: r.proposerName,
    proposerPersonId: r.proposerPersonId,
    seconders,
    status: r.status,
    amendsId: r.amendsId,
    carriedFromId: r.carriedFromId,
  };
}

export function findProposal(db: Db, id: number): Row {
  const r = db.orm.select().from(proposals).where(eq(proposals.id, id)).get();
  if (!r) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的议案，可能已被删除，请刷新后重试`);
  return r;
}

export function listProposals(db: Db, meetingId: number): { items: Proposal[] } {
  findMeeting(db, meetingId);
  return {
    items: db.orm
      .select()
      .from(proposals)
      .where(eq(proposals.meetingId, meetingId))
      .orderBy(asc(proposals.agendaItemId), asc(proposals.id))
      .all()
      .map(toProposal),
  };
}

const OPEN_STATES: Row['status'][] = ['提出', '讨论中'];

/** Part of the caller's write: a proposal under an agenda item of a meeting not yet finalized. */
export function createProposal(tx: Tx, input: ParsedInput<'proposals.create'>): Proposal {
  const item = tx.orm.select().from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).get();
  if (!item) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.agendaItemId} 的议题，请刷新后重试`);
  const m = findMeeting(tx, item.meetingId);
  assertNotFinalized(m, '提出议案');
  if (!input.text.trim()) throw new ApiError('INVALID_INPUT', '请填写议案内容');
  if (input.proposerPersonId !== undefined) {
    const p = tx.orm.select().from(people).where(eq(people.id, input.proposerPersonId)).get();
    if (!p || p.orgId !== m.orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.proposerPersonId} 的提议人，请重新选择`);
  }
  if (input.amendsId !== undefined) {
    const parent = findProposal(tx, input.amendsId);
    if (parent.agendaItemId !== item.id) throw new ApiError('INVALID_INPUT', '修正案必须与被修正的议案在同一议题下');
    if (!OPEN_STATES.includes(parent.status)) throw new ApiError('FORBIDDEN', `议案“${parent.title}”已${parent.status}，不能再提出修正案`);
  }
  let carried: Row | undefined;
  if (input.carriedFromId !== undefined) {
    carried = findProposal(tx, input.carriedFromId);
    const from = findMeeting(tx, carried.meetingId);
    if (carried.status !== '搁置' || from.orgId !== m.orgId || from.date > m.date || from.id === m.id) {
      throw new ApiError('INVALID_INPUT', '只能接续本议事主体此前会议中“搁置”的议案');
    }
  }
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(proposals)
    .values({
      meetingId: m.id,
      agendaItemId: item.id,
      title: input.title,
      text: input.text,
      proposerKind: input.proposerKind,
      proposerName: input.proposerName,
      proposerPersonId: input.proposerPersonId ?? null,
      seconders: JSON.stringify(input.seconders ?? []),
      amendsId: input.amendsId ?? null,
      carriedFromId: input.carriedFromId ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  if (carried) {
    tx.orm.update(proposals).set({ deferredToMeetingId: m.id, updatedAt: at }).where(eq(proposals.id, carried.id)).run();
  }
  appendAudit(tx, { action: 'proposal.create', entity: 'proposal', entityId: row.id, after: row });
  return toProposal(row);
}

export function updateProposal(tx: Tx, input: ParsedInput<'proposals.update'>): Proposal {
  const before = findProposal(tx, input.id);
  assertNotFinalized(findMeeting(tx, before.meetingId));
  if (!OPEN_STATES.includes(before.status)) {
    throw new ApiError('FORBIDDEN', `议案“${before.title}”已${before.status}，不能再修改；如需修改内容，请在表决前提出修正案`);
  }
  tx.orm
    .update(proposals)
    .set({
      title: input.title ?? before.title,
      text: input.text ?? before.text,
      seconders: input.seconders ? JSON.stringify(input.seconders) : before.seconders,
      updatedAt: tx.clock.instant,
    })
    .where(eq(proposals.id, input.id))
    .run();
  const after = findProposal(tx, input.id);
  appendAudit(tx, { action: 'proposal.update', entity: 'proposal', entityId: input.id, before, after });
  return toProposal(after);
}

export function setProposalStatus(tx: Tx, input: ParsedInput<'proposals.setStatus'>): Proposal {
  const { id, status } = input;
  const before = findProposal(tx, id);
  assertNotFinalized(findMeeting(tx, before.meetingId));
  if (!OPEN_STATES.includes(before.status)) throw new ApiError('FORBIDDEN', `议案“${before.title}”已${before.status}，不能再改为${status}`);
  tx.orm.update(proposals).set({ status, updatedAt: tx.clock.instant }).where(eq(proposals.id, id)).run();
  const after = findProposal(tx, id);
  appendAudit(tx, { action: 'proposal.status', entity: 'proposal', entityId: id, before, after });
  return toProposal(after);
}

export function deferredProposals(db: Db, orgId: number) {
  return db.orm
    .select({ p: proposals })
    .from(proposals)
    .innerJoin(meetings, eq(meetings.id, proposals.meetingId))
    .where(and(eq(meetings.orgId, orgId), eq(proposals.status, '搁置')))
    .all()
    .map((r) => toProposal(r.p));
}
