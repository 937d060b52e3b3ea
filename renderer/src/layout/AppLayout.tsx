import type { ReactNode } from 'react';
import { Layout, Menu } from 'antd';
import {
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  MessageOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { pageLabel, pageLabels, type PageKey } from './navigation';
import { useOrgs } from '../org/OrgContext';
import { OrgSwitcher } from '../org/OrgSwitcher';
import { UserBadge } from '../users/UserBadge';

const icons: Record<PageKey, ReactNode> = {
  home: <HomeOutlined />,
  meetings: <CalendarOutlined />,
  topics: <MessageOutlined />,
  followup: <CarryOutOutlined />,
  rules: <BookOutlined />,
  people: <TeamOutlined />,
  exchange: <CloudUploadOutlined />,
  settings: <SettingOutlined />,
};

interface Props {
  page: PageKey;
  onNavigate(page: PageKey): void;
  children: ReactNode;
}

export function AppLayout({ page, onNavigate, children }: Props) {
  const orgKind = useOrgs().current?.kind;
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={200}>
        <div className="app-brand">议事厅</div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[page]}
            onClick={({ key }) => onNavigate(key as PageKey)}
            items={(Object.keys(pageLabels) as PageKey[]).map((key) => ({
              key,
              icon: icons[key],
              label: pageLabel(key, orgKind),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <OrgSwitcher />
          <UserBadge />
        </Layout.Header>
        <Layout.Content className="app-content">
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
