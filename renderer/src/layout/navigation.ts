import { useCallback, useEffect, useState } from 'react';
import { orgWording } from '../../../core/documents/wording';

export const pageKeys = ['home', 'meetings', 'topics', 'followup', 'rules', 'people', 'exchange', 'settings'] as const;
export type PageKey = (typeof pageKeys)[number];

export const pageLabels: Record<PageKey, string> = {
  home: '首页',
  meetings: '会议',
  topics: '议题',
  followup: '督办公示',
  rules: '村规民约',
  people: '人员名册',
  exchange: '报送',
  settings: '设置',
};

/** A page's name for an organization: a 社区's rules page is 居民公约, a village's 村规民约. */
export function pageLabel(key: PageKey, orgKind: string | undefined): string {
  return key === 'rules' && orgKind ? orgWording(orgKind).convention : pageLabels[key];
}

function pageFromHash(): PageKey {
  // The first part names the page; a page may keep more after it (#/meetings/12/signin).
  const key = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (pageKeys as readonly string[]).includes(key) ? (key as PageKey) : 'home';
}

/** The page lives in the URL hash, so a reload (or F5) stays where the user was. */
export function useHashPage(): [PageKey, (page: PageKey) => void] {
  const [page, setPage] = useState<PageKey>(pageFromHash);
  useEffect(() => {
    const onChange = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: PageKey) => {
    window.location.hash = `/${next}`;
    setPage(next);
  }, []);
  return [page, go];
}
