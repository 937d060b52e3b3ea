import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Organization } from '../../../core/contract/organizations';
import { call, errorMessage } from '../api/client';

export interface OrgState {
  loading: boolean;
  /** Set when the list could not be loaded at all (the service is not answering). */
  loadError: string | null;
  items: Organization[];
  current: Organization | null;
  reload(): Promise<void>;
  switchTo(id: number): Promise<void>;
}

const OrgContext = createContext<OrgState | null>(null);

export function OrgProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [items, setItems] = useState<Organization[]>([]);
  const [currentId, setCurrentId] = useState<number | null>(null);

  const reload = useCallback(async () => {
    try {
      const result = await call('organizations.list', {});
      setItems(result.items);
      setCurrentId(result.currentId);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
    } finally {
      setLoading(false);
    }
  }, []);

  const switchTo = useCallback(
    async (id: number) => {
      await call('organizations.setCurrent', { id });
      await reload();
    },
    [reload],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<OrgState>(() => {
    const current = items.find((o) => o.id === currentId) ?? items[0] ?? null;
    return { loading, loadError, items, current, reload, switchTo };
  }, [loading, loadError, items, currentId, reload, switchTo]);

  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

export function useOrgs(): OrgState {
  const state = useContext(OrgContext);
  if (!state) throw new Error('useOrgs must be used inside OrgProvider');
  return state;
}

/** The organization every page works on; pages render only once one exists. */
export function useCurrentOrg(): Organization {
  const { current } = useOrgs();
  if (!current) throw new Error('useCurrentOrg needs a current organization');
  return current;
}
