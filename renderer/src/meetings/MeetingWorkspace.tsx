import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Result, Spin, Tabs } from 'antd';
import type { Meeting } from '../../../core/contract/meetings';
import { MinutesTab } from '../minutes/MinutesTab';
import { VotesTab } from '../votes/VotesTab';
import { AgendaTab } from './AgendaTab';
import { ExpectedPanel } from './ExpectedPanel';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingHeader } from './MeetingHeader';
import { QuorumLine } from './QuorumPanel';
import { RecordTab } from './RecordTab';
import { SignInTab } from './SignInTab';
import type { WorkspaceTab } from './route';
import { useWorkspace } from './useWorkspace';
import { openProjector } from '../projector/open';
import { errorMessage } from '../api/client';

interface Props {
  meetingId: number;
  tab: WorkspaceTab;
  onTab(tab: WorkspaceTab): void;
  onBack(): void;
}

const CURRENT_ITEM_KEY = 'council-hall.current-item.';

/** One meeting: header with status and quorum, then 议程 · 签到 · 记录 · 表决. */
export function MeetingWorkspace({ meetingId, tab, onTab, onBack }: Props) {
  const { message } = App.useApp();
  const ws = useWorkspace(meetingId);
  const [editing, setEditing] = useState(false);
  const [currentItemId, setCurrentItemId] = useState<number | null>(() => {
    const saved = Number(window.sessionStorage.getItem(CURRENT_ITEM_KEY + meetingId));
    return Number.isFinite(saved) && saved > 0 ? saved : null;
  });

  useEffect(() => {
    if (currentItemId) window.sessionStorage.setItem(CURRENT_ITEM_KEY + meetingId, String(currentItemId));
  }, [currentItemId, meetingId]);

  const { setMeeting, reload } = ws;
  // Stable callbacks: the header is memoised and skips the redraw after each sign-in.
  const changed = useCallback(
    (m: Meeting) => {
      setMeeting(m);
      // The status decides what may be done on every tab: fetch the sheet again too.
      void reload();
    },
    [setMeeting, reload],
  );
  const openEditor = useCallback(() => setEditing(true), []);
  const openProjectorWindow = useCallback(() => {
    openProjector(meetingId).catch((err: unknown) => message.error(errorMessage(err)));
  }, [meetingId, message]);

  const { meeting, sheet, agenda } = ws;
  if (ws.loading && !meeting) {
    return (
      <Card>
        <Spin description="正在打开会议…">
          <div style={{ height: 200 }} />
        </Spin>
      </Card>
    );
  }
  if (!meeting) {
    return (
      <Card>
        <Result
          status="warning"
          title="这次会议没有打开"
          subTitle={ws.error ?? '找不到这次会议，可能已被删除'}
          extra={[
            <Button key="retry" type="primary" onClick={() => void ws.reload()}>
              再试一次
            </Button>,
            <Button key="back" onClick={onBack}>
              返回会议列表
            </Button>,
          ]}
        />
      </Card>
    );
  }

  const readOnly = meeting.status === '已定稿';

  return (
    <Card className="workspace">
      <MeetingHeader meeting={meeting} onBack={onBack} onEdit={openEditor} onProject={openProjectorWindow} onChanged={changed} />
      {meeting.status === '进行中' ? (
        // Live: the quorum and the way to set 应到 by hand share one line under the title.
        <div className="workspace-quorum-row">
          <QuorumLine quorum={meeting.quorum} compact />
          <ExpectedPanel meeting={meeting} onChanged={changed} inline />
        </div>
      ) : (
        <>
          <QuorumLine quorum={meeting.quorum} />
          <ExpectedPanel meeting={meeting} onChanged={changed} />
        </>
      )}
      {ws.error && <Alert type="error" showIcon title={ws.error} style={{ marginTop: 12 }} />}
      <Tabs
        className="workspace-tabs"
        activeKey={tab}
        onChange={(k) => onTab(k as WorkspaceTab)}
        destroyOnHidden
        items={[
          {
            key: 'agenda',
            label: `议程（${agenda.length}）`,
            children: <AgendaTab meetingId={meeting.id} items={agenda} readOnly={readOnly} onItems={ws.setAgenda} />,
          },
          {
            key: 'signin',
            label: `签到（${meeting.quorum.present}/${meeting.quorum.expected}）`,
            children: sheet ? <SignInTab meeting={meeting} sheet={sheet} readOnly={readOnly} onChange={ws.applyChange} /> : <Spin />,
          },
          {
            key: 'record',
            label: '记录',
            children: (
              <RecordTab meeting={meeting} agenda={agenda} sheet={sheet} readOnly={readOnly} currentItemId={currentItemId} onCurrentItem={setCurrentItemId} />
            ),
          },
          {
            key: 'votes',
            label: '表决',
            children: <VotesTab meeting={meeting} onChanged={() => void ws.reload()} />,
          },
          {
            key: 'minutes',
            label: '纪要',
            children: <MinutesTab meeting={meeting} onChanged={() => void ws.reload()} />,
          },
        ]}
      />
      {editing && (
        <MeetingFormModal
          orgId={meeting.orgId}
          meeting={meeting}
          onClose={() => setEditing(false)}
          onSaved={(m) => {
            setEditing(false);
            message.success('会议信息已保存');
            changed(m);
          }}
        />
      )}
    </Card>
  );
}
