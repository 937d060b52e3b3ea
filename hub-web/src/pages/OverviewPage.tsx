import { Card, Col, Empty, Row, Spin, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { hubRoutes, overviewBody } from '../../../exchange/hub-api';
import { getJson } from '../api';
import { LoadError, PageTitle, showInstant } from '../common';

export function OverviewPage({ onOpen }: { onOpen: () => void }) {
  const overview = useQuery({ queryKey: ['overview'], queryFn: () => getJson(hubRoutes.overview, overviewBody) });
  if (overview.isPending) return <Spin />;
  if (overview.isError) return <LoadError error={overview.error} />;
  const { communities, month } = overview.data;
  return (
    <>
      <PageTitle>总览（{month}）</PageTitle>
      {communities.length === 0 && <Empty description="还没有社区。请管理员在“社区管理”里添加社区，并把登记码交给社区。" />}
      <Row gutter={[16, 16]}>
        {communities.map((c) => (
          <Col key={c.communityId} xs={24} md={12} xl={8}>
            <Card title={c.communityName} hoverable onClick={onOpen} data-testid="community-card">
              <Typography.Paragraph type={c.lastReceivedAt ? undefined : 'secondary'}>
                {c.enrolled
                  ? c.lastReceivedAt
                    ? `最近报送：${showInstant(c.lastReceivedAt)}（第 ${c.lastSequence} 号）`
                    : '已登记，还没有收到报送包'
                  : '尚未登记'}
              </Typography.Paragraph>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title="本月会议" value={c.meetingsThisMonth} />
                </Col>
                <Col span={8}>
                  <Statistic title="逾期督办" value={c.overdueResolutions} styles={{ content: c.overdueResolutions > 0 ? { color: '#cf1322' } : {} }} />
                </Col>
                <Col span={8}>
                  <Statistic title="待备案审查" value={c.rulesAwaitingReview} />
                </Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
