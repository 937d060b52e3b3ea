import { z } from 'zod';
import { ruleSetDefinitionSchema } from '../rules/rule-set';
import { id, requiredLine } from './common';
import { defineRead, defineWrite } from './define';

export const ruleSetSchema = z.object({
  id: z.number(),
  label: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  definition: ruleSetDefinitionSchema,
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const meetingTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  builtIn: z.boolean(),
  copiedFromId: z.number().nullable(),
  versions: z.array(ruleSetSchema),
});
export type MeetingType = z.infer<typeof meetingTypeSchema>;

export const meetingTypeCalls = {
  'meetingTypes.list': defineRead({
    summary: '查看会议类型',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: z.object({ items: z.array(meetingTypeSchema) }),
  }),
  'meetingTypes.copy': defineWrite({
    summary: '复制会议类型',
    input: z
      .object({
        orgId: id('议事主体'),
        fromRuleSetId: id('会议规则'),
        name: requiredLine('新会议类型名称', 30),
        /** The copy's rules; omitted = the same numbers as the original. */
        definition: ruleSetDefinitionSchema.optional(),
      })
      .strict(),
    output: meetingTypeSchema,
  }),
  'meetingTypes.archive': defineWrite({
    summary: '停用自定义会议类型',
    input: z.object({ id: id('会议类型') }).strict(),
    output: z.object({ id: z.number() }),
  }),
};
