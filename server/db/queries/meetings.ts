/** Meetings held per month, per community. */
import { sql } from 'drizzle-orm';
import { rows, type HubDb } from '../open';
import { communities, documents, meetings } from '../schema';
import { inScope, type Scope } from './common';

export interface MeetingMonthRow {
  communityId: string;
  communityName: string;
  month: string;
  /** Meetings dated in the month that were held (started: 进行中, 已结束 or 已定稿). */
  held: number;
  /** Of those, the ones whose minutes are final (已定稿). */
  finalized: number;
  /** Their 实到 summed, for the average attendance. */
  present: number;
  expected: number;
}

export const heldStatuses = ['进行中', '已结束', '已定稿'] as const;

export async function meetingsPerMonth(db: HubDb, q: Scope & { from: string; to: string }): Promise<{ rows: MeetingMonthRow[]; total: number }> {
  const result = await rows<{
    community_id: string;
    name: string;
    month: string;
    held: string;
    finalized: string;
    present: string | null;
    expected: string | null;
  }>(
    db,
    sql`select m.community_id, c.name, m.month, m.held, m.finalized, m.present, m.expected
        from (
          select community_id, substr(date, 1, 7) as month, count(*) as held,
            count(*) filter (where status = '已定稿') as finalized,
            coalesce(sum(present), 0) as present, coalesce(sum(expected), 0) as expected
          from ${meetings} m
          where m.date between ${q.from} and ${q.to} and m.status in ('进行中', '已结束', '已定稿')${inScope('m', q)}
          group by community_id, substr(date, 1, 7)
        ) m join ${communities} c on c.community_id = m.community_id
        order by m.month, c.name`,
  );
  const out = result.map((r) => ({
    communityId: r.community_id,
    communityName: r.name,
    month: r.month,
    held: Number(r.held),
    finalized: Number(r.finalized),
    present: Number(r.present ?? 0),
    expected: Number(r.expected ?? 0),
  }));
  return { rows: out, total: out.reduce((n, r) => n + r.held, 0) };
}

export interface MeetingListRow {
  communityId: string;
  communityName: string;
  uid: string;
  date: string;
  title: string;
  typeName: string;
  status: string | null;
  expected: number | null;
  present: number | null;
  /** Votes whose result is 通过 / 未通过, and the summary "通过 2 项 / 未通过 1 项". */
  passed: number;
  failed: number;
  outcomes: string;
  /** The finalized minutes (会议记录) when the package carried them: GET /api/documents/:communityId/:uid. */
  minutes: { uid: string; fileName: string } | null;
}

export const MEETING_LIST_MAX = 10_000;

export function outcomesText(passed: number, failed: number): string {
  return passed + failed === 0 ? '无表决' : `通过 ${passed} 项 / 未通过 ${failed} 项`;
}

/** Each meeting, newest first, a page at a time (limit/offset) with the total matching. */
export async function meetingList(
  db: HubDb,
  q: Scope & { from: string; to: string; status?: string | undefined; limit: number; offset: number },
): Promise<{ rows: MeetingListRow[]; total: number; limit: number; offset: number }> {
  const where = sql`m.date between ${q.from} and ${q.to}${inScope('m', q)}${q.status ? sql` and m.status = ${q.status}` : sql``}`;
  const [counted] = await rows<{ n: string }>(db, sql`select count(*) as n from ${meetings} m where ${where}`);
  const found = await rows<{
    community_id: string;
    name: string;
    uid: string;
    date: string;
    title: string;
    type_name: string;
    status: string | null;
    expected: number | null;
    present: number | null;
    passed: string;
    failed: string;
    minutes_uid: string | null;
    minutes_file: string | null;
  }>(
    db,
    sql`select m.community_id, c.name, m.uid, m.date, m.title, m.type_name, m.status, m.expected, m.present,
          (select count(*) from jsonb_array_elements(m.data->'outcomes') o where o->>'result' = '通过') as passed,
          (select count(*) from jsonb_array_elements(m.data->'outcomes') o where o->>'result' = '未通过') as failed,
          d.uid as minutes_uid, d.file_name as minutes_file
        from ${meetings} m join ${communities} c on c.community_id = m.community_id
        left join lateral (
          select x.uid, x.file_name from ${documents} x
          where x.community_id = m.community_id and x.record_uid = m.uid and x.kind = '会议记录'
          order by x.uid desc limit 1
        ) d on true
        where ${where}
        order by m.date desc, c.name, m.uid
        limit ${q.limit} offset ${q.offset}`,
  );
  return {
    total: Number(counted?.n ?? 0),
    limit: q.limit,
    offset: q.offset,
    rows: found.map((r) => {
      const passed = Number(r.passed);
      const failed = Number(r.failed);
      return {
        communityId: r.community_id,
        communityName: r.name,
        uid: r.uid,
        date: r.date,
        title: r.title,
        typeName: r.type_name,
        status: r.status,
        expected: r.expected,
        present: r.present,
        passed,
        failed,
        outcomes: outcomesText(passed, failed),
        minutes: r.minutes_uid ? { uid: r.minutes_uid, fileName: r.minutes_file ?? '' } : null,
      };
    }),
  };
}
