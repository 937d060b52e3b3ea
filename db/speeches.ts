import { asc, eq, sql } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import type { Speech } from '../core/contract/speeches';
import { appendAudit } from './audit';
import { inTransaction, type Actor, type Db } from './client';
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
  return { items: db.orm.select().from(speeches).where(eq(speeches.meetingId, meetingId)).orderBy(asc(speeches.agendaItemId), asc(speeches.position)).all().map(toSpeech) };
}

export function addSpeech(db: Db, actor: Actor, input: { agendaItemId: number; speakerPersonId?: number | null | undefined; speakerName: string; content?: string | undefined }, now = new Date()): Speech {
  return inTransaction(db, () => {
    const item = db.orm.select().from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).get();
    if (!item) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.agendaItemId} 的议题，请刷新后重试`);
    const m = findMeeting(db, item.meetingId);
    assertNotFinalized(m, '记录发言');
    checkSpeaker(db, m.orgId, input.speakerPersonId);
    const last = db.orm.select({ max: sql<number | null>`max(${speeches.position})` }).from(speeches).where(eq(speeches.agendaItemId, item.id)).get();
    const at = now.toISOString();
    const row = db.orm
      .insert(speeches)
      .values({ meetingId: m.id, agendaItemId: item.id, position: (last?.max ?? 0) + 1, speakerPersonId: input.speakerPersonId ?? null, speakerName: input.speakerName, content: input.content ?? '', createdAt: at, updatedAt: at })
      .returning()
      .get();
    appendAudit(db, actor, { action: 'speech.add', entity: 'speech', entityId: row.id, after: row }, now);
    return toSpeech(row);
  });
}

export function updateSpeech(db: Db, actor: Actor, input: { id: number; speakerPersonId?: number | null | undefined; speakerName?: string | undefined; content?: string | undefined }, now = new Date()): Speech {
  return inTransaction(db, () => {
    const before = findSpeech(db, input.id);
    const m = findMeeting(db, before.meetingId);
    assertNotFinalized(m, '修改发言');
    checkSpeaker(db, m.orgId, input.speakerPersonId);
    const next = {
      speakerPersonId: input.speakerPersonId === undefined ? before.speakerPersonId : input.speakerPersonId,
      speakerName: input.speakerName ?? before.speakerName,
      content: input.content ?? before.content,
    };
    // Autosave sends the same text again and again: write (and audit) only real changes.
    if (next.speakerPersonId === before.speakerPersonId && next.speakerName === before.speakerName && next.content === before.content) return toSpeech(before);
    db.orm.update(speeches).set({ ...next, updatedAt: now.toISOString() }).where(eq(speeches.id, input.id)).run();
    const after = findSpeech(db, input.id);
    appendAudit(db, actor, { action: 'speech.update', entity: 'speech', entityId: input.id, before, after }, now);
    return toSpeech(after);
  });
}

export function removeSpeech(db: Db, actor: Actor, id: number, now = new Date()): { id: number } {
  return inTransaction(db, () => {
    const before = findSpeech(db, id);
    assertNotFinalized(findMeeting(db, before.meetingId), '删除发言');
    db.orm.delete(speeches).where(eq(speeches.id, id)).run();
    appendAudit(db, actor, { action: 'speech.remove', entity: 'speech', entityId: id, before }, now);
    return { id };
  });
}
