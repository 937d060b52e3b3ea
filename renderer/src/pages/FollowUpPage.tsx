import { Card, Tabs, Typography } from 'antd';
import { useCurrentOrg } from '../org/OrgContext';
import { FollowUpList } from '../followup/FollowUpList';
import { MatterDetailView } from '../followup/MatterDetailView';
import { MattersPanel } from '../followup/MattersPanel';
import { NoticesPanel } from '../followup/NoticesPanel';
import { useFollowUpRoute, type FollowUpTab } from '../followup/route';
import '../meetings/meetings.css';
import '../followup/followup.css';

/** 督办公示: 决议督办 · 公示 · 四议两公开 (#/followup/<tab>). */
export function FollowUpPage() {
  const org = useCurrentOrg();
  const [route, go] = useFollowUpRoute();
  return (
    <Card>
      <Typography.Title level={3} className="page-title">
        督办公示
      </Typography.Title>
      <Tabs
        activeKey={route.tab}
        onChange={(k) => go({ tab: k as FollowUpTab })}
        destroyOnHidden
        items={[
          {
            key: 'resolutions',
            label: '决议督办',
            children: (
              <FollowUpList
                orgId={org.id}
                openId={route.tab === 'resolutions' ? route.id : undefined}
                onOpen={(id) => go({ tab: 'resolutions', ...(id ? { id } : {}) })}
              />
            ),
          },
          { key: 'notices', label: '公示', children: <NoticesPanel orgId={org.id} /> },
          {
            key: 'matters',
            label: '四议两公开',
            children:
              route.tab === 'matters' && route.id ? (
                <MatterDetailView key={route.id} matterId={route.id} onBack={() => go({ tab: 'matters' })} />
              ) : (
                <MattersPanel orgId={org.id} onOpen={(id) => go({ tab: 'matters', id })} />
              ),
          },
        ]}
      />
    </Card>
  );
}
