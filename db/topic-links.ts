import { eq } from 'drizzle-orm';
import { closedTopicStatuses } from '../core/followup/data';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { agendaItems, proposals, resolutions, topics } from './schema';
import { addTopicEvent, type TopicRow } from './topic-events';

// A resident's topic taken onto an agenda moves on with what the meeting made of it:
// 纳入议程 → 表决 (a resolution) → 督办 (its progress) → 办结 (the resolution done).

/** The topics whose agenda item a resolution was made on. */
export function topicsOfResolution(db: Db, resolutionId: number): TopicRow[] {
  return db.orm
    .select({ t: topics })
    .from(resolutions)
    .innerJoin(proposals, eq(proposals.id, resolutions.proposalId))
    .innerJoin(agendaItems, eq(agendaItems.id, proposals.agendaItemId))
    .innerJoin(topics, eq(topics.id, agendaItems.topicId))
    .where(eq(resolutions.id, resolutionId))
    .all()
    .map((r) => r.t);
}

/** A line on each linked topic's timeline, dated the day it happened. */
export function noteOnTopics(tx: Tx, resolutionId: number, date: string, kind: string, text: string): void {
  for (const t of topicsOfResolution(tx, resolutionId)) addTopicEvent(tx, t.id, date, kind, text);
}

/** The resolution is done, so the topics it answered are too (unless already finished another way). */
export function closeTopicsWithResolution(tx: Tx, resolutionId: number, date: string, result: string, number: string): void {
  for (const t of topicsOfResolution(tx, resolutionId)) {
    if (closedTopicStatuses.includes(t.status)) continue;
    const text = `决议${number}已办结：${result}`;
    tx.orm.update(topics).set({ status: '已办结', result: text, closedOn: date, updatedAt: tx.clock.instant }).where(eq(topics.id, t.id)).run();
    addTopicEvent(tx, t.id, date, '办结', text);
    addTopicEvent(tx, t.id, date, '状态', `状态：${t.status} → 已办结`);
    appendAudit(tx, {
      action: 'topics.close',
      entity: 'topic',
      entityId: t.id,
      before: t,
      after: tx.orm.select().from(topics).where(eq(topics.id, t.id)).get(),
    });
  }
}
