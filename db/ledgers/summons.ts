import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { localDateTime, zonedInstant, type Clock } from '../../core/clock';
import { addDays, daysInMonthOf } from './dates';
import type { Db } from '../client';
import { meetings, summons, topics } from '../schema';
import { summonsRates } from '../summons';

export interface SummonsLedgerRow {
  topic: string;
  department: string;
  summonedAt: string;
  reportedAt: string;
  completedAt: string;
  resolved: string;
  evaluation: string;
}

/** Local days `from`..`to` as the instants summons keep: the first midnight up to the midnight after the last (as summonsRates counts). */
function instantRange(clock: Clock, from: string, to: string) {
  return {
    start: new Date(zonedInstant(clock.timeZone, from, '00:00')).toISOString(),
    end: new Date(zonedInstant(clock.timeZone, addDays(to, 1), '00:00')).toISOString(),
  };
}

/** 吹哨报到台账: summons made from `from` to `to` (local dates), times in the user's zone. The contact (often a phone) is left out. */
export function summonsLedger(db: Db, orgId: number, from: string, to: string, clock: Clock): SummonsLedgerRow[] {
  const { start, end } = instantRange(clock, from, to);
  const rows = db.orm
    .select({ s: summons, topicTitle: topics.title, meetingTitle: meetings.title })
    .from(summons)
    .leftJoin(topics, eq(topics.id, summons.topicId))
    .leftJoin(meetings, eq(meetings.id, summons.meetingId))
    .where(and(eq(summons.orgId, orgId), gte(summons.summonedAt, start), lt(summons.summonedAt, end)))
    .orderBy(asc(summons.summonedAt), asc(summons.id))
    .all();
  const local = (instant: string | null) => (instant ? localDateTime(clock.timeZone, instant) : '');
  return rows.map(({ s, topicTitle, meetingTitle }) => ({
    topic: topicTitle ?? (meetingTitle ? `会议：${meetingTitle}` : ''),
    department: s.department,
    summonedAt: local(s.summonedAt),
    reportedAt: local(s.reportedAt),
    completedAt: local(s.closedAt),
    resolved: s.resolved == null ? '' : s.resolved ? '已解决' : '未解决',
    evaluation: s.evaluation ?? '',
  }));
}

export interface MonthlyRateRow {
  month: string;
  department: string;
  summoned: number;
  response: string;
  resolution: string;
  satisfaction: string;
}

/** 响应率/解决率/满意率 by department for each calendar month the range touches (clipped to the range), counted by summonsRates itself. */
export function monthlySummonsRates(db: Db, orgId: number, from: string, to: string, clock: Clock): MonthlyRateRow[] {
  const out: MonthlyRateRow[] = [];
  for (let monthStart = `${from.slice(0, 7)}-01`; monthStart <= to; monthStart = addDays(monthStart, daysInMonthOf(monthStart))) {
    const monthEnd = addDays(monthStart, daysInMonthOf(monthStart) - 1);
    const r = summonsRates(db, { orgId, from: monthStart < from ? from : monthStart, to: monthEnd > to ? to : monthEnd }, clock);
    if (r.total.summoned === 0) continue;
    for (const f of [...r.departments, r.total]) {
      out.push({
        month: monthStart.slice(0, 7),
        department: f.department,
        summoned: f.summoned,
        response: f.response.text,
        resolution: f.resolution.text,
        satisfaction: f.satisfaction.text,
      });
    }
  }
  return out;
}
