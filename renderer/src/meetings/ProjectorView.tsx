import { Button } from 'antd';
import { CloseOutlined, ExpandOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Meeting } from '../../../core/contract/meetings';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { ProjectorVote } from '../projector/ProjectorVote';
import { SpeakerTimer } from '../projector/SpeakerTimer';
import type { SpeakerTimer as Timer } from '../projector/useSpeakerTimer';
import { QuorumBoard } from './QuorumPanel';
import './meetings.css';

interface Props {
  meeting: Meeting;
  agenda: readonly AgendaItem[];
  currentItemId: number | null;
  /** False while ←/→ moved away from the item being voted on. */
  following: boolean;
  vote: Vote | null;
  proposals: readonly Proposal[];
  timer: Timer;
  onStep(direction: -1 | 1): void;
  onFullScreen(): void;
  onClose(): void;
}

/**
 * 投影模式, laid out for a 1024×768 projector and larger: the item being decided, its vote with
 * the counts, the quorum (应到/实到) and the speaker timer, all on one screen without scrolling.
 */
export function ProjectorView({ meeting, agenda, currentItemId, following, vote, proposals, timer, onStep, onFullScreen, onClose }: Props) {
  const index = agenda.findIndex((i) => i.id === currentItemId);
  const current = index >= 0 ? agenda[index]! : null;
  return (
    <div className="projector projector-page" role="main" aria-label="投影模式">
      <header className="projector-top">
        <div className="projector-heading">
          <h1 className="projector-title">{meeting.title}</h1>
          <div className="projector-meta">
            {meeting.date}
            {meeting.startTime ? ` ${meeting.startTime}` : ''}
            {meeting.place ? ` · ${meeting.place}` : ''}
          </div>
        </div>
        <Button ghost icon={<ExpandOutlined />} onClick={onFullScreen} className="projector-tool">
          全屏（F）
        </Button>
        <Button ghost icon={<CloseOutlined />} onClick={onClose} className="projector-tool">
          关闭投影（Esc）
        </Button>
      </header>
      <div className="projector-body">
        <div className="projector-left">
          <section className="projector-current" aria-label="当前议题">
            <div className="projector-current-label">
              {current ? `议题 ${index + 1} / ${agenda.length}` : '议题'}
              {!following && <span className="projector-manual">（手动切换）</span>}
            </div>
            <div className="projector-current-title">{current?.title ?? '暂无议程'}</div>
            {current?.presenter && <div className="projector-current-presenter">汇报人：{current.presenter}</div>}
          </section>
          <ProjectorVote vote={vote} proposals={proposals} />
          <section className="projector-agenda" aria-label="议程">
            <ol>
              {agenda.map((it) => (
                <li key={it.id} className={it.id === current?.id ? 'current' : ''} aria-current={it.id === current?.id ? 'true' : undefined}>
                  {it.title}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside className="projector-right">
          <QuorumBoard quorum={meeting.quorum} dark />
          <SpeakerTimer timer={timer} />
          {agenda.length > 1 && (
            <div className="projector-nav">
              <Button ghost icon={<LeftOutlined />} disabled={index <= 0} onClick={() => onStep(-1)}>
                上一项
              </Button>
              <Button ghost disabled={index >= agenda.length - 1} onClick={() => onStep(1)}>
                下一项 <RightOutlined />
              </Button>
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
