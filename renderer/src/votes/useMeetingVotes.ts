import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { call, errorMessage } from '../api/client';

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

/** The agenda, proposals and votes of one meeting, loaded together. */
export function useMeetingVotes(meetingId: number): MeetingVotesData {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [items, setItems] = useState<AgendaItem[]>([]);
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [votes, setVotes] = useState<Vote[]>([]);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const [a, p, v] = await Promise.all([call('agenda.list', { meetingId }), call('proposals.list', { meetingId }), call('votes.list', { meetingId })]);
      if (mine !== generation.current) return;
      setItems(a.items);
      setProposals(p.items);
      setVotes(v.items);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [meetingId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replaceVote = useCallback((v: Vote) => {
    setVotes((list) => (list.some((x) => x.id === v.id) ? list.map((x) => (x.id === v.id ? v : x)) : [...list, v]));
  }, []);

  return { loading, error, items, proposals, votes, reload, replaceVote };
}
