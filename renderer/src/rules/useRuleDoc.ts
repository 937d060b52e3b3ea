import { useCallback, useEffect, useRef, useState } from 'react';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';

/** One rule document, fetched and kept; every edit returns the document, which replaces it. */
export function useRuleDoc(id: number) {
  const [doc, setDoc] = useState<RuleDocDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const d = await call('rules.get', { id });
      if (ticket !== latest.current) return;
      setDoc(d);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { doc, setDoc, loading, error, reload };
}
