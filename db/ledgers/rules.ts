import type { Db } from '../client';
import { prepared } from '../prepared';

export interface RuleLedgerRow {
  title: string;
  kind: string;
  stage: string;
  adoptedOn: string | null;
  filingDue: string | null;
  filedOn: string | null;
  receiptNo: string | null;
  authority: string | null;
}

// A rule document belongs to the period when it was adopted, due for filing or filed in it; one
// not yet adopted, when its first step was.
const rulesSql = `select d.title, d.kind, d.stage, d.adopted_on as adoptedOn, d.filing_due as filingDue, d.filed_on as filedOn,
    d.filing_receipt_no as receiptNo, d.filing_authority as authority
  from rule_documents d
  where d.org_id = @orgId and (d.adopted_on between @from and @to or d.filing_due between @from and @to or d.filed_on between @from and @to
    or (d.adopted_on is null and (select min(s.date) from rule_steps s where s.doc_id = d.id) between @from and @to))
  order by coalesce(d.adopted_on, '9999'), d.id`;

/** 村规民约备案台账. */
export function ruleLedger(db: Db, orgId: number, from: string, to: string): RuleLedgerRow[] {
  return prepared<[object], RuleLedgerRow>(db, rulesSql).all({ orgId, from, to });
}
