import type { Satisfaction } from './data';

/** One summons as the figures need it; `summonedOn` is its local date (the period is in local dates). */
export interface SummonsRecord {
  department: string;
  summonedOn: string;
  summonedAt: string;
  reportWithinHours: number;
  reportedAt: string | null;
  resolved: boolean | null;
  topicId: number | null;
  topicSatisfaction: Satisfaction | null;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** Rounded half up to a whole per mille; null when nothing was counted (0 ÷ 0 is no figure, not 0%). */
  perMille: number | null;
  /** "2/3（66.7%）" */
  text: string;
  definition: string;
}

export interface DepartmentFigures {
  department: string;
  summoned: number;
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
}

export const rateDefinitions = {
  response: '响应率 = 期间内在规定时限内报到的吹哨次数 ÷ 期间内的吹哨次数',
  resolution: '解决率 = 期间内吹哨后已解决的次数 ÷ 期间内的吹哨次数',
  satisfaction: '满意率 = 期间内该部门承办的议题中，居民评价为“满意”或“基本满意”的议题数 ÷ 有居民评价的议题数',
} as const;

/** Integers only: per mille rounded half up, so 2/3 → 667 and the same counts always give the same figure. */
export function perMille(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((numerator * 2000 + denominator) / (2 * denominator));
}

export function percentText(pm: number | null): string {
  return pm == null ? '无数据' : `${Math.floor(pm / 10)}.${pm % 10}%`;
}

function rate(numerator: number, denominator: number, definition: string): Rate {
  const pm = perMille(numerator, denominator);
  return { numerator, denominator, perMille: pm, text: `${numerator}/${denominator}（${percentText(pm)}）`, definition };
}

/** Reported no later than summoned_at + the hours allowed ("以内" includes the limit itself). */
export function reportedInTime(r: Pick<SummonsRecord, 'summonedAt' | 'reportWithinHours' | 'reportedAt'>): boolean {
  if (r.reportedAt == null) return false;
  return Date.parse(r.reportedAt) <= Date.parse(r.summonedAt) + r.reportWithinHours * 3_600_000;
}

function figures(department: string, records: SummonsRecord[]): DepartmentFigures {
  const topics = new Map<number, Satisfaction | null>();
  for (const r of records) if (r.topicId != null) topics.set(r.topicId, r.topicSatisfaction);
  const rated = [...topics.values()].filter((s) => s != null);
  return {
    department,
    summoned: records.length,
    response: rate(records.filter(reportedInTime).length, records.length, rateDefinitions.response),
    resolution: rate(records.filter((r) => r.resolved === true).length, records.length, rateDefinitions.resolution),
    satisfaction: rate(rated.filter((s) => s === '满意' || s === '基本满意').length, rated.length, rateDefinitions.satisfaction),
  };
}

/** Figures per department (sorted by name) and for all of them, for summons made from `from` to `to` inclusive. */
export function departmentRates(
  records: SummonsRecord[],
  period: { from: string; to: string },
): { departments: DepartmentFigures[]; total: DepartmentFigures } {
  const inPeriod = records.filter((r) => r.summonedOn >= period.from && r.summonedOn <= period.to);
  const byDepartment = new Map<string, SummonsRecord[]>();
  for (const r of inPeriod) byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), r]);
  const departments = [...byDepartment.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([d, rs]) => figures(d, rs));
  return { departments, total: figures('合计', inPeriod) };
}
