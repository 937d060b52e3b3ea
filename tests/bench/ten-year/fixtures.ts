// The records each snapshot's screens are opened on: chosen by the same rule in every snapshot
// (the latest finalized 议事协商会 and its vote, resolution and first attendee; a recent referred
// topic…), so year 1 and year 10 show like records and only the history around them differs.
import type Database from 'better-sqlite3';
import { FIRST_YEAR } from './generate';
import type { Fixture } from './screens';

export function fixtureOf(sqlite: Database.Database, orgId: number, years: number): Fixture {
  const row = <T>(sql: string, ...args: unknown[]) => {
    const r = sqlite.prepare(sql).get(...args) as T | undefined;
    if (!r) throw new Error(`基准数据里找不到：${sql}`);
    return r;
  };
  const n = (sql: string, ...args: unknown[]) => row<{ id: number }>(sql, ...args).id;
  const year = FIRST_YEAR + years - 1;
  const m = row<{ id: number; date: string; body_id: number }>(
    `select m.id, m.date, m.body_id from meetings m join bodies b on b.id = m.body_id
     where m.org_id = ? and b.kind = '居民议事会' and m.status = '已定稿' order by m.date desc, m.id desc limit 1`,
    orgId,
  );
  const next = row<{ id: number; date: string }>('select id, date from meetings where org_id = ? order by date desc, id desc limit 1', orgId);
  const topicId = n('select topic_id as id from summons where org_id = ? and topic_id is not null order by id desc limit 1 offset 20', orgId);
  return {
    orgId,
    year,
    today: `${year}-12-31`,
    meetingId: m.id,
    meetingDate: m.date,
    bodyId: m.body_id,
    nextMeetingId: next.id,
    nextMeetingDate: next.date,
    voteId: n('select id from votes where meeting_id = ? order by id limit 1', m.id),
    resolutionId: n('select id from resolutions where meeting_id = ? order by seq limit 1', m.id),
    personId: n("select person_id as id from attendance where meeting_id = ? and kind = 'member' order by id limit 1", m.id),
    topicId,
    raiserId: n("select raiser_person_id as id from topics where org_id = ? and raiser_kind = 'person' order by id desc limit 1", orgId),
    noticeId: n('select id from notices where org_id = ? order by id desc limit 1', orgId),
    matterId: n('select id from matters where org_id = ? order by id desc limit 1', orgId),
    ruleId: n('select id from rule_documents where org_id = ? order by id desc limit 1', orgId),
  };
}
