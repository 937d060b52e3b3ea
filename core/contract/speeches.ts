import { z } from 'zod';
import { id, paragraph, requiredName } from './common';
import { defineRead, defineWrite } from './define';

export const speechSchema = z.object({
  id: z.number(),
  agendaItemId: z.number(),
  position: z.number(),
  speakerPersonId: z.number().nullable(),
  speakerName: z.string(),
  content: z.string(),
  updatedAt: z.string(),
});
export type Speech = z.infer<typeof speechSchema>;

export const speechCalls = {
  'speeches.list': defineRead({
    summary: '查看发言记录',
    input: z.object({ meetingId: id('会议') }).strict(),
    output: z.object({ items: z.array(speechSchema) }),
  }),
  'speeches.add': defineWrite({
    summary: '添加发言',
    input: z
      .object({
        agendaItemId: id('议题'),
        speakerPersonId: id('发言人').nullable().optional(),
        speakerName: requiredName('发言人', 30),
        content: paragraph('发言要点', 20000).optional(),
      })
      .strict(),
    output: speechSchema,
  }),
  'speeches.update': defineWrite({
    summary: '修改发言',
    input: z
      .object({
        id: id('发言'),
        speakerPersonId: id('发言人').nullable().optional(),
        speakerName: requiredName('发言人', 30).optional(),
        content: paragraph('发言要点', 20000).optional(),
      })
      .strict(),
    output: speechSchema,
  }),
  'speeches.remove': defineWrite({
    summary: '删除发言',
    input: z.object({ id: id('发言') }).strict(),
    output: z.object({ id: z.number() }),
  }),
};
