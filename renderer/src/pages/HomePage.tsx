import { useEffect, useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { ImportOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { call } from '../api/client';
import { useCurrentOrg } from '../org/OrgContext';
import type { PageKey } from '../layout/navigation';

interface Counts {
  active: number;
  movedAway: number;
}

interface Props {
  onNavigate(page: PageKey, options?: { openImport?: boolean }): void;
}

export function HomePage({ onNavigate }: Props) {
  const org = useCurrentOrg();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [countError, setCountError] = useState(false);

  useEffect(() => {
    let alive = true;
    Promise.all([
      call('people.list', { orgId: org.id, status: '在册', page: 1, pageSize: 1 }),
      call('people.list', { orgId: org.id, status: '迁出', page: 1, pageSize: 1 }),
    ])
      .then(([active, moved]) => {
        if (alive) setCounts({ active: active.total, movedAway: moved.total });
      })
      .catch(() => {
        if (alive) setCountError(true);
      });
    return () => {
      alive = false;
    };
  }, [org.id]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} className="page-title">
          您好，这里是{org.name}的议事厅
        </Typography.Title>
        <Typography.Paragraph>
          现在可以整理人员名册：从 Excel 导入、逐个添加、按姓名或拼音首字母查找。会议、议题和村规民约功能即将推出。
        </Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col span={8}>
          <Card>
            <Statistic title="在册人员" value={counts?.active ?? '—'} suffix={counts ? '人' : undefined} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title="已迁出" value={counts?.movedAway ?? '—'} suffix={counts ? '人' : undefined} />
          </Card>
        </Col>
      </Row>
      {countError && <Typography.Text type="warning">人数暂时没有读出来，可以打开“人员名册”查看。</Typography.Text>}
      <Card title="常用操作">
        <Space wrap size="middle">
          <Button size="large" icon={<TeamOutlined />} onClick={() => onNavigate('people')}>
            查看人员名册
          </Button>
          <Button size="large" icon={<ImportOutlined />} onClick={() => onNavigate('people', { openImport: true })}>
            从 Excel 导入名册
          </Button>
          <Button size="large" icon={<SettingOutlined />} onClick={() => onNavigate('settings')}>
            设置与数据安全
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
