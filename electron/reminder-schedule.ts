import { DEFAULT_TIME_ZONE, isValidTimeZone, zonedInstant, zonedParts } from '../core/clock';
import { addDays } from '../core/dates';
import { reminderNotice, type Reminder } from '../core/reminders';
import { dispatch, type HandlerContext } from './api/dispatch';

/**
 * When the desktop app shows 今日提醒: at start, every morning at MORNING in the user's zone
 * setting (not the computer's), and on waking from sleep if the morning passed meanwhile — at
 * most once a day. Pure timing and text here, tested under Node; electron/main.ts only wires
 * the timer, powerMonitor and Notification to it.
 */
export const MORNING = '08:00';

/** The next instant after `now` at which the wall clock in `timeZone` shows `time` (today's if still ahead, else tomorrow's). */
export function nextMorning(zone: string, now: Date, time: string = MORNING): Date {
  const timeZone = isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  const today = zonedParts(timeZone, now).date;
  const todays = new Date(zonedInstant(timeZone, today, time));
  return todays.getTime() > now.getTime() ? todays : new Date(zonedInstant(timeZone, addDays(today, 1), time));
}

/** Milliseconds from `now` to the next morning in `timeZone` (always more than 0). */
export function msUntilNextMorning(timeZone: string, now: Date, time: string = MORNING): number {
  return nextMorning(timeZone, now, time).getTime() - now.getTime();
}

/** True once the wall clock in `timeZone` has reached `time` today. */
export function pastMorning(timeZone: string, now: Date, time: string = MORNING): boolean {
  return zonedParts(isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE, now).time >= time;
}

/** The notification's title and text: "今日提醒：逾期 2 项，今天到期 3 项" and the first few titles; null when nothing is due. */
export function reminderNotification(items: readonly Reminder[]): { title: string; body: string } | null {
  return reminderNotice(items, 3);
}

/** What the scheduler reads each time: the reminders.today answer of the current 议事主体 (items empty without one). */
export interface ReminderSnapshot {
  today: string;
  timeZone: string;
  items: Reminder[];
  desktopNotifications: boolean;
}

/**
 * reminders.today of the current 议事主体 through dispatch, like any caller (reads need no
 * signed-in user); with no 议事主体 yet, nothing due on the clock's day. Null when it fails.
 */
export async function readReminderSnapshot(ctx: HandlerContext): Promise<ReminderSnapshot | null> {
  const orgs = await dispatch(ctx, 'organizations.list', {});
  if (!orgs.ok) return null;
  const orgId = (orgs.value as { currentId: number | null }).currentId;
  if (orgId == null) {
    const clock = await dispatch(ctx, 'clock.get', {});
    if (!clock.ok) return null;
    const { today, timeZone } = clock.value as { today: string; timeZone: string };
    return { today, timeZone, items: [], desktopNotifications: false };
  }
  const r = await dispatch(ctx, 'reminders.today', { orgId });
  if (!r.ok) return null;
  const { today, timeZone, items, desktopNotifications } = r.value as ReminderSnapshot;
  return { today, timeZone, items, desktopNotifications };
}

export type ReminderOccasion = 'start' | 'morning' | 'resume';

export interface ReminderSchedulerDeps {
  /** The reminders now; null when the database cannot answer (the next check tries again). */
  read(): Promise<ReminderSnapshot | null>;
  show(notice: { title: string; body: string }): void;
  now(): Date;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** A read or a notification that failed: noted in the support log, the next check tries again. */
  onError?(err: unknown): void;
}

/** setTimeout's longest wait (about 24.8 days); a morning is never further, this is a guard. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * At start: notifies (when anything is due). Then every morning, and on waking after the morning
 * has passed: notifies unless it already did on that local day. After every check the timer is
 * set again for the next morning in the zone the reminders were read in (the setting may change).
 */
export class ReminderScheduler {
  private lastNotifiedOn: string | null = null;
  private timer: unknown = null;
  private stopped = false;
  private timeZone: string;

  constructor(
    private readonly deps: ReminderSchedulerDeps,
    defaultTimeZone: string,
  ) {
    this.timeZone = defaultTimeZone;
  }

  /** Reads and perhaps notifies; returns what was shown, for the log and tests. Never rejects. */
  async check(occasion: ReminderOccasion): Promise<{ title: string; body: string } | null> {
    let shown: { title: string; body: string } | null = null;
    try {
      const snapshot = await this.deps.read();
      if (snapshot) {
        this.timeZone = snapshot.timeZone;
        const missedMorning = occasion !== 'resume' || pastMorning(snapshot.timeZone, this.deps.now());
        if (snapshot.desktopNotifications && missedMorning && this.lastNotifiedOn !== snapshot.today) {
          const notice = reminderNotification(snapshot.items);
          if (notice) {
            this.deps.show(notice);
            this.lastNotifiedOn = snapshot.today;
            shown = notice;
          }
        }
      }
    } catch (err) {
      this.deps.onError?.(err);
    } finally {
      this.schedule();
    }
    return shown;
  }

  /** The next morning's check (replacing any set before). */
  schedule(): void {
    if (this.stopped) return;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    const ms = Math.min(msUntilNextMorning(this.timeZone, this.deps.now()), MAX_TIMER_MS);
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.check('morning');
    }, ms);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }
}
