import type { RuleComparison } from '../../../core/ruletext/types';

type Parts = RuleComparison['articles'][number]['parts'];

/** Character-level changes: inserted text underlined in green, deleted text struck through in red. */
export function DiffText({ parts, side }: { parts: Parts; side: 'before' | 'after' | 'both' }) {
  return (
    <span className="diff-text">
      {parts.map((p, i) => {
        if (p.added)
          return side === 'before' ? null : (
            <ins key={i} className="diff-added">
              {p.value}
            </ins>
          );
        if (p.removed)
          return side === 'after' ? null : (
            <del key={i} className="diff-removed">
              {p.value}
            </del>
          );
        return <span key={i}>{p.value}</span>;
      })}
    </span>
  );
}
