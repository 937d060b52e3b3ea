import { z } from 'zod';
import { id, isoDate, line, paragraph, requiredLine, requiredName } from './common';
import { defineRead, defineWrite } from './define';

const compositionCheckSchema = z.object({
  label: z.string(),
  count: z.number(),
  total: z.number(),
  required: z.number(),
  ok: z.boolean(),
  message: z.string(),
  source: z.string(),
});

export const bodySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  name: z.string(),
  kind: z.string(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  note: z.string().nullable(),
  memberCount: z.number(),
  composition: z.array(compositionCheckSchema),
});
export type Body = z.infer<typeof bodySchema>;

export const bodyMemberSchema = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string(),
  gender: z.enum(['男', '女']).nullable(),
  householdNo: z.string().nullable(),
  groupName: z.string().nullable(),
  role: z.string(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export type BodyMember = z.infer<typeof bodyMemberSchema>;

const bodyFields = {
  name: requiredName('机构名称', 60),
  kind: requiredLine('机构类别', 20),
  termStart: isoDate('任期开始').nullable().optional(),
  termEnd: isoDate('任期结束').nullable().optional(),
  note: paragraph('备注', 500).optional(),
};

export const bodyCalls = {
  'bodies.list': defineRead({
    summary: '查看机构',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: z.object({ items: z.array(bodySchema) }),
  }),
  'bodies.create': defineWrite({
    summary: '新建机构',
    input: z.object({ orgId: id('议事主体'), ...bodyFields }).strict(),
    output: bodySchema,
  }),
  'bodies.update': defineWrite({
    summary: '修改机构',
    input: z
      .object({ id: id('机构'), ...bodyFields })
      .partial({ name: true, kind: true })
      .strict(),
    output: bodySchema,
  }),
  'bodies.members': defineRead({
    summary: '查看机构成员',
    input: z.object({ bodyId: id('机构'), includeFormer: z.boolean().default(false) }).strict(),
    output: z.object({ body: bodySchema, items: z.array(bodyMemberSchema) }),
  }),
  'bodies.addMembers': defineWrite({
    summary: '添加机构成员',
    input: z
      .object({
        bodyId: id('机构'),
        personIds: z.array(id('人员')).min(1, { error: '请至少选择一人' }).max(2000),
        role: requiredLine('职务', 20),
        joinedOn: isoDate('加入日期').nullable().optional(),
      })
      .strict(),
    output: z.object({ added: z.number(), body: bodySchema }),
  }),
  'bodies.updateMember': defineWrite({
    summary: '修改机构成员',
    input: z.object({ memberId: id('成员'), role: line('职务', 20).optional(), leftOn: isoDate('离任日期').nullable().optional() }).strict(),
    output: bodyMemberSchema,
  }),
};
