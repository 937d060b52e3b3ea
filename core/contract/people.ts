import { z } from 'zod';
import { defineRead, defineWrite } from './define';
import { genderSchema, id, isoDate, line, paragraph, requiredLine, requiredName } from './common';

export const personStatuses = ['在册', '迁出'] as const;
export const personStatusSchema = z.enum(personStatuses, { error: '状态只能是“在册”或“迁出”' });

/** Tags the roster knows; users may add their own words too. */
/** 预备党员 stays apart from 党员: probationary members attend a 党员大会 without a vote (党章 第七条). */
export const knownPersonTags = ['党员', '预备党员', '居民代表', '村民代表', '两委成员', '楼栋长', '网格员', '户代表'] as const;

export const tagSchema = requiredLine('标签', 12);

/** What the list shows: ID number and phone masked. */
export const personRowSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: z.string().nullable(),
  householdNo: z.string().nullable(),
  groupName: z.string().nullable(),
  address: z.string().nullable(),
  relationToHead: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  tags: z.array(z.string()),
  status: personStatusSchema,
  movedAt: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type PersonRow = z.infer<typeof personRowSchema>;

export const phoneSchema = line('联系电话', 20).refine((s) => s === '' || /^[0-9+\-() ]{5,20}$/.test(s), {
  error: '联系电话只能包含数字和“-”，例如 13812345678 或 0571-12345678',
});

/** Editable fields. An empty string clears a field; an absent one keeps it (for updates). */
export const personFieldsSchema = z.object({
  name: requiredName('姓名', 50),
  gender: genderSchema.nullable().optional(),
  birthDate: isoDate('出生日期').nullable().optional(),
  householdNo: line('户号', 30).optional(),
  groupName: line('小组', 40).optional(),
  address: line('住址', 100).optional(),
  relationToHead: line('与户主关系', 20).optional(),
  phone: phoneSchema.optional(),
  idNumber: line('身份证号', 18).optional(),
  tags: z.array(tagSchema).max(20, { error: '标签最多 20 个' }).optional(),
  note: paragraph('备注', 500).optional(),
});
export type PersonFields = z.infer<typeof personFieldsSchema>;

export const sortableFields = ['name', 'householdNo', 'groupName', 'birthDate', 'updatedAt'] as const;

export const peopleCalls = {
  'people.list': defineRead({
    summary: '查看人员名册',
    input: z
      .object({
        orgId: id('议事主体'),
        query: line('搜索内容', 50).optional(),
        status: z.enum(['在册', '迁出', '全部']).default('在册'),
        tag: line('标签', 12).optional(),
        page: z.number().int().min(1).max(100000).default(1),
        pageSize: z.number().int().min(1).max(500).default(20),
        sortField: z.enum(sortableFields).optional(),
        sortOrder: z.enum(['ascend', 'descend']).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(personRowSchema), total: z.number() }),
  }),
  'people.groups': defineRead({
    summary: '查看名册中的村民小组',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: z.object({ items: z.array(z.object({ name: z.string(), count: z.number() })) }),
  }),
  'people.create': defineWrite({
    summary: '添加人员',
    input: personFieldsSchema.extend({ orgId: id('议事主体') }).strict(),
    output: personRowSchema,
  }),
  'people.update': defineWrite({
    summary: '修改人员信息',
    input: personFieldsSchema
      .partial()
      .extend({ id: id('人员') })
      .strict(),
    output: personRowSchema,
  }),
  'people.setStatus': defineWrite({
    summary: '标记人员迁出或恢复在册',
    input: z.object({ id: id('人员'), status: personStatusSchema, movedAt: isoDate('迁出日期').nullable().optional() }).strict(),
    output: personRowSchema,
  }),
  'people.reveal': defineWrite({
    summary: '查看完整身份证号和电话',
    input: z.object({ id: id('人员') }).strict(),
    output: z.object({ id: z.number(), idNumber: z.string().nullable(), phone: z.string().nullable() }),
  }),
};
