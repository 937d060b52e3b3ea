import { z } from 'zod';
import { fileOutput, id } from './common';
import { defineRead, defineWrite } from './define';

/** 报送 to the street / township office (issue 18): enrollment, 报送包 out, 回执包 in. */

/** A package file's text as the user picked it (a few MB at most; minutes files make it big). */
const packageText = (label: string) =>
  z
    .string({ error: `请选择${label}文件` })
    .min(1, { error: `请选择${label}文件` })
    .max(60_000_000, { error: `${label}太大，不能超过 60 MB` });

/** http(s)://… — the street hub's address as the street office gave it. */
export const hubUrlSchema = z
  .string({ error: '请填写街道平台地址' })
  .trim()
  .max(300, { error: '街道平台地址太长' })
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i, { error: '街道平台地址应以 http:// 或 https:// 开头，例如 https://jiedao.example.gov.cn' });

export const enrollCode = z
  .string({ error: '请填写街道给的登记码' })
  .trim()
  .min(4, { error: '登记码至少 4 位，请核对街道给的登记码' })
  .max(40, { error: '登记码太长，请核对' });

export const exchangeRecordCounts = z.object({
  meetings: z.number(),
  resolutions: z.number(),
  topics: z.number(),
  summons: z.number(),
  matters: z.number(),
  rules: z.number(),
  documents: z.number(),
});
export type ExchangeRecordCounts = z.infer<typeof exchangeRecordCounts>;

const sentSchema = z.object({
  /** The key epoch (轮): 1, or +1 after each 重新登记; sequences restart at 1 in each. */
  epoch: z.number(),
  sequence: z.number(),
  createdAt: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  counts: exchangeRecordCounts,
  sentHow: z.enum(['文件', '网络']),
  acknowledgedAt: z.string().nullable(),
});

const receivedSchema = z.object({
  epoch: z.number(),
  sequence: z.number(),
  hash: z.string(),
  createdAt: z.string(),
  acknowledgedSequence: z.number(),
  filingReviews: z.number(),
  summonsReplies: z.number(),
  receivedHow: z.enum(['文件', '网络']),
  appliedAt: z.string(),
});

export const exchangeStatusSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  /** Only a 村 or 社区 reports to a street office. */
  eligible: z.boolean(),
  /** This installation's key for the organization: its fingerprint (read over the phone when enrolling). */
  keyFingerprint: z.string().nullable(),
  publicKey: z.string().nullable(),
  enrolled: z.boolean(),
  hubId: z.string().nullable(),
  hubName: z.string().nullable(),
  hubFingerprint: z.string().nullable(),
  communityId: z.string().nullable(),
  hubUrl: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  /** The current key epoch (第 N 轮): lastSent, lastAcknowledged, lastReply and pending count within it. */
  epoch: z.number(),
  /** A 重新登记 under way: the new key's fingerprint, used once the street's 登记回执 for it arrives. */
  pendingFingerprint: z.string().nullable(),
  pendingSince: z.string().nullable(),
  lastSent: sentSchema.nullable(),
  lastAcknowledged: z.number(),
  /** Packages sent but not yet acknowledged by the hub. */
  unacknowledged: z.number(),
  lastReply: receivedSchema.nullable(),
  /** Records changed since the last acknowledged package: what the next 报送包 will carry. */
  pending: exchangeRecordCounts.omit({ documents: true }),
});
export type ExchangeStatus = z.infer<typeof exchangeStatusSchema>;

export const replyResultSchema = z.object({
  /** False when the same 回执包 had been imported before: nothing changed. */
  applied: z.boolean(),
  sequence: z.number(),
  acknowledgedSequence: z.number(),
  filingReviews: z.number(),
  summonsReplies: z.number(),
  message: z.string(),
});
export type ReplyResult = z.infer<typeof replyResultSchema>;

export const filingReviewSchema = z.object({
  id: z.number(),
  docId: z.number(),
  decision: z.enum(['同意备案', '退回']),
  reasons: z.string().nullable(),
  reviewedOn: z.string(),
  reviewer: z.string(),
  authority: z.string(),
  receiptNo: z.string().nullable(),
  appliedAt: z.string(),
  /** The 回执包 it came in. */
  replySequence: z.number(),
});
export type FilingReview = z.infer<typeof filingReviewSchema>;

export const summonsReplySchema = z.object({
  id: z.number(),
  summonsId: z.number(),
  department: z.string(),
  reportedAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  by: z.string(),
  appliedAt: z.string(),
  replySequence: z.number(),
});
export type SummonsReply = z.infer<typeof summonsReplySchema>;

const orgInput = z.object({ orgId: id('议事主体') }).strict();

export const exchangeCalls = {
  'exchange.status': defineRead({
    summary: '查看报送状态',
    input: orgInput,
    output: exchangeStatusSchema,
  }),
  'exchange.enrollRequest': defineWrite({
    summary: '生成登记申请',
    producesFile: true,
    input: z
      .object({
        orgId: id('议事主体'),
        code: enrollCode,
        /** 重新登记（换电脑或恢复旧备份后）: sign with a new key pair, kept pending until the 登记回执 names it. */
        renew: z.literal(true).optional(),
      })
      .strict(),
    output: fileOutput,
  }),
  'exchange.enrollApply': defineWrite({
    summary: '登记到街道平台',
    input: z
      .object({
        orgId: id('议事主体'),
        /** The 登记回执 file's text (登记 by file). */
        receipt: packageText('登记回执').optional(),
        /** Or enroll online: the hub's address and the one-time code. */
        hubUrl: hubUrlSchema.optional(),
        code: enrollCode.optional(),
        /** 重新登记 online: the request is signed with the new (pending) key. A 登记回执 file says itself which key it registered. */
        renew: z.literal(true).optional(),
      })
      .strict()
      .refine((v) => v.receipt !== undefined || (v.hubUrl !== undefined && v.code !== undefined), {
        error: '请选择街道发回的登记回执文件，或填写街道平台地址和登记码',
      }),
    output: exchangeStatusSchema,
  }),
  'exchange.setHubUrl': defineWrite({
    summary: '设置街道平台地址',
    input: z.object({ orgId: id('议事主体'), hubUrl: hubUrlSchema.nullable() }).strict(),
    output: exchangeStatusSchema,
  }),
  'exchange.export': defineWrite({
    summary: '生成报送包',
    producesFile: true,
    input: orgInput,
    output: fileOutput.extend({ sequence: z.number(), counts: exchangeRecordCounts }),
  }),
  'exchange.resave': defineRead({
    summary: '重新保存报送包',
    producesFile: true,
    input: z
      .object({
        orgId: id('议事主体'),
        sequence: z.number().int().min(1, { error: '报送包编号不正确' }),
        /** The key epoch (轮); the current one when left out. */
        epoch: z.number().int().min(1, { error: '报送包轮次不正确' }).optional(),
      })
      .strict(),
    output: fileOutput,
  }),
  'exchange.push': defineWrite({
    summary: '网络报送',
    input: orgInput,
    output: z.object({ sent: z.array(z.number()), acknowledgedSequence: z.number(), message: z.string() }),
  }),
  'exchange.importReply': defineWrite({
    summary: '导入回执包',
    input: z.object({ orgId: id('议事主体'), text: packageText('回执包') }).strict(),
    output: replyResultSchema,
  }),
  'exchange.pull': defineWrite({
    summary: '接收街道回执',
    input: orgInput,
    output: z.object({ results: z.array(replyResultSchema), message: z.string() }),
  }),
  'exchange.history': defineRead({
    summary: '查看报送记录',
    input: orgInput,
    output: z.object({ epoch: z.number(), sent: z.array(sentSchema), received: z.array(receivedSchema) }),
  }),
  'exchange.filingReviews': defineRead({
    summary: '查看备案审查意见',
    input: z.object({ docId: id('规约') }).strict(),
    output: z.object({ items: z.array(filingReviewSchema) }),
  }),
  'exchange.summonsReplies': defineRead({
    summary: '查看部门报到和答复',
    input: z
      .object({ topicId: id('议题').optional(), summonsId: id('吹哨记录').optional() })
      .strict()
      .refine((v) => v.topicId !== undefined || v.summonsId !== undefined, { error: '请指明议题或吹哨记录' }),
    output: z.object({ items: z.array(summonsReplySchema) }),
  }),
};
