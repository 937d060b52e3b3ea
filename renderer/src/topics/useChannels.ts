import { useCallback } from 'react';
import { useCall, useSetCall } from '../api/queries';

/** The organization's list of 来源渠道 (topics.channels), with a way to take a new list. */
export function useChannels(orgId: number): [string[], (channels: string[]) => void] {
  const channels = useCall('topics.channels', { orgId }).data?.channels;
  const put = useSetCall();
  const take = useCallback(
    (next: string[]) => put('topics.channels', { orgId }, (old) => (old ? { ...old, channels: next } : { channels: next })),
    [put, orgId],
  );
  return [channels ?? NONE, take];
}

const NONE: string[] = [];
