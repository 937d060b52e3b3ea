import { ApiError } from '../core/contract/define';
import { DEFAULT_TIME_ZONE, isValidTimeZone, todayIn } from '../core/dates';
import { appendAudit } from './audit';
import { inTransaction, type Actor, type Db } from './client';
import { getSetting, setSetting } from './settings';

const KEY = 'timeZone';

/** The user's time zone (a setting, China Standard Time unless changed). */
export function getTimeZone(db: Db): string {
  const tz = getSetting<string>(db, KEY);
  return tz && isValidTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}

/** "Today" as the user's calendar says, which is what deadlines and notice periods are judged by. */
export function localToday(db: Db, now = new Date()): string {
  return todayIn(getTimeZone(db), now);
}

export function clockInfo(db: Db, now = new Date()) {
  const timeZone = getTimeZone(db);
  return { timeZone, today: todayIn(timeZone, now), now: now.toISOString() };
}

export function setTimeZone(db: Db, actor: Actor, timeZone: string, now = new Date()) {
  if (!isValidTimeZone(timeZone)) throw new ApiError('INVALID_INPUT', `不认识时区“${timeZone}”，请填写如“Asia/Shanghai”（北京时间）的时区名称`);
  return inTransaction(db, () => {
    const before = getTimeZone(db);
    setSetting(db, KEY, timeZone, now);
    appendAudit(db, actor, { action: 'settings.timeZone', entity: 'settings', entityId: null, before: { timeZone: before }, after: { timeZone } }, now);
    return clockInfo(db, now);
  });
}
