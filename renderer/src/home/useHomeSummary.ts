import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../api/client';
import type { CallOutput } from '../../../core/contract/index';

export type HomeSummary = CallOutput<'home.summary'>;

/**
 * The 首页 summary, loaded when the page is shown and again when the window comes back to the
 * front (the secretary may have left it open overnight: "today" moves on). A failed refresh keeps
 * what was shown and says so.
 */
export function useHomeSummary(orgId: number) {
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const next = await call('home.summary', { orgId });
      if (ticket !== latest.current) return;
      setSummary(next);
      setError(null);
      setLoadedAt(new Date());
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [orgId]);

  useEffect(() => {
    void reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      latest.current++;
    };
  }, [reload]);

  return { summary, loading, error, loadedAt, reload };
}
