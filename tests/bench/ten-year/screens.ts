// The calls behind the screens, each beside a hand-written raw-SQL twin that reads the same rows
// on the same connection. One small entry per call: when a call's input or paging changes, only
// its entry changes. `single` marks per-record screens, whose cost must not grow with history.
import type Database from 'better-sqlite3';
import type { CallInput, CallName } from '../../../core/contract';

/** The records a snapshot's screens are opened on, chosen alike in every snapshot (fixtures.ts). */
export interface Fixture {
  orgId: number;
  year: number;
  today: string;
  /** A finalized 议事协商会 of the last month: the per-meeting screens. */
  meetingId: number;
  bodyId: number;
  meetingDate: string;
  /** The last meeting on file, not yet held: carry-over and party-review candidates. */
  nextMeetingId: number;
  nextMeetingDate: string;
  voteId: number;
  resolutionId: number;
  personId: number;
  topicId: number;
  raiserId: number;
  noticeId: number;
  matterId: number;
  ruleId: number;
}

type Rows = unknown[];
export interface Screen<N extends CallName = CallName> {
  call: N;
  /** What the screen shows, in a word, when one call serves two screens. */
  label?: string;
  single?: boolean;
  input: (f: Fixture) => CallInput<N>;
  raw: (db: Database.Database, f: Fixture) => Rows;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** Prepared once per connection and reused, as a careful hand-written query would be. */
function q(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
const all = (db: Database.Database, sql: string, ...args: unknown[]) => q(db, sql).all(...args) as Rows;
const get = (db: Database.Database, sql: string, ...args: unknown[]) => q(db, sql).get(...args);

const screen = <N extends CallName>(s: Screen<N>) => s as unknown as Screen;

const MEETING_ROW = `select m.id, m.org_id, m.title, t.name as type_name, m.meeting_type_id, m.date, m.start_time, m.place, m.status,
  json_extract(m.rule_set_snapshot, '$.lawVersion') as law_version from meetings m join meeting_types t on t.id = m.meeting_type_id`;
const RESOLUTION_ROW = `select r.*, m.title as meeting_title, m.date as meeting_date, v.explanation,
  (select percent from resolution_progress p where p.resolution_id = r.id order by p.id desc limit 1) as percent
  from resolutions r join meetings m on m.id = r.meeting_id join votes v on v.id = r.vote_id`;

function meetingRecord(db: Database.Database, meetingId: number): Rows {
  return [
    get(db, `${MEETING_ROW} where m.id = ?`, meetingId),
    all(db, 'select * from agenda_items where meeting_id = ? order by position, id', meetingId),
    all(db, 'select * from attendance where meeting_id = ? order by kind, id', meetingId),
    all(db, 'select * from speeches where meeting_id = ? order by agenda_item_id, position', meetingId),
    all(db, 'select * from proposals where meeting_id = ? order by agenda_item_id, id', meetingId),
    all(db, 'select * from votes where meeting_id = ? order by id', meetingId),
    all(db, 'select * from resolutions where meeting_id = ? order by seq', meetingId),
  ];
}

export const screens: Screen[] = [
  screen({
    call: 'home.summary',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) => [
      all(db, `${MEETING_ROW} where m.org_id = ? and m.date between ? and date(?, '+14 days') order by m.date, m.start_time`, f.orgId, f.today, f.today),
      all(db, "select * from topics where org_id = ? and status = '待分办' order by received_on desc, id desc", f.orgId),
      all(db, 'select * from summons where org_id = ? and closed_at is null order by summoned_at', f.orgId),
      all(db, `${RESOLUTION_ROW} where r.org_id = ? and r.completed_on is null and r.deadline <= date(?, '+7 days') order by r.deadline`, f.orgId, f.today),
      all(
        db,
        "select * from notices where org_id = ? and taken_down_on is null and posted_on <= ? and date(posted_on, '+' || period_days || ' days') <= date(?, '+3 days')",
        f.orgId,
        f.today,
        f.today,
      ),
      all(db, 'select id, title, filing_due from rule_documents where org_id = ? and adopted_on is not null and filed_on is null', f.orgId),
      get(db, "select count(*) from topics where org_id = ? and status in ('待分办', '已纳入议程', '转部门办理')", f.orgId),
    ],
  }),
  screen({
    call: 'reminders.today',
    input: (f) => ({ orgId: f.orgId }),
    // 今日提醒: open summons, overdue and due-today resolutions, notices at or past their end, rules to file, hotline replies due.
    raw: (db, f) => [
      all(db, 'select * from summons where org_id = ? and closed_at is null order by summoned_at desc limit 1000', f.orgId),
      all(db, `${RESOLUTION_ROW} where r.org_id = ? and r.completed_on is null and r.deadline <= ? order by r.deadline`, f.orgId, f.today),
      all(
        db,
        "select * from notices where org_id = ? and taken_down_on is null and posted_on <= ? and date(posted_on, '+' || (period_days - 1) || ' days') <= ?",
        f.orgId,
        f.today,
        f.today,
      ),
      all(db, "select id, title, filing_due from rule_documents where org_id = ? and stage = '备案'", f.orgId),
      all(
        db,
        "select id, title, reply_due_on from topics where org_id = ? and reply_due_on <= ? and status not in ('已答复', '已合并', '不予受理', '已办结') limit 50",
        f.orgId,
        f.today,
      ),
    ],
  }),
  screen({
    call: 'meetings.list',
    input: (f) => ({ orgId: f.orgId, year: f.year }),
    // Paged (issue 15): the first page of 50 and the total.
    raw: (db, f) => [
      get(db, 'select count(*) from meetings where org_id = ? and date >= ? and date < ?', f.orgId, `${f.year}-01-01`, `${f.year + 1}-01-01`),
      ...all(
        db,
        `${MEETING_ROW} where m.org_id = ? and m.date >= ? and m.date < ? order by m.date desc, m.id desc limit 50`,
        f.orgId,
        `${f.year}-01-01`,
        `${f.year + 1}-01-01`,
      ),
    ],
  }),
  screen({
    call: 'meetings.get',
    single: true,
    input: (f) => ({ id: f.meetingId }),
    raw: (db, f) => [
      get(
        db,
        `select m.*, t.name as type_name, r.label, r.definition, b.name as body_name from meetings m join meeting_types t on t.id = m.meeting_type_id
         join rule_sets r on r.id = m.rule_set_id left join bodies b on b.id = m.body_id where m.id = ?`,
        f.meetingId,
      ),
      all(db, "select status, count(*) as n from attendance where meeting_id = ? and kind = 'member' group by status", f.meetingId),
    ],
  }),
  screen({
    call: 'agenda.list',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) =>
      all(
        db,
        `select a.*, t.title as topic_title, r.number as resolution_number from agenda_items a left join topics t on t.id = a.topic_id
         left join resolutions r on r.id = a.resolution_id where a.meeting_id = ? order by a.position, a.id`,
        f.meetingId,
      ),
  }),
  screen({
    call: 'agenda.partyReviewCandidates',
    input: (f) => ({ meetingId: f.nextMeetingId }),
    raw: (db, f) =>
      all(
        db,
        `select a.id, a.title, m.id as meeting_id, m.title as meeting_title, m.date, t.name from agenda_items a join meetings m on m.id = a.meeting_id
         join meeting_types t on t.id = m.meeting_type_id where m.org_id = ? and m.date < ? and m.status in ('进行中', '已结束', '已定稿')
         and json_extract(m.rule_set_snapshot, '$.meetingKind') in ('党员大会', '两委联席会议') order by m.date, a.position`,
        f.orgId,
        f.nextMeetingDate,
      ),
  }),
  screen({
    call: 'attendance.sheet',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) => [
      all(
        db,
        `select bm.person_id, p.name, p.gender, bm.role, a.id, a.status, a.arrived_at, a.left_at, a.reason from body_members bm join people p on p.id = bm.person_id
         left join attendance a on a.meeting_id = ? and a.kind = 'member' and a.person_id = bm.person_id
         where bm.body_id = ? and (bm.joined_on is null or bm.joined_on <= ?) and (bm.left_on is null or bm.left_on >= ?) order by bm.id`,
        f.meetingId,
        f.bodyId,
        f.meetingDate,
        f.meetingDate,
      ),
      all(db, "select * from attendance where meeting_id = ? and kind = 'observer' order by id", f.meetingId),
      all(db, 'select attendance_id, count(*) as n from attendance_changes where meeting_id = ? group by attendance_id', f.meetingId),
    ],
  }),
  screen({
    call: 'attendance.history',
    single: true,
    input: (f) => ({ meetingId: f.meetingId, personId: f.personId }),
    raw: (db, f) =>
      all(
        db,
        `select c.* from attendance_changes c where c.attendance_id = (select id from attendance where meeting_id = ? and kind = 'member' and person_id = ? and household_id is null)
         order by c.id`,
        f.meetingId,
        f.personId,
      ),
  }),
  screen({
    call: 'speeches.list',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) => all(db, 'select * from speeches where meeting_id = ? order by agenda_item_id, position', f.meetingId),
  }),
  screen({
    call: 'proposals.list',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) => all(db, 'select * from proposals where meeting_id = ? order by agenda_item_id, id', f.meetingId),
  }),
  screen({
    call: 'votes.list',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) =>
      all(
        db,
        `select v.*, p.title as proposal_title, (select json_group_array(label) from vote_options o where o.vote_id = v.id) as options
         from votes v left join proposals p on p.id = v.proposal_id where v.meeting_id = ? order by v.id`,
        f.meetingId,
      ),
  }),
  screen({
    call: 'votes.history',
    single: true,
    input: (f) => ({ id: f.voteId }),
    raw: (db, f) => all(db, 'select at, actor, before, after, reason from vote_tally_changes where vote_id = ? order by id', f.voteId),
  }),
  screen({
    call: 'minutes.preview',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) => meetingRecord(db, f.meetingId),
  }),
  screen({
    call: 'minutes.status',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) => [
      get(db, 'select * from minutes_reviews where meeting_id = ?', f.meetingId),
      all(db, 'select * from meeting_addenda where meeting_id = ? order by id', f.meetingId),
    ],
  }),
  screen({
    call: 'documents.minutes',
    label: '导出 Word 会议记录',
    single: true,
    input: (f) => ({ meetingId: f.meetingId }),
    raw: (db, f) => meetingRecord(db, f.meetingId),
  }),
  screen({
    call: 'resolutions.list',
    input: (f) => ({ orgId: f.orgId, year: f.year }),
    raw: (db, f) => all(db, `${RESOLUTION_ROW} where r.org_id = ? and r.year = ? order by r.year desc, r.seq desc`, f.orgId, f.year),
  }),
  screen({
    call: 'followUp.list',
    label: '督办（未办结）',
    input: (f) => ({ orgId: f.orgId, filter: 'open' }),
    raw: (db, f) => [
      get(db, 'select count(*) from resolutions where org_id = ? and completed_on is null', f.orgId),
      ...all(db, `${RESOLUTION_ROW} where r.org_id = ? and r.completed_on is null order by r.year desc, r.seq desc limit 50`, f.orgId),
    ],
  }),
  screen({
    call: 'followUp.list',
    label: '督办（已逾期）',
    input: (f) => ({ orgId: f.orgId, filter: 'overdue' }),
    raw: (db, f) => [
      get(db, 'select count(*) from resolutions where org_id = ? and completed_on is null and deadline < ?', f.orgId, f.today),
      ...all(db, `${RESOLUTION_ROW} where r.org_id = ? and r.completed_on is null and r.deadline < ? order by r.deadline limit 50`, f.orgId, f.today),
    ],
  }),
  screen({
    call: 'followUp.get',
    single: true,
    input: (f) => ({ resolutionId: f.resolutionId }),
    raw: (db, f) => [
      get(db, `${RESOLUTION_ROW} where r.id = ?`, f.resolutionId),
      all(db, 'select * from resolution_progress where resolution_id = ? order by date, id', f.resolutionId),
    ],
  }),
  screen({
    call: 'followUp.carryCandidates',
    input: (f) => ({ meetingId: f.nextMeetingId }),
    raw: (db, f) =>
      all(
        db,
        `${RESOLUTION_ROW} where r.org_id = ? and r.completed_on is null and (m.date < ? or (m.date = ? and m.id < ?))
         and r.id not in (select resolution_id from agenda_items where meeting_id = ? and resolution_id is not null) order by r.year, r.seq`,
        f.orgId,
        f.nextMeetingDate,
        f.nextMeetingDate,
        f.nextMeetingId,
        f.nextMeetingId,
      ),
  }),
  screen({
    call: 'topics.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) => [
      get(db, 'select count(*) from topics where org_id = ?', f.orgId),
      all(
        db,
        'select t.*, p.name as raiser from topics t left join people p on p.id = t.raiser_person_id where t.org_id = ? order by t.received_on desc, t.id desc limit 50',
        f.orgId,
      ),
    ],
  }),
  screen({
    call: 'topics.get',
    single: true,
    input: (f) => ({ id: f.topicId }),
    raw: (db, f) => [
      get(db, 'select t.*, p.name as raiser from topics t left join people p on p.id = t.raiser_person_id where t.id = ?', f.topicId),
      all(db, 'select * from topic_events where topic_id = ? order by id', f.topicId),
      all(db, 'select id, title from topics where merged_into_id = ?', f.topicId),
      all(
        db,
        'select a.id, a.title, m.id, m.title, m.date, m.status from agenda_items a join meetings m on m.id = a.meeting_id where a.topic_id = ?',
        f.topicId,
      ),
      all(db, 'select * from summons where topic_id = ? order by id', f.topicId),
    ],
  }),
  screen({
    call: 'topics.byPerson',
    single: true,
    input: (f) => ({ personId: f.raiserId }),
    raw: (db, f) => all(db, 'select * from topics where raiser_person_id = ? order by received_on desc, id desc', f.raiserId),
  }),
  screen({
    call: 'topics.channels',
    input: (f) => ({ orgId: f.orgId }),
    // No setting written: the app answers with the shipped channels, the twin with the empty row set.
    raw: (db, f) => all(db, 'select value from settings where key = ?', `topicChannels:${f.orgId}`),
  }),
  screen({
    call: 'summons.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) => [
      get(db, 'select count(*) from summons where org_id = ?', f.orgId),
      ...all(
        db,
        'select s.*, t.title as topic_title from summons s left join topics t on t.id = s.topic_id where s.org_id = ? order by s.summoned_at desc, s.id desc limit 50',
        f.orgId,
      ),
    ],
  }),
  screen({
    call: 'summons.rates',
    label: '本年部门响应率',
    input: (f) => ({ orgId: f.orgId, from: `${f.year}-01-01`, to: f.today }),
    raw: (db, f) =>
      all(
        db,
        `select s.department, count(*) as summoned,
           sum(s.reported_at is not null and julianday(s.reported_at) - julianday(s.summoned_at) <= s.report_within_hours / 24.0) as responded,
           sum(s.resolved = 1) as resolved, sum(t.satisfaction in ('满意', '基本满意')) as satisfied, count(t.satisfaction) as rated
         from summons s left join topics t on t.id = s.topic_id
         where s.org_id = ? and s.summoned_at >= ? and s.summoned_at < ? group by s.department order by s.department`,
        f.orgId,
        `${f.year - 1}-12-31T16:00:00.000Z`,
        `${f.year}-12-31T16:00:00.000Z`,
      ),
  }),
  screen({
    call: 'summons.departments',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) => all(db, 'select distinct department from summons where org_id = ? order by department', f.orgId),
  }),
  screen({
    call: 'notices.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) => [
      get(db, 'select count(*) from notices where org_id = ?', f.orgId),
      ...all(db, 'select * from notices where org_id = ? order by posted_on desc, id desc limit 50', f.orgId),
    ],
  }),
  screen({
    call: 'notices.get',
    single: true,
    input: (f) => ({ id: f.noticeId }),
    raw: (db, f) => [get(db, 'select n.*, r.number from notices n left join resolutions r on r.id = n.resolution_id where n.id = ?', f.noticeId)],
  }),
  screen({
    call: 'matters.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) => [
      get(db, 'select count(*) from matters where org_id = ?', f.orgId),
      ...all(
        db,
        'select m.*, (select max(step) from matter_steps s where s.matter_id = m.id) as step from matters m where m.org_id = ? order by m.created_on desc, m.id desc limit 50',
        f.orgId,
      ),
    ],
  }),
  screen({
    call: 'matters.get',
    single: true,
    input: (f) => ({ id: f.matterId }),
    raw: (db, f) => [
      get(db, 'select * from matters where id = ?', f.matterId),
      all(db, 'select * from matter_steps where matter_id = ? order by step', f.matterId),
    ],
  }),
  screen({
    call: 'rules.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) =>
      all(
        db,
        'select d.*, (select count(*) from rule_articles a where a.doc_id = d.id) as articles from rule_documents d where d.org_id = ? order by d.id desc',
        f.orgId,
      ),
  }),
  screen({
    call: 'rules.get',
    single: true,
    input: (f) => ({ id: f.ruleId }),
    raw: (db, f) => [
      get(db, 'select * from rule_documents where id = ?', f.ruleId),
      all(db, 'select * from rule_chapters where doc_id = ? order by position', f.ruleId),
      all(db, 'select * from rule_articles where doc_id = ? order by position', f.ruleId),
      all(db, 'select * from rule_steps where doc_id = ? order by id', f.ruleId),
      all(db, 'select id, seq, name, note, by, created_at from rule_versions where doc_id = ? order by seq', f.ruleId),
      all(db, 'select * from rule_opinions where doc_id = ? order by id', f.ruleId),
      all(db, 'select * from rule_amendments where doc_id = ? order by id', f.ruleId),
    ],
  }),
  screen({
    call: 'people.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) => [
      get(db, "select count(*) from people p left join households h on h.id = p.household_id where p.org_id = ? and p.status = '在册'", f.orgId),
      all(
        db,
        "select p.*, h.number as household_no from people p left join households h on h.id = p.household_id where p.org_id = ? and p.status = '在册' order by p.pinyin_keys, p.id limit 20",
        f.orgId,
      ),
    ],
  }),
  screen({
    call: 'people.groups',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) =>
      all(
        db,
        "select group_name, count(*) from people where org_id = ? and status = '在册' and group_name is not null group by group_name order by group_name",
        f.orgId,
      ),
  }),
  screen({
    call: 'bodies.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) =>
      all(
        db,
        'select b.*, (select count(*) from body_members m where m.body_id = b.id and m.left_on is null) as members from bodies b where b.org_id = ? order by b.id',
        f.orgId,
      ),
  }),
  screen({
    call: 'bodies.members',
    single: true,
    input: (f) => ({ bodyId: f.bodyId }),
    raw: (db, f) => [
      get(db, 'select * from bodies where id = ?', f.bodyId),
      all(
        db,
        'select m.*, p.name, p.gender, p.birth_date, p.tags from body_members m join people p on p.id = m.person_id where m.body_id = ? and m.left_on is null order by m.id',
        f.bodyId,
      ),
    ],
  }),
  screen({
    call: 'meetingTypes.list',
    input: (f) => ({ orgId: f.orgId }),
    raw: (db, f) =>
      all(
        db,
        'select t.*, r.id as rule_set_id, r.label, r.definition from meeting_types t join rule_sets r on r.meeting_type_id = t.id where t.org_id is null or t.org_id = ? order by t.id, r.id',
        f.orgId,
      ),
  }),
  screen({
    call: 'users.list',
    input: () => ({}),
    raw: (db) => [
      all(db, 'select id, name, role, retired_at, pin_hash is not null from users order by id'),
      all(db, "select * from settings where key like 'user%'"),
    ],
  }),
  screen({
    call: 'organizations.list',
    input: () => ({}),
    raw: (db) => [all(db, 'select * from organizations order by id'), get(db, "select value from settings where key = 'currentOrgId'")],
  }),
];

/** The rows a call's output holds, to show the twin reads as many. */
export function rowsOf(value: unknown): number {
  const v = value as { items?: unknown[] } | null;
  return Array.isArray(v?.items) ? v.items.length : 1;
}
