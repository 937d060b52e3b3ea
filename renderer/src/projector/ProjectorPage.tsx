import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Result, Spin } from 'antd';
import { EMPTY, useCall } from '../api/queries';
import { ProjectorView } from '../meetings/ProjectorView';
import { followedItem, shownItemId, stepItem, voteForItem, type ManualChoice } from './following';
import { projectorMeetingId } from './route';
import { useSpeakerTimer } from './useSpeakerTimer';

/** The door may still be signing people in, and the vote is counted in the main window: read again often. */
const QUORUM_POLL_MS = 3000;
const VOTE_POLL_MS = 2000;
const AGENDA_POLL_MS = 5000;

/**
 * The projector window follows its hash: 投影模式 on another meeting reuses the open window and
 * only changes `#/projector/<id>`, which reloads nothing by itself.
 */
export function ProjectorRoute({ initialMeetingId }: { initialMeetingId: number }) {
  const [meetingId, setMeetingId] = useState(initialMeetingId);
  useEffect(() => {
    const onChange = () => {
      const id = projectorMeetingId(window.location.hash);
      if (id !== null) setMeetingId(id);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return <ProjectorPage key={meetingId} meetingId={meetingId} />;
}

/**
 * The projector window of one meeting (`#/projector/<id>`): it follows the vote from the API,
 * not the main window's selection, so the secretary works on while the room sees what is
 * being decided. Keys: ←/→ another item, 空格 start/pause the timer, R reset it, 2/3/5 its
 * length, F full screen, Esc close.
 */
export function ProjectorPage({ meetingId }: { meetingId: number }) {
  const meeting = useCall('meetings.get', { id: meetingId }, { refetchInterval: QUORUM_POLL_MS });
  const agenda = useCall('agenda.list', { meetingId }, { refetchInterval: AGENDA_POLL_MS }).data?.items ?? EMPTY;
  const votes = useCall('votes.list', { meetingId }, { refetchInterval: VOTE_POLL_MS }).data?.items ?? EMPTY;
  const proposals = useCall('proposals.list', { meetingId }, { refetchInterval: VOTE_POLL_MS }).data?.items ?? EMPTY;
  const [manual, setManual] = useState<ManualChoice | null>(null);
  const timer = useSpeakerTimer();

  const followed = useMemo(() => followedItem(agenda, votes, proposals), [agenda, votes, proposals]);
  const itemId = shownItemId(agenda, followed, manual);
  const vote = voteForItem(itemId, votes, followed);

  const step = useCallback(
    (direction: -1 | 1) => {
      const next = stepItem(agenda, itemId, direction);
      if (next !== null) setManual({ itemId: next, anchor: followed.anchor });
    },
    [agenda, itemId, followed.anchor],
  );

  const keys = useRef({ step, timer });
  keys.current = { step, timer };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      // A focused button answers Space itself; the page's keys are for the room, not for the buttons.
      if (e.target instanceof HTMLElement && e.target.closest('button') && (e.key === ' ' || e.key === 'Enter')) return;
      const { step: move, timer: t } = keys.current;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') move(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') move(-1);
      else if (e.key === ' ') t.toggle();
      else if (e.key === 'r' || e.key === 'R') t.reset();
      else if (e.key === '2' || e.key === '3' || e.key === '5') t.choose(Number(e.key));
      else if (e.key === 'f' || e.key === 'F') toggleFullScreen();
      else if (e.key === 'Escape' && !document.fullscreenElement) window.close();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (meeting.data) document.title = `投影 · ${meeting.data.title}`;
  }, [meeting.data]);

  if (!meeting.data) {
    return (
      <div className="projector projector-page">
        {meeting.error ? (
          <Result
            status="warning"
            title={<span className="projector-error">无法显示这次会议</span>}
            subTitle={<span className="projector-error">{meeting.error}</span>}
          />
        ) : (
          <Spin size="large" description="正在打开投影…">
            <div style={{ height: 200 }} />
          </Spin>
        )}
      </div>
    );
  }

  return (
    <ProjectorView
      meeting={meeting.data}
      agenda={agenda}
      currentItemId={itemId}
      following={manual === null || itemId === followed.itemId}
      vote={vote}
      proposals={proposals}
      timer={timer}
      onStep={step}
      onFullScreen={toggleFullScreen}
      onClose={() => window.close()}
    />
  );
}

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else
    void document.documentElement.requestFullscreen().catch(() => {
      // Not allowed here (the desktop projector window is already full screen on its display).
    });
}
