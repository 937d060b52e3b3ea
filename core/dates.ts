import { zonedParts } from './clock';

export { DEFAULT_TIME_ZONE, isValidTimeZone, todayIn, localDateTime } from './clock';

/** 2026年1月5日 — GB/T 9704: Arabic numerals in full, no zero padding. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "09:30" → 570, for comparing times of day. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** YYYY-MM-DD plus n calendar days (n may be negative); pure date arithmetic, no time zone. */
export function addDays(iso: string, n: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (to − from). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The `count` months ending with the month of `today`, oldest first: ['2026-06', …, '2026-11']. */
export function lastMonths(today: string, count: number): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** "2026年3月15日 10:32": a stored instant (ISO, UTC) as a date and time of day in `timeZone`. */
export function chineseDateTime(timeZone: string, instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return String(instant);
  const { date, time } = zonedParts(timeZone, d);
  return `${chineseDate(date)} ${time}`;
}
