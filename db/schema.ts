import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { amendmentActions, amendmentStatuses, opinionDispositions, ruleStages } from '../core/ruletext/procedure';
import { ruleKinds } from '../core/ruletext/types';

// Times are ISO-8601 UTC text (sortable, readable in any SQLite tool); calendar dates are
// YYYY-MM-DD text. Every table a later issue adds (meetings, attendance, votes, rules, topics)
// hangs off organizations and people by integer id, so these keys never change meaning.

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['社区', '村', '街道', '乡镇'] }).notNull(),
    parentId: integer('parent_id').references((): any => organizations.id, { onDelete: 'restrict' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('organizations_kind_check', sql`${t.kind} in ('社区', '村', '街道', '乡镇')`)],
);

/**
 * What the documents sign with (本单位信息): the committee's full name, the Party organization's,
 * the office it reports to. One row per organization, kept apart from `organizations` so the
 * name a user picks for the 议事主体 stays a short place name (青石村) used in titles.
 */
export const organizationProfiles = sqliteTable('organization_profiles', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'restrict' }),
  committeeName: text('committee_name').notNull(),
  partyOrgName: text('party_org_name').notNull(),
  address: text('address'),
  directorName: text('director_name'),
  partySecretaryName: text('party_secretary_name'),
  phone: text('phone'),
  defaultRecorder: text('default_recorder'),
  superiorName: text('superior_name'),
  updatedAt: text('updated_at').notNull(),
});

export const households = sqliteTable(
  'households',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    number: text('number').notNull(),
    address: text('address'),
    groupName: text('group_name'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('households_org_number').on(t.orgId, t.number)],
);

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** Space-separated pinyin search keys (full and initials), derived from name. */
    pinyinKeys: text('pinyin_keys').notNull(),
    gender: text('gender', { enum: ['男', '女'] }),
    birthDate: text('birth_date'),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'restrict' }),
    groupName: text('group_name'),
    /** 住址 as the villagers' committee writes it; may differ from the household's. */
    address: text('address'),
    /** 与户主关系 (户主, 配偶, 子, 女, …), as written. */
    relationToHead: text('relation_to_head'),
    phone: text('phone'),
    idNumber: text('id_number'),
    /** JSON array of tags (党员, 居民代表, …); queried with json_each. */
    tags: text('tags').notNull().default('[]'),
    status: text('status', { enum: ['在册', '迁出'] })
      .notNull()
      .default('在册'),
    movedAt: text('moved_at'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('people_org_status_name').on(t.orgId, t.status, t.name),
    // The roster is listed by pinyin (people.list's default order), with or without a status filter.
    index('people_org_status_pinyin').on(t.orgId, t.status, t.pinyinKeys),
    index('people_org_pinyin').on(t.orgId, t.pinyinKeys),
    index('people_household').on(t.householdId),
    // 应到 at the door: one household's entry and the count of households (or adults) on the roll,
    // read from the index alone; without these the planner walks the whole roll per check-in.
    index('people_org_status_household').on(t.orgId, t.status, t.householdId),
    index('people_org_status_birth').on(t.orgId, t.status, t.birthDate),
    uniqueIndex('people_org_id_number')
      .on(t.orgId, t.idNumber)
      .where(sql`${t.idNumber} is not null`),
    check('people_gender_check', sql`${t.gender} is null or ${t.gender} in ('男', '女')`),
    check('people_status_check', sql`${t.status} in ('在册', '迁出')`),
  ],
);

/**
 * The audit trail ("处处留痕"): append-only (triggers in a custom migration refuse UPDATE and
 * DELETE), each entry hashing the previous one so an edit made outside the app shows.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId)],
);

/**
 * Anchors of the audit trail: 'head' is the trail's count and last hash, moved by every write in
 * its own transaction; 'verified' is how far the start-up check has verified the chain, so the
 * next start checks only what came after. A trail cut short or re-hashed no longer matches them.
 */
export const auditAnchors = sqliteTable('audit_anchors', {
  kind: text('kind').primaryKey(),
  count: integer('count').notNull(),
  lastId: integer('last_id').notNull(),
  hash: text('hash').notNull(),
  at: text('at').notNull(),
  /** For kind 'findings': what the start-up check found (JSON), shown until someone acknowledges it. */
  detail: text('detail'),
});

/** Small application settings (current organization, preferences) as JSON values. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The people who use this installation (文书, 主任, 书记 …): who is at the keyboard, named in the
 * audit trail and on the documents. A PIN, where set, is stored only as a salted scrypt hash
 * (`scrypt$N$r$p$salt$hash`, hex). Users are retired, never deleted: the trail names them.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    pinHash: text('pin_hash'),
    retiredAt: text('retired_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_name').on(t.name)],
);

// ── Meetings (issue 3) ──────────────────────────────────────────────────────────────────────

/** A kind of meeting: the shipped ones (org_id null, with a code) and users' own copies. */
export const meetingTypes = sqliteTable(
  'meeting_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id').references(() => organizations.id, { onDelete: 'restrict' }),
    code: text('code'),
    name: text('name').notNull(),
    copiedFromId: integer('copied_from_id').references((): any => meetingTypes.id, { onDelete: 'restrict' }),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('meeting_types_code')
      .on(t.code)
      .where(sql`${t.code} is not null`),
  ],
);

/** One version of a type's rules with the dates it applies to; `definition` is RuleSetDefinition JSON. */
export const ruleSets = sqliteTable(
  'rule_sets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingTypeId: integer('meeting_type_id')
      .notNull()
      .references(() => meetingTypes.id, { onDelete: 'restrict' }),
    label: text('label').notNull(),
    effectiveFrom: text('effective_from'),
    effectiveTo: text('effective_to'),
    definition: text('definition').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('rule_sets_type').on(t.meetingTypeId)],
);

/** A named body whose members attend: 第三届村民代表会议, 两委班子, 党支部. */
export const bodies = sqliteTable('bodies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  orgId: integer('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'restrict' }),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  termStart: text('term_start'),
  termEnd: text('term_end'),
  note: text('note'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const bodyMembers = sqliteTable(
  'body_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'restrict' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    joinedOn: text('joined_on'),
    leftOn: text('left_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('body_members_body_person').on(t.bodyId, t.personId), index('body_members_person').on(t.personId)],
);

export const meetingStatuses = ['草稿', '已通知', '进行中', '已结束', '已定稿'] as const;

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    meetingTypeId: integer('meeting_type_id')
      .notNull()
      .references(() => meetingTypes.id, { onDelete: 'restrict' }),
    ruleSetId: integer('rule_set_id')
      .notNull()
      .references(() => ruleSets.id, { onDelete: 'restrict' }),
    /** The rules as they were when the meeting was set up: later edits to the type never change it. */
    ruleSetSnapshot: text('rule_set_snapshot').notNull(),
    title: text('title').notNull(),
    date: text('date').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    place: text('place'),
    chairName: text('chair_name'),
    recorderName: text('recorder_name'),
    basis: text('basis').notNull(),
    bodyId: integer('body_id').references(() => bodies.id, { onDelete: 'restrict' }),
    /** For 村民小组会议: the group whose villagers or households are the base. */
    groupName: text('group_name'),
    status: text('status', { enum: meetingStatuses }).notNull().default('草稿'),
    noticeDate: text('notice_date'),
    urgentReason: text('urgent_reason'),
    /** 应到, frozen when the meeting starts. */
    expectedCount: integer('expected_count'),
    /** 应到 set by hand where the roster is known to be incomplete (meetings.setExpected), with its written reason. */
    expectedManual: integer('expected_manual'),
    expectedReason: text('expected_reason'),
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    finalizedAt: text('finalized_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('meetings_org_date').on(t.orgId, t.date),
    index('meetings_type').on(t.meetingTypeId),
    check('meetings_status_check', sql`${t.status} in ('草稿', '已通知', '进行中', '已结束', '已定稿')`),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    presenter: text('presenter'),
    plannedMinutes: integer('planned_minutes'),
    /** JSON array of file paths the secretary named. */
    attachments: text('attachments').notNull().default('[]'),
    needsPartyReview: integer('needs_party_review', { mode: 'boolean' }).notNull().default(false),
    partyReviewItemId: integer('party_review_item_id').references((): any => agendaItems.id, { onDelete: 'restrict' }),
    /** The resident's topic this item was taken up from (议题征集 → 纳入议程). */
    topicId: integer('topic_id').references((): any => topics.id, { onDelete: 'restrict' }),
    /** An unfinished resolution carried onto this meeting as a 跟进事项. */
    resolutionId: integer('resolution_id').references((): any => resolutions.id, { onDelete: 'restrict' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('agenda_items_meeting').on(t.meetingId, t.position),
    index('agenda_items_topic').on(t.topicId),
    index('agenda_items_resolution').on(t.resolutionId),
    index('agenda_items_party_review').on(t.partyReviewItemId),
  ],
);

export const attendanceStatuses = ['出席', '迟到', '请假', '缺席', '早退'] as const;

/** One line per expected attendee (kind 'member') or 列席 attendee (kind 'observer'). */
export const attendance = sqliteTable(
  'attendance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['member', 'observer'] }).notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    unit: text('unit'),
    /** 吹哨报到: the department summoned, when it reported. */
    department: text('department'),
    status: text('status', { enum: attendanceStatuses }).notNull(),
    arrivedAt: text('arrived_at'),
    leftAt: text('left_at'),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('attendance_meeting').on(t.meetingId),
    index('attendance_person').on(t.personId),
    uniqueIndex('attendance_meeting_person')
      .on(t.meetingId, t.personId)
      .where(sql`${t.kind} = 'member' and ${t.householdId} is null and ${t.personId} is not null`),
    uniqueIndex('attendance_meeting_household')
      .on(t.meetingId, t.householdId)
      .where(sql`${t.kind} = 'member' and ${t.householdId} is not null`),
  ],
);

/** Every change to an attendance line, kept: corrections never overwrite the record of the door. */
export const attendanceChanges = sqliteTable(
  'attendance_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    attendanceId: integer('attendance_id')
      .notNull()
      .references(() => attendance.id, { onDelete: 'restrict' }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    before: text('before'),
    after: text('after').notNull(),
    note: text('note'),
  },
  (t) => [index('attendance_changes_attendance').on(t.attendanceId), index('attendance_changes_meeting').on(t.meetingId)],
);

export const speeches = sqliteTable(
  'speeches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    speakerPersonId: integer('speaker_person_id').references(() => people.id, { onDelete: 'restrict' }),
    speakerName: text('speaker_name').notNull(),
    content: text('content').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('speeches_item').on(t.agendaItemId, t.position), index('speeches_meeting').on(t.meetingId, t.agendaItemId, t.position)],
);

// ── Proposals, votes and resolutions (issue 4) ──────────────────────────────────────────────

export const proposalStatuses = ['提出', '讨论中', '表决', '通过', '未通过', '撤回', '搁置'] as const;

export const proposals = sqliteTable(
  'proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    text: text('text').notNull(),
    proposerKind: text('proposer_kind', { enum: ['person', 'body', 'unit'] }).notNull(),
    proposerName: text('proposer_name').notNull(),
    proposerPersonId: integer('proposer_person_id').references(() => people.id, { onDelete: 'restrict' }),
    /** JSON array of seconders' names. */
    seconders: text('seconders').notNull().default('[]'),
    status: text('status', { enum: proposalStatuses }).notNull().default('提出'),
    /** An amendment points at the proposal whose text it changes. */
    amendsId: integer('amends_id').references((): any => proposals.id, { onDelete: 'restrict' }),
    /** 搁置: the later meeting it was deferred to, once known. */
    deferredToMeetingId: integer('deferred_to_meeting_id').references(() => meetings.id, { onDelete: 'restrict' }),
    /** A deferred proposal brought to a later meeting keeps its link to the original. */
    carriedFromId: integer('carried_from_id').references((): any => proposals.id, { onDelete: 'restrict' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('proposals_item').on(t.agendaItemId),
    index('proposals_meeting').on(t.meetingId, t.agendaItemId),
    check('proposals_status_check', sql`${t.status} in ('提出', '讨论中', '表决', '通过', '未通过', '撤回', '搁置')`),
  ],
);

export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['proposal', 'options'] }).notNull(),
    /** For a proposal vote; an options vote lists its proposals in vote_options. */
    proposalId: integer('proposal_id').references(() => proposals.id, { onDelete: 'restrict' }),
    method: text('method', { enum: ['举手', '记名', '无记名'] }).notNull(),
    status: text('status', { enum: ['进行中', '已确认', '已作废'] })
      .notNull()
      .default('进行中'),
    /** 应到 and the voters frozen when the vote opened (JSON array of person ids). */
    expected: integer('expected').notNull(),
    eligible: integer('eligible').notNull(),
    eligibleVoters: text('eligible_voters').notNull(),
    /** Current tally JSON: {yes,no,abstain} or {options:[n,…]}; ballots JSON for 无记名. */
    tally: text('tally'),
    ballots: text('ballots'),
    tellers: text('tellers'),
    counters: text('counters'),
    outcome: text('outcome', { enum: ['通过', '未通过'] }),
    winnerProposalId: integer('winner_proposal_id').references(() => proposals.id, { onDelete: 'restrict' }),
    explanation: text('explanation'),
    openedAt: text('opened_at').notNull(),
    confirmedAt: text('confirmed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('votes_meeting').on(t.meetingId),
    index('votes_proposal').on(t.proposalId),
    // One open vote per proposal at a time.
    uniqueIndex('votes_open_proposal')
      .on(t.proposalId)
      .where(sql`${t.status} = '进行中' and ${t.proposalId} is not null`),
  ],
);

export const voteOptions = sqliteTable(
  'vote_options',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    label: text('label').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('vote_options_vote_proposal').on(t.voteId, t.proposalId), index('vote_options_proposal').on(t.proposalId)],
);

/** 记名 votes: each voter's choice (or option). */
export const voteChoices = sqliteTable(
  'vote_choices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    choice: text('choice').notNull(),
    viaProxyId: integer('via_proxy_id'),
  },
  (t) => [uniqueIndex('vote_choices_vote_person').on(t.voteId, t.personId)],
);

/** Written proxies (委托书), only where the rule set allows them. */
export const voteProxies = sqliteTable(
  'vote_proxies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    grantorPersonId: integer('grantor_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    holderPersonId: integer('holder_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    document: text('document').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('vote_proxies_vote_grantor').on(t.voteId, t.grantorPersonId)],
);

/** 唱票复核: every entered or corrected tally, with who and why. */
export const voteTallyChanges = sqliteTable(
  'vote_tally_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    before: text('before'),
    after: text('after').notNull(),
    reason: text('reason'),
  },
  (t) => [index('vote_tally_changes_vote').on(t.voteId)],
);

export const resolutions = sqliteTable(
  'resolutions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    responsible: text('responsible'),
    deadline: text('deadline'),
    /** 决议督办: the date it was done and what came of it; set by its own call, never by 100% progress. */
    completedOn: text('completed_on'),
    result: text('result'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('resolutions_org_year_seq').on(t.orgId, t.year, t.seq),
    uniqueIndex('resolutions_vote').on(t.voteId),
    index('resolutions_meeting').on(t.meetingId),
    // 督办: open ones (completed_on null) by deadline, or those done in a date range.
    index('resolutions_org_completed_deadline').on(t.orgId, t.completedOn, t.deadline),
  ],
);

// ── Minutes approval and addenda (issue 5) ──────────────────────────────────────────────────

/** The minutes' own path: 草稿 → 待审核 (sent to the chair) → 已定稿 (the meeting is then locked). */
export const minutesReviews = sqliteTable('minutes_reviews', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'restrict' }),
  status: text('status', { enum: ['草稿', '待审核', '已定稿'] })
    .notNull()
    .default('草稿'),
  submittedAt: text('submitted_at'),
  submittedBy: text('submitted_by'),
  reviewer: text('reviewer'),
  returnedNote: text('returned_note'),
  approvedAt: text('approved_at'),
  approvedBy: text('approved_by'),
  /** sha256 of the minutes .docx exported at finalization; a re-export must match it. */
  fileHash: text('file_hash'),
  /** The minutes' data as finalized (JSON of MinutesData): exports rebuild from it, never from today's names. */
  snapshot: text('snapshot'),
  /** How the minutes list those present: 名单 (names in the text), 表格 (a compact grid), 签到表 (see the signed sheet); null = by size. */
  attendeeList: text('attendee_list', { enum: ['名单', '表格', '签到表'] }),
  /** The audit trail's head (count and hash) when the minutes were finalized: an anchor a later rewrite of the trail cannot match. */
  auditCount: integer('audit_count'),
  auditHash: text('audit_hash'),
  updatedAt: text('updated_at').notNull(),
});

/** Corrections after finalization (更正记录): appended, never edited, printed as an appendix. */
export const meetingAddenda = sqliteTable(
  'meeting_addenda',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    text: text('text').notNull(),
    by: text('by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('meeting_addenda_meeting').on(t.meetingId)],
);

// ——— Community rules (村规民约 / 居民公约) ———

/** A rule document and where it stands in the 2018 guidance's procedure. */
export const ruleDocuments = sqliteTable(
  'rule_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ruleKinds }).notNull(),
    title: text('title').notNull(),
    /** Provinces that put 宣传发动 before 征集民意. */
    publicityFirst: integer('publicity_first', { mode: 'boolean' }).notNull().default(false),
    stage: text('stage', { enum: ruleStages }).notNull(),
    /** Days allowed for filing after adoption. */
    filingDays: integer('filing_days').notNull().default(10),
    adoptedVoteId: integer('adopted_vote_id').references(() => votes.id, { onDelete: 'restrict' }),
    adoptedOn: text('adopted_on'),
    /** 居民代表会议 adopts only when the residents' meeting delegated it (2025 art. 28). */
    delegationBasis: text('delegation_basis'),
    presentCount: integer('present_count'),
    womenPresent: integer('women_present'),
    filingDue: text('filing_due'),
    filingAuthority: text('filing_authority'),
    filedOn: text('filed_on'),
    filingReceiptNo: text('filing_receipt_no'),
    publishedOn: text('published_on'),
    publishedPlace: text('published_place'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('rule_documents_org').on(t.orgId)],
);

/** Each stage entered, with its date and the outcome that closed it (review opinion, vote, filing). */
export const ruleSteps = sqliteTable(
  'rule_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    /** A revision round after adoption starts a new cycle. */
    cycle: integer('cycle').notNull().default(1),
    stage: text('stage', { enum: ruleStages }).notNull(),
    date: text('date').notNull(),
    note: text('note'),
    authority: text('authority'),
    opinion: text('opinion'),
    outcomeDate: text('outcome_date'),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id').references(() => votes.id, { onDelete: 'restrict' }),
    versionId: integer('version_id').references((): any => ruleVersions.id, { onDelete: 'restrict' }),
    receiptNo: text('receipt_no'),
    by: text('by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('rule_steps_doc').on(t.docId)],
);

export const ruleChapters = sqliteTable(
  'rule_chapters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('rule_chapters_doc').on(t.docId)],
);

/** The working text. Numbers are not stored: they follow from chapter and position order. */
export const ruleArticles = sqliteTable(
  'rule_articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    chapterId: integer('chapter_id').references(() => ruleChapters.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('rule_articles_doc').on(t.docId)],
);

/** Frozen snapshots (征求意见稿, 审核稿, 表决稿, 正式稿 …): triggers refuse every change. */
export const ruleVersions = sqliteTable(
  'rule_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    note: text('note'),
    /** RuleSnapshot JSON. */
    snapshot: text('snapshot').notNull(),
    by: text('by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('rule_versions_seq').on(t.docId, t.seq)],
);

/** 征求意见: an opinion on one article or the whole text, and what was done with it. */
export const ruleOpinions = sqliteTable(
  'rule_opinions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    articleId: integer('article_id').references(() => ruleArticles.id, { onDelete: 'set null' }),
    /** The article's label when the opinion came in: it survives renumbering and deletion. */
    articleLabel: text('article_label'),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    channel: text('channel').notNull(),
    receivedOn: text('received_on').notNull(),
    content: text('content').notNull(),
    disposition: text('disposition', { enum: opinionDispositions }).notNull().default('待处理'),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('rule_opinions_doc').on(t.docId)],
);

/** A proposed change to the text: decided by the committee or put to a meeting's vote. */
export const ruleAmendments = sqliteTable(
  'rule_amendments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    action: text('action', { enum: amendmentActions }).notNull(),
    /** 修改/删除: the article; 新增: the article it goes after (null: first of the chapter). */
    articleId: integer('article_id').references(() => ruleArticles.id, { onDelete: 'set null' }),
    chapterId: integer('chapter_id').references(() => ruleChapters.id, { onDelete: 'set null' }),
    articleLabel: text('article_label'),
    text: text('text').notNull(),
    proposer: text('proposer').notNull(),
    reason: text('reason'),
    status: text('status', { enum: amendmentStatuses }).notNull().default('待处理'),
    proposalId: integer('proposal_id').references(() => proposals.id, { onDelete: 'restrict' }),
    decidedOn: text('decided_on'),
    decisionNote: text('decision_note'),
    /** The article the change produced or changed, once applied. */
    appliedArticleId: integer('applied_article_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('rule_amendments_doc').on(t.docId)],
);

/** A penalty-wording flag a reviewer cleared, with the reason; valid while the text is unchanged. */
export const ruleFlagClearances = sqliteTable(
  'rule_flag_clearances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    articleId: integer('article_id').notNull(),
    term: text('term').notNull(),
    /** sha256 of the article text when cleared: any later edit brings the flag back. */
    textHash: text('text_hash').notNull(),
    justification: text('justification').notNull(),
    by: text('by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('rule_flag_clearances_doc').on(t.docId)],
);

// ── Topics, 吹哨报到, follow-up, notices and 四议两公开 (issue 7) ────────────────────────────

export const topicStatusValues = ['待分办', '已纳入议程', '转部门办理', '已答复', '已合并', '不予受理', '已办结'] as const;

/** A resident's concern as it came in (议题征集), through to its reply or result. */
export const topics = sqliteTable(
  'topics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    receivedOn: text('received_on').notNull(),
    channel: text('channel').notNull(),
    /** person: raiser_person_id from the roster; name: raiser_name as written; anonymous: neither. */
    raiserKind: text('raiser_kind', { enum: ['person', 'name', 'anonymous'] }).notNull(),
    raiserPersonId: integer('raiser_person_id').references(() => people.id, { onDelete: 'restrict' }),
    raiserName: text('raiser_name'),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'restrict' }),
    place: text('place'),
    category: text('category'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** JSON array of file paths the secretary named. */
    attachments: text('attachments').notNull().default('[]'),
    urgency: text('urgency', { enum: ['一般', '较急', '紧急'] })
      .notNull()
      .default('一般'),
    status: text('status', { enum: topicStatusValues }).notNull().default('待分办'),
    reply: text('reply'),
    rejectReason: text('reject_reason'),
    result: text('result'),
    mergedIntoId: integer('merged_into_id').references((): any => topics.id, { onDelete: 'restrict' }),
    satisfaction: text('satisfaction', { enum: ['满意', '基本满意', '不满意'] }),
    feedbackNote: text('feedback_note'),
    feedbackOn: text('feedback_on'),
    closedOn: text('closed_on'),
    /** Hotline fields (on the channels the organization marks as carrying them, see topics.channels): 工单号, 来电人, 来电电话, 答复时限. */
    ticketNumber: text('ticket_number'),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    replyDueOn: text('reply_due_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('topics_org_status').on(t.orgId, t.status),
    // The home page's hotline replies due: only topics with a deadline are indexed.
    index('topics_org_reply_due')
      .on(t.orgId, t.replyDueOn)
      .where(sql`${t.replyDueOn} is not null`),
    index('topics_org_received').on(t.orgId, t.receivedOn),
    index('topics_person').on(t.raiserPersonId),
    index('topics_merged_into').on(t.mergedIntoId),
    check('topics_status_check', sql`${t.status} in ('待分办', '已纳入议程', '转部门办理', '已答复', '已合并', '不予受理', '已办结')`),
    check('topics_urgency_check', sql`${t.urgency} in ('一般', '较急', '紧急')`),
  ],
);

/** A topic's timeline: every step it went through, appended, never changed (triggers). */
export const topicEvents = sqliteTable(
  'topic_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'restrict' }),
    /** Local calendar date of the event; `at` is the instant it was recorded. */
    date: text('date').notNull(),
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [index('topic_events_topic').on(t.topicId)],
);

/** 街乡吹哨、部门报到: one department called in for a topic or a meeting. */
export const summons = sqliteTable(
  'summons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    topicId: integer('topic_id').references(() => topics.id, { onDelete: 'restrict' }),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'restrict' }),
    department: text('department').notNull(),
    contact: text('contact'),
    /** ISO instants (UTC): the report limit is in hours, so these keep the time of day. */
    summonedAt: text('summoned_at').notNull(),
    reportWithinHours: integer('report_within_hours').notNull(),
    reportedAt: text('reported_at'),
    commitment: text('commitment'),
    deadline: text('deadline'),
    result: text('result'),
    resolved: integer('resolved', { mode: 'boolean' }),
    evaluation: text('evaluation', { enum: ['满意', '基本满意', '不满意'] }),
    closedAt: text('closed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('summons_org_department').on(t.orgId, t.department),
    index('summons_topic').on(t.topicId),
    index('summons_meeting').on(t.meetingId),
    index('summons_org_summoned').on(t.orgId, t.summonedAt),
  ],
);

/** 决议督办 progress entries: appended, never changed (triggers); a lower percentage carries its reason. */
export const resolutionProgress = sqliteTable(
  'resolution_progress',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resolutionId: integer('resolution_id')
      .notNull()
      .references(() => resolutions.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    reason: text('reason'),
    actor: text('actor').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('resolution_progress_resolution').on(t.resolutionId), check('resolution_progress_percent_check', sql`${t.percent} between 0 and 100`)],
);

export const noticeKindValues = ['决议公开', '实施结果公开', '其他'] as const;

/** 公示: what was posted, where, for how long, and when it came down. */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: noticeKindValues }).notNull(),
    resolutionId: integer('resolution_id').references(() => resolutions.id, { onDelete: 'restrict' }),
    matterId: integer('matter_id').references((): any => matters.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    postedOn: text('posted_on').notNull(),
    periodDays: integer('period_days').notNull(),
    place: text('place').notNull(),
    takenDownOn: text('taken_down_on'),
    takeDownReason: text('take_down_reason'),
    /** 张贴登记: who put it up (typed, else the signed-in user); null on notices registered before 0020. */
    postedBy: text('posted_by'),
    /** Who took it down (typed, else the signed-in user). */
    takenDownBy: text('taken_down_by'),
    /** JSON array of stored attachment paths: photos of the notice as posted on the board. */
    postedPhotos: text('posted_photos').notNull().default('[]'),
    /** JSON array of stored attachment paths: photos taken when it came down. */
    takenDownPhotos: text('taken_down_photos').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('notices_org_posted').on(t.orgId, t.postedOn),
    index('notices_resolution').on(t.resolutionId),
    index('notices_matter').on(t.matterId),
    check('notices_kind_check', sql`${t.kind} in ('决议公开', '实施结果公开', '其他')`),
  ],
);

/** A major village matter under 四议两公开. */
export const matters = sqliteTable(
  'matters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    category: text('category'),
    createdOn: text('created_on').notNull(),
    /** 书记、主任"一肩挑": steps 1 and 2 may be held as one meeting. */
    bothPostsOnePerson: integer('both_posts_one_person', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('matters_org_created').on(t.orgId, t.createdOn)],
);

export const matterSteps = sqliteTable(
  'matter_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    matterId: integer('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'restrict' }),
    step: integer('step').notNull(),
    date: text('date').notNull(),
    form: text('form', { enum: ['会议', '公示'] }).notNull(),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id').references(() => votes.id, { onDelete: 'restrict' }),
    noticeId: integer('notice_id').references(() => notices.id, { onDelete: 'restrict' }),
    expected: integer('expected'),
    present: integer('present'),
    content: text('content').notNull().default(''),
    townshipOfficials: text('township_officials'),
    mergedWithPrevious: integer('merged_with_previous', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('matter_steps_matter_step').on(t.matterId, t.step),
    index('matter_steps_meeting').on(t.meetingId),
    check('matter_steps_step_check', sql`${t.step} between 1 and 6`),
  ],
);

// ── 报送 to the street / township office (issue 18) ─────────────────────────────────────────

/**
 * This installation's exchange identity for one organization: its Ed25519 key pair (the private
 * key stays in this file, never in an output or an audit row) and, once enrolled, the hub it
 * reports to and the key that hub's replies must be signed with.
 */
export const exchangeIdentity = sqliteTable('exchange_identity', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'restrict' }),
  publicKey: text('public_key').notNull(),
  privateKeyPem: text('private_key_pem').notNull(),
  keyCreatedAt: text('key_created_at').notNull(),
  hubId: text('hub_id'),
  hubName: text('hub_name'),
  hubPublicKey: text('hub_public_key'),
  communityId: text('community_id'),
  /** The hub's address (https://…) for sending online; null = files only. */
  hubUrl: text('hub_url'),
  enrolledAt: text('enrolled_at'),
  updatedAt: text('updated_at').notNull(),
  /** The key epoch the current key signs in: 1 at first enrollment, +1 at each 重新登记 (sequences restart at 1). */
  epoch: integer('epoch').notNull().default(1),
  /** A 重新登记 in progress: the new key pair, used once the hub's 登记回执 names it. */
  pendingPublicKey: text('pending_public_key'),
  pendingPrivateKeyPem: text('pending_private_key_pem'),
  pendingCreatedAt: text('pending_created_at'),
});

/** 报送包 sent: the exact text kept, so a lost file can be saved again byte for byte. Never deleted. */
export const exchangeSent = sqliteTable(
  'exchange_sent',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    /** The key epoch it was signed in; sequences count per epoch. */
    epoch: integer('epoch').notNull().default(1),
    sequence: integer('sequence').notNull(),
    createdAt: text('created_at').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    /** JSON: {meetings, resolutions, topics, summons, matters, rules, documents}. */
    counts: text('counts').notNull(),
    packageText: text('package_text').notNull(),
    /** How it went out first: 文件 (saved for a USB stick / 政务网) or 网络 (pushed to the hub). */
    sentHow: text('sent_how', { enum: ['文件', '网络'] }).notNull(),
    acknowledgedAt: text('acknowledged_at'),
  },
  (t) => [
    uniqueIndex('exchange_sent_org_epoch_sequence').on(t.orgId, t.epoch, t.sequence),
    check('exchange_sent_how_check', sql`${t.sentHow} in ('文件', '网络')`),
  ],
);

/** Each record a sent package carried, by uid, with the hash of its content: what the next package compares against. */
export const exchangeSentRecords = sqliteTable(
  'exchange_sent_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sentId: integer('sent_id')
      .notNull()
      .references(() => exchangeSent.id, { onDelete: 'restrict' }),
    uid: text('uid').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('exchange_sent_records_sent_uid').on(t.sentId, t.uid), index('exchange_sent_records_uid').on(t.uid)],
);

/** 回执包 applied from the hub, in sequence. Never changed or deleted. */
export const exchangeReceived = sqliteTable(
  'exchange_received',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    /** The key epoch it was received in; the hub numbers replies per epoch. */
    epoch: integer('epoch').notNull().default(1),
    sequence: integer('sequence').notNull(),
    hash: text('hash').notNull(),
    createdAt: text('created_at').notNull(),
    acknowledgedSequence: integer('acknowledged_sequence').notNull(),
    /** JSON: {filingReviews, summonsReplies} — how many records it carried. */
    counts: text('counts').notNull(),
    receivedHow: text('received_how', { enum: ['文件', '网络'] }).notNull(),
    appliedAt: text('applied_at').notNull(),
  },
  (t) => [uniqueIndex('exchange_received_org_epoch_sequence').on(t.orgId, t.epoch, t.sequence)],
);

/** 备案审查意见 from the street on a rule document: each version kept (history), newest wins. */
export const filingReviews = sqliteTable(
  'filing_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: integer('doc_id')
      .notNull()
      .references(() => ruleDocuments.id, { onDelete: 'restrict' }),
    uid: text('uid').notNull(),
    recordHash: text('record_hash').notNull(),
    decision: text('decision', { enum: ['同意备案', '退回'] }).notNull(),
    reasons: text('reasons'),
    reviewedOn: text('reviewed_on').notNull(),
    reviewer: text('reviewer').notNull(),
    authority: text('authority').notNull(),
    receiptNo: text('receipt_no'),
    receivedId: integer('received_id')
      .notNull()
      .references(() => exchangeReceived.id, { onDelete: 'restrict' }),
    appliedAt: text('applied_at').notNull(),
  },
  (t) => [uniqueIndex('filing_reviews_uid_hash').on(t.uid, t.recordHash), index('filing_reviews_doc').on(t.docId)],
);

/** A department's 报到 and answer to a 吹哨 as the street recorded it: each version kept. */
export const summonsReplies = sqliteTable(
  'summons_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    summonsId: integer('summons_id')
      .notNull()
      .references(() => summons.id, { onDelete: 'restrict' }),
    uid: text('uid').notNull(),
    recordHash: text('record_hash').notNull(),
    department: text('department').notNull(),
    reportedAt: text('reported_at'),
    answer: text('answer'),
    answeredAt: text('answered_at'),
    by: text('by').notNull(),
    receivedId: integer('received_id')
      .notNull()
      .references(() => exchangeReceived.id, { onDelete: 'restrict' }),
    appliedAt: text('applied_at').notNull(),
  },
  (t) => [uniqueIndex('summons_replies_uid_hash').on(t.uid, t.recordHash), index('summons_replies_summons').on(t.summonsId)],
);
