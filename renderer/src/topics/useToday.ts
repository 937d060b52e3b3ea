import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { call } from '../api/client';
import { rememberTimeZone } from '../app/timeZone';

/** Today in the app's time zone (clock.get), falling back to this computer's date. */
export function useToday(): string {
  const [today, setToday] = useState(() => dayjs().format('YYYY-MM-DD'));
  useEffect(() => {
    let alive = true;
    call('clock.get', {})
      .then((c) => {
        rememberTimeZone(c.timeZone);
        if (alive) setToday(c.today);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return today;
}
