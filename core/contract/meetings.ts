import { z } from 'zod';
import { attendeeBases, ruleSetDefinitionSchema } from '../rules/rule-set';
import { id, isoDate, line, nameLine, paragraph, requiredLine } from './common';
import { defineRead, defineWrite } from './define';
import { pageFields } from './paging';
import { personRowSchema } from './people';

export const meetingStatuses = ['草稿', '已通知', '进行中', '已结束', '已定稿'] as const;
export const meetingStatusSchema = z.enum(meetingStatuses);

export const timeOfDay = (label: string) =>
  z.string({ error: `${label}应为时间` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}不是有效时间，请按“09:30”的格式填写` });

export const quorumSchema = z.object({
  expected: z.number(),
  present: z.number(),
  required: z.number(),
  met: z.boolean(),
  missing: z.number(),
  rule: z.string(),
  /** True once the meeting started and 应到 is frozen. */
  frozen: z.boolean(),
});
export type Quorum = z.infer<typeof quorumSchema>;

export const meetingSummarySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  title: z.string(),
  typeName: z.string(),
  meetingTypeId: z.number(),
  date: z.string(),
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  status: meetingStatusSchema,
  lawVersion: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingSchema = meetingSummarySchema.extend({
  endTime: z.string().nullable(),
  chairName: z.string().nullable(),
  recorderName: z.string().nullable(),
  basis: z.enum(attendeeBases),
  bodyId: z.number().nullable(),
  bodyName: z.string().nullable(),
  groupName: z.string().nullable(),
  noticeDate: z.string().nullable(),
  urgentReason: z.string().nullable(),
  ruleSetId: z.number(),
  ruleSetLabel: z.string(),
  ruleSet: ruleSetDefinitionSchema,
  quorum: quorumSchema,
  /** 应到 set by hand (meetings.setExpected) and its written reason; null where the roster decides. */
  expectedManual: z.number().nullable(),
  expectedReason: z.string().nullable(),
  /** Before 应到 is frozen: people in the base without a birth date, so not counted as 18+ (to be fixed first). */
  undated: z.array(personRowSchema),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  /** Things the secretary should know: e.g. people without a birth date left out of 应到. */
  warnings: z.array(z.string()),
});
export type Meeting = z.infer<typeof meetingSchema>;

const meetingFields = {
  title: requiredLine('会议名称', 100),
  date: isoDate('会议日期'),
  startTime: timeOfDay('开始时间').nullable().optional(),
  endTime: timeOfDay('结束时间').nullable().optional(),
  place: line('会议地点', 100).optional(),
  chairName: nameLine('主持人', 30).optional(),
  recorderName: nameLine('记录人', 30).optional(),
  basis: z.enum(attendeeBases, { error: '请选择应到人员的计算方式' }),
  bodyId: id('机构').nullable().optional(),
  groupName: line('小组', 40).nullable().optional(),
};

export const meetingCalls = {
  'meetings.list': defineRead({
    summary: '查看会议',
    input: z
      .object({
        orgId: id('议事主体'),
        meetingTypeId: id('会议类型').optional(),
        year: z.number().int().min(1990).max(2200).optional(),
        status: meetingStatusSchema.optional(),
        query: line('搜索内容', 50).optional(),
        ...pageFields,
      })
      .strict(),
    output: z.object({ items: z.array(meetingSummarySchema), total: z.number() }),
  }),
  'meetings.create': defineWrite({
    summary: '新建会议',
    input: z.object({ orgId: id('议事主体'), meetingTypeId: id('会议类型'), ...meetingFields }).strict(),
    output: meetingSchema,
  }),
  'meetings.get': defineRead({
    summary: '查看会议',
    input: z.object({ id: id('会议') }).strict(),
    output: meetingSchema,
  }),
  'meetings.update': defineWrite({
    summary: '修改会议信息',
    input: z
      .object({ id: id('会议'), ...meetingFields })
      .partial({ title: true, date: true, basis: true })
      .strict(),
    output: meetingSchema,
  }),
  'meetings.notify': defineWrite({
    summary: '登记会议通知',
    input: z.object({ id: id('会议'), noticeDate: isoDate('通知日期'), urgentReason: paragraph('临时召开的特殊情况', 500).optional() }).strict(),
    output: meetingSchema,
  }),
  'meetings.start': defineWrite({
    summary: '开始会议',
    input: z
      .object({
        id: id('会议'),
        startTime: timeOfDay('开始时间').optional(),
        /** People without a birth date are left out of 应到: starting anyway must be said in so many words. */
        acknowledgeUndated: z.boolean().optional(),
      })
      .strict(),
    output: meetingSchema,
  }),
  'meetings.setExpected': defineWrite({
    summary: '手动确定应到人数',
    input: z
      .object({
        id: id('会议'),
        expected: z
          .number({ error: '应到人数应为数字' })
          .int({ error: '应到人数应为整数' })
          .min(1, { error: '应到人数至少为 1 人' })
          .max(100000, { error: '应到人数不能超过 100000 人' }),
        reason: requiredLine('确定应到人数的依据', 300).refine((r) => r.trim().length >= 5, {
          error: '请写明确定应到人数的依据（至少 5 个字），例如：名册尚未录入第五组新迁入的 6 户',
        }),
      })
      .strict(),
    output: meetingSchema,
  }),
  'meetings.end': defineWrite({
    summary: '结束会议',
    input: z.object({ id: id('会议'), endTime: timeOfDay('结束时间').optional() }).strict(),
    output: meetingSchema,
  }),
  'meetings.reopen': defineWrite({
    summary: '重新开始已结束的会议',
    input: z.object({ id: id('会议'), reason: requiredLine('重新开始的原因', 200) }).strict(),
    output: meetingSchema,
  }),
  'meetings.finalize': defineWrite({
    summary: '会议定稿',
    input: z.object({ id: id('会议') }).strict(),
    output: meetingSchema,
  }),
};
