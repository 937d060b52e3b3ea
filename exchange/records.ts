import { z } from 'zod';

/**
 * What a community sends its street or township office, and what comes back. Every record is
 * keyed by a `uid` that stays the same across packages (the desktop uses "<table>-<id>"), so a
 * record sent again replaces the hub's copy instead of adding one. Personal data is minimized
 * (issue 18): no ID numbers, no phones, no raisers' or callers' names; people are named only
 * where the record is public anyway (a meeting's chair, a resolution's 责任人, a department).
 */

const uid = z.string().min(1).max(80);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An ISO instant in UTC (2026-11-30T08:15:00.000Z). */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/);
const count = z.number().int().min(0);
const text = (max: number) => z.string().max(max);

export const organizationRecord = z.object({
  name: text(100),
  kind: z.enum(['村', '社区']),
  committeeName: text(200).nullable(),
  superiorName: text(200).nullable(),
});

/** One vote's outcome as the minutes state it. */
export const outcomeRecord = z.object({
  title: text(500),
  /** 通过 / 未通过 / 选出 …, as the app's vote evaluation worded it. */
  result: text(50),
  eligible: count.nullable(),
  voters: count.nullable(),
  for: count.nullable(),
  against: count.nullable(),
  abstain: count.nullable(),
});

export const meetingRecord = z.object({
  uid,
  title: text(500),
  typeName: text(100),
  date,
  status: text(20),
  /** 应到 / 实到 as the quorum panel and the minutes give them; null before the meeting started. */
  expected: count.nullable(),
  present: count.nullable(),
  finalizedAt: instant.nullable(),
  chairName: text(100).nullable(),
  outcomes: z.array(outcomeRecord),
});

export const progressRecord = z.object({ date, percent: z.number().int().min(0).max(100), text: text(5000) });

export const resolutionRecord = z.object({
  uid,
  meetingUid: uid,
  number: text(100),
  title: text(500),
  text: text(20000),
  responsible: text(200).nullable(),
  deadline: date.nullable(),
  completedOn: date.nullable(),
  result: text(5000).nullable(),
  progress: z.array(progressRecord),
});

export const topicRecord = z.object({
  uid,
  receivedOn: date,
  channel: text(100),
  category: text(100).nullable(),
  title: text(500),
  status: text(20),
  replyDueOn: date.nullable(),
  closedOn: date.nullable(),
  satisfaction: z.enum(['满意', '基本满意', '不满意']).nullable(),
});

export const summonsRecord = z.object({
  uid,
  topicUid: uid.nullable(),
  meetingUid: uid.nullable(),
  department: text(200),
  summonedAt: instant,
  reportWithinHours: z.number().int().min(0),
  reportedAt: instant.nullable(),
  commitment: text(5000).nullable(),
  deadline: date.nullable(),
  result: text(5000).nullable(),
  resolved: z.boolean().nullable(),
  evaluation: z.enum(['满意', '基本满意', '不满意']).nullable(),
  closedAt: instant.nullable(),
});

export const matterStepRecord = z.object({
  /** 1–6: 党组织提议, 两委会议商议, 党员大会审议, 村民(代表)会议决议, 决议公开, 实施结果公开. */
  step: z.number().int().min(1).max(6),
  date,
  form: z.enum(['会议', '公示']),
  meetingUid: uid.nullable(),
  expected: count.nullable(),
  present: count.nullable(),
  content: text(20000),
});

export const matterRecord = z.object({
  uid,
  title: text(500),
  category: text(100).nullable(),
  createdOn: date,
  steps: z.array(matterStepRecord),
});

export const ruleStepRecord = z.object({ stage: text(50), date, note: text(5000).nullable(), opinion: text(5000).nullable() });

/** A 村规民约 / 居民公约 with what its 备案报告 states. */
export const ruleRecord = z.object({
  uid,
  kind: text(50),
  title: text(500),
  stage: text(50),
  adoptedOn: date.nullable(),
  presentCount: count.nullable(),
  womenPresent: count.nullable(),
  delegationBasis: text(2000).nullable(),
  filingDue: date.nullable(),
  filingAuthority: text(200).nullable(),
  filedOn: date.nullable(),
  filingReceiptNo: text(100).nullable(),
  publishedOn: date.nullable(),
  steps: z.array(ruleStepRecord),
  /** The rule's text as adopted, article by article, when there is one. */
  text: text(200000).nullable(),
});

/** A finalized document's file (minutes, 备案报告, rule text) as it was printed. */
export const documentRecord = z.object({
  uid,
  /** The record it belongs to: a meeting's, rule's or resolution's uid. */
  recordUid: uid,
  kind: text(50),
  fileName: text(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  base64: z.string(),
});

export const reportBody = z.object({
  organization: organizationRecord,
  /** The last sequence the hub had acknowledged when this was built: records changed since then are inside. */
  sinceAcknowledged: z.number().int().min(0),
  meetings: z.array(meetingRecord),
  resolutions: z.array(resolutionRecord),
  topics: z.array(topicRecord),
  summons: z.array(summonsRecord),
  matters: z.array(matterRecord),
  rules: z.array(ruleRecord),
  documents: z.array(documentRecord),
});

/** 备案审查意见: the street's answer to a rule's filing. */
export const filingReviewRecord = z.object({
  uid,
  ruleUid: uid,
  decision: z.enum(['同意备案', '退回']),
  /** Required when returned: what to change. */
  reasons: text(5000).nullable(),
  reviewedOn: date,
  reviewer: text(100),
  authority: text(200),
  receiptNo: text(100).nullable(),
});

/** A department's 报到 and answer to a 吹哨, as recorded at the street. */
export const summonsReplyRecord = z.object({
  uid,
  summonsUid: uid,
  department: text(200),
  reportedAt: instant.nullable(),
  answer: text(5000).nullable(),
  answeredAt: instant.nullable(),
  by: text(100),
});

export const replyBody = z.object({
  /** The community's highest report sequence the hub has stored. */
  acknowledgedSequence: z.number().int().min(0),
  filingReviews: z.array(filingReviewRecord),
  summonsReplies: z.array(summonsReplyRecord),
});

/** A community asking to join a hub with the one-time code the street office gave it. */
export const enrollmentBody = z.object({
  code: z.string().min(4).max(40),
  communityName: text(100),
  orgKind: z.enum(['村', '社区']),
});

/** The hub's answer to an enrollment: who it is and the key its replies are signed with. */
export const enrolledBody = z.object({
  hubName: text(200),
  hubPublicKey: z.string(),
  communityName: text(100),
  /** The community key the hub registered (the one that signed the 登记申请); absent from older hubs. */
  communityPublicKey: z.string().optional(),
  /** The community's key epoch at the hub after this enrollment (1 first, +1 per 重新登记). */
  keyEpoch: z.number().int().min(1).optional(),
});

export type OrganizationRecord = z.infer<typeof organizationRecord>;
export type MeetingRecord = z.infer<typeof meetingRecord>;
export type ResolutionRecord = z.infer<typeof resolutionRecord>;
export type TopicRecord = z.infer<typeof topicRecord>;
export type SummonsRecord = z.infer<typeof summonsRecord>;
export type MatterRecord = z.infer<typeof matterRecord>;
export type RuleRecord = z.infer<typeof ruleRecord>;
export type DocumentRecord = z.infer<typeof documentRecord>;
export type ReportBody = z.infer<typeof reportBody>;
export type FilingReviewRecord = z.infer<typeof filingReviewRecord>;
export type SummonsReplyRecord = z.infer<typeof summonsReplyRecord>;
export type ReplyBody = z.infer<typeof replyBody>;
export type EnrollmentBody = z.infer<typeof enrollmentBody>;
export type EnrolledBody = z.infer<typeof enrolledBody>;
