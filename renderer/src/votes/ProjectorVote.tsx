import { useEffect, useState } from 'react';
import type { Meeting } from '../../../core/contract/meetings';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { call } from '../api/client';
import './votes.css';

const POLL_MS = 2000;

/** The vote the room should see: the latest one not cancelled. */
function latest(votes: Vote[]): Vote | null {
  for (let i = votes.length - 1; i >= 0; i--) if (votes[i]!.status !== '已作废') return votes[i]!;
  return null;
}

/** Projector view of the latest vote: the proposal while it is open, then the confirmed result. */
export function ProjectorVote({ meeting }: { meeting: Meeting }) {
  const [vote, setVote] = useState<Vote | null>(null);
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const [v, p] = await Promise.all([call('votes.list', { meetingId: meeting.id }), call('proposals.list', { meetingId: meeting.id })]);
        if (!alive) return;
        setVote(latest(v.items));
        setProposals(p.items);
        setLoaded(true);
      } catch {
        // The projector keeps showing what it had; the next poll tries again.
      }
      if (alive) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [meeting.id]);

  if (!loaded) return null;
  if (!vote) {
    return (
      <div className="pv">
        <div className="pv-muted">暂无表决</div>
      </div>
    );
  }

  const proposal = vote.kind === 'proposal' ? proposals.find((p) => p.id === vote.proposalId) : undefined;
  const method = vote.method === '无记名' ? '无记名投票' : `${vote.method}表决`;

  if (vote.status === '进行中') {
    return (
      <div className="pv" role="region" aria-label="正在表决">
        <div className="pv-label">正在表决</div>
        {vote.kind === 'proposal' ? (
          <>
            <div className="pv-title">{proposal?.title ?? ''}</div>
            {proposal?.text && <div className="pv-text">{proposal.text}</div>}
          </>
        ) : (
          <div className="pv-options">
            {vote.options.map((o) => (
              <div key={o.proposalId} className="pv-option">
                {o.label}：{o.title}
              </div>
            ))}
          </div>
        )}
        <div className="pv-method">
          {method} · 应到 {vote.expected} 人 · 有表决权的到会人数 {vote.eligible} 人
        </div>
      </div>
    );
  }

  const passed = vote.outcome === '通过';
  const winner = vote.kind === 'options' ? vote.options.find((o) => o.proposalId === vote.winnerProposalId) : undefined;
  return (
    <div className="pv" role="region" aria-label="表决结果">
      <div className="pv-label">表决结果</div>
      <div className="pv-title">
        {vote.kind === 'proposal' ? (proposal?.title ?? '') : vote.options.map((o) => `${o.label}：${o.title}`).join(' / ')}
      </div>
      <div className={`pv-verdict ${passed ? 'pv-verdict-pass' : 'pv-verdict-fail'}`}>
        {vote.kind === 'options' ? (winner ? `${winner.label}通过` : '没有方案通过') : (vote.outcome ?? '')}
      </div>
      {vote.explanation && <div className="pv-explanation">{vote.explanation}</div>}
      {vote.resolution && <div className="pv-resolution">形成决议{vote.resolution.number}</div>}
    </div>
  );
}
