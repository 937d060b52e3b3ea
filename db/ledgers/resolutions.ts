import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { followUpDefaults } from '../../core/followup/data';
import { dueState } from '../../core/followup/rules';
import type { Db } from '../client';
import { meetings, resolutionProgress, resolutions } from '../schema';

/** The resolutions of the given meetings, by number, in one query. */
export function resolutionsOfMeetings(db: Db, meetingIds: number[]): Map<number, { number: string; title: string }[]> {
  const out = new Map<number, { number: string; title: string }[]>();
  if (meetingIds.length === 0) return out;
  const rows = db.orm
    .select({ meetingId: resolutions.meetingId, number: resolutions.number, title: resolutions.title })
    .from(resolutions)
    .where(inArray(resolutions.meetingId, meetingIds))
    .orderBy(asc(resolutions.year), asc(resolutions.seq))
    .all();
  for (const r of rows) {
    const list = out.get(r.meetingId) ?? [];
    list.push({ number: r.number, title: r.title });
    out.set(r.meetingId, list);
  }
  return out;
}

export type ResolutionLedgerStatus = '办结' | '逾期' | '进行中';

export interface ResolutionLedgerRow {
  number: string;
  title: string;
  meetingTitle: string;
  meetingDate: string;
  responsible: string | null;
  deadline: string | null;
  status: ResolutionLedgerStatus;
  latestProgress: string;
  completedOn: string | null;
}

const lastProgress = alias(resolutionProgress, 'last_progress');

/**
 * 决议台账: resolutions of meetings held from `from` to `to`; the status by the 督办 page's rule
 * (dueState against `today`), the latest progress joined by its highest id as 督办 does.
 */
export function resolutionLedger(db: Db, orgId: number, from: string, to: string, today: string): ResolutionLedgerRow[] {
  const rows = db.orm
    .select({
      r: resolutions,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      progressDate: lastProgress.date,
      progressText: lastProgress.text,
      progressPercent: lastProgress.percent,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .leftJoin(lastProgress, eq(lastProgress.id, sql`(select max(p.id) from ${resolutionProgress} p where p.resolution_id = ${resolutions.id})`))
    .where(and(eq(resolutions.orgId, orgId), gte(meetings.date, from), lte(meetings.date, to)))
    .orderBy(asc(resolutions.year), asc(resolutions.seq))
    .all();
  return rows.map(({ r, meetingTitle, meetingDate, progressDate, progressText, progressPercent }) => ({
    number: r.number,
    title: r.title,
    meetingTitle,
    meetingDate,
    responsible: r.responsible,
    deadline: r.deadline,
    status: r.completedOn ? '办结' : dueState(r.deadline, today, followUpDefaults.dueSoonDays) === 'overdue' ? '逾期' : '进行中',
    latestProgress: progressDate ? `${progressDate} ${progressText}（${progressPercent}%）` : '',
    completedOn: r.completedOn,
  }));
}
