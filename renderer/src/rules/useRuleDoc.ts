import { useCallback } from 'react';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { useCall, useSetCall } from '../api/queries';

/** One rule document, read and kept; every edit returns the document, which replaces it. */
export function useRuleDoc(id: number) {
  const { data, pending, error, reload } = useCall('rules.get', { id });
  const put = useSetCall();
  const setDoc = useCallback((doc: RuleDocDetail) => put('rules.get', { id }, doc), [put, id]);
  return { doc: data ?? null, setDoc, loading: pending, error, reload };
}
