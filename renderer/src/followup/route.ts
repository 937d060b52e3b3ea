import { useCallback, useEffect, useState } from 'react';

/** The three tabs of the 督办公示 page. */
export const followUpTabs = ['resolutions', 'notices', 'matters'] as const;
export type FollowUpTab = (typeof followUpTabs)[number];

/** `id`: the resolution whose drawer is open, or the 四议两公开 matter shown. */
export interface FollowUpRoute {
  tab: FollowUpTab;
  id?: number;
}

/** `#/followup`, `#/followup/notices`, `#/followup/resolutions/7`, `#/followup/matters/3`. */
export function parseFollowUpHash(hash: string): FollowUpRoute {
  const parts = hash.replace(/^#\/?/, '').split(/[/?]/).filter(Boolean);
  if (parts[0] !== 'followup') return { tab: 'resolutions' };
  const tab = (followUpTabs as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as FollowUpTab) : 'resolutions';
  const id = parts[2] && /^\d+$/.test(parts[2]) && tab !== 'notices' ? Number(parts[2]) : undefined;
  return id ? { tab, id } : { tab };
}

export function followUpHash(route: FollowUpRoute): string {
  return `#/followup/${route.tab}${route.id ? `/${route.id}` : ''}`;
}

/** The route of the 督办公示 page, following the hash (so F5 and back/forward keep the place). */
export function useFollowUpRoute(): [FollowUpRoute, (next: FollowUpRoute) => void] {
  const [route, setRoute] = useState<FollowUpRoute>(() => parseFollowUpHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseFollowUpHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: FollowUpRoute) => {
    const hash = followUpHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, go];
}
