import { z } from 'zod';
import { satisfactions } from '../followup/data';
import { id, isoDate, isoDateTime, line, paragraph, requiredLine } from './common';
import { defineRead, defineWrite } from './define';
import { MAX_PAGE_SIZE, pageFields } from './paging';

export const summonsSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  topicId: z.number().nullable(),
  topicTitle: z.string().nullable(),
  meetingId: z.number().nullable(),
  meetingTitle: z.string().nullable(),
  department: z.string(),
  contact: z.string().nullable(),
  summonedAt: z.string(),
  reportWithinHours: z.number(),
  /** summonedAt + reportWithinHours: reporting at or before it is "in time". */
  reportDueAt: z.string(),
  reportedAt: z.string().nullable(),
  reportedInTime: z.boolean().nullable(),
  commitment: z.string().nullable(),
  deadline: z.string().nullable(),
  result: z.string().nullable(),
  resolved: z.boolean().nullable(),
  evaluation: z.enum(satisfactions).nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  /** e.g. "吹哨后 24 小时内未报到" or "已超过承诺期限（2026-11-20）6 天". */
  overdueReason: z.string().nullable(),
  /** Deadline within the due-soon window (7 days) and not done. */
  dueSoon: z.boolean(),
});
export type Summons = z.infer<typeof summonsSchema>;

/** Shared by summons.create and topics.refer (转部门办理 creates a summons). */
export const summonsFields = {
  department: requiredLine('部门或单位', 60),
  contact: line('联系人', 60).optional(),
  summonedAt: isoDateTime('吹哨时间').optional(),
  reportWithinHours: z
    .number()
    .int({ error: '报到时限应为整数小时' })
    .min(1, { error: '报到时限至少 1 小时' })
    .max(720, { error: '报到时限不能超过 720 小时' })
    .optional(),
  commitment: paragraph('承诺事项', 2000).optional(),
  deadline: isoDate('承诺完成期限').optional(),
};

const rateSchema = z.object({ numerator: z.number(), denominator: z.number(), perMille: z.number().nullable(), text: z.string(), definition: z.string() });
const figuresSchema = z.object({ department: z.string(), summoned: z.number(), response: rateSchema, resolution: rateSchema, satisfaction: rateSchema });

export const summonsCalls = {
  'summons.create': defineWrite({
    summary: '吹哨（召集部门）',
    input: z.object({ orgId: id('议事主体'), topicId: id('议题').optional(), meetingId: id('会议').optional(), ...summonsFields }).strict(),
    output: summonsSchema,
  }),
  'summons.report': defineWrite({
    summary: '登记部门报到',
    input: z.object({ id: id('吹哨记录'), reportedAt: isoDateTime('报到时间').optional() }).strict(),
    output: summonsSchema,
  }),
  'summons.update': defineWrite({
    summary: '修改部门承诺',
    input: z
      .object({
        id: id('吹哨记录'),
        contact: line('联系人', 60).optional(),
        commitment: paragraph('承诺事项', 2000).optional(),
        deadline: isoDate('承诺完成期限').nullable().optional(),
      })
      .strict(),
    output: summonsSchema,
  }),
  'summons.complete': defineWrite({
    summary: '登记部门办理结果',
    input: z
      .object({
        id: id('吹哨记录'),
        result: paragraph('办理结果', 5000).refine((s) => s.trim().length > 0, { error: '请填写办理结果' }),
        resolved: z.boolean({ error: '请选择问题是否已解决' }),
        closedAt: isoDateTime('办结时间').optional(),
      })
      .strict(),
    output: summonsSchema,
  }),
  'summons.evaluate': defineWrite({
    summary: '评价部门办理',
    input: z.object({ id: id('吹哨记录'), evaluation: z.enum(satisfactions, { error: '评价只能是“满意”“基本满意”或“不满意”' }) }).strict(),
    output: summonsSchema,
  }),
  'summons.list': defineRead({
    summary: '查看吹哨报到',
    input: z
      .object({
        orgId: id('议事主体'),
        department: line('部门或单位', 60).optional(),
        overdueOnly: z.boolean().optional(),
        openOnly: z.boolean().optional(),
        topicId: id('议题').optional(),
        /** The topics shown on one page of 议题征集, to mark those with an overdue summons. */
        topicIds: z.array(id('议题')).max(MAX_PAGE_SIZE).optional(),
        meetingId: id('会议').optional(),
        ...pageFields,
      })
      .strict(),
    output: z.object({ items: z.array(summonsSchema), total: z.number() }),
  }),
  'summons.departments': defineRead({
    summary: '查看已召集过的部门',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: z.object({ items: z.array(z.string()) }),
  }),
  'summons.rates': defineRead({
    summary: '统计部门响应率、解决率、满意率',
    input: z.object({ orgId: id('议事主体'), from: isoDate('统计开始日期'), to: isoDate('统计结束日期') }).strict(),
    output: z.object({ from: z.string(), to: z.string(), departments: z.array(figuresSchema), total: figuresSchema }),
  }),
};
