import { z } from 'zod';
import { choices, voteMethods } from '../rules/tally';
import { id, isoDate, line, paragraph, requiredLine, requiredName } from './common';
import { defineRead, defineWrite } from './define';

export const proposalStatuses = ['提出', '讨论中', '表决', '通过', '未通过', '撤回', '搁置'] as const;

export const proposalSchema = z.object({
  id: z.number(),
  meetingId: z.number(),
  agendaItemId: z.number(),
  title: z.string(),
  text: z.string(),
  proposerKind: z.enum(['person', 'body', 'unit']),
  proposerName: z.string(),
  proposerPersonId: z.number().nullable(),
  seconders: z.array(z.string()),
  status: z.enum(proposalStatuses),
  amendsId: z.number().nullable(),
  carriedFromId: z.number().nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(100000);

export const tallySchema = z.object({ yes: count('赞成票'), no: count('反对票'), abstain: count('弃权票') }).strict();
export const ballotsSchema = z.object({ issued: count('发出选票'), returned: count('收回选票'), valid: count('有效票'), invalid: count('无效票') }).strict();

/** Counts as saved at one moment (唱票复核 history): a tally for a proposal, one number per option for options. */
export const savedCountsSchema = z.object({
  tally: tallySchema.nullable(),
  optionVotes: z.array(z.number()).nullable(),
  /** Options vote only: 弃权 (chose none of the options). */
  optionAbstain: z.number().nullable().optional(),
  ballots: ballotsSchema.nullable(),
});
export type SavedCounts = z.infer<typeof savedCountsSchema>;

export const voteSchema = z.object({
  id: z.number(),
  meetingId: z.number(),
  agendaItemId: z.number(),
  kind: z.enum(['proposal', 'options']),
  proposalId: z.number().nullable(),
  options: z.array(z.object({ proposalId: z.number(), label: z.string(), title: z.string() })),
  method: z.enum(voteMethods),
  status: z.enum(['进行中', '已确认', '已作废']),
  expected: z.number(),
  eligible: z.number(),
  voters: z.array(z.object({ personId: z.number(), name: z.string(), viaProxyOf: z.string().nullable() })),
  /** Households present whose line names no representative: each votes once (counted in eligible), never dropped. */
  households: z.array(z.object({ householdId: z.number(), name: z.string() })),
  proxies: z.array(z.object({ grantorName: z.string(), holderName: z.string(), document: z.string() })),
  tally: tallySchema.nullable(),
  optionVotes: z.array(z.number()).nullable(),
  /** Options vote: 弃权 (chose none of the options); null for a proposal or before counting. */
  optionAbstain: z.number().nullable(),
  ballots: ballotsSchema.nullable(),
  rollCall: z.array(z.object({ personId: z.number(), choice: z.string() })),
  tellers: z.string().nullable(),
  counters: z.string().nullable(),
  /** What the counts say right now: problems to fix, or the outcome they would give. */
  check: z.object({ problems: z.array(z.string()), remaining: z.number(), preview: z.string().nullable(), passes: z.boolean().nullable() }),
  outcome: z.enum(['通过', '未通过']).nullable(),
  winnerProposalId: z.number().nullable(),
  explanation: z.string().nullable(),
  corrections: z.number(),
  resolution: z.object({ id: z.number(), number: z.string() }).nullable(),
});
export type Vote = z.infer<typeof voteSchema>;

export const resolutionSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  meetingId: z.number(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  explanation: z.string(),
  responsible: z.string().nullable(),
  deadline: z.string().nullable(),
  /** 决议督办: set by followUp.complete. */
  completedOn: z.string().nullable(),
  result: z.string().nullable(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const proposalCalls = {
  'proposals.list': defineRead({
    summary: '查看议案',
    input: z.object({ meetingId: id('会议') }).strict(),
    output: z.object({ items: z.array(proposalSchema) }),
  }),
  'proposals.create': defineWrite({
    summary: '提出议案',
    input: z
      .object({
        agendaItemId: id('议题'),
        title: requiredLine('议案名称', 200),
        text: paragraph('议案内容', 20000),
        proposerKind: z.enum(['person', 'body', 'unit'], { error: '请选择提议人类别（个人、组织或单位）' }),
        proposerName: requiredName('提议人', 60),
        proposerPersonId: id('提议人').optional(),
        seconders: z.array(requiredName('附议人', 30)).max(50).optional(),
        amendsId: id('被修正的议案').optional(),
        carriedFromId: id('原议案').optional(),
      })
      .strict(),
    output: proposalSchema,
  }),
  'proposals.update': defineWrite({
    summary: '修改议案',
    input: z
      .object({
        id: id('议案'),
        title: requiredLine('议案名称', 200).optional(),
        text: paragraph('议案内容', 20000).optional(),
        seconders: z.array(requiredName('附议人', 30)).max(50).optional(),
      })
      .strict(),
    output: proposalSchema,
  }),
  'proposals.setStatus': defineWrite({
    summary: '修改议案状态',
    input: z.object({ id: id('议案'), status: z.enum(['讨论中', '撤回', '搁置'], { error: '只能改为讨论中、撤回或搁置' }) }).strict(),
    output: proposalSchema,
  }),
};

export const voteCalls = {
  'votes.list': defineRead({
    summary: '查看表决',
    input: z.object({ meetingId: id('会议') }).strict(),
    output: z.object({ items: z.array(voteSchema) }),
  }),
  'votes.open': defineWrite({
    summary: '开始表决',
    input: z
      .object({
        agendaItemId: id('议题'),
        proposalIds: z.array(id('议案')).min(1, { error: '请选择要表决的议案' }).max(10, { error: '一次最多对 10 个方案表决' }),
        method: z.enum(voteMethods, { error: '请选择表决方式：举手、记名或无记名' }),
        tellers: line('监票人', 100).optional(),
        counters: line('计票人', 100).optional(),
        proxies: z
          .array(z.object({ grantorPersonId: id('委托人'), holderPersonId: id('受托人'), document: requiredLine('委托书', 200) }).strict())
          .max(200)
          .optional(),
      })
      .strict(),
    output: voteSchema,
  }),
  'votes.record': defineWrite({
    summary: '录入计票结果',
    input: z
      .object({
        id: id('表决'),
        tally: tallySchema.optional(),
        optionVotes: z.array(count('方案得票')).max(10).optional(),
        /** Options vote: 弃权 (chose none of the options). */
        optionAbstain: count('弃权票').optional(),
        /** Paper ballots only (无记名, or 记名 by ballot); a show of hands (举手) has none. */
        ballots: ballotsSchema.optional(),
        rollCall: z
          .array(z.object({ personId: id('投票人'), choice: requiredLine('选择', 60) }).strict())
          .max(5000)
          .optional(),
        tellers: line('监票人', 100).optional(),
        counters: line('计票人', 100).optional(),
        reason: line('更正原因', 200).optional(),
      })
      .strict(),
    output: voteSchema,
  }),
  'votes.confirm': defineWrite({
    summary: '确认表决结果',
    input: z.object({ id: id('表决') }).strict(),
    output: voteSchema,
  }),
  'votes.cancel': defineWrite({
    summary: '作废表决',
    input: z.object({ id: id('表决'), reason: requiredLine('作废原因', 200) }).strict(),
    output: voteSchema,
  }),
  'votes.history': defineRead({
    summary: '查看唱票复核记录',
    input: z.object({ id: id('表决') }).strict(),
    output: z.object({
      items: z.array(
        z.object({ at: z.string(), actor: z.string(), before: savedCountsSchema.nullable(), after: savedCountsSchema, reason: z.string().nullable() }),
      ),
    }),
  }),
};

export const resolutionCalls = {
  'resolutions.list': defineRead({
    summary: '查看决议',
    input: z.object({ orgId: id('议事主体'), year: z.number().int().min(1990).max(2200).optional(), meetingId: id('会议').optional() }).strict(),
    output: z.object({ items: z.array(resolutionSchema) }),
  }),
  'resolutions.update': defineWrite({
    summary: '修改决议的落实信息',
    input: z.object({ id: id('决议'), responsible: line('责任人或单位', 60).optional(), deadline: isoDate('完成期限').nullable().optional() }).strict(),
    output: resolutionSchema,
  }),
  'resolutions.getFormat': defineRead({
    summary: '查看决议编号格式',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: z.object({ format: z.string(), example: z.string() }),
  }),
  'resolutions.setFormat': defineWrite({
    summary: '设置决议编号格式',
    input: z
      .object({
        orgId: id('议事主体'),
        format: requiredLine('决议编号格式', 40).refine((f) => f.includes('{序号}'), { error: '编号格式必须包含“{序号}”，例如“〔{年}〕{序号}号”' }),
      })
      .strict(),
    output: z.object({ format: z.string(), example: z.string() }),
  }),
};

export const voteChoiceLabels = choices;
