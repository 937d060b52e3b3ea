/**
 * 吹哨报到 figures by department and month, with the desktop's own definitions of 响应率 / 解决率 /
 * 满意率 (core/followup/rates.ts: rateDefinitions, perMille, percentText; reportedInTime is judged
 * at ingest into summons.reported_in_time). The counting is done in SQL with
 * grouping sets, so ten years of thirty communities stay fast; tests/hub check the figures equal
 * core's departmentRates on the same records.
 */
import { sql } from 'drizzle-orm';
import { percentText, perMille, rateDefinitions, type DepartmentFigures, type Rate } from '../../../core/followup/rates';
import { rows, type HubDb } from '../open';
import { type SummonsRowBody } from '../../../exchange/hub-api';
import { communities, replyItems, summons, topics } from '../schema';
import { inScope, type Scope } from './common';

export interface SummonsMonth {
  month: string;
  departments: DepartmentFigures[];
  total: DepartmentFigures;
}

export interface SummonsRates {
  from: string;
  to: string;
  definitions: typeof rateDefinitions;
  /** The whole period, per department and in total. */
  departments: DepartmentFigures[];
  total: DepartmentFigures;
  months: SummonsMonth[];
}

function rate(numerator: number, denominator: number, definition: string): Rate {
  const pm = perMille(numerator, denominator);
  return { numerator, denominator, perMille: pm, text: `${numerator}/${denominator}（${percentText(pm)}）`, definition };
}

interface Counts {
  department: string | null;
  month: string | null;
  by_department: number;
  by_month: number;
  summoned: string;
  in_time: string;
  resolved: string;
  rated: string;
  satisfied: string;
}

function figures(department: string, c: Counts | undefined): DepartmentFigures {
  const n = (v: string | undefined) => Number(v ?? 0);
  return {
    department,
    summoned: n(c?.summoned),
    response: rate(n(c?.in_time), n(c?.summoned), rateDefinitions.response),
    resolution: rate(n(c?.resolved), n(c?.summoned), rateDefinitions.resolution),
    satisfaction: rate(n(c?.satisfied), n(c?.rated), rateDefinitions.satisfaction),
  };
}

export async function summonsRates(db: HubDb, q: Scope & { from: string; to: string; department?: string | undefined }): Promise<SummonsRates> {
  // A topic counts once per department (and once in the total) however many times it was summoned.
  const found = await rows<Counts>(
    db,
    sql`select s.department, substr(s.summoned_on, 1, 7) as month,
          grouping(s.department) as by_department, grouping(substr(s.summoned_on, 1, 7)) as by_month,
          count(*) as summoned,
          count(*) filter (where s.reported_in_time) as in_time,
          count(*) filter (where s.resolved) as resolved,
          count(distinct s.community_id || ' ' || s.topic_uid) filter (where t.satisfaction is not null) as rated,
          count(distinct s.community_id || ' ' || s.topic_uid) filter (where t.satisfaction in ('满意', '基本满意')) as satisfied
        from ${summons} s left join ${topics} t on t.community_id = s.community_id and t.uid = s.topic_uid
        where s.summoned_on between ${q.from} and ${q.to}${inScope('s', q)}${q.department ? sql` and s.department = ${q.department}` : sql``}
        group by grouping sets ((s.department, substr(s.summoned_on, 1, 7)), (s.department), (substr(s.summoned_on, 1, 7)), ())`,
  );
  const byDepartment = (list: Counts[]) => list.map((c) => figures(c.department!, c)).sort((a, b) => a.department.localeCompare(b.department, 'zh-CN'));
  const isDept = (c: Counts) => Number(c.by_department) === 0;
  const isMonth = (c: Counts) => Number(c.by_month) === 0;
  const periodDepartments = found.filter((c) => isDept(c) && !isMonth(c));
  const total = found.find((c) => !isDept(c) && !isMonth(c));
  const months = [...new Set(found.filter(isMonth).map((c) => c.month!))].sort();
  return {
    from: q.from,
    to: q.to,
    definitions: rateDefinitions,
    departments: byDepartment(periodDepartments),
    total: figures('合计', total),
    months: months.map((month) => ({
      month,
      departments: byDepartment(found.filter((c) => isDept(c) && isMonth(c) && c.month === month)),
      total: figures(
        '合计',
        found.find((c) => !isDept(c) && isMonth(c) && c.month === month),
      ),
    })),
  };
}

export interface SummonsListQuery extends Scope {
  department?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  openOnly?: boolean | undefined;
  limit: number;
}

/** Summons with their topic and the latest 报到/答复 given at the street, newest first. */
export async function summonsList(db: HubDb, q: SummonsListQuery): Promise<SummonsRowBody[]> {
  return rows<SummonsRowBody>(
    db,
    sql`select s.community_id as "communityId", c.name as "communityName", s.uid, s.department, s.summoned_at as "summonedAt",
          s.report_within_hours as "reportWithinHours", s.reported_at as "reportedAt", s.resolved, s.data->>'commitment' as commitment,
          s.data->>'result' as result, t.title as "topicTitle",
          (select i.data from ${replyItems} i where i.community_id = s.community_id and i.target_uid = s.uid and i.kind = '报到答复'
            order by i.created_at desc limit 1) as "latestReply"
        from ${summons} s join ${communities} c on c.community_id = s.community_id
        left join ${topics} t on t.community_id = s.community_id and t.uid = s.topic_uid
        where true
          ${q.communityId ? sql` and s.community_id = ${q.communityId}` : sql``}
          ${q.department ? sql` and s.department = ${q.department}` : sql``}
          ${q.from ? sql` and s.summoned_on >= ${q.from}` : sql``}
          ${q.to ? sql` and s.summoned_on <= ${q.to}` : sql``}
          ${q.openOnly ? sql` and s.data->>'closedAt' is null` : sql``}
        order by s.summoned_at desc
        limit ${q.limit}`,
  );
}
