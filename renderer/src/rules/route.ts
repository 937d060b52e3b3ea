import { useCallback, useEffect, useState } from 'react';

/** The tabs of one rule document's workspace. */
export const ruleTabs = ['text', 'opinions', 'amendments', 'versions', 'adoption', 'record'] as const;
export type RuleTab = (typeof ruleTabs)[number];

export type RulesRoute = { kind: 'list' } | { kind: 'doc'; id: number; tab: RuleTab };

/** `#/rules` or `#/rules/3/opinions`: a reload (F5) opens the same document on the same tab. */
export function parseRulesHash(hash: string): RulesRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'rules' || !parts[1] || !/^\d+$/.test(parts[1])) return { kind: 'list' };
  const tab = parts[2] ?? '';
  return { kind: 'doc', id: Number(parts[1]), tab: (ruleTabs as readonly string[]).includes(tab) ? (tab as RuleTab) : 'text' };
}

export function rulesHash(route: RulesRoute): string {
  return route.kind === 'list' ? '#/rules' : `#/rules/${route.id}/${route.tab}`;
}

export function useRulesRoute(): [RulesRoute, (next: RulesRoute) => void] {
  const [route, setRoute] = useState<RulesRoute>(() => parseRulesHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRulesHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: RulesRoute) => {
    const hash = rulesHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, go];
}
