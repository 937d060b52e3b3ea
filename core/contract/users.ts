import { z } from 'zod';
import { defineRead, defineWrite } from './define';
import { id, requiredLine, requiredName } from './common';

/** Roles an office commonly has; the field is free text, these are only suggestions. */
export const suggestedRoles = ['文书', '主任', '书记', '副主任', '委员', '会计', '网格员'] as const;

/** A user of this installation as the page sees it: never the PIN or its hash. */
export const userSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: z.string(),
  /** A PIN is asked for when this user is chosen. */
  hasPin: z.boolean(),
  retired: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userPolicySchema = z.object({
  /** 会议记录须由起草人以外的人定稿: whoever submitted the minutes may not finalize them. */
  approverMustDiffer: z.boolean(),
});
export type UserPolicy = z.infer<typeof userPolicySchema>;

const userName = requiredName('使用人姓名', 20);
const role = requiredLine('职务', 20);
/** 4 to 8 digits: easy on a keypad for an older user, and never stored as typed. */
export const pinSchema = z.string({ error: '密码应为数字' }).regex(/^\d{4,8}$/, { error: '密码应为 4 到 8 位数字' });

export const userCalls = {
  'users.list': defineRead({
    summary: '查看使用人',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(userSchema), policy: userPolicySchema }),
  }),
  'users.current': defineRead({
    summary: '查看当前使用人',
    input: z.object({}).strict(),
    output: z.object({ user: userSchema.nullable(), hasUsers: z.boolean() }),
  }),
  'users.create': defineWrite({
    summary: '添加使用人',
    input: z.object({ name: userName, role, pin: pinSchema.optional() }).strict(),
    output: userSchema,
  }),
  'users.update': defineWrite({
    summary: '修改使用人',
    input: z
      .object({
        id: id('使用人'),
        name: userName.optional(),
        role: role.optional(),
        /** A new PIN, or null to remove it. */
        pin: pinSchema.nullable().optional(),
        retired: z.boolean().optional(),
      })
      .strict(),
    output: userSchema,
  }),
  'users.signIn': defineWrite({
    summary: '选择使用人',
    input: z.object({ id: id('使用人'), pin: z.string().max(20).optional() }).strict(),
    output: userSchema,
  }),
  'users.signOut': defineWrite({
    summary: '切换使用人',
    input: z.object({}).strict(),
    output: z.object({ user: z.null() }),
  }),
  'users.setPolicy': defineWrite({
    summary: '修改定稿规定',
    input: userPolicySchema.strict(),
    output: userPolicySchema,
  }),
};
