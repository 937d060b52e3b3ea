import { asc, eq } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import { closedTopicStatuses } from '../core/followup/data';
import type { Db, Tx } from './client';
import { topicEvents, topics } from './schema';

export type TopicRow = typeof topics.$inferSelect;

export function findTopic(db: Db, id: number): TopicRow {
  const t = db.orm.select().from(topics).where(eq(topics.id, id)).get();
  if (!t) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的议题，请刷新后重试`);
  return t;
}

/** Refuses any further handling of a finished topic, saying how it finished. */
export function assertTopicOpen(t: TopicRow, what: string): void {
  if (!closedTopicStatuses.includes(t.status)) return;
  throw new ApiError('FORBIDDEN', `议题“${t.title}”${closedPhrase(t)}${t.closedOn ? `（${t.closedOn}）` : ''}，不能再${what}；如有新情况，请登记一个新议题`);
}

/** "已答复", "已办结", "已不予受理", "已合并到议题 7". */
export function closedPhrase(t: TopicRow): string {
  if (t.status === '已合并') return `已合并到议题 ${t.mergedIntoId}`;
  return t.status.startsWith('已') ? t.status : `已${t.status}`;
}

/** One line on the topic's timeline, by the write's actor at its instant; `date` is the day it happened. */
export function addTopicEvent(tx: Tx, topicId: number, date: string, kind: string, text: string): void {
  tx.orm.insert(topicEvents).values({ topicId, date, at: tx.clock.instant, kind, text, actor: tx.actor.name }).run();
}

export function topicTimeline(db: Db, topicId: number) {
  return db.orm
    .select({ id: topicEvents.id, date: topicEvents.date, at: topicEvents.at, kind: topicEvents.kind, text: topicEvents.text, actor: topicEvents.actor })
    .from(topicEvents)
    .where(eq(topicEvents.topicId, topicId))
    .orderBy(asc(topicEvents.date), asc(topicEvents.id))
    .all();
}
