import { useCallback } from 'react';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { useCall, useSetCall } from '../api/queries';

export interface MeetingVotesData {
  loading: boolean;
  error: string | null;
  items: AgendaItem[];
  proposals: Proposal[];
  votes: Vote[];
  reload(): Promise<void>;
  /** Puts a vote the server just returned in place, without a round trip. */
  replaceVote(v: Vote): void;
}

const NO_ITEMS: AgendaItem[] = [];
const NO_PROPOSALS: Proposal[] = [];
const NO_VOTES: Vote[] = [];

/** The agenda, proposals and votes of one meeting, read together. */
export function useMeetingVotes(meetingId: number): MeetingVotesData {
  const agenda = useCall('agenda.list', { meetingId });
  const proposals = useCall('proposals.list', { meetingId });
  const votes = useCall('votes.list', { meetingId });
  const put = useSetCall();
  const { reload: reloadAgenda } = agenda;
  const { reload: reloadProposals } = proposals;
  const { reload: reloadVotes } = votes;

  const reload = useCallback(async () => {
    await Promise.all([reloadAgenda(), reloadProposals(), reloadVotes()]);
  }, [reloadAgenda, reloadProposals, reloadVotes]);

  const replaceVote = useCallback(
    (v: Vote) => {
      put('votes.list', { meetingId }, (old) => {
        const list = old?.items ?? [];
        const items = list.some((x) => x.id === v.id) ? list.map((x) => (x.id === v.id ? v : x)) : [...list, v];
        return { ...old, items };
      });
    },
    [put, meetingId],
  );

  return {
    loading: agenda.pending || proposals.pending || votes.pending,
    error: agenda.error ?? proposals.error ?? votes.error,
    items: agenda.data?.items ?? NO_ITEMS,
    proposals: proposals.data?.items ?? NO_PROPOSALS,
    votes: votes.data?.items ?? NO_VOTES,
    reload,
    replaceVote,
  };
}
