import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { theme } from './theme';
import { OrgProvider } from '../org/OrgContext';
import { Shell } from './Shell';
import { UserGate } from '../users/UserGate';
import { UserProvider } from '../users/UserContext';
import { ClockProvider } from './useClock';
import { QueryProvider } from '../api/queries';
import { ProjectorRoute } from '../projector/ProjectorPage';
import { projectorMeetingId } from '../projector/route';

export function Root() {
  // The projector window: the same page without the app's chrome or the start screen's choice
  // of user (it only reads, and reads need nobody signed in).
  const projecting = projectorMeetingId(window.location.hash);
  if (projecting !== null) {
    return (
      <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp style={{ height: '100%' }}>
          <QueryProvider>
            <ProjectorRoute initialMeetingId={projecting} />
          </QueryProvider>
        </AntApp>
      </ConfigProvider>
    );
  }
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      {/*
        Toasts keep clear of the header's buttons and of each page's heading: messages rise at the
        bottom centre (styles.css moves antd's top-anchored list down), notifications bottom right.
      */}
      <AntApp style={{ height: '100%' }} message={{ maxCount: 3 }} notification={{ placement: 'bottomRight' }}>
        <QueryProvider>
          <ClockProvider>
            <UserProvider>
              <UserGate>
                <OrgProvider>
                  <Shell />
                </OrgProvider>
              </UserGate>
            </UserProvider>
          </ClockProvider>
        </QueryProvider>
      </AntApp>
    </ConfigProvider>
  );
}
