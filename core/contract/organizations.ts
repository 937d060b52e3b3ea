import { z } from 'zod';
import { defineRead, defineWrite } from './define';
import { id, line, nameLine, requiredName } from './common';

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

const orgName = requiredName('议事主体名称', 60);

const optionalLine = (label: string, max: number) =>
  line(label, max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const optionalName = (label: string, max: number) =>
  nameLine(label, max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** 本单位信息: the names every document signs with. */
export const orgProfileInput = z
  .object({
    committeeName: requiredName('村（居）民委员会全称', 60),
    partyOrgName: requiredName('党组织全称', 60),
    address: optionalLine('地址', 100),
    directorName: optionalName('主任姓名', 20),
    partySecretaryName: optionalName('书记姓名', 20),
    phone: optionalLine('办公电话', 30),
    defaultRecorder: optionalName('默认记录人', 20),
    superiorName: optionalName('所属街道（乡镇）', 60),
  })
  .strict();

export const orgProfileSchema = z.object({
  orgId: z.number(),
  committeeName: z.string(),
  partyOrgName: z.string(),
  address: z.string().nullable(),
  directorName: z.string().nullable(),
  partySecretaryName: z.string().nullable(),
  phone: z.string().nullable(),
  defaultRecorder: z.string().nullable(),
  superiorName: z.string().nullable(),
  /** False until someone saved 本单位信息: the names shown are then derived from the 议事主体's name. */
  saved: z.boolean(),
});
export type OrgProfileView = z.infer<typeof orgProfileSchema>;

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
  'organizations.profile': defineRead({
    summary: '查看本单位信息',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: orgProfileSchema,
  }),
  'organizations.setProfile': defineWrite({
    summary: '保存本单位信息',
    input: orgProfileInput.extend({ orgId: id('议事主体') }).strict(),
    output: orgProfileSchema,
  }),
  'organizations.setCurrent': defineWrite({
    summary: '切换当前议事主体',
    input: z.object({ id: id('议事主体') }).strict(),
    output: organizationSchema,
  }),
};
