import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clockAt, DEFAULT_TIME_ZONE, localDateTime, zonedInstant, type Clock } from '../../../core/clock';
import { call } from '../api/client';

/**
 * The renderer's clock: the user's time-zone setting, fetched once from `clock.get`, and the
 * date and time of day read in that zone (core/clock.ts) — never the computer's own zone.
 * Until the setting arrives the app's default (China Standard Time) is used.
 */
export interface RendererClock {
  readonly timeZone: string;
  /** Today in the user's zone, YYYY-MM-DD; follows midnight (checked every half minute). */
  readonly today: string;
  /** The clock at this moment: `now().time` for "现在" defaults in forms. */
  now(): Clock;
  /** A stored instant as "2026-11-05 09:30" in the user's zone. */
  show(instant: string): string;
  /** The instant of a date and time typed in the user's zone ("2026-11-05T09:30:00+08:00"). */
  instantOf(date: string, time: string): string;
  /** This minute as an instant in the user's zone ("2026-11-05T09:30:00+08:00"): "now" defaults of date-and-time fields. */
  thisMinute(): string;
  /** After `clock.setTimeZone`: take the new zone. */
  setTimeZone(timeZone: string): void;
}

const ClockContext = createContext<RendererClock | null>(null);

export function ClockProvider({ children }: { children: ReactNode }) {
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [today, setToday] = useState(() => clockAt(DEFAULT_TIME_ZONE, new Date()).today);

  useEffect(() => {
    let alive = true;
    call('clock.get', {})
      .then((c) => alive && setTimeZone(c.timeZone))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const tick = () => setToday(clockAt(timeZone, new Date()).today);
    tick();
    const timer = window.setInterval(tick, 30_000);
    return () => window.clearInterval(timer);
  }, [timeZone]);

  const now = useCallback(() => clockAt(timeZone, new Date()), [timeZone]);
  const value = useMemo<RendererClock>(
    () => ({
      timeZone,
      today,
      now,
      show: (instant) => localDateTime(timeZone, instant),
      instantOf: (date, time) => zonedInstant(timeZone, date, time),
      thisMinute: () => {
        const c = clockAt(timeZone, new Date());
        return zonedInstant(timeZone, c.today, c.time);
      },
      setTimeZone,
    }),
    [timeZone, today, now],
  );
  return <ClockContext.Provider value={value}>{children}</ClockContext.Provider>;
}

/** The user's clock (see ClockProvider). Outside a provider (tests), China Standard Time. */
export function useClock(): RendererClock {
  return useContext(ClockContext) ?? fallback;
}

const fallback: RendererClock = {
  timeZone: DEFAULT_TIME_ZONE,
  get today() {
    return clockAt(DEFAULT_TIME_ZONE, new Date()).today;
  },
  now: () => clockAt(DEFAULT_TIME_ZONE, new Date()),
  show: (instant) => localDateTime(DEFAULT_TIME_ZONE, instant),
  instantOf: (date, time) => zonedInstant(DEFAULT_TIME_ZONE, date, time),
  thisMinute: () => {
    const c = clockAt(DEFAULT_TIME_ZONE, new Date());
    return zonedInstant(DEFAULT_TIME_ZONE, c.today, c.time);
  },
  setTimeZone: () => undefined,
};
