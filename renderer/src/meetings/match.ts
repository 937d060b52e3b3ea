import { matchesName } from '../../../core/pinyin';
import type { ExpectedAttendee } from '../../../core/contract/attendance';

/** A line of the expected list matches a name, pinyin (initials) or household number. */
export function attendeeMatches(entry: ExpectedAttendee, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (entry.householdNo && entry.householdNo.toLowerCase().includes(q.toLowerCase())) return true;
  if (matchesName(entry.name, q, entry.pinyinKeys)) return true;
  return entry.members.some((m) => m.name.includes(q));
}

/** In household mode: the member whose name the user typed, if the query points at one. */
export function matchingMember(entry: ExpectedAttendee, query: string): { personId: number; name: string } | undefined {
  const q = query.trim();
  if (!q || entry.members.length === 0) return undefined;
  // A minor (under 18 on the meeting's date) never signs for a household.
  const hits = entry.members.filter((m) => !m.minor && matchesName(m.name, q));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The members who may sign for a household: those aged 18 or more on the meeting's date. */
export function adultMembers(entry: ExpectedAttendee): ExpectedAttendee['members'] {
  return entry.members.filter((m) => !m.minor);
}

export function isPresent(entry: ExpectedAttendee): boolean {
  const s = entry.attendance?.status;
  return s === '出席' || s === '迟到';
}

/**
 * The order Enter picks from: an exact name first, then those not yet signed in, then the rest,
 * each group in list order.
 */
export function rankMatches(entries: ExpectedAttendee[], query: string): ExpectedAttendee[] {
  const q = query.trim();
  const hits = entries.filter((e) => attendeeMatches(e, q));
  if (!q) return hits;
  const score = (e: ExpectedAttendee) => (e.name === q || e.householdNo === q || e.members.some((m) => m.name === q) ? 0 : isPresent(e) ? 2 : 1);
  return hits
    .map((e, i) => ({ e, i, s: score(e) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.e);
}
