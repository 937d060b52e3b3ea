// Output shapes of the rule-document calls. They mirror core/ruletext/types.ts, which the
// comparison and the Word builders use; `satisfies` below keeps the two from drifting apart.
import { z } from 'zod';
import { amendmentActions, amendmentStatuses, opinionDispositions, ruleStages } from '../ruletext/procedure';
import { ruleKinds, type RuleComparison, type RuleSnapshot, type SplitRuleText } from '../ruletext/types';

export const ruleKindSchema = z.enum(ruleKinds, { error: '规约类别只能是村规民约、居民公约、小区公约或自治章程' });
export const ruleStageSchema = z.enum(ruleStages);
export const opinionDispositionSchema = z.enum(opinionDispositions, { error: '处理结果只能是待处理、采纳、部分采纳或未采纳' });
export const amendmentActionSchema = z.enum(amendmentActions, { error: '修改方式只能是修改、新增或删除' });
export const amendmentStatusSchema = z.enum(amendmentStatuses);

export const ruleSnapshotSchema = z.object({
  chapters: z.array(z.object({ id: z.number(), title: z.string(), number: z.number(), label: z.string() })),
  articles: z.array(z.object({ id: z.number(), chapterId: z.number().nullable(), text: z.string(), number: z.number(), label: z.string() })),
});
export type RuleSnapshotOut = z.infer<typeof ruleSnapshotSchema>;

const textPart = z.object({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() });
const articleSide = z
  .object({ articleId: z.number(), label: z.string(), chapterLabel: z.string().nullable(), chapterTitle: z.string().nullable(), text: z.string() })
  .nullable();
const chapterSide = z.object({ chapterId: z.number(), label: z.string(), title: z.string() }).nullable();
const change = z.enum(['same', 'changed', 'inserted', 'deleted']);

export const ruleComparisonSchema = z.object({
  articles: z.array(z.object({ change, moved: z.boolean(), renumbered: z.boolean(), before: articleSide, after: articleSide, parts: z.array(textPart) })),
  chapters: z.array(z.object({ change, before: chapterSide, after: chapterSide, parts: z.array(textPart) })),
  counts: z.object({ same: z.number(), changed: z.number(), inserted: z.number(), deleted: z.number(), moved: z.number(), renumbered: z.number() }),
});

export const splitRuleTextSchema = z.object({
  title: z.string().nullable(),
  chapters: z.array(z.object({ title: z.string() })),
  articles: z.array(z.object({ chapterIndex: z.number().nullable(), text: z.string() })),
  warnings: z.array(z.string()),
});

export const ruleFlagSchema = z.object({
  articleId: z.number(),
  articleLabel: z.string(),
  term: z.string(),
  reason: z.string(),
  match: z.string(),
  cleared: z.object({ justification: z.string(), by: z.string(), at: z.string() }).nullable(),
});

export const ruleStepSchema = z.object({
  id: z.number(),
  cycle: z.number(),
  stage: ruleStageSchema,
  date: z.string(),
  note: z.string().nullable(),
  authority: z.string().nullable(),
  opinion: z.string().nullable(),
  outcomeDate: z.string().nullable(),
  meetingId: z.number().nullable(),
  meetingTitle: z.string().nullable(),
  voteId: z.number().nullable(),
  versionId: z.number().nullable(),
  versionName: z.string().nullable(),
  receiptNo: z.string().nullable(),
  by: z.string(),
});

export const ruleDocSummarySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  kind: ruleKindSchema,
  title: z.string(),
  stage: ruleStageSchema,
  publicityFirst: z.boolean(),
  articleCount: z.number(),
  chapterCount: z.number(),
  opinionCount: z.number(),
  pendingOpinions: z.number(),
  pendingAmendments: z.number(),
  openFlags: z.number(),
  adoptedOn: z.string().nullable(),
  filingDue: z.string().nullable(),
  /** Days to the filing deadline by the user's local date (negative when overdue); null once filed. */
  filingDaysLeft: z.number().nullable(),
  filedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type RuleDocSummary = z.infer<typeof ruleDocSummarySchema>;

export const ruleAdoptionSchema = z.object({
  meetingId: z.number(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  meetingKind: z.string(),
  lawVersion: z.string(),
  voteId: z.number(),
  yes: z.number().nullable(),
  no: z.number().nullable(),
  abstain: z.number().nullable(),
  expected: z.number(),
  present: z.number(),
  womenPresent: z.number(),
  /** "12 人，占到会人数的 40%" — worded once here so the page and the filing report agree. */
  womenShare: z.string(),
  explanation: z.string(),
  delegationBasis: z.string().nullable(),
});

export const ruleDocDetailSchema = ruleDocSummarySchema.extend({
  stages: z.array(ruleStageSchema),
  nextStage: ruleStageSchema.nullable(),
  editable: z.boolean(),
  cycle: z.number(),
  filingDays: z.number(),
  steps: z.array(ruleStepSchema),
  text: ruleSnapshotSchema,
  flags: z.array(ruleFlagSchema),
  adoption: ruleAdoptionSchema.nullable(),
  filing: z
    .object({
      due: z.string(),
      /** Days left counted from today; negative when overdue. */
      daysLeft: z.number(),
      authority: z.string().nullable(),
      filedOn: z.string().nullable(),
      receiptNo: z.string().nullable(),
    })
    .nullable(),
  publishedPlace: z.string().nullable(),
});
export type RuleDocDetail = z.infer<typeof ruleDocDetailSchema>;

/** What a structural edit did besides itself: references rewritten, and those it could not. */
export const ruleEditResultSchema = z.object({
  doc: ruleDocDetailSchema,
  rewritten: z.array(z.object({ articleId: z.number(), label: z.string(), before: z.string(), after: z.string() })),
  unresolved: z.array(z.object({ articleId: z.number(), articleLabel: z.string(), reference: z.string(), reason: z.string() })),
});
export type RuleEditResult = z.infer<typeof ruleEditResultSchema>;

export const ruleVersionSchema = z.object({
  id: z.number(),
  docId: z.number(),
  seq: z.number(),
  name: z.string(),
  note: z.string().nullable(),
  by: z.string(),
  createdAt: z.string(),
  articleCount: z.number(),
});

export const ruleOpinionSchema = z.object({
  id: z.number(),
  docId: z.number(),
  articleId: z.number().nullable(),
  /** The article's label now, or as it was when the opinion came in if it has since gone. */
  articleLabel: z.string().nullable(),
  articleDeleted: z.boolean(),
  personId: z.number().nullable(),
  name: z.string(),
  channel: z.string(),
  receivedOn: z.string(),
  content: z.string(),
  disposition: opinionDispositionSchema,
  reason: z.string().nullable(),
});
export type RuleOpinion = z.infer<typeof ruleOpinionSchema>;

export const ruleAmendmentSchema = z.object({
  id: z.number(),
  docId: z.number(),
  action: amendmentActionSchema,
  articleId: z.number().nullable(),
  chapterId: z.number().nullable(),
  articleLabel: z.string().nullable(),
  /** "修改第五条" / "在第三条后新增一条" / "删除第七条" */
  description: z.string(),
  currentText: z.string().nullable(),
  text: z.string(),
  proposer: z.string(),
  reason: z.string().nullable(),
  status: amendmentStatusSchema,
  proposalId: z.number().nullable(),
  meetingId: z.number().nullable(),
  meetingTitle: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type RuleAmendment = z.infer<typeof ruleAmendmentSchema>;

export const adoptionCandidateSchema = z.object({
  voteId: z.number(),
  meetingId: z.number(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  meetingKind: z.string(),
  subject: z.string(),
  outcome: z.enum(['通过', '未通过']).nullable(),
  /** null when this vote may adopt the document; otherwise why not, in the law's words. */
  problem: z.string().nullable(),
  needsDelegation: z.boolean(),
});

export const penaltyTermSchema = z.object({ term: z.string(), reason: z.string() });

// Compile-time: the contract's shapes and core's types describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: [
  Same<z.infer<typeof ruleSnapshotSchema>, RuleSnapshot>,
  Same<z.infer<typeof ruleComparisonSchema>, RuleComparison>,
  Same<z.infer<typeof splitRuleTextSchema>, SplitRuleText>,
] = [true, true, true];
void checks;
