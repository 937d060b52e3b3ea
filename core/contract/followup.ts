import { z } from 'zod';
import { agendaItemSchema } from './agenda';
import { id, isoDate, paragraph } from './common';
import { defineRead, defineWrite } from './define';
import { pageFields } from './paging';
import { resolutionSchema } from './votes';

export const dueStateSchema = z.enum(['overdue', 'dueSoon', 'later', 'none', 'done']);

export const progressEntrySchema = z.object({
  id: z.number(),
  date: z.string(),
  text: z.string(),
  percent: z.number(),
  reason: z.string().nullable(),
  actor: z.string(),
  createdAt: z.string(),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const followUpItemSchema = resolutionSchema.extend({
  lastPercent: z.number().nullable(),
  lastProgressOn: z.string().nullable(),
  /** overdue: deadline before today; dueSoon: within 7 days from today inclusive; done: completed. */
  dueState: dueStateSchema,
  /** deadline − today in days (negative when overdue); null without a deadline. */
  daysLeft: z.number().nullable(),
});
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

export const followUpDetailSchema = followUpItemSchema.extend({ progress: z.array(progressEntrySchema) });
export type FollowUpDetail = z.infer<typeof followUpDetailSchema>;

const today = isoDate('今天的日期').optional();

export const followUpCalls = {
  'followUp.get': defineRead({
    summary: '查看决议落实情况',
    input: z.object({ resolutionId: id('决议'), today }).strict(),
    output: followUpDetailSchema,
  }),
  'followUp.addProgress': defineWrite({
    summary: '登记决议落实进度',
    input: z
      .object({
        resolutionId: id('决议'),
        date: isoDate('进度日期'),
        text: paragraph('进度情况', 2000).refine((s) => s.trim().length > 0, { error: '请填写进度情况' }),
        percent: z
          .number({ error: '完成进度应为数字' })
          .int({ error: '完成进度应为整数' })
          .min(0, { error: '完成进度不能小于 0%' })
          .max(100, { error: '完成进度不能超过 100%' }),
        reason: paragraph('进度回退的原因', 500).optional(),
      })
      .strict(),
    output: followUpDetailSchema,
  }),
  'followUp.complete': defineWrite({
    summary: '决议办结',
    input: z
      .object({
        resolutionId: id('决议'),
        completedOn: isoDate('办结日期'),
        result: paragraph('落实结果', 5000).refine((s) => s.trim().length > 0, { error: '请填写落实结果' }),
      })
      .strict(),
    output: followUpDetailSchema,
  }),
  'followUp.list': defineRead({
    summary: '查看决议督办',
    input: z.object({ orgId: id('议事主体'), filter: z.enum(['overdue', 'dueSoon', 'open', 'done', 'all']).optional(), today, ...pageFields }).strict(),
    output: z.object({ today: z.string(), items: z.array(followUpItemSchema), total: z.number() }),
  }),
  'followUp.carryCandidates': defineRead({
    summary: '查找需带到本次会议跟进的决议',
    input: z.object({ meetingId: id('会议'), today }).strict(),
    output: z.object({ items: z.array(followUpItemSchema) }),
  }),
  'followUp.carry': defineWrite({
    summary: '把未完成的决议列为本次会议的跟进事项',
    input: z.object({ meetingId: id('会议'), resolutionIds: z.array(id('决议')).min(1, { error: '请至少选择一项决议' }).max(100) }).strict(),
    output: z.object({ items: z.array(agendaItemSchema) }),
  }),
};
