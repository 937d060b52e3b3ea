import { Card, Tabs, Typography } from 'antd';
import { RatesPanel } from './RatesPanel';
import { SummonsPanel } from './SummonsPanel';
import { TopicList } from './TopicList';
import type { TopicsRoute, TopicsSection } from './route';

interface Props {
  orgId: number;
  section: TopicsSection;
  go(route: TopicsRoute): void;
}

/** The 议题 page: 议题征集 · 吹哨报到 · 统计. */
export function TopicsSections({ orgId, section, go }: Props) {
  const open = (id: number) => go({ kind: 'topic', id });
  return (
    <Card>
      <Typography.Title level={3} className="page-title">
        议题
      </Typography.Title>
      <Tabs
        activeKey={section}
        onChange={(k) => go({ kind: 'section', section: k as TopicsSection })}
        destroyOnHidden
        items={[
          { key: 'list', label: '议题征集', children: <TopicList orgId={orgId} onOpen={open} /> },
          { key: 'summons', label: '吹哨报到', children: <SummonsPanel orgId={orgId} onOpenTopic={open} /> },
          { key: 'rates', label: '统计', children: <RatesPanel orgId={orgId} /> },
        ]}
      />
    </Card>
  );
}
