import type { AttendanceSheet, ExpectedAttendee, SheetChange } from './contract/attendance';

/** The same line of the sheet: one household in household mode, else one person. */
export function sameAttendee(a: Pick<ExpectedAttendee, 'personId' | 'householdId'>, b: Pick<ExpectedAttendee, 'personId' | 'householdId'>): boolean {
  return a.householdId != null ? a.householdId === b.householdId : b.householdId == null && a.personId === b.personId;
}

/**
 * The sheet after a sign-in, a 更正 or a new 列席 line, made from the sheet already on screen and
 * what the call returned: equal to what attendance.sheet would now read. Null when the changed
 * line is not on this sheet (the roll changed since it was read): then read the sheet again.
 */
export function applySheetChange(sheet: AttendanceSheet, change: SheetChange): AttendanceSheet | null {
  let { expected, nonVoting, observers } = sheet;
  const entry = change.entry;
  if (entry) {
    const list = change.list === 'expected' ? expected : nonVoting;
    const at = list.findIndex((e) => sameAttendee(e, entry));
    if (at < 0) return null;
    const next = list.slice();
    next[at] = entry;
    if (change.list === 'expected') expected = next;
    else nonVoting = next;
  }
  const observer = change.observer;
  if (observer && !observers.some((o) => o.id === observer.id)) {
    // The sheet lists 列席 lines in the order they were made.
    const at = observers.findIndex((o) => o.id > observer.id);
    observers = at < 0 ? [...observers, observer] : [...observers.slice(0, at), observer, ...observers.slice(at)];
  }
  return { expected, nonVoting, observers, quorum: change.quorum };
}
