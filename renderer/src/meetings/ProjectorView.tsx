import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { CloseOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Meeting } from '../../../core/contract/meetings';
import { useCall } from '../api/queries';
import { ProjectorVote } from '../votes/ProjectorVote';
import { QuorumBoard } from './QuorumPanel';

interface Props {
  meeting: Meeting;
  agenda: AgendaItem[];
  currentItemId: number | null;
  onCurrentItem(id: number): void;
  onExit(): void;
}

const REFRESH_MS = 5000;

/**
 * 投影模式: big text for a projector — the agenda with the current item, the quorum and the
 * latest vote. Full screen where the browser allows it, otherwise a window-filling layer.
 */
export function ProjectorView({ meeting, agenda, currentItemId, onCurrentItem, onExit }: Props) {
  const root = useRef<HTMLDivElement>(null);
  // The door may still be signing people in on another computer: keep the quorum fresh.
  const quorum = useCall('attendance.sheet', { meetingId: meeting.id }, { refetchInterval: REFRESH_MS }).data?.quorum ?? meeting.quorum;
  const onExitRef = useRef(onExit);
  onExitRef.current = onExit;
  const current = agenda.find((i) => i.id === currentItemId) ?? agenda[0];
  const index = current ? agenda.indexOf(current) : -1;

  // Full screen if allowed; leaving full screen (Esc) leaves the projector mode too.
  useEffect(() => {
    const el = root.current;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) onExitRef.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    if (el?.requestFullscreen) {
      el.requestFullscreen().catch(() => {
        // Not allowed (or not supported): the fixed full-window layer is the fallback.
      });
    }
    el?.focus();
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // Keys: Esc leaves (when not in full screen the browser does not do it for us), ←/→ change the item.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onExitRef.current();
      else if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        const next = agenda[index + 1];
        if (next) onCurrentItem(next.id);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        const prev = agenda[index - 1];
        if (prev) onCurrentItem(prev.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [agenda, index, onCurrentItem]);

  return (
    <div ref={root} className="projector" role="dialog" aria-modal="true" aria-label="投影模式" tabIndex={-1}>
      <div className="projector-top">
        <h1 className="projector-title">{meeting.title}</h1>
        <Button size="large" icon={<CloseOutlined />} onClick={onExit} className="projector-exit">
          退出投影（Esc）
        </Button>
      </div>
      <div className="projector-meta">
        {meeting.date}
        {meeting.startTime ? ` ${meeting.startTime}` : ''}
        {meeting.place ? ` · ${meeting.place}` : ''}
      </div>
      <div className="projector-main">
        <section className="projector-agenda" aria-label="议程">
          <h2>议程</h2>
          {agenda.length === 0 && <p className="projector-muted">暂无议程</p>}
          <ol>
            {agenda.map((it) => (
              <li key={it.id} className={it.id === current?.id ? 'current' : ''} aria-current={it.id === current?.id ? 'true' : undefined}>
                {it.title}
              </li>
            ))}
          </ol>
          {agenda.length > 1 && (
            <div className="projector-nav">
              <Button
                size="large"
                ghost
                icon={<LeftOutlined />}
                disabled={index <= 0}
                onClick={() => agenda[index - 1] && onCurrentItem(agenda[index - 1]!.id)}
              >
                上一项
              </Button>
              <Button size="large" ghost disabled={index >= agenda.length - 1} onClick={() => agenda[index + 1] && onCurrentItem(agenda[index + 1]!.id)}>
                下一项 <RightOutlined />
              </Button>
            </div>
          )}
        </section>
        <QuorumBoard quorum={quorum} dark />
      </div>
      <div className="projector-vote">
        <ProjectorVote meeting={meeting} />
      </div>
    </div>
  );
}
