/** Meetings held per month, per community. */
import { sql } from 'drizzle-orm';
import { rows, type HubDb } from '../open';
import { communities, meetings } from '../schema';
import { inScope, type Scope } from './common';

export interface MeetingMonthRow {
  communityId: string;
  communityName: string;
  month: string;
  /** Meetings dated in the month that were held (started: 进行中, 已结束 or 已定稿). */
  held: number;
  /** Of those, the ones whose minutes are final (已定稿). */
  finalized: number;
  /** Their 实到 summed, for the average attendance. */
  present: number;
  expected: number;
}

export const heldStatuses = ['进行中', '已结束', '已定稿'] as const;

export async function meetingsPerMonth(db: HubDb, q: Scope & { from: string; to: string }): Promise<{ rows: MeetingMonthRow[]; total: number }> {
  const result = await rows<{
    community_id: string;
    name: string;
    month: string;
    held: string;
    finalized: string;
    present: string | null;
    expected: string | null;
  }>(
    db,
    sql`select m.community_id, c.name, m.month, m.held, m.finalized, m.present, m.expected
        from (
          select community_id, substr(date, 1, 7) as month, count(*) as held,
            count(*) filter (where status = '已定稿') as finalized,
            coalesce(sum(present), 0) as present, coalesce(sum(expected), 0) as expected
          from ${meetings} m
          where m.date between ${q.from} and ${q.to} and m.status in ('进行中', '已结束', '已定稿')${inScope('m', q)}
          group by community_id, substr(date, 1, 7)
        ) m join ${communities} c on c.community_id = m.community_id
        order by m.month, c.name`,
  );
  const out = result.map((r) => ({
    communityId: r.community_id,
    communityName: r.name,
    month: r.month,
    held: Number(r.held),
    finalized: Number(r.finalized),
    present: Number(r.present ?? 0),
    expected: Number(r.expected ?? 0),
  }));
  return { rows: out, total: out.reduce((n, r) => n + r.held, 0) };
}
