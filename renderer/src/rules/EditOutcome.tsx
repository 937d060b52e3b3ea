import { Alert, Button } from 'antd';
import type { RuleEditResult } from '../../../core/contract/rules';

export interface Outcome {
  what: string;
  rewritten: RuleEditResult['rewritten'];
  unresolved: RuleEditResult['unresolved'];
}

/** What the last edit did besides itself: references that followed, and those to check by hand. */
export function EditOutcome({ outcome, onClose }: { outcome: Outcome; onClose(): void }) {
  const { what, rewritten, unresolved } = outcome;
  return (
    <div className="edit-outcome">
      <Alert
        type="success"
        showIcon
        title={what}
        description={
          rewritten.length > 0 ? (
            <ul className="plain-list">
              {rewritten.map((r) => (
                <li key={r.articleId}>
                  {r.label}中的引用已随之更新：{r.after}
                </li>
              ))}
            </ul>
          ) : undefined
        }
        closable={unresolved.length === 0 ? { onClose } : false}
      />
      {unresolved.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="以下引用无法自动更新，请手工核对："
          description={
            <ul className="plain-list">
              {unresolved.map((u, i) => (
                <li key={i}>
                  {u.articleLabel}中的“{u.reference}”：{u.reason}
                </li>
              ))}
            </ul>
          }
          action={
            <Button size="small" onClick={onClose}>
              我已知道
            </Button>
          }
        />
      )}
    </div>
  );
}
