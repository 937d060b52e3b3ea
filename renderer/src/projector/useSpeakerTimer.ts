import { useCallback, useEffect, useState } from 'react';
import { newTimer, readTimer, resetTimer, setTimerLength, toggleTimer, type TimerReading, type TimerState } from './timer';

const TICK_MS = 200;

export interface SpeakerTimer {
  state: TimerState;
  reading: TimerReading;
  toggle(): void;
  reset(): void;
  choose(minutes: number): void;
}

/** The 发言计时 of the projector page: the pure timer, read again while it runs. */
export function useSpeakerTimer(initialMinutes = 3): SpeakerTimer {
  const [state, setState] = useState<TimerState>(() => newTimer(initialMinutes));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (state.startedAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [state.startedAt]);

  const toggle = useCallback(() => {
    const at = Date.now();
    setNow(at);
    setState((s) => toggleTimer(s, at));
  }, []);
  const reset = useCallback(() => setState((s) => resetTimer(s)), []);
  const choose = useCallback((minutes: number) => setState(setTimerLength(minutes)), []);

  return { state, reading: readTimer(state, state.startedAt === null ? 0 : Math.max(now, state.startedAt)), toggle, reset, choose };
}
