import type { Proposal, Vote } from '../../../core/contract/votes';

interface Count {
  label: string;
  value: number | null;
}

/** The numbers the room waits for: 赞成/反对/弃权, or one per option; null before they are counted. */
function countsOf(vote: Vote): Count[] {
  if (vote.kind === 'options') {
    const values = vote.optionVotes;
    return [...vote.options.map((o, i) => ({ label: o.label, value: values?.[i] ?? null })), { label: '弃权', value: vote.optionAbstain }];
  }
  return [
    { label: '赞成', value: vote.tally?.yes ?? null },
    { label: '反对', value: vote.tally?.no ?? null },
    { label: '弃权', value: vote.tally?.abstain ?? null },
  ];
}

/** The vote of the item shown: what is voted on and its counts while open, then the confirmed result. */
export function ProjectorVote({ vote, proposals }: { vote: Vote | null; proposals: readonly Proposal[] }) {
  if (!vote) {
    return (
      <section className="pv pv-none" aria-label="表决">
        <div className="pv-muted">暂无表决</div>
      </section>
    );
  }
  const open = vote.status === '进行中';
  const proposal = vote.kind === 'proposal' ? proposals.find((p) => p.id === vote.proposalId) : undefined;
  const method = vote.method === '无记名' ? '无记名投票' : `${vote.method}表决`;
  const title = vote.kind === 'proposal' ? (proposal?.title ?? '') : vote.options.map((o) => `${o.label}：${o.title}`).join(' / ');
  const passed = vote.outcome === '通过';
  const winner = vote.kind === 'options' ? vote.options.find((o) => o.proposalId === vote.winnerProposalId) : undefined;

  return (
    <section className="pv" role="region" aria-label={open ? '正在表决' : '表决结果'}>
      <div className="pv-head">
        <span className="pv-label">{open ? '正在表决' : '表决结果'}</span>
        <span className="pv-method">
          {method} · 有表决权的到会人数 {vote.eligible} 人
        </span>
      </div>
      <div className="pv-title">{title}</div>
      {open && proposal?.text && <div className="pv-text">{proposal.text}</div>}
      <div className="pv-counts" role="group" aria-label="票数">
        {countsOf(vote).map((c) => (
          <div key={c.label} className="pv-count">
            <div className="pv-count-label">{c.label}</div>
            <div className="pv-count-value">{c.value ?? '—'}</div>
          </div>
        ))}
        {!open && (
          <div className={`pv-verdict ${passed ? 'pv-verdict-pass' : 'pv-verdict-fail'}`}>
            {vote.kind === 'options' ? (winner ? `${winner.label}通过` : '没有方案通过') : (vote.outcome ?? '')}
          </div>
        )}
      </div>
      {!open && vote.explanation && <div className="pv-explanation">{vote.explanation}</div>}
      {!open && vote.resolution && <div className="pv-resolution">形成决议{vote.resolution.number}</div>}
    </section>
  );
}
