import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock';
import { addDays, lastMonths } from '../core/dates';
import { closedTopicStatuses, followUpDefaults } from '../core/followup/data';
import type { Db } from './client';
import { listFollowUp } from './followup';
import { listMeetings } from './meetings';
import { listNotices } from './notices';
import { listSummons } from './summons';
import { rulesAwaitingFiling as rulesAwaitingFilingOf } from './rules/documents';
import { listTopics } from './topics';
import { topics } from './schema';

/**
 * What needs the secretary today: her local date on `clock` (or `today` where the caller fixed
 * the day), and the clock's instant for the summons report limits, which are in hours.
 */
export function homeSummary(db: Db, orgId: number, clock: Clock, today: string = clock.today) {
  const horizon = addDays(today, followUpDefaults.upcomingMeetingDays);
  const meetings = listMeetings(db, { orgId })
    .items.filter((m) => m.date >= today && m.date <= horizon)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  const todays = meetings.filter((m) => m.date === today);
  const upcoming = meetings.filter((m) => m.date > today && m.status !== '已定稿');

  const waiting = listTopics(db, { orgId, status: '待分办', pageSize: 500 });
  const topicsAwaitingTriage = [...waiting.items].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id).slice(0, 20);
  const topicsOpen =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(topics)
      .where(
        and(
          eq(topics.orgId, orgId),
          sql`${topics.status} not in (${sql.join(
            closedTopicStatuses.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        ),
      )
      .get()?.n ?? 0;

  const summons = listSummons(db, { orgId, openOnly: true }, clock).items.filter((s) => s.overdue || s.dueSoon);
  const resolutions = listFollowUp(db, { orgId, filter: 'open' }, today)
    .items.filter((r) => r.dueState === 'overdue' || r.dueState === 'dueSoon')
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  const noticesCurrent = listNotices(db, { orgId, filter: 'current' }, today).items;
  const noticesEndingSoon = listNotices(db, { orgId, filter: 'endingSoon' }, today).items;
  const noticesExpired = listNotices(db, { orgId, filter: 'expired' }, today).items;
  const rulesAwaitingFiling = rulesAwaitingFilingOf(db, orgId, today);

  return {
    today,
    timeZone: clock.timeZone,
    meetings: { today: todays, upcoming },
    topicsAwaitingTriage,
    summons,
    resolutions,
    noticesEndingSoon,
    noticesExpired,
    rulesAwaitingFiling,
    counts: {
      meetingsToday: todays.length,
      meetingsUpcoming: upcoming.length,
      topicsAwaitingTriage: waiting.total,
      topicsOpen,
      summonsOverdue: summons.filter((s) => s.overdue).length,
      summonsDueSoon: summons.filter((s) => s.dueSoon).length,
      resolutionsOverdue: resolutions.filter((r) => r.dueState === 'overdue').length,
      resolutionsDueSoon: resolutions.filter((r) => r.dueState === 'dueSoon').length,
      noticesCurrent: noticesCurrent.length,
      noticesEndingSoon: noticesEndingSoon.length,
      rulesAwaitingFiling: rulesAwaitingFiling.length,
    },
    chart: topicChart(db, orgId, today),
  };
}

/** Topics received per month (by received date) for the last months, by channel and by current status. */
function topicChart(db: Db, orgId: number, today: string) {
  const months = lastMonths(today, followUpDefaults.chartMonths);
  const month = sql<string>`substr(${topics.receivedOn}, 1, 7)`;
  const base = and(eq(topics.orgId, orgId), gte(topics.receivedOn, `${months[0]}-01`), inArray(month, months));
  const byChannel = db.orm
    .select({ month, channel: topics.channel, count: sql<number>`count(*)` })
    .from(topics)
    .where(base)
    .groupBy(month, topics.channel)
    .orderBy(asc(month), asc(topics.channel))
    .all();
  const byStatus = db.orm
    .select({ month, status: topics.status, count: sql<number>`count(*)` })
    .from(topics)
    .where(base)
    .groupBy(month, topics.status)
    .orderBy(asc(month), asc(topics.status))
    .all();
  return { months, byChannel, byStatus };
}
