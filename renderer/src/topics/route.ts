import { useCallback, useEffect, useState } from 'react';

/** The three tabs of the 议题 page. */
export const topicsSections = ['list', 'summons', 'rates'] as const;
export type TopicsSection = (typeof topicsSections)[number];

export type TopicsRoute = { kind: 'section'; section: TopicsSection } | { kind: 'topic'; id: number };

const DEFAULT_ROUTE: TopicsRoute = { kind: 'section', section: 'list' };

/** `#/topics`, `#/topics/summons`, `#/topics/rates`, `#/topics/12`: a reload stays put. */
export function parseTopicsHash(hash: string): TopicsRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'topics') return DEFAULT_ROUTE;
  const second = parts[1];
  if (second && /^\d+$/.test(second)) return { kind: 'topic', id: Number(second) };
  if (second && (topicsSections as readonly string[]).includes(second)) return { kind: 'section', section: second as TopicsSection };
  return DEFAULT_ROUTE;
}

export function topicsHash(route: TopicsRoute): string {
  if (route.kind === 'topic') return `#/topics/${route.id}`;
  return route.section === 'list' ? '#/topics' : `#/topics/${route.section}`;
}

/** The route of the 议题 page, following the hash (back/forward buttons work too). */
export function useTopicsRoute(): [TopicsRoute, (next: TopicsRoute) => void] {
  const [route, setRoute] = useState<TopicsRoute>(() => parseTopicsHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseTopicsHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: TopicsRoute) => {
    const hash = topicsHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, go];
}

/** Another page's place, e.g. a meeting's agenda (`#/meetings/12/agenda`). */
export function openMeetingAgenda(meetingId: number) {
  window.location.hash = `#/meetings/${meetingId}/agenda`;
}

export function openTopic(id: number) {
  window.location.hash = `#/topics/${id}`;
}
