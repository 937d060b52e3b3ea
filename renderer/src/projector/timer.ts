/**
 * 发言计时: a countdown of a chosen length that keeps counting past zero (超时). Pure, so it is
 * unit-tested under Node; the time comes in as `now` (milliseconds), never read here.
 */
export interface TimerState {
  lengthMs: number;
  /** When the current run started; null while paused or not started. */
  startedAt: number | null;
  /** Time counted in earlier runs (before a pause). */
  elapsedMs: number;
}

export interface TimerReading {
  running: boolean;
  /** mm:ss left, or the overrun after zero. */
  digits: string;
  overrun: boolean;
  /** The last 30 seconds. */
  warning: boolean;
  started: boolean;
}

export const TIMER_LENGTHS_MIN = [2, 3, 5] as const;
const WARNING_MS = 30_000;

export function newTimer(minutes: number): TimerState {
  return { lengthMs: minutes * 60_000, startedAt: null, elapsedMs: 0 };
}

export function elapsed(s: TimerState, now: number): number {
  return s.elapsedMs + (s.startedAt === null ? 0 : Math.max(0, now - s.startedAt));
}

export function startTimer(s: TimerState, now: number): TimerState {
  return s.startedAt === null ? { ...s, startedAt: now } : s;
}

export function pauseTimer(s: TimerState, now: number): TimerState {
  return s.startedAt === null ? s : { ...s, startedAt: null, elapsedMs: elapsed(s, now) };
}

export function toggleTimer(s: TimerState, now: number): TimerState {
  return s.startedAt === null ? startTimer(s, now) : pauseTimer(s, now);
}

export function resetTimer(s: TimerState): TimerState {
  return { ...s, startedAt: null, elapsedMs: 0 };
}

/** A new length starts again from the full time, paused. */
export function setTimerLength(minutes: number): TimerState {
  return newTimer(minutes);
}

function clock(ms: number): string {
  const total = Math.max(0, ms / 1000);
  const m = Math.floor(total / 60);
  const sec = Math.floor(total % 60);
  return `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

export function readTimer(s: TimerState, now: number): TimerReading {
  const used = elapsed(s, now);
  const left = s.lengthMs - used;
  const running = s.startedAt !== null;
  const started = used > 0 || running;
  if (left < 0) {
    // 超时 00:01 one second after zero: the overrun counts up in whole seconds.
    return { running, digits: clock(-left), overrun: true, warning: false, started };
  }
  // Left is shown rounded up, so 00:00 appears exactly at zero and 02:00 for the whole first second.
  return { running, digits: clock(Math.ceil(left / 1000) * 1000), overrun: false, warning: left <= WARNING_MS && started, started };
}
