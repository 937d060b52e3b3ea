import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { hubRoutes, meBody, type DashboardQuery, type MeBody } from '../../exchange/hub-api';
import { getJson, HubError, postJson } from './api';
import { LoadError } from './common';
import { LoginPage } from './LoginPage';
import { OverviewPage } from './pages/OverviewPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { ResolutionsPage } from './pages/ResolutionsPage';
import { SummonsPage } from './pages/SummonsPage';
import { MattersPage } from './pages/MattersPage';
import { RulesPage } from './pages/RulesPage';
import { CommunitiesPage } from './pages/CommunitiesPage';
import { UsersPage } from './pages/UsersPage';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

/** Larger text and controls than antd's defaults, as in the desktop app. */
const theme = { token: { fontSize: 15, controlHeight: 34, borderRadius: 6, colorPrimary: '#b7312c' } };

export function HubApp() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp message={{ maxCount: 3 }}>
        <QueryClientProvider client={queryClient}>
          <Session />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Session() {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await getJson(hubRoutes.me, meBody);
      } catch (e) {
        if (e instanceof HubError && e.status === 401) return null;
        throw e;
      }
    },
  });
  useEffect(() => {
    const signedOut = () => client.setQueryData(['me'], null);
    window.addEventListener('hub-signed-out', signedOut);
    return () => window.removeEventListener('hub-signed-out', signedOut);
  }, [client]);
  if (me.isPending) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (me.isError) {
    return (
      <div style={{ maxWidth: 600, margin: '80px auto' }}>
        <LoadError error={me.error} />
      </div>
    );
  }
  if (!me.data) return <LoginPage onSignedIn={() => client.invalidateQueries()} />;
  return <Shell me={me.data} />;
}

type PageKey = 'overview' | 'meetings' | 'resolutions' | 'summons' | 'matters' | 'rules' | 'communities' | 'users';

const pages: { key: PageKey; label: string; adminOnly?: boolean }[] = [
  { key: 'overview', label: '总览' },
  { key: 'meetings', label: '会议' },
  { key: 'resolutions', label: '决议督办' },
  { key: 'summons', label: '吹哨报到' },
  { key: 'matters', label: '四议两公开' },
  { key: 'rules', label: '村规民约备案' },
  { key: 'communities', label: '社区管理', adminOnly: true },
  { key: 'users', label: '用户', adminOnly: true },
];

function pageFromHash(admin: boolean): PageKey {
  const key = window.location.hash.replace(/^#\/?/, '');
  const page = pages.find((p) => p.key === key && (admin || !p.adminOnly));
  return page?.key ?? 'overview';
}

function Shell({ me }: { me: MeBody }) {
  const client = useQueryClient();
  const admin = me.user.role === '街道管理员';
  const [page, setPage] = useState<PageKey>(() => pageFromHash(admin));
  useEffect(() => {
    const follow = () => setPage(pageFromHash(admin));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [admin]);
  const [initial, setInitial] = useState<DashboardQuery>({});
  const go = (key: PageKey, filters: DashboardQuery = {}) => {
    window.location.hash = `#/${key}`;
    setInitial(filters);
    setPage(key);
  };
  const views: Record<PageKey, ReactNode> = {
    overview: <OverviewPage me={me} onOpen={(communityId) => go('meetings', { communityId })} />,
    meetings: <MeetingsPage key={JSON.stringify(initial)} initial={initial} />,
    resolutions: <ResolutionsPage />,
    summons: <SummonsPage me={me} />,
    matters: <MattersPage />,
    rules: <RulesPage me={me} />,
    communities: <CommunitiesPage />,
    users: <UsersPage me={me} />,
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={180} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, fontSize: 16 }}>{me.hubName}</div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          onClick={(e) => go(e.key as PageKey)}
          items={pages.filter((p) => admin || !p.adminOnly).map((p) => ({ key: p.key, label: p.label }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', padding: '0 24px', height: 52, lineHeight: '52px' }}>
          <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Space>
              <Typography.Text>
                {me.user.username}（{me.user.role}
                {me.user.department ? ` · ${me.user.department}` : ''}）
              </Typography.Text>
              <Button
                onClick={async () => {
                  await postJson(hubRoutes.logout, {}).catch(() => undefined);
                  client.clear();
                  client.setQueryData(['me'], null);
                }}
              >
                退出登录
              </Button>
            </Space>
          </div>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>{views[page]}</Layout.Content>
      </Layout>
    </Layout>
  );
}
