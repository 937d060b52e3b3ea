import { z } from 'zod';
import { id, isoDate, requiredLine } from './common';
import { defineRead, defineWrite } from './define';
import { followUpItemSchema } from './followup';
import { meetingSummarySchema } from './meetings';
import { noticeSchema } from './notices';
import { summonsSchema } from './summons';
import { topicSchema } from './topics';

const clockSchema = z.object({ timeZone: z.string(), today: z.string(), now: z.string() });

export const homeCalls = {
  'clock.get': defineRead({
    summary: '查看当前日期与时区',
    input: z.object({}).strict(),
    output: clockSchema,
  }),
  'clock.setTimeZone': defineWrite({
    summary: '设置时区',
    input: z.object({ timeZone: requiredLine('时区', 60) }).strict(),
    output: clockSchema,
  }),
  'home.summary': defineRead({
    summary: '查看首页待办',
    input: z.object({ orgId: id('议事主体'), today: isoDate('今天的日期').optional() }).strict(),
    output: z.object({
      today: z.string(),
      timeZone: z.string(),
      meetings: z.object({ today: z.array(meetingSummarySchema), upcoming: z.array(meetingSummarySchema) }),
      topicsAwaitingTriage: z.array(topicSchema),
      summons: z.array(summonsSchema),
      resolutions: z.array(followUpItemSchema),
      noticesEndingSoon: z.array(noticeSchema),
      /** Period over but not yet recorded as taken down. */
      noticesExpired: z.array(noticeSchema),
      /** Rule documents adopted but not yet filed (备案); daysLeft is negative when overdue. */
      rulesAwaitingFiling: z.array(z.object({ id: z.number(), title: z.string(), filingDue: z.string(), daysLeft: z.number() })),
      /** Hotline topics not yet answered whose 答复时限 is past or within the due-soon days; daysLeft < 0 when overdue. */
      hotlineReplies: z.array(
        z.object({ id: z.number(), title: z.string(), channel: z.string(), ticketNumber: z.string().nullable(), replyDueOn: z.string(), daysLeft: z.number() }),
      ),
      counts: z.object({
        meetingsToday: z.number(),
        meetingsUpcoming: z.number(),
        topicsAwaitingTriage: z.number(),
        topicsOpen: z.number(),
        summonsOverdue: z.number(),
        summonsDueSoon: z.number(),
        resolutionsOverdue: z.number(),
        resolutionsDueSoon: z.number(),
        noticesCurrent: z.number(),
        noticesEndingSoon: z.number(),
        rulesAwaitingFiling: z.number(),
        hotlineRepliesOverdue: z.number(),
        hotlineRepliesDueSoon: z.number(),
      }),
      chart: z.object({
        months: z.array(z.string()),
        byChannel: z.array(z.object({ month: z.string(), channel: z.string(), count: z.number() })),
        byStatus: z.array(z.object({ month: z.string(), status: z.string(), count: z.number() })),
      }),
    }),
  }),
};
