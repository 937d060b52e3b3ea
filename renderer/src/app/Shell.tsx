import { useEffect, useState } from 'react';
import { desktopBridge } from '../api/client';
import { Opening, OpenFailed } from './Opening';
import { IntegrityBanner } from './IntegrityBanner';
import { useOrgs } from '../org/OrgContext';
import { WelcomeSetup } from '../org/WelcomeSetup';
import { AppLayout } from '../layout/AppLayout';
import { useHashPage, type PageKey } from '../layout/navigation';
import { HomePage } from '../pages/HomePage';
import { PeoplePage } from '../pages/PeoplePage';
import { SettingsPage } from '../pages/SettingsPage';
import { MeetingsPage } from '../pages/MeetingsPage';
import { TopicsPage } from '../pages/TopicsPage';
import { RulesPage } from '../pages/RulesPage';
import { FollowUpPage } from '../pages/FollowUpPage';

/** Chooses between loading, the first-run welcome, and the app itself. */
export function Shell() {
  const { loading, loadError, current, reload } = useOrgs();
  const [page, navigate] = useHashPage();
  // A shortcut from 首页 can ask the roster page to open its import wizard straight away.
  const [openImport, setOpenImport] = useState(false);
  // Desktop: a click on the 今日提醒 notification shows the 首页.
  useEffect(() => desktopBridge()?.onShowHome?.(() => navigate('home')), [navigate]);

  if (loading) return <Opening />;
  if (loadError && !current) return <OpenFailed message={loadError} onRetry={() => void reload()} />;
  if (!current) return <WelcomeSetup />;

  const go = (next: PageKey, options?: { openImport?: boolean }) => {
    setOpenImport(Boolean(options?.openImport));
    navigate(next);
  };

  return (
    <AppLayout page={page} onNavigate={(p) => go(p)}>
      <IntegrityBanner />
      {page === 'home' && <HomePage key={current.id} onNavigate={go} />}
      {page === 'people' && <PeoplePage key={current.id} openImportOnStart={openImport} onImportOpened={() => setOpenImport(false)} />}
      {page === 'settings' && <SettingsPage />}
      {page === 'meetings' && <MeetingsPage key={current.id} />}
      {page === 'rules' && <RulesPage key={current.id} />}
      {page === 'topics' && <TopicsPage key={current.id} />}
      {page === 'followup' && <FollowUpPage key={current.id} />}
    </AppLayout>
  );
}
