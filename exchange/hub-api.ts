import { z } from 'zod';
import { filingReviewRecord, ruleRecord } from './records';

/**
 * The street hub's JSON API as its web page (hub-web/) reads it: the routes and the zod schemas
 * of their answers, defined once for the server (server/) and the page. Pure zod, no node:* —
 * the browser bundle imports it. Every failed call answers `{ message }` in Chinese (what to do
 * next) with a 4xx/5xx status; the page shows it as given.
 *
 * Every dashboard route takes the same query (`communityId`, `from`, `to`: YYYY-MM-DD, all
 * optional) and has an Excel twin at the same path + ".xlsx" with the same query.
 */

export const hubRoles = ['街道管理员', '部门', '只读'] as const;
export type HubRoleName = (typeof hubRoles)[number];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nullableText = z.string().nullable();

export const hubRoutes = {
  login: '/api/login',
  logout: '/api/logout',
  me: '/api/me',
  users: '/api/users',
  communities: '/api/communities',
  /** POST: a new one-time code for a community that has not enrolled yet (or lost its key). */
  communityCode: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/code`,
  /** GET: stored and refused packages, newest first (`communityId` optional). */
  ingestLog: '/api/ingest-log',
  /** POST (text body): an enrollment request package; answers the signed 登记回执 text. */
  enroll: '/api/enroll',
  /** POST (text body): a community's 报送包; answers IngestResult. */
  packages: '/api/packages',
  /** POST (text body, admin): a 报送包 brought on a USB stick. */
  upload: '/api/packages/upload',
  overview: '/api/dashboard/overview',
  meetings: '/api/dashboard/meetings',
  resolutions: '/api/dashboard/resolutions',
  summonsRates: '/api/dashboard/summons-rates',
  summons: '/api/dashboard/summons',
  matters: '/api/dashboard/matters',
  rules: '/api/dashboard/rules',
  rule: (communityId: string, uid: string) => `/api/rules/${encodeURIComponent(communityId)}/${encodeURIComponent(uid)}`,
  /** POST FilingReviewInput (街道管理员). */
  ruleReview: (communityId: string, uid: string) => `/api/rules/${encodeURIComponent(communityId)}/${encodeURIComponent(uid)}/review`,
  /** GET: a document's file as it was printed. */
  document: (communityId: string, uid: string) => `/api/documents/${encodeURIComponent(communityId)}/${encodeURIComponent(uid)}`,
  /** POST SummonsReplyInput (部门 for its own department, or 街道管理员). */
  summonsReply: (communityId: string, uid: string) => `/api/summons/${encodeURIComponent(communityId)}/${encodeURIComponent(uid)}/reply`,
  /** GET: the next signed 回执包 for a community, as a file. */
  replyPackage: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/reply-package`,
} as const;

/** A view's Excel twin. */
export const xlsxRoute = (route: string) => `${route}.xlsx`;

export const errorBody = z.object({ message: z.string() });

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(hubRoles),
  department: nullableText,
});
export type SessionUserBody = z.infer<typeof sessionUser>;

export const loginInput = z.object({ username: z.string(), password: z.string() });
export const meBody = z.object({ user: sessionUser, hubName: z.string() });
export type MeBody = z.infer<typeof meBody>;

export const userRow = sessionUser.extend({ disabled: z.boolean(), createdAt: z.string() });
export const usersBody = z.object({ users: z.array(userRow) });
export type UserRow = z.infer<typeof userRow>;
export const createUserInput = z.object({
  username: z.string(),
  password: z.string(),
  role: z.enum(hubRoles),
  department: nullableText.optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const communityRow = z.object({
  communityId: z.string(),
  name: z.string(),
  orgKind: nullableText,
  fingerprint: nullableText,
  enrolledAt: nullableText,
  /** While a one-time code is outstanding: when it stops working. */
  enrollCodeExpiresAt: nullableText,
  lastSequence: z.number().int(),
  lastReceivedAt: nullableText,
  createdAt: z.string(),
});
export type CommunityRow = z.infer<typeof communityRow>;
export const communitiesBody = z.object({ communities: z.array(communityRow) });
export const createCommunityInput = z.object({ name: z.string() });
/** A created community (or a new code): the code is shown once and never stored in clear. */
export const enrollCodeBody = z.object({ community: communityRow, code: z.string(), expiresAt: z.string() });
export type EnrollCodeBody = z.infer<typeof enrollCodeBody>;

export const ingestLogRow = z.object({
  id: z.number().int(),
  at: z.string(),
  communityId: nullableText,
  communityName: nullableText,
  sequence: z.number().int().nullable(),
  size: z.number().int(),
  source: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export type IngestLogRow = z.infer<typeof ingestLogRow>;
export const ingestLogBody = z.object({ rows: z.array(ingestLogRow) });

export const ingestResult = z.object({
  status: z.enum(['stored', 'already']),
  communityId: z.string(),
  sequence: z.number().int(),
  message: z.string(),
});

export const dashboardQuery = z.object({
  communityId: z.string().optional(),
  from: date.optional(),
  to: date.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const inCommunity = { communityId: z.string(), communityName: z.string() };

export const overviewCard = z.object({
  ...inCommunity,
  enrolled: z.boolean(),
  lastReceivedAt: nullableText,
  lastSequence: z.number().int(),
  meetingsThisMonth: z.number().int(),
  overdueResolutions: z.number().int(),
  rulesAwaitingReview: z.number().int(),
});
export type OverviewCard = z.infer<typeof overviewCard>;
export const overviewBody = z.object({ month: z.string(), today: date, communities: z.array(overviewCard) });

export const meetingRow = z.object({
  ...inCommunity,
  uid: z.string(),
  title: z.string(),
  typeName: z.string(),
  date,
  status: nullableText,
  expected: z.number().int().nullable(),
  present: z.number().int().nullable(),
  /** "通过 3 项，未通过 1 项" or ''. */
  outcomes: z.string(),
});
export type MeetingRow = z.infer<typeof meetingRow>;
export const meetingsBody = z.object({ rows: z.array(meetingRow) });

export const resolutionRow = z.object({
  ...inCommunity,
  uid: z.string(),
  meetingTitle: nullableText,
  number: nullableText,
  title: z.string(),
  responsible: nullableText,
  deadline: date.nullable(),
  completedOn: date.nullable(),
  progressPercent: z.number().int().nullable(),
  /** Past its deadline and not completed (today in China time). */
  overdue: z.boolean(),
  overdueDays: z.number().int().nullable(),
});
export type ResolutionRow = z.infer<typeof resolutionRow>;
export const resolutionsBody = z.object({ rows: z.array(resolutionRow) });

export const rateBody = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  perMille: z.number().int().nullable(),
  /** "2/3（66.7%）" (core/followup/rates.ts). */
  text: z.string(),
});
export type RateBody = z.infer<typeof rateBody>;
export const summonsRateRow = z.object({
  department: z.string(),
  /** YYYY-MM of the summons' local date. */
  month: z.string(),
  summoned: z.number().int(),
  response: rateBody,
  resolution: rateBody,
  satisfaction: rateBody,
});
export type SummonsRateRow = z.infer<typeof summonsRateRow>;
export const summonsRatesBody = z.object({
  rows: z.array(summonsRateRow),
  /** The same three definitions as core/followup/rates.ts rateDefinitions. */
  definitions: z.object({ response: z.string(), resolution: z.string(), satisfaction: z.string() }),
});

export const summonsRow = z.object({
  ...inCommunity,
  uid: z.string(),
  department: z.string(),
  summonedAt: z.string(),
  reportWithinHours: z.number().int(),
  reportedAt: nullableText,
  resolved: z.boolean().nullable(),
  evaluation: nullableText,
  /** The street's latest recorded 报到 / answer, if any. */
  answer: nullableText,
  answeredAt: nullableText,
});
export type SummonsRow = z.infer<typeof summonsRow>;
export const summonsBody = z.object({ rows: z.array(summonsRow) });
export const summonsReplyInput = z.object({ reportedAt: z.string().nullable(), answer: z.string().nullable() });
export type SummonsReplyInput = z.infer<typeof summonsReplyInput>;

export const matterStepNames = ['党组织提议', '两委会议商议', '党员大会审议', '村民(代表)会议决议', '决议公开', '实施结果公开'] as const;
export const matterRow = z.object({
  ...inCommunity,
  uid: z.string(),
  title: z.string(),
  category: nullableText,
  createdOn: date,
  steps: z.array(z.object({ step: z.number().int(), name: z.string(), date, form: z.string() })),
  /** Step numbers (1–6) before the last one done that have no record. */
  missingSteps: z.array(z.number().int()),
  /** A step dated before the one it follows. */
  outOfOrder: z.boolean(),
});
export type MatterRow = z.infer<typeof matterRow>;
export const mattersBody = z.object({ rows: z.array(matterRow) });

export const ruleReviewSummary = z.object({
  decision: z.enum(['同意备案', '退回']),
  reasons: nullableText,
  reviewedOn: date,
  reviewer: z.string(),
});
export const ruleRow = z.object({
  ...inCommunity,
  uid: z.string(),
  kind: z.string(),
  title: z.string(),
  stage: z.string(),
  adoptedOn: date.nullable(),
  filingDue: date.nullable(),
  filingAuthority: nullableText,
  filedOn: date.nullable(),
  /** The latest 备案审查意见 recorded here; null: awaiting review. */
  review: ruleReviewSummary.nullable(),
});
export type RuleRow = z.infer<typeof ruleRow>;
export const rulesBody = z.object({ rows: z.array(ruleRow) });

export const documentRow = z.object({ uid: z.string(), kind: z.string(), fileName: z.string(), size: z.number().int() });
export type DocumentRow = z.infer<typeof documentRow>;
export const ruleDetailBody = z.object({
  ...inCommunity,
  rule: ruleRecord,
  documents: z.array(documentRow),
  /** Every 备案审查意见 recorded here, oldest first. */
  reviews: z.array(filingReviewRecord),
});
export type RuleDetailBody = z.infer<typeof ruleDetailBody>;

export const filingReviewInput = z.object({
  decision: z.enum(['同意备案', '退回']),
  /** Required (non-blank) when returning. */
  reasons: z.string().nullable(),
  receiptNo: z.string().nullable().optional(),
});
export type FilingReviewInput = z.infer<typeof filingReviewInput>;
