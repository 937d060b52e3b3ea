import { Tag } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { Quorum } from '../../../core/contract/meetings';

/** "可以开会" or "还差 3 人". */
export function quorumVerdict(q: Quorum): string {
  return q.met ? '可以开会' : `还差 ${q.missing} 人`;
}

/** One line for the workspace header: 应到 45 · 实到 29 · rule · verdict. */
export function QuorumLine({ quorum, compact }: { quorum: Quorum; compact?: boolean }) {
  return (
    <div className={`quorum-line${compact ? ' quorum-line-compact' : ''}`} role="status" aria-label="会议人数">
      <span>
        应到 <b>{quorum.expected}</b> 人
      </span>
      <span className="quorum-dot">·</span>
      <span>
        实到 <b>{quorum.present}</b> 人
      </span>
      <span className="quorum-dot">·</span>
      <span className="quorum-rule">{quorum.rule}</span>
      <Tag color={quorum.met ? 'success' : 'error'} className="quorum-verdict-tag">
        {quorumVerdict(quorum)}
      </Tag>
    </div>
  );
}

/** The big panel of the door screen and the projector: readable from across the room. */
export function QuorumBoard({ quorum, dark }: { quorum: Quorum; dark?: boolean }) {
  return (
    <section className={`quorum-board${dark ? ' quorum-board-dark' : ''}`} aria-label="到会人数">
      <div className="quorum-numbers">
        <div>
          <div className="quorum-label">应到</div>
          <div className="quorum-number">{quorum.expected}</div>
        </div>
        <div>
          <div className="quorum-label">实到</div>
          <div className="quorum-number">{quorum.present}</div>
        </div>
      </div>
      <div className="quorum-rule-big">{quorum.rule}</div>
      <div className={`quorum-verdict ${quorum.met ? 'quorum-met' : 'quorum-missing'}`} aria-live="polite">
        {quorum.met ? <CheckCircleFilled /> : <ExclamationCircleFilled />} {quorumVerdict(quorum)}
      </div>
      {!quorum.frozen && <div className="quorum-note">应到人数在会议开始时确定，此前随名册和机构成员变化</div>}
    </section>
  );
}
