import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { daysFrom } from '../../core/dates';
import type { Db } from '../client';
import { people, topics } from '../schema';

export interface TopicLedgerRow {
  receivedOn: string;
  channel: string;
  raiser: string;
  category: string | null;
  title: string;
  status: string;
  closedOn: string | null;
  daysTaken: number;
}

/**
 * 议题台账: topics received from `from` to `to`. The raiser by name only (a roster person's
 * name, or the name as written, or 匿名) — a ledger leaves the office, phones and ID numbers never do.
 */
export function topicLedger(db: Db, orgId: number, from: string, to: string, today: string): TopicLedgerRow[] {
  const rows = db.orm
    .select({ t: topics, personName: people.name })
    .from(topics)
    .leftJoin(people, eq(people.id, topics.raiserPersonId))
    .where(and(eq(topics.orgId, orgId), gte(topics.receivedOn, from), lte(topics.receivedOn, to)))
    .orderBy(asc(topics.receivedOn), asc(topics.id))
    .all();
  return rows.map(({ t, personName }) => ({
    receivedOn: t.receivedOn,
    channel: t.channel,
    raiser: t.raiserKind === 'anonymous' ? '匿名' : ((t.raiserKind === 'person' ? personName : t.raiserName) ?? ''),
    category: t.category,
    title: t.title,
    status: t.status,
    closedOn: t.closedOn,
    daysTaken: Math.max(0, daysFrom(t.receivedOn, t.closedOn ?? today)),
  }));
}
