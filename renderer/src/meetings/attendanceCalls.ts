import type { ExpectedAttendee } from '../../../core/contract/attendance';

/** The part of a sign-in call that says who: a person, or a household in household mode. */
export function whoOf(entry: ExpectedAttendee): { personId: number } | { householdId: number } {
  return entry.householdId != null ? { householdId: entry.householdId } : { personId: entry.personId! };
}

export function sameEntry(a: ExpectedAttendee, b: ExpectedAttendee): boolean {
  return a.householdId != null ? a.householdId === b.householdId : b.householdId == null && a.personId === b.personId;
}

/** A short name for messages: "张三", or "A003户（李四）" in household mode. */
export function shortName(entry: ExpectedAttendee, signer?: string): string {
  if (entry.householdId == null) return entry.name;
  return `${entry.householdNo ?? ''}户${signer ? `（${signer}）` : ''}`;
}

export const entryKey = (e: ExpectedAttendee) => (e.householdId != null ? `h${e.householdId}` : `p${e.personId}`);
