/**
 * 吹哨报到 figures by department and month, with the desktop's own definitions of 响应率 / 解决率 /
 * 满意率 (core/followup/rates.ts): the same counts give the same figures on both sides.
 */
import { sql } from 'drizzle-orm';
import { departmentRates, rateDefinitions, type DepartmentFigures, type SummonsRecord } from '../../../core/followup/rates';
import { type Satisfaction } from '../../../core/followup/data';
import { rows, type HubDb } from '../open';
import { summons, topics } from '../schema';
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

export async function summonsRates(db: HubDb, q: Scope & { from: string; to: string; department?: string | undefined }): Promise<SummonsRates> {
  const found = await rows<{
    community_id: string;
    department: string;
    summoned_on: string;
    summoned_at: string;
    report_within_hours: number;
    reported_at: string | null;
    resolved: boolean | null;
    topic_uid: string | null;
    satisfaction: Satisfaction | null;
  }>(
    db,
    sql`select s.community_id, s.department, s.summoned_on, s.summoned_at, s.report_within_hours, s.reported_at, s.resolved, s.topic_uid, t.satisfaction
        from ${summons} s left join ${topics} t on t.community_id = s.community_id and t.uid = s.topic_uid
        where s.summoned_on between ${q.from} and ${q.to}${inScope('s', q)}${q.department ? sql` and s.department = ${q.department}` : sql``}`,
  );
  // core counts each topic once per department: topics are numbered here across communities.
  const topicNumbers = new Map<string, number>();
  const records: SummonsRecord[] = found.map((r) => {
    let topicId: number | null = null;
    if (r.topic_uid != null) {
      const key = `${r.community_id}\u0000${r.topic_uid}`;
      topicId = topicNumbers.get(key) ?? topicNumbers.size + 1;
      topicNumbers.set(key, topicId);
    }
    return {
      department: r.department,
      summonedOn: r.summoned_on,
      summonedAt: r.summoned_at,
      reportWithinHours: r.report_within_hours,
      reportedAt: r.reported_at,
      resolved: r.resolved,
      topicId,
      topicSatisfaction: r.satisfaction,
    };
  });
  const whole = departmentRates(records, { from: q.from, to: q.to });
  const byMonth = new Map<string, SummonsRecord[]>();
  for (const r of records) {
    const m = r.summonedOn.slice(0, 7);
    const list = byMonth.get(m);
    if (list) list.push(r);
    else byMonth.set(m, [r]);
  }
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ month, ...departmentRates(list, { from: q.from, to: q.to }) }));
  return { from: q.from, to: q.to, definitions: rateDefinitions, departments: whole.departments, total: whole.total, months };
}
