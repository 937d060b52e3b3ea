/**
 * Calendar dates in the user's own time zone. `toISOString()` is UTC: in China it still says
 * yesterday until 08:00, which would call today's date "in the future".
 */
export function localIsoDate(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** 2026年1月5日 — GB/T 9704: Arabic numerals in full, no zero padding. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The local time of day as HH:mm, the form meetings and sign-ins store. */
export function localClock(now = new Date()): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** "09:30" → 570, for comparing times of day. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The calendar date `days` after an ISO date (negative goes back); no time zone involved. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
