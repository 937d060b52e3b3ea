import { clockAt, DEFAULT_TIME_ZONE, isValidTimeZone, type Clock } from '../core/clock';
import { ApiError } from '../core/contract/define';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { getSetting, setSetting } from './settings';

const KEY = 'timeZone';

/** The user's time zone (a setting, China Standard Time unless changed). */
export function getTimeZone(db: Db): string {
  const tz = getSetting<string>(db, KEY);
  return tz && isValidTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}

/** The one clock at `now`, in the user's time zone. Dispatch makes one per call. */
export function clockOf(db: Db, now: Date = new Date()): Clock {
  return clockAt(getTimeZone(db), now);
}

export function clockInfo(clock: Clock) {
  return { timeZone: clock.timeZone, today: clock.today, now: clock.instant };
}

export function setTimeZone(tx: Tx, timeZone: string) {
  if (!isValidTimeZone(timeZone)) throw new ApiError('INVALID_INPUT', `不认识时区“${timeZone}”，请填写如“Asia/Shanghai”（北京时间）的时区名称`);
  const before = getTimeZone(tx);
  setSetting(tx, KEY, timeZone);
  appendAudit(tx, { action: 'settings.timeZone', entity: 'settings', entityId: null, before: { timeZone: before }, after: { timeZone } });
  return clockInfo(clockAt(timeZone, new Date(tx.clock.instant)));
}
