import { z } from 'zod';
import { filingReviewRecord, summonsReplyRecord } from './records';

/**
 * The street hub's JSON API (server/app.ts, server/http/*.ts) as its web page (hub-web/) reads
 * it: the routes and zod schemas of their answers, written once here. Pure zod, no node:* — the
 * browser bundle imports it. Every answer is `{ ok: true, … }`, or `{ ok: false, message }` with
 * a 4xx/5xx status and the message in Chinese (what to do next); the page shows it as given.
 *
 * Each dashboard (GET /api/dashboard/<name>) has an Excel twin at the same path + ".xlsx" taking
 * the same query.
 */

export const hubRoles = ['街道管理员', '部门', '只读'] as const;
export type HubRoleName = (typeof hubRoles)[number];

const date = z.string();
const nullableText = z.string().nullable();
const okTrue = { ok: z.literal(true) };

const enc = encodeURIComponent;

export const hubRoutes = {
  hub: '/api/hub',
  login: '/api/login',
  logout: '/api/logout',
  me: '/api/me',
  /** GET (admin): list; POST (admin): create. */
  users: '/api/users',
  /** POST (admin) `{ password }`: a new password (also unlocks; ends the user's sessions). */
  userPassword: (id: number) => `/api/users/${id}/password`,
  /** POST (admin) `{ disabled }`: stop or restore an account (its sessions end at once). */
  userDisable: (id: number) => `/api/users/${id}/disable`,
  /** GET: list; POST (admin): create one → its one-time code. */
  communities: '/api/communities',
  /** POST (admin): a new one-time code for a community not yet enrolled (or whose 重新登记 is outstanding). */
  communityCode: (communityId: string) => `/api/communities/${enc(communityId)}/code`,
  /** POST (admin): 重新登记（更换电脑）: a new one-time code; enrolling with it replaces the community's key. */
  communityReenroll: (communityId: string) => `/api/communities/${enc(communityId)}/reenroll`,
  /** GET (admin): the 回执包 after `after`, building the next one when something is new. */
  replies: (communityId: string) => `/api/communities/${enc(communityId)}/replies`,
  /** GET (admin): one 回执包 as a file. */
  replyFile: (communityId: string, sequence: number) => `/api/communities/${enc(communityId)}/replies/${sequence}`,
  /** GET: stored and refused packages, newest first. */
  ingestLog: '/api/ingest-log',
  /** POST (raw text body): an enrollment request package → Enrolled. */
  enroll: '/api/enroll',
  /** POST (raw text body, admin): an enrollment request brought as a file → Enrolled. */
  adminEnroll: '/api/admin/enroll',
  /** POST (raw text body): a community's 报送包 (pushed). */
  packages: '/api/packages',
  /** POST (raw text body, admin): a 报送包 brought as a file. */
  adminPackages: '/api/admin/packages',
  /** POST (admin) FilingReviewInput. */
  ruleReview: '/api/rules/review',
  /** GET: summons to report to / answer (a 部门 account: its own department's only); Excel twin `.xlsx`. */
  summons: '/api/summons',
  /** POST (街道管理员 or the summons' 部门) SummonsAnswerInput. */
  summonsAnswer: '/api/summons/answer',
  /** GET: a document's file as it was printed. */
  document: (communityId: string, uid: string) => `/api/documents/${enc(communityId)}/${enc(uid)}`,
  dashboard: {
    meetings: '/api/dashboard/meetings',
    /** Each meeting, a page at a time (limit, offset; filters communityId, from, to, status). */
    meetingList: '/api/dashboard/meetings/list',
    resolutions: '/api/dashboard/resolutions',
    summons: '/api/dashboard/summons',
    matters: '/api/dashboard/matters',
    rules: '/api/dashboard/rules',
  },
} as const;

/** A dashboard's Excel twin. */
export const xlsxRoute = (route: string) => `${route}.xlsx`;

export const errorBody = z.object({ ok: z.literal(false).optional(), message: z.string() });

/** GET /api/hub: who the hub is (anyone may ask). */
export const hubInfoBody = z.object({ ...okTrue, hubId: z.string(), name: z.string(), publicKey: z.string(), fingerprint: z.string() });

// ── session, users ─────────────────────────────────────────────────────────────────────────────

export const sessionUser = z.object({ id: z.number().int(), username: z.string(), role: z.enum(hubRoles), department: nullableText });
export type SessionUserBody = z.infer<typeof sessionUser>;
export const loginInput = z.object({ username: z.string(), password: z.string() });
export const loginBody = z.object({ ...okTrue, user: sessionUser, expiresAt: z.string() });
export const meBody = z.object({ ...okTrue, user: sessionUser, hubName: z.string(), today: date });
export type MeBody = z.infer<typeof meBody>;

export const userRow = sessionUser.extend({ disabled: z.boolean(), createdAt: z.string() });
export type UserRow = z.infer<typeof userRow>;
export const usersBody = z.object({ ...okTrue, items: z.array(userRow) });
export const createUserInput = z.object({ username: z.string(), password: z.string(), role: z.enum(hubRoles), department: nullableText.optional() });
export type CreateUserInput = z.infer<typeof createUserInput>;
export const createdUserBody = z.object({ ...okTrue, id: z.number().int() });

// ── communities, enrollment, packages ──────────────────────────────────────────────────────────

export const communityRow = z.object({
  communityId: z.string(),
  name: z.string(),
  orgKind: nullableText,
  enrolled: z.boolean(),
  fingerprint: nullableText,
  enrolledAt: nullableText,
  /** While a one-time code is outstanding: when it stops working. */
  codeExpiresAt: nullableText,
  /** The highest report sequence stored under the current key. */
  lastSequence: z.number().int(),
  lastReceivedAt: nullableText,
  /** 1 at the first enrollment, +1 at each 重新登记（更换电脑）. */
  keyEpoch: z.number().int(),
  /** Set while a 重新登记 code is outstanding. */
  reenrollRequestedAt: nullableText,
});
export type CommunityRow = z.infer<typeof communityRow>;
export const communitiesBody = z.object({ ...okTrue, items: z.array(communityRow) });
export const createCommunityInput = z.object({ name: z.string(), orgKind: z.enum(['村', '社区']).nullish() });
/** A created community: its one-time code is shown once and never stored in clear. */
export const createdCommunityBody = z.object({ ...okTrue, communityId: z.string(), code: z.string(), codeExpiresAt: z.string() });
export type CreatedCommunityBody = z.infer<typeof createdCommunityBody>;
export const enrollCodeBody = z.object({ ...okTrue, code: z.string(), codeExpiresAt: z.string() });

export const enrolledBody = z.object({
  ...okTrue,
  communityId: z.string(),
  communityName: z.string(),
  hubId: z.string(),
  hubName: z.string(),
  hubPublicKey: z.string(),
  fingerprint: z.string(),
  /** The signed 登记回执 the community's app imports. */
  package: z.string(),
});

export const ingestBody = z.object({
  ok: z.boolean(),
  status: z.enum(['stored', 'already']).optional(),
  message: z.string(),
  communityId: z.string().optional(),
  sequence: z.number().int().optional(),
  acknowledgedSequence: z.number().int().optional(),
  records: z.number().int().optional(),
});

export const ingestLogRow = z.object({
  id: z.number().int(),
  at: z.string(),
  communityId: nullableText,
  sequence: z.number().int().nullable(),
  size: z.number().int(),
  source: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export type IngestLogRow = z.infer<typeof ingestLogRow>;
export const ingestLogBody = z.object({ ...okTrue, items: z.array(ingestLogRow) });

export const replyPackageRow = z.object({ sequence: z.number().int(), acknowledgedSequence: z.number().int(), fileName: z.string() });
export type ReplyPackageRow = z.infer<typeof replyPackageRow>;
export const repliesBody = z.object({ ...okTrue, items: z.array(replyPackageRow) });

// ── dashboards ─────────────────────────────────────────────────────────────────────────────────

/** The query every dashboard takes (each uses the fields it knows; the hub fills defaults). */
export interface DashboardQuery {
  communityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  [key: string]: string | undefined;
}

const inCommunity = { communityId: z.string(), communityName: z.string() };

export const meetingMonthRow = z.object({
  ...inCommunity,
  month: z.string(),
  /** Meetings dated in the month that were held (进行中, 已结束 or 已定稿). */
  held: z.number().int(),
  finalized: z.number().int(),
  present: z.number().int(),
  expected: z.number().int(),
});
export type MeetingMonthRow = z.infer<typeof meetingMonthRow>;
export const meetingsBody = z.object({ ...okTrue, rows: z.array(meetingMonthRow), total: z.number().int() });

/** The desktop's meeting statuses (core/contract/meetings.ts). */
export const meetingStatuses = ['草稿', '已通知', '进行中', '已结束', '已定稿'] as const;
export const meetingListRow = z.object({
  ...inCommunity,
  uid: z.string(),
  date,
  title: z.string(),
  typeName: z.string(),
  status: nullableText,
  /** 应到 / 实到. */
  expected: z.number().int().nullable(),
  present: z.number().int().nullable(),
  passed: z.number().int(),
  failed: z.number().int(),
  /** "通过 2 项 / 未通过 1 项", or "无表决". */
  outcomes: z.string(),
  /** The finalized minutes (会议记录), when sent: hubRoutes.document(communityId, minutes.uid). */
  minutes: z.object({ uid: z.string(), fileName: z.string() }).nullable(),
});
export type MeetingListRow = z.infer<typeof meetingListRow>;
export const meetingListBody = z.object({
  ...okTrue,
  rows: z.array(meetingListRow),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const resolutionSummaryRow = z.object({
  ...inCommunity,
  total: z.number().int(),
  completed: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type ResolutionSummaryRow = z.infer<typeof resolutionSummaryRow>;
export const overdueResolution = z.object({
  ...inCommunity,
  uid: z.string(),
  number: nullableText,
  title: z.string(),
  responsible: nullableText,
  deadline: date,
  daysOverdue: z.number().int(),
  progressPercent: z.number().int().nullable(),
});
export type OverdueResolution = z.infer<typeof overdueResolution>;
export const resolutionsBody = z.object({
  ...okTrue,
  asOf: date,
  summary: z.array(resolutionSummaryRow),
  overdue: z.array(overdueResolution),
  overdueTotal: z.number().int(),
});

export const rateBody = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  perMille: z.number().int().nullable(),
  /** "2/3（66.7%）" (core/followup/rates.ts). */
  text: z.string(),
  definition: z.string(),
});
export const departmentFigures = z.object({
  department: z.string(),
  summoned: z.number().int(),
  response: rateBody,
  resolution: rateBody,
  satisfaction: rateBody,
});
export type DepartmentFiguresBody = z.infer<typeof departmentFigures>;
export const summonsRatesBody = z.object({
  ...okTrue,
  from: date,
  to: date,
  /** core/followup/rates.ts rateDefinitions. */
  definitions: z.object({ response: z.string(), resolution: z.string(), satisfaction: z.string() }),
  departments: z.array(departmentFigures),
  total: departmentFigures,
  months: z.array(z.object({ month: z.string(), departments: z.array(departmentFigures), total: departmentFigures })),
});

export const matterStepRow = z.object({
  step: z.number().int(),
  name: z.string(),
  date: date.nullable(),
  form: z.string(),
  done: z.boolean(),
  expected: z.number().int().nullable(),
  present: z.number().int().nullable(),
});
export const matterRow = z.object({
  ...inCommunity,
  uid: z.string(),
  title: z.string(),
  category: nullableText,
  createdOn: date,
  stepsDone: z.number().int(),
  /** All six steps, in order, done or not. */
  steps: z.array(matterStepRow),
  inOrder: z.boolean(),
  complete: z.boolean(),
});
export type MatterRowBody = z.infer<typeof matterRow>;
export const mattersBody = z.object({ ...okTrue, rows: z.array(matterRow), total: z.number().int(), complete: z.number().int(), outOfOrder: z.number().int() });

export const ruleFilingStatuses = ['未报备', '待审查', '已同意备案', '已退回'] as const;
export const ruleDocument = z.object({ uid: z.string(), kind: z.string(), fileName: z.string(), sha256: z.string(), size: z.number().int() });
export type RuleDocumentBody = z.infer<typeof ruleDocument>;
export const ruleRow = z.object({
  ...inCommunity,
  uid: z.string(),
  kind: z.string(),
  title: z.string(),
  stage: z.string(),
  adoptedOn: date.nullable(),
  filingDue: date.nullable(),
  filedOn: date.nullable(),
  status: z.enum(ruleFilingStatuses),
  filingReport: z.object({
    adoptedOn: date.nullable(),
    presentCount: z.number().int().nullable(),
    womenPresent: z.number().int().nullable(),
    delegationBasis: nullableText,
    filingAuthority: nullableText,
    filedOn: date.nullable(),
    filingReceiptNo: nullableText,
    publishedOn: date.nullable(),
  }),
  /** The rule's procedure steps as the community recorded them (optional: older hubs do not send them). */
  steps: z.array(z.object({ stage: z.string(), date, note: nullableText, opinion: nullableText })).optional(),
  latestReview: filingReviewRecord.nullable(),
  /** Every 审查意见 the street gave, newest first (optional: older hubs do not send them). */
  reviews: z.array(filingReviewRecord).optional(),
  documents: z.array(ruleDocument),
});
export type RuleRowBody = z.infer<typeof ruleRow>;
export const rulesBody = z.object({ ...okTrue, rows: z.array(ruleRow), counts: z.record(z.string(), z.number().int()) });

// ── the return path ────────────────────────────────────────────────────────────────────────────

export const filingReviewInput = z.object({
  communityId: z.string(),
  ruleUid: z.string(),
  decision: z.enum(['同意备案', '退回']),
  /** Required (non-blank) when returning. */
  reasons: z.string().nullish(),
  receiptNo: z.string().nullish(),
});
export type FilingReviewInput = z.infer<typeof filingReviewInput>;

export const summonsRow = z.object({
  ...inCommunity,
  uid: z.string(),
  department: z.string(),
  summonedAt: z.string(),
  reportWithinHours: z.number().int(),
  reportedAt: nullableText,
  resolved: z.boolean().nullable(),
  commitment: nullableText,
  result: nullableText,
  topicTitle: nullableText,
  latestReply: summonsReplyRecord.nullable(),
});
export type SummonsRowBody = z.infer<typeof summonsRow>;
export const summonsBody = z.object({ ...okTrue, items: z.array(summonsRow) });
export const summonsAnswerInput = z.object({
  communityId: z.string(),
  summonsUid: z.string(),
  /** ISO instant with offset. */
  reportedAt: z.string().nullish(),
  answer: z.string().nullish(),
});
export type SummonsAnswerInput = z.infer<typeof summonsAnswerInput>;

// ── the answers' types, for the hub to build them with (server/http/*) ─────────────────────────

export type HubInfoBody = z.infer<typeof hubInfoBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type EnrolledAnswer = z.infer<typeof enrolledBody>;
export type IngestBody = z.infer<typeof ingestBody>;
export type UsersBody = z.infer<typeof usersBody>;
export type CommunitiesBody = z.infer<typeof communitiesBody>;
export type EnrollCodeBody = z.infer<typeof enrollCodeBody>;
export type IngestLogBody = z.infer<typeof ingestLogBody>;
export type RepliesBody = z.infer<typeof repliesBody>;
export type MeetingsBody = z.infer<typeof meetingsBody>;
export type MeetingListBody = z.infer<typeof meetingListBody>;
export type ResolutionsBody = z.infer<typeof resolutionsBody>;
export type SummonsRatesBody = z.infer<typeof summonsRatesBody>;
export type MattersBody = z.infer<typeof mattersBody>;
export type RulesBody = z.infer<typeof rulesBody>;
export type SummonsBody = z.infer<typeof summonsBody>;
