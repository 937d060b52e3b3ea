import { Typography } from 'antd';
import type { Vote } from '../../../core/contract/votes';

/** A confirmed result as the room should hear it: 通过 / 未通过, the reason in the law's words, the resolution number. */
export function VoteOutcome({ vote, subject, note, large }: { vote: Vote; subject: string; note?: string | undefined; large?: boolean }) {
  if (vote.status !== '已确认' || !vote.outcome) return null;
  const passed = vote.outcome === '通过';
  const winner = vote.kind === 'options' ? vote.options.find((o) => o.proposalId === vote.winnerProposalId) : undefined;
  return (
    <div
      className={`vote-outcome ${passed ? 'vote-outcome-pass' : 'vote-outcome-fail'} ${large ? 'vote-outcome-large' : ''}`}
      role="status"
      aria-label="表决结果"
    >
      <div className="vote-outcome-subject">{subject}</div>
      <div className="vote-outcome-verdict">
        {vote.kind === 'options' ? (winner ? `${winner.label}（${winner.title}）通过` : '没有方案通过') : vote.outcome}
      </div>
      {vote.explanation && <Typography.Paragraph className="vote-outcome-explanation">{vote.explanation}</Typography.Paragraph>}
      {vote.resolution && <div className="vote-outcome-resolution">已形成决议{vote.resolution.number}</div>}
      {note && <div className="vote-outcome-note">{note}</div>}
    </div>
  );
}
