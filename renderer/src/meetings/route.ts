import { useCallback, useEffect, useState } from 'react';

/** The four sections of the 会议 page. */
export const meetingsSections = ['list', 'bodies', 'types', 'resolutions'] as const;
export type MeetingsSection = (typeof meetingsSections)[number];

/** The tabs of one meeting's workspace. */
export const workspaceTabs = ['agenda', 'signin', 'record', 'votes', 'minutes'] as const;
export type WorkspaceTab = (typeof workspaceTabs)[number];

export type MeetingsRoute = { kind: 'section'; section: MeetingsSection; bodyId?: number } | { kind: 'meeting'; id: number; tab: WorkspaceTab };

const DEFAULT_ROUTE: MeetingsRoute = { kind: 'section', section: 'list' };

/**
 * `#/meetings`, `#/meetings/bodies/3`, `#/meetings/12`, `#/meetings/12/signin`: everything the
 * page shows lives in the hash, so a reload (F5) opens the same meeting on the same tab.
 */
export function parseMeetingsHash(hash: string): MeetingsRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'meetings') return DEFAULT_ROUTE;
  const second = parts[1];
  if (second && /^\d+$/.test(second)) {
    const tab = parts[2];
    return { kind: 'meeting', id: Number(second), tab: (workspaceTabs as readonly string[]).includes(tab ?? '') ? (tab as WorkspaceTab) : 'agenda' };
  }
  if (second && (meetingsSections as readonly string[]).includes(second)) {
    const bodyId = second === 'bodies' && parts[2] && /^\d+$/.test(parts[2]) ? Number(parts[2]) : undefined;
    return bodyId ? { kind: 'section', section: 'bodies', bodyId } : { kind: 'section', section: second as MeetingsSection };
  }
  return DEFAULT_ROUTE;
}

export function meetingsHash(route: MeetingsRoute): string {
  if (route.kind === 'meeting') return `#/meetings/${route.id}/${route.tab}`;
  if (route.section === 'list') return '#/meetings';
  return route.bodyId ? `#/meetings/bodies/${route.bodyId}` : `#/meetings/${route.section}`;
}

/** The route of the 会议 page, following the hash (back/forward buttons work too). */
export function useMeetingsRoute(): [MeetingsRoute, (next: MeetingsRoute) => void] {
  const [route, setRoute] = useState<MeetingsRoute>(() => parseMeetingsHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseMeetingsHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: MeetingsRoute) => {
    const hash = meetingsHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, go];
}
