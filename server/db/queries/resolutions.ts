/** Resolutions and 督办: how many are done, open and overdue as of a date, and the overdue ones. */
import { sql } from 'drizzle-orm';
import { rows, type HubDb } from '../open';
import { communities, resolutions } from '../schema';
import { inScope, type Scope } from './common';

export interface ResolutionSummaryRow {
  communityId: string;
  communityName: string;
  total: number;
  completed: number;
  open: number;
  /** Deadline before the date and not completed by then. */
  overdue: number;
}

export interface OverdueResolution {
  communityId: string;
  communityName: string;
  uid: string;
  number: string | null;
  title: string;
  responsible: string | null;
  deadline: string;
  daysOverdue: number;
  progressPercent: number | null;
}

export const OVERDUE_LIST_LIMIT = 1000;

/** Whole days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function resolutionFollowUp(
  db: HubDb,
  q: Scope & { asOf: string },
): Promise<{ asOf: string; summary: ResolutionSummaryRow[]; overdue: OverdueResolution[]; overdueTotal: number }> {
  const summary = await rows<{ community_id: string; name: string; total: string; completed: string; overdue: string }>(
    db,
    sql`select c.community_id, c.name, count(r.uid) as total,
          count(r.uid) filter (where r.completed_on is not null and r.completed_on <= ${q.asOf}) as completed,
          count(r.uid) filter (where r.deadline < ${q.asOf} and (r.completed_on is null or r.completed_on > ${q.asOf})) as overdue
        from ${communities} c join ${resolutions} r on r.community_id = c.community_id
        where true${inScope('r', q)}
        group by c.community_id, c.name
        order by c.name`,
  );
  const overdue = await rows<{
    community_id: string;
    name: string;
    uid: string;
    number: string | null;
    title: string;
    responsible: string | null;
    deadline: string;
    progress_percent: number | null;
  }>(
    db,
    sql`select r.community_id, c.name, r.uid, r.number, r.title, r.responsible, r.deadline, r.progress_percent
        from ${resolutions} r join ${communities} c on c.community_id = r.community_id
        where r.deadline < ${q.asOf} and (r.completed_on is null or r.completed_on > ${q.asOf})${inScope('r', q)}
        order by r.deadline, c.name, r.number
        limit ${OVERDUE_LIST_LIMIT}`,
  );
  const rowsOut = summary.map((r) => {
    const total = Number(r.total);
    const completed = Number(r.completed);
    return { communityId: r.community_id, communityName: r.name, total, completed, open: total - completed, overdue: Number(r.overdue) };
  });
  return {
    asOf: q.asOf,
    summary: rowsOut,
    overdueTotal: rowsOut.reduce((n, r) => n + r.overdue, 0),
    overdue: overdue.map((r) => ({
      communityId: r.community_id,
      communityName: r.name,
      uid: r.uid,
      number: r.number,
      title: r.title,
      responsible: r.responsible,
      deadline: r.deadline,
      daysOverdue: daysBetween(r.deadline, q.asOf),
      progressPercent: r.progress_percent,
    })),
  };
}
