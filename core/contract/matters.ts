import { z } from 'zod';
import { id, isoDate, line, paragraph, requiredLine } from './common';
import { defineRead, defineWrite } from './define';
import { pageFields } from './paging';

export const matterStepSchema = z.object({
  step: z.number(),
  name: z.string(),
  form: z.enum(['会议', '公示']),
  recorded: z.boolean(),
  date: z.string().nullable(),
  meetingId: z.number().nullable(),
  meetingTitle: z.string().nullable(),
  voteId: z.number().nullable(),
  voteOutcome: z.string().nullable(),
  noticeId: z.number().nullable(),
  noticeTitle: z.string().nullable(),
  expected: z.number().nullable(),
  present: z.number().nullable(),
  content: z.string(),
  townshipOfficials: z.string().nullable(),
  mergedWithPrevious: z.boolean(),
});

export const matterSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  title: z.string(),
  content: z.string(),
  category: z.string().nullable(),
  createdOn: z.string(),
  bothPostsOnePerson: z.boolean(),
  /** The next step to record (1–6), or null when all six are done. */
  nextStep: z.number().nullable(),
  nextStepName: z.string().nullable(),
});

export const matterDetailSchema = matterSchema.extend({ steps: z.array(matterStepSchema) });
export type MatterDetail = z.infer<typeof matterDetailSchema>;

const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(100_000);

export const matterCalls = {
  'matters.create': defineWrite({
    summary: '登记四议两公开事项',
    input: z
      .object({
        orgId: id('议事主体'),
        title: requiredLine('事项名称', 100),
        content: paragraph('事项内容', 5000).optional(),
        category: line('事项类别', 30).optional(),
        createdOn: isoDate('登记日期'),
        bothPostsOnePerson: z.boolean().optional(),
      })
      .strict(),
    output: matterDetailSchema,
  }),
  'matters.list': defineRead({
    summary: '查看四议两公开事项',
    input: z.object({ orgId: id('议事主体'), ...pageFields }).strict(),
    output: z.object({ items: z.array(matterSchema), total: z.number() }),
  }),
  'matters.get': defineRead({ summary: '查看四议两公开事项', input: z.object({ id: id('四议两公开事项') }).strict(), output: matterDetailSchema }),
  'matters.recordStep': defineWrite({
    summary: '登记四议两公开步骤',
    input: z
      .object({
        matterId: id('四议两公开事项'),
        step: z.number({ error: '步骤应为数字' }).int().min(1, { error: '步骤只能是第 1 到第 6 步' }).max(6, { error: '步骤只能是第 1 到第 6 步' }),
        date: isoDate('日期').optional(),
        meetingId: id('会议').optional(),
        voteId: id('表决').optional(),
        noticeId: id('公示').optional(),
        expected: count('应到人数').optional(),
        present: count('实到人数').optional(),
        content: paragraph('内容', 5000).optional(),
        townshipOfficials: line('到会的乡镇（街道）干部及职务', 300).optional(),
        mergedWithPrevious: z.boolean().optional(),
      })
      .strict(),
    output: matterDetailSchema,
  }),
  'matters.registrationData': defineRead({
    summary: '准备四议两公开登记表内容',
    input: z.object({ id: id('四议两公开事项') }).strict(),
    output: z.object({
      orgName: z.string(),
      subject: z.string(),
      content: z.string(),
      category: z.string().nullable(),
      createdOn: z.string(),
      steps: z.array(
        z.object({
          step: z.number(),
          name: z.string(),
          form: z.string(),
          recorded: z.boolean(),
          date: z.string().nullable(),
          /** 2026年3月15日 (GB/T 9704 form) or empty. */
          dateText: z.string(),
          meetingTitle: z.string().nullable(),
          expected: z.number().nullable(),
          present: z.number().nullable(),
          /** "30/45"; empty when not a meeting or not known. */
          ratio: z.string(),
          content: z.string(),
          townshipOfficials: z.string(),
          mergedWithPrevious: z.boolean(),
          /** e.g. 主持人、记录人 — each printed as "主持人（签字）：＿＿＿". */
          signatures: z.array(z.object({ role: z.string(), name: z.string().nullable() })),
        }),
      ),
    }),
  }),
};
