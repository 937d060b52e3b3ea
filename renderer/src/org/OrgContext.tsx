import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Organization } from '../../../core/contract/organizations';
import { call } from '../api/client';
import { useCall } from '../api/queries';

export interface OrgState {
  loading: boolean;
  /** Set when the list could not be loaded at all (the service is not answering). */
  loadError: string | null;
  items: Organization[];
  current: Organization | null;
  reload(): Promise<void>;
  switchTo(id: number): Promise<void>;
}

const NO_ORGS: Organization[] = [];

const OrgContext = createContext<OrgState | null>(null);

export function OrgProvider({ children }: { children: ReactNode }) {
  const { data, pending: loading, error: loadError, reload } = useCall('organizations.list', {});
  const items = data?.items ?? NO_ORGS;
  const currentId = data?.currentId ?? null;

  const switchTo = useCallback(
    async (id: number) => {
      await call('organizations.setCurrent', { id });
      await reload();
    },
    [reload],
  );

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
