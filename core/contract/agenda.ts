import { z } from 'zod';
import { id, line, nameLine, paragraph, requiredLine } from './common';
import { defineRead, defineWrite } from './define';

export const agendaItemSchema = z.object({
  id: z.number(),
  meetingId: z.number(),
  position: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  presenter: z.string().nullable(),
  plannedMinutes: z.number().nullable(),
  attachments: z.array(z.string()),
  needsPartyReview: z.boolean(),
  partyReview: z
    .object({
      itemId: z.number(),
      itemTitle: z.string(),
      meetingId: z.number(),
      meetingTitle: z.string(),
      meetingDate: z.string(),
      /** The 四议两公开 matter whose earlier steps were taken at that meeting, with the steps recorded so far (1–3). */
      matter: z.object({ id: z.number(), title: z.string(), steps: z.array(z.object({ step: z.number(), name: z.string(), date: z.string() })) }).nullable(),
    })
    .nullable(),
  /** The resident's topic it was taken up from (议题征集), if any. */
  topicId: z.number().nullable(),
  /** The earlier resolution it follows up (跟进事项), if any. */
  resolutionId: z.number().nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

const itemFields = {
  title: requiredLine('议题名称', 200),
  description: paragraph('议题说明', 5000).optional(),
  presenter: nameLine('汇报人', 30).optional(),
  plannedMinutes: z
    .number()
    .int({ error: '计划时长应为整数分钟' })
    .min(1, { error: '计划时长至少 1 分钟' })
    .max(600, { error: '计划时长不能超过 600 分钟' })
    .nullable()
    .optional(),
  attachments: z.array(line('附件路径', 500)).max(50).optional(),
  needsPartyReview: z.boolean().optional(),
};

export const agendaCalls = {
  'agenda.list': defineRead({
    summary: '查看议程',
    input: z.object({ meetingId: id('会议') }).strict(),
    output: z.object({ items: z.array(agendaItemSchema) }),
  }),
  'agenda.add': defineWrite({
    summary: '添加议题',
    input: z.object({ meetingId: id('会议'), ...itemFields }).strict(),
    output: agendaItemSchema,
  }),
  'agenda.update': defineWrite({
    summary: '修改议题',
    input: z
      .object({ id: id('议题'), ...itemFields })
      .partial({ title: true })
      .strict(),
    output: agendaItemSchema,
  }),
  'agenda.reorder': defineWrite({
    summary: '调整议程顺序',
    input: z.object({ meetingId: id('会议'), orderedIds: z.array(id('议题')).min(1).max(200) }).strict(),
    output: z.object({ items: z.array(agendaItemSchema) }),
  }),
  'agenda.remove': defineWrite({
    summary: '删除议题',
    input: z.object({ id: id('议题') }).strict(),
    output: z.object({ items: z.array(agendaItemSchema) }),
  }),
  'agenda.partyReviewCandidates': defineRead({
    summary: '查找党组织前置讨论记录',
    input: z.object({ meetingId: id('会议') }).strict(),
    output: z.object({
      items: z.array(
        z.object({
          itemId: z.number(),
          itemTitle: z.string(),
          meetingId: z.number(),
          meetingTitle: z.string(),
          meetingDate: z.string(),
          typeName: z.string(),
          /** The 四议两公开 matter registered with a step at this meeting, if any. */
          matterTitle: z.string().nullable(),
        }),
      ),
    }),
  }),
  'agenda.linkPartyReview': defineWrite({
    summary: '关联党组织前置讨论',
    input: z.object({ id: id('议题'), reviewItemId: id('前置讨论议题').nullable() }).strict(),
    output: agendaItemSchema,
  }),
};
