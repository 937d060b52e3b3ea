import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client';

/** The organization's list of 来源渠道 (topics.channels), with a way to take a new list. */
export function useChannels(orgId: number): [string[], (channels: string[]) => void] {
  const [channels, setChannels] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    call('topics.channels', { orgId })
      .then((r) => alive && setChannels(r.channels))
      .catch(() => alive && setChannels([]));
    return () => {
      alive = false;
    };
  }, [orgId]);
  const take = useCallback((next: string[]) => setChannels(next), []);
  return [channels, take];
}
