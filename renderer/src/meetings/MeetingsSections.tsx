import { Card, Tabs, Typography } from 'antd';
import { ResolutionsPage } from '../votes/ResolutionsPage';
import { BodiesPanel } from './BodiesPanel';
import { MeetingList } from './MeetingList';
import { MeetingTypesPanel } from './MeetingTypesPanel';
import type { MeetingsRoute, MeetingsSection } from './route';

interface Props {
  orgId: number;
  section: MeetingsSection;
  bodyId?: number;
  go(route: MeetingsRoute): void;
}

/** The 会议 page: 会议列表 · 机构与成员 · 会议类型 · 决议. */
export function MeetingsSections({ orgId, section, bodyId, go }: Props) {
  return (
    <Card>
      <Typography.Title level={3} className="page-title">
        会议
      </Typography.Title>
      <Tabs
        activeKey={section}
        onChange={(k) => go({ kind: 'section', section: k as MeetingsSection })}
        destroyOnHidden
        items={[
          { key: 'list', label: '会议列表', children: <MeetingList orgId={orgId} onOpen={(id) => go({ kind: 'meeting', id, tab: 'agenda' })} /> },
          {
            key: 'bodies',
            label: '机构与成员',
            children: (
              <BodiesPanel orgId={orgId} selectedId={bodyId} onSelect={(id) => go({ kind: 'section', section: 'bodies', ...(id ? { bodyId: id } : {}) })} />
            ),
          },
          { key: 'types', label: '会议类型', children: <MeetingTypesPanel orgId={orgId} /> },
          { key: 'resolutions', label: '决议', children: <ResolutionsPage orgId={orgId} /> },
        ]}
      />
    </Card>
  );
}
