import { z } from 'zod';
import { noticeKinds } from '../followup/data';
import { attachmentEntry } from './attachments';
import { id, isoDate, line, nameLine, paragraph, requiredLine } from './common';
import { defineRead, defineWrite } from './define';
import { pageFields } from './paging';
import { progressEntrySchema } from './followup';

export const noticeKindSchema = z.enum(noticeKinds, { error: '公示类别只能是“决议公开”“实施结果公开”或“其他”' });
export const noticeStatusSchema = z.enum(['未开始', '公示中', '期满未撤', '已撤下']);

export const noticeSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  kind: noticeKindSchema,
  resolutionId: z.number().nullable(),
  resolutionNumber: z.string().nullable(),
  matterId: z.number().nullable(),
  title: z.string(),
  content: z.string(),
  postedOn: z.string(),
  periodDays: z.number(),
  /** Last day of the period, inclusive: postedOn + periodDays − 1. */
  endsOn: z.string(),
  place: z.string(),
  takenDownOn: z.string().nullable(),
  takeDownReason: z.string().nullable(),
  /** 张贴登记: who put it up; null on notices registered before this was kept. */
  postedBy: z.string().nullable(),
  takenDownBy: z.string().nullable(),
  /** Photos of the notice on the board, and of the board once it came down (attachments). */
  postedPhotos: z.array(attachmentEntry),
  takenDownPhotos: z.array(attachmentEntry),
  status: noticeStatusSchema,
  /** endsOn − today while posted; null otherwise. */
  daysLeft: z.number().nullable(),
  createdAt: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** law: the provision that sets the period, "《…》（2025年修订）第三十五条"; null where no law sets it. */
const minimumSchema = z.object({ days: z.number(), basis: z.string(), statutory: z.boolean(), law: z.string().nullable() });
const today = isoDate('今天的日期').optional();

export const noticeCalls = {
  'notices.minimumDays': defineRead({
    summary: '查看公示期最短天数',
    input: z.object({ orgId: id('议事主体'), resolutionId: id('决议').optional(), matterId: id('四议两公开事项').optional() }).strict(),
    output: minimumSchema,
  }),
  'notices.create': defineWrite({
    summary: '登记公示',
    input: z
      .object({
        orgId: id('议事主体'),
        kind: noticeKindSchema,
        resolutionId: id('决议').optional(),
        matterId: id('四议两公开事项').optional(),
        title: requiredLine('公示标题', 100),
        content: paragraph('公示内容', 20000).optional(),
        postedOn: isoDate('张贴日期'),
        periodDays: z
          .number({ error: '公示天数应为数字' })
          .int({ error: '公示天数应为整数' })
          .min(1, { error: '公示天数至少 1 天' })
          .max(365, { error: '公示天数不能超过 365 天' }),
        place: requiredLine('张贴地点', 100),
        /** Who put it up; the signed-in user when left out. */
        postedBy: nameLine('张贴人', 50).optional(),
      })
      .strict(),
    output: noticeSchema,
  }),
  'notices.get': defineRead({ summary: '查看公示', input: z.object({ id: id('公示'), today }).strict(), output: noticeSchema }),
  'notices.takeDown': defineWrite({
    summary: '登记公示撤下',
    input: z
      .object({
        id: id('公示'),
        takenDownOn: isoDate('撤下日期'),
        reason: line('提前撤下的原因', 500).optional(),
        takenDownBy: nameLine('撤下人', 50).optional(),
      })
      .strict(),
    output: noticeSchema,
  }),
  'notices.list': defineRead({
    summary: '查看公示',
    input: z
      .object({
        orgId: id('议事主体'),
        filter: z.enum(['current', 'endingSoon', 'expired', 'all']).optional(),
        resolutionId: id('决议').optional(),
        matterId: id('四议两公开事项').optional(),
        today,
        ...pageFields,
      })
      .strict(),
    output: z.object({ today: z.string(), items: z.array(noticeSchema), total: z.number() }),
  }),
  'notices.documentData': defineRead({
    summary: '准备公示文书内容',
    input: z.object({ id: id('公示'), today }).strict(),
    output: z.object({
      orgName: z.string(),
      notice: noticeSchema,
      minimum: minimumSchema,
      resolution: z
        .object({
          id: z.number(),
          number: z.string(),
          title: z.string(),
          text: z.string(),
          meetingTitle: z.string(),
          meetingDate: z.string(),
          responsible: z.string().nullable(),
          deadline: z.string().nullable(),
        })
        .nullable(),
      /** For 实施结果公开: the progress entries and the completion; empty/null otherwise or when none yet. */
      progress: z.array(progressEntrySchema),
      completion: z.object({ completedOn: z.string(), result: z.string() }).nullable(),
      issuedDate: z.string(),
    }),
  }),
};
