import { and, asc, eq, gte, isNotNull, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock';
import { addDays, daysFrom, lastMonths } from '../core/dates';
import { closedTopicStatuses, followUpDefaults } from '../core/followup/data';
import type { Db } from './client';
import { followUpItems } from './followup';
import { meetingsBetween } from './meetings';
import { countNotices, noticesOf } from './notices';
import { getOrganization } from './organizations';
import { summonsNeedingAttention } from './summons';
import { rulesAwaitingFiling as rulesAwaitingFilingOf } from './rules/documents';
import { nextMonth, topicRows } from './topics';
import { topics } from './schema';

/**
 * What needs the secretary today: her local date on `clock` (or `today` where the caller fixed
 * the day), and the clock's instant for the summons report limits, which are in hours.
 */
export function homeSummary(db: Db, orgId: number, clock: Clock, today: string = clock.today) {
  getOrganization(db, orgId);
  const horizon = addDays(today, followUpDefaults.upcomingMeetingDays);
  const meetings = meetingsBetween(db, orgId, today, horizon);
  const todays = meetings.filter((m) => m.date === today);
  const upcoming = meetings.filter((m) => m.date > today && m.status !== '已定稿');

  const waiting = and(eq(topics.orgId, orgId), eq(topics.status, '待分办'));
  const topicsAwaitingTriage = topicRows(db, waiting, [asc(topics.receivedOn), asc(topics.id)], 20);
  const topicCounts = db.orm
    .select({
      waiting: sql<number>`coalesce(sum(${topics.status} = '待分办'), 0)`,
      open: sql<number>`coalesce(sum(${topics.status} not in (${sql.join(
        closedTopicStatuses.map((s) => sql`${s}`),
        sql`, `,
      )})), 0)`,
    })
    .from(topics)
    .where(eq(topics.orgId, orgId))
    .get() ?? { waiting: 0, open: 0 };

  const summons = summonsNeedingAttention(db, orgId, clock);
  const overdue = followUpItems(db, orgId, 'overdue', today);
  const dueSoon = followUpItems(db, orgId, 'dueSoon', today);
  // Overdue deadlines all come before today, due-soon ones from today on: together, soonest first.
  const resolutions = [...overdue, ...dueSoon];
  const noticesEndingSoon = noticesOf(db, orgId, 'endingSoon', today);
  const noticesExpired = noticesOf(db, orgId, 'expired', today);
  const rulesAwaitingFiling = rulesAwaitingFilingOf(db, orgId, today);
  const hotlineReplies = hotlineRepliesDue(db, orgId, today);

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
    hotlineReplies,
    counts: {
      meetingsToday: todays.length,
      meetingsUpcoming: upcoming.length,
      topicsAwaitingTriage: topicCounts.waiting,
      topicsOpen: topicCounts.open,
      summonsOverdue: summons.filter((s) => s.overdue).length,
      summonsDueSoon: summons.filter((s) => s.dueSoon).length,
      resolutionsOverdue: overdue.length,
      resolutionsDueSoon: dueSoon.length,
      noticesCurrent: countNotices(db, orgId, 'current', today),
      noticesEndingSoon: noticesEndingSoon.length,
      rulesAwaitingFiling: rulesAwaitingFiling.length,
      hotlineRepliesOverdue: hotlineReplies.filter((r) => r.daysLeft < 0).length,
      hotlineRepliesDueSoon: hotlineReplies.filter((r) => r.daysLeft >= 0).length,
    },
    chart: topicChart(db, orgId, today),
  };
}

/** Unanswered topics whose 答复时限 has passed or falls within the due-soon days, soonest first (also 今日提醒's). */
export function hotlineRepliesDue(db: Db, orgId: number, today: string) {
  return db.orm
    .select({ id: topics.id, title: topics.title, channel: topics.channel, ticketNumber: topics.ticketNumber, replyDueOn: topics.replyDueOn })
    .from(topics)
    .where(
      and(
        eq(topics.orgId, orgId),
        isNotNull(topics.replyDueOn),
        lte(topics.replyDueOn, addDays(today, followUpDefaults.dueSoonDays)),
        notInArray(topics.status, [...closedTopicStatuses]),
      ),
    )
    .orderBy(asc(topics.replyDueOn), asc(topics.id))
    .limit(50)
    .all()
    .map((r) => ({ ...r, replyDueOn: r.replyDueOn!, daysLeft: daysFrom(today, r.replyDueOn!) }));
}

/** Topics received per month (by received date) for the last months, by channel and by current status. */
function topicChart(db: Db, orgId: number, today: string) {
  const months = lastMonths(today, followUpDefaults.chartMonths);
  const month = sql<string>`substr(${topics.receivedOn}, 1, 7)`;
  const base = and(eq(topics.orgId, orgId), gte(topics.receivedOn, `${months[0]}-01`), lt(topics.receivedOn, `${nextMonth(months.at(-1)!)}-01`));
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
