import { useCallback } from 'react';
import { useCurrentOrg } from '../org/OrgContext';
import { MeetingWorkspace } from '../meetings/MeetingWorkspace';
import { MeetingsSections } from '../meetings/MeetingsSections';
import { useMeetingsRoute, type WorkspaceTab } from '../meetings/route';
import '../meetings/meetings.css';

/** 会议: the list, bodies, meeting types and resolutions; or one meeting's workspace. */
export function MeetingsPage() {
  const org = useCurrentOrg();
  const [route, go] = useMeetingsRoute();
  const meetingId = route.kind === 'meeting' ? route.id : null;
  const back = useCallback(() => go({ kind: 'section', section: 'list' }), [go]);
  const openTab = useCallback((tab: WorkspaceTab) => meetingId && go({ kind: 'meeting', id: meetingId, tab }), [go, meetingId]);
  if (route.kind === 'meeting') {
    return <MeetingWorkspace key={route.id} meetingId={route.id} tab={route.tab} onTab={openTab} onBack={back} />;
  }
  return <MeetingsSections orgId={org.id} section={route.section} bodyId={route.bodyId} go={go} />;
}
