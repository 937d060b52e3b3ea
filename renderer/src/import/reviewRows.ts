import type { CallOutput } from '../../../core/contract/index';
import { importFieldLabels, type ImportField, type ImportRow } from '../../../core/roster/fields';

export type CheckResult = CallOutput<'roster.check'>['rows'][number];

/** One row of the file as the review step holds it. */
export interface ReviewRow {
  /** 1-based position among the file's data rows, shown as 序号. */
  index: number;
  data: ImportRow;
  skipped: boolean;
  check: CheckResult | null;
  /** Set when the user changed the row by hand, so leaving the step can warn first. */
  edited: boolean;
}

export interface RowProblem {
  field?: ImportField;
  text: string;
}

function idKey(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

/**
 * Rows of the same file with the same ID number: the server checks each chunk against the
 * roster, but two copies inside one file must be caught here. The later copy is the problem.
 */
export function findFileDuplicates(rows: readonly ReviewRow[]): Map<number, number> {
  const firstByIdNumber = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const row of rows) {
    if (row.skipped) continue;
    const key = idKey(row.data.idNumber);
    if (!key) continue;
    const first = firstByIdNumber.get(key);
    if (first === undefined) firstByIdNumber.set(key, row.index);
    else duplicates.set(row.index, first);
  }
  return duplicates;
}

/** Everything that stops a row from being imported, in words for the secretary. */
export function rowProblems(row: ReviewRow, fileDuplicateOf: number | undefined): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const issue of row.check?.errors ?? []) {
    const label = importFieldLabels[issue.field];
    problems.push({ field: issue.field, text: issue.message.includes(label) ? issue.message : `${label}：${issue.message}` });
  }
  const dup = row.check?.duplicateOf;
  if (dup && !problems.some((p) => p.text.includes('重复'))) {
    problems.push({ field: 'idNumber', text: `与名册中的${dup.name}重复（已在名册里），不需要再导入，请点“跳过”` });
  }
  if (fileDuplicateOf !== undefined) {
    problems.push({ field: 'idNumber', text: `与本文件第 ${fileDuplicateOf} 行的身份证号相同，请核对后跳过其中一行` });
  }
  return problems;
}

export interface ReviewSummary {
  total: number;
  ready: number;
  withProblems: number;
  skipped: number;
}

export function summarize(rows: readonly ReviewRow[], duplicates: Map<number, number>): ReviewSummary {
  let withProblems = 0;
  let skipped = 0;
  for (const row of rows) {
    if (row.skipped) skipped++;
    else if (rowProblems(row, duplicates.get(row.index)).length > 0) withProblems++;
  }
  return { total: rows.length, ready: rows.length - withProblems - skipped, withProblems, skipped };
}

export function derivedNote(check: CheckResult | null): string | null {
  if (!check || check.derived.length === 0) return null;
  return `${check.derived.map((f) => importFieldLabels[f]).join('、')}由身份证号得出`;
}
