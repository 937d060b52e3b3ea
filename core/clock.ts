/**
 * The one clock. Every "now", calendar date and time of day the app records or judges by comes
 * from a `Clock` made here from an instant and the user's time-zone setting (China Standard
 * Time unless changed) — never from the operating system's zone, which on many office PCs and
 * on CI machines is UTC: 09:00 in Beijing is 01:00 there, and "today" is still yesterday.
 */
export interface Clock {
  /** The instant, as an ISO string in UTC: what audit rows and timestamps store. */
  readonly instant: string;
  /** The IANA zone the dates and times below are in. */
  readonly timeZone: string;
  /** The calendar date in that zone, YYYY-MM-DD. */
  readonly today: string;
  /** The time of day in that zone, HH:mm. */
  readonly time: string;
}

/** The app's default: China Standard Time, whatever the computer's own zone is set to. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True for a time zone Intl knows (Asia/Shanghai, Asia/Urumqi, UTC…). */
// Asked on every call (the zone setting is re-read by each call's clock); building a formatter to
// find out costs ~0.4 ms, so each answer is remembered.
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  let valid = zoneValidity.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size < 1000) zoneValidity.set(timeZone, valid);
  }
  return valid;
}

// Building an Intl formatter is slow (about 20 µs); lists format thousands of instants.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Date and time of day of `instant` in `timeZone`: ['2026-11-26', '00:30']. */
export function zonedParts(timeZone: string, instant: Date | string): { date: string; time: string } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = formatter(timeZone).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The clock at `now` in `timeZone`. */
export function clockAt(timeZone: string, now: Date = new Date()): Clock {
  const tz = isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  const { date, time } = zonedParts(tz, now);
  return { instant: now.toISOString(), timeZone: tz, today: date, time };
}

/**
 * The calendar date in `timeZone` at the instant `now`: 2026-11-25T16:30Z is already 2026-11-26
 * in Shanghai. Deadlines, "today's meetings" and notice periods are all judged by this date.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return zonedParts(timeZone, now).date;
}

/** "2026-11-26 00:30" in `timeZone`, for timelines and messages. */
export function localDateTime(timeZone: string, instant: Date | string): string {
  const { date, time } = zonedParts(timeZone, instant);
  return `${date} ${time}`;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`, with that zone's offset:
 * ('Asia/Shanghai', '2026-11-05', '09:30') → '2026-11-05T09:30:00+08:00'. For the date-and-time
 * fields of forms, so what is typed is read in the user's zone, not the computer's.
 */
export function zonedInstant(timeZone: string, date: string, time: string): string {
  const tz = isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  const wall = Date.parse(`${date}T${time}:00Z`);
  const offsetAt = (t: number) => {
    const p = zonedParts(tz, new Date(t));
    return Date.parse(`${p.date}T${p.time}:00Z`) - Math.floor(t / 60_000) * 60_000;
  };
  // Two passes settle the offset around daylight-saving changes.
  let offset = offsetAt(wall);
  offset = offsetAt(wall - offset);
  const minutes = Math.round(offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
