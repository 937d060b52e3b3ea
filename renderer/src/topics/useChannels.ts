import { useCallback } from 'react';
import type { CallOutput } from '../../../core/contract';
import { useCall, useSetCall } from '../api/queries';

/** The organization's 来源渠道 and, of them, those carrying 工单号, 来电人, 来电电话 and 答复时限. */
export type ChannelList = CallOutput<'topics.channels'>;

/** The organization's list of 来源渠道 (topics.channels), with a way to take a new list. */
export function useChannels(orgId: number): { channels: string[]; hotline: string[]; take(next: ChannelList): void } {
  const data = useCall('topics.channels', { orgId }).data;
  const put = useSetCall();
  const take = useCallback((next: ChannelList) => put('topics.channels', { orgId }, next), [put, orgId]);
  return { channels: data?.channels ?? NONE, hotline: data?.hotline ?? NONE, take };
}

const NONE: string[] = [];
