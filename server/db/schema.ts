/**
 * The street hub's tables (PostgreSQL through drizzle-orm; embedded PGlite or a real server).
 * Community records are keyed by (community_id, uid): a re-sent record replaces the earlier copy.
 * The columns the dashboards filter and group by are typed; the rest of each record is kept whole
 * in `data` (jsonb) so nothing the community sent is lost.
 * Dates are ISO text (YYYY-MM-DD local dates, ISO UTC instants), as in the desktop app.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** Raw bytes (PostgreSQL bytea); node-postgres returns a Buffer, PGlite a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const hubRoles = ['街道管理员', '部门', '只读'] as const;
export type HubRole = (typeof hubRoles)[number];

/** One row: the hub's own name, id and Ed25519 key pair, made at first start. */
export const hubIdentity = pgTable('hub_identity', {
  id: integer('id').primaryKey().default(1),
  hubId: text('hub_id').notNull(),
  name: text('name').notNull(),
  /** Ed25519 public key: base64 of its 32 raw bytes (exchange/keys.ts). */
  publicKey: text('public_key').notNull(),
  /** Ed25519 private key, PKCS#8 PEM. */
  privateKeyPem: text('private_key_pem').notNull(),
  createdAt: text('created_at').notNull(),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    role: text('role', { enum: hubRoles }).notNull(),
    /** For the role 部门: the department whose summons it answers. */
    department: text('department'),
    /** scrypt, per-user salt: "scrypt$N$r$p$salt$hash" (base64). */
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_username').on(t.username),
    check('users_role_check', sql`${t.role} in ('街道管理员', '部门', '只读')`),
    check('users_department_check', sql`${t.role} <> '部门' or ${t.department} is not null`),
  ],
);

/** Login sessions: only the token's SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const communities = pgTable(
  'communities',
  {
    id: serial('id').primaryKey(),
    /** The id the community's packages carry (header.communityId). */
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    orgKind: text('org_kind'),
    /** Ed25519 public key (base64 of the 32 raw bytes), set at enrollment. */
    publicKey: text('public_key'),
    fingerprint: text('fingerprint'),
    /** SHA-256 of the one-time enrollment code; null once used. */
    enrollCodeHash: text('enroll_code_hash'),
    enrollCodeExpiresAt: text('enroll_code_expires_at'),
    enrolledAt: text('enrolled_at'),
    /**
     * Which key the community signs with now: 1 at the first enrollment, +1 at each 重新登记
     * (更换电脑). Report and reply sequences count per epoch (server/README.md).
     */
    keyEpoch: integer('key_epoch').notNull().default(1),
    /** Set by 重新登记: the outstanding code replaces the registered key when used. */
    reenrollRequestedAt: text('reenroll_requested_at'),
    /** The highest package sequence stored in this key epoch (0: none yet). */
    lastSequence: integer('last_sequence').notNull().default(0),
    lastReceivedAt: text('last_received_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('communities_community_id').on(t.communityId), uniqueIndex('communities_name').on(t.name)],
);

/** Every key a community has enrolled with, by epoch; a replaced key has retiredAt set. */
export const communityKeys = pgTable(
  'community_keys',
  {
    communityId: text('community_id').notNull(),
    epoch: integer('epoch').notNull(),
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    enrolledAt: text('enrolled_at').notNull(),
    retiredAt: text('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.epoch] })],
);

/** Every package stored, with the hash a re-sent copy must match (sequences count per key epoch). */
export const packages = pgTable(
  'packages',
  {
    communityId: text('community_id').notNull(),
    epoch: integer('epoch').notNull().default(1),
    sequence: integer('sequence').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    recordCount: integer('record_count').notNull(),
    createdAt: text('created_at'),
    receivedAt: text('received_at').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.epoch, t.sequence] })],
);

/** Every package received, stored or refused, with the reason in Chinese (and enrollments). */
export const ingestLog = pgTable(
  'ingest_log',
  {
    id: serial('id').primaryKey(),
    at: text('at').notNull(),
    communityId: text('community_id'),
    /** The key epoch the package was checked in (null when refused before that). */
    epoch: integer('epoch'),
    sequence: integer('sequence'),
    sha256: text('sha256'),
    size: integer('size').notNull(),
    source: text('source').notNull(),
    ok: boolean('ok').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('ingest_log_community').on(t.communityId, t.at)],
);

const record = {
  communityId: text('community_id').notNull(),
  uid: text('uid').notNull(),
  /** The whole record as sent. */
  data: jsonb('data').notNull(),
  sequence: integer('sequence').notNull(),
};

export const meetings = pgTable(
  'meetings',
  {
    ...record,
    title: text('title').notNull(),
    typeName: text('type_name').notNull(),
    date: text('date').notNull(),
    status: text('status'),
    expected: integer('expected'),
    present: integer('present'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.uid] }), index('meetings_date').on(t.date), index('meetings_community_date').on(t.communityId, t.date)],
);

export const resolutions = pgTable(
  'resolutions',
  {
    ...record,
    meetingUid: text('meeting_uid'),
    number: text('number'),
    title: text('title').notNull(),
    responsible: text('responsible'),
    deadline: text('deadline'),
    completedOn: text('completed_on'),
    progressPercent: integer('progress_percent'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.uid] }),
    index('resolutions_open_deadline')
      .on(t.deadline)
      .where(sql`${t.completedOn} is null`),
    index('resolutions_community_deadline').on(t.communityId, t.deadline),
  ],
);

export const topics = pgTable(
  'topics',
  {
    ...record,
    title: text('title').notNull(),
    status: text('status').notNull(),
    receivedOn: text('received_on').notNull(),
    satisfaction: text('satisfaction'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.uid] })],
);

export const summons = pgTable(
  'summons',
  {
    ...record,
    topicUid: text('topic_uid'),
    department: text('department').notNull(),
    summonedAt: text('summoned_at').notNull(),
    /** The local (China) date of summonedAt: the month it counts in. */
    summonedOn: text('summoned_on').notNull(),
    reportWithinHours: integer('report_within_hours').notNull(),
    reportedAt: text('reported_at'),
    /** core/followup/rates.ts reportedInTime, judged at ingest: what 响应率 counts. */
    reportedInTime: boolean('reported_in_time').notNull(),
    resolved: boolean('resolved'),
    evaluation: text('evaluation'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.uid] }),
    index('summons_summoned_on').on(t.summonedOn),
    index('summons_department_on').on(t.department, t.summonedOn),
    index('summons_community_on').on(t.communityId, t.summonedOn),
  ],
);

export const matters = pgTable(
  'matters',
  {
    ...record,
    title: text('title').notNull(),
    createdOn: text('created_on').notNull(),
    /** The steps done, in order: [{ step, name, date, form, ... }]. */
    steps: jsonb('steps').notNull(),
    stepsDone: integer('steps_done').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.uid] }), index('matters_created_on').on(t.createdOn)],
);

export const rules = pgTable(
  'rules',
  {
    ...record,
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    stage: text('stage').notNull(),
    adoptedOn: text('adopted_on'),
    filingDue: text('filing_due'),
    filingAuthority: text('filing_authority'),
    filedOn: text('filed_on'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.uid] }), index('rules_filed_on').on(t.filedOn)],
);

/** Finalized documents' files: metadata per community record, bytes once per SHA-256. */
export const documents = pgTable(
  'documents',
  {
    ...record,
    /** The meeting's, rule's or resolution's uid. */
    recordUid: text('record_uid').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.uid] }), index('documents_record').on(t.communityId, t.recordUid)],
);

export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
});

export const replyKinds = ['备案审查意见', '报到答复'] as const;
export type ReplyKind = (typeof replyKinds)[number];

/**
 * The return path: 备案审查意见 and departments' 报到 / answers, queued per community. Items not yet
 * in a reply package have package_sequence null; building the next 回执包 gives them its number.
 */
export const replyItems = pgTable(
  'reply_items',
  {
    /** The record's uid in the reply package ("review-12", "answer-40"). */
    uid: text('uid').primaryKey(),
    communityId: text('community_id').notNull(),
    kind: text('kind', { enum: replyKinds }).notNull(),
    /** The rule's or the summons' uid. */
    targetUid: text('target_uid').notNull(),
    /** The filingReviewRecord or summonsReplyRecord as it goes out (exchange/records.ts). */
    data: jsonb('data').notNull(),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
    packageSequence: integer('package_sequence'),
  },
  (t) => [
    index('reply_items_target').on(t.communityId, t.targetUid),
    index('reply_items_unsent')
      .on(t.communityId)
      .where(sql`${t.packageSequence} is null`),
    check('reply_items_kind_check', sql`${t.kind} in ('备案审查意见', '报到答复')`),
  ],
);

/** Each 回执包 as signed: a community that pulls again gets the very same text. */
export const replyPackages = pgTable(
  'reply_packages',
  {
    communityId: text('community_id').notNull(),
    /** The community's key epoch: a re-enrolled community's 回执包 are numbered from 1 again. */
    epoch: integer('epoch').notNull().default(1),
    sequence: integer('sequence').notNull(),
    acknowledgedSequence: integer('acknowledged_sequence').notNull(),
    text: text('text').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.epoch, t.sequence] })],
);

/** Signatures of the pull requests already served: the same signed request is not served twice. */
export const usedNonces = pgTable('used_nonces', {
  nonce: text('nonce').primaryKey(),
  at: bigint('at', { mode: 'number' }).notNull(),
});
