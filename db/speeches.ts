import { asc, eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import type { Speech } from '../core/contract/speeches';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { assertNotFinalized, findMeeting } from './meetings';
import { agendaItems, people, speeches } from './schema';

type Row = typeof speeches.$inferSelect;

const toSpeech = (r: Row): Speech => ({
  id: r.id,
  agendaItemId: r.agendaItemId,
  position: r.position,
  speakerPersonId: r.speakerPersonId,
  speakerName: r.speakerName,
  content: r.content,
  updatedAt: r.updatedAt,
});

function findSpeech(db: Db, id: number): Row {
  const r = db.orm.select().from(speeches).where(eq(speeches.id, id)).get();
  if (!r) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的发言记录，可能已被删除，请刷新后重试`);
  return r;
}

function checkSpeaker(db: Db, orgId: number, personId: number | null | undefined) {
  if (personId == null) return;
  const p = db.orm.select().from(people).where(eq(people.id, personId)).get();
  if (!p || p.orgId !== orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${personId} 的发言人，请重新选择`);
}

export function listSpeeches(db: Db, meetingId: number): { items: Speech[] } {
  findMeeting(db, meetingId);
  return {
    items: db.orm
      .select()
      .from(speeches)
      .where(eq(speeches.meetingId, meetingId))
      .orderBy(asc(speeches.agendaItemId), asc(speeches.position))
      .all()
      .map(toSpeech),
  };
}

export function addSpeech(tx: Tx, input: ParsedInput<'speeches.add'>): Speech {
  const item = tx.orm.select().from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).get();
  if (!item) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.agendaItemId} 的议题，请刷新后重试`);
  const m = findMeeting(tx, item.meetingId);
  assertNotFinalized(m, '记录发言');
  checkSpeaker(tx, m.orgId, input.speakerPersonId);
  const last = tx.orm
    .select({ max: sql<number | null>`max(${speeches.position})` })
    .from(speeches)
    .where(eq(speeches.agendaItemId, item.id))
    .get();
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(speeches)
    .values({
      meetingId: m.id,
      agendaItemId: item.id,
      position: (last?.max ?? 0) + 1,
      speakerPersonId: input.speakerPersonId ?? null,
      speakerName: input.speakerName,
      content: input.content ?? '',
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'speech.add', entity: 'speech', entityId: row.id, after: row });
  return toSpeech(row);
}

export function updateSpeech(tx: Tx, input: ParsedInput<'speeches.update'>): Speech {
  const before = findSpeech(tx, input.id);
  const m = findMeeting(tx, before.meetingId);
  assertNotFinalized(m, '修改发言');
  checkSpeaker(tx, m.orgId, input.speakerPersonId);
  const next = {
    speakerPersonId: input.speakerPersonId === undefined ? before.speakerPersonId : input.speakerPersonId,
    speakerName: input.speakerName ?? before.speakerName,
    content: input.content ?? before.content,
  };
  // Autosave sends the same text again and again: write (and audit) only real changes.
  if (next.speakerPersonId === before.speakerPersonId && next.speakerName === before.speakerName && next.content === before.content) return toSpeech(before);
  tx.orm
    .update(speeches)
    .set({ ...next, updatedAt: tx.clock.instant })
    .where(eq(speeches.id, input.id))
    .run();
  const after = findSpeech(tx, input.id);
  appendAudit(tx, { action: 'speech.update', entity: 'speech', entityId: input.id, before, after });
  return toSpeech(after);
}

export function removeSpeech(tx: Tx, { id }: ParsedInput<'speeches.remove'>): { id: number } {
  const before = findSpeech(tx, id);
  assertNotFinalized(findMeeting(tx, before.meetingId), '删除发言');
  tx.orm.delete(speeches).where(eq(speeches.id, id)).run();
  appendAudit(tx, { action: 'speech.remove', entity: 'speech', entityId: id, before });
  return { id };
}
