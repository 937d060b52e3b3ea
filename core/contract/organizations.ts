import { z } from 'zod';
import { defineRead, defineWrite } from './define';
import { id, requiredLine } from './common';

export const orgKinds = ['社区', '村', '街道', '乡镇'] as const;
export const orgKindSchema = z.enum(orgKinds, { error: '议事主体类型只能是社区、村、街道或乡镇' });

export const organizationSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: orgKindSchema,
  parentId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

const orgName = requiredLine('议事主体名称', 60);

export const organizationCalls = {
  'organizations.list': defineRead({
    summary: '查看议事主体',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(organizationSchema), currentId: z.number().nullable() }),
  }),
  'organizations.create': defineWrite({
    summary: '新建议事主体',
    input: z.object({ name: orgName, kind: orgKindSchema, parentId: id('上级议事主体').nullable().optional() }).strict(),
    output: organizationSchema,
  }),
  'organizations.rename': defineWrite({
    summary: '修改议事主体名称',
    input: z.object({ id: id('议事主体'), name: orgName }).strict(),
    output: organizationSchema,
  }),
  'organizations.setCurrent': defineWrite({
    summary: '切换当前议事主体',
    input: z.object({ id: id('议事主体') }).strict(),
    output: organizationSchema,
  }),
};
