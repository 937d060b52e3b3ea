import type { Meeting } from '../../../core/contract/meetings';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { EMPTY, useCall } from '../api/queries';
import './votes.css';

const POLL_MS = 2000;

/** The vote the room should see: the latest one not cancelled. */
function latest(votes: Vote[]): Vote | null {
  for (let i = votes.length - 1; i >= 0; i--) if (votes[i]!.status !== '已作废') return votes[i]!;
  return null;
}

/** Projector view of the latest vote: the proposal while it is open, then the confirmed result. */
export function ProjectorVote({ meeting }: { meeting: Meeting }) {
  // Read again every two seconds; a failed read keeps what was shown and the next one tries again.
  const votes = useCall('votes.list', { meetingId: meeting.id }, { refetchInterval: POLL_MS }).data;
  const proposalList = useCall('proposals.list', { meetingId: meeting.id }, { refetchInterval: POLL_MS }).data;
  const loaded = votes !== undefined && proposalList !== undefined;
  const vote = votes ? latest(votes.items) : null;
  const proposals: Proposal[] = proposalList?.items ?? EMPTY;

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
      <div className="pv-title">{vote.kind === 'proposal' ? (proposal?.title ?? '') : vote.options.map((o) => `${o.label}：${o.title}`).join(' / ')}</div>
      <div className={`pv-verdict ${passed ? 'pv-verdict-pass' : 'pv-verdict-fail'}`}>
        {vote.kind === 'options' ? (winner ? `${winner.label}通过` : '没有方案通过') : (vote.outcome ?? '')}
      </div>
      {vote.explanation && <div className="pv-explanation">{vote.explanation}</div>}
      {vote.resolution && <div className="pv-resolution">形成决议{vote.resolution.number}</div>}
    </div>
  );
}
