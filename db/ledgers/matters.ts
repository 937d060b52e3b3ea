import { matterStepsFor } from '../../core/followup/data';
import type { Db } from '../client';
import { getOrganization } from '../organizations';
import { prepared } from '../prepared';

export interface MatterLedgerRow {
  title: string;
  category: string | null;
  createdOn: string;
  /** Steps 1–6 in order: "date 会议/公示标题", or '' where not yet recorded. */
  steps: string[];
}

// A matter belongs to the period when it was registered in it or any of its steps happened in it.
const mattersSql = `select m.id, m.title, m.category, m.created_on as createdOn from matters m
  where m.org_id = @orgId and (m.created_on between @from and @to
    or exists (select 1 from matter_steps s where s.matter_id = m.id and s.date between @from and @to))
  order by m.created_on, m.id`;
const stepsSql = `select s.matter_id as matterId, s.step, s.date, coalesce(mt.title, n.title) as what from matter_steps s
  join matters m on m.id = s.matter_id
  left join meetings mt on mt.id = s.meeting_id left join notices n on n.id = s.notice_id
  where m.org_id = @orgId and (m.created_on between @from and @to
    or exists (select 1 from matter_steps x where x.matter_id = m.id and x.date between @from and @to))`;

/** 四议两公开台账: each matter with its six steps' dates and the meeting or notice of each. */
export function matterLedger(db: Db, orgId: number, from: string, to: string): { stepNames: string[]; rows: MatterLedgerRow[] } {
  const stepNames = matterStepsFor(getOrganization(db, orgId).kind).map((d) => d.name);
  const params = { orgId, from, to };
  const matters = prepared<[object], { id: number; title: string; category: string | null; createdOn: string }>(db, mattersSql).all(params);
  const steps = prepared<[object], { matterId: number; step: number; date: string; what: string | null }>(db, stepsSql).all(params);
  const byMatter = new Map(matters.map((m) => [m.id, stepNames.map(() => '')]));
  for (const s of steps) {
    const cells = byMatter.get(s.matterId);
    if (cells && s.step >= 1 && s.step <= cells.length) cells[s.step - 1] = s.what ? `${s.date}\n${s.what}` : s.date;
  }
  return { stepNames, rows: matters.map((m) => ({ title: m.title, category: m.category, createdOn: m.createdOn, steps: byMatter.get(m.id)! })) };
}
