import { Card, Col, Empty, Row, Spin, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { hubRoutes, meetingsBody, resolutionsBody, rulesBody, type MeBody } from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { LoadError, PageTitle, showInstant, useCommunities } from '../common';

/** One card per community: last package, meetings held this month, overdue 督办, rules awaiting review. */
export function OverviewPage({ me, onOpen }: { me: MeBody; onOpen: (communityId: string) => void }) {
  const month = me.today.slice(0, 7);
  const communities = useCommunities();
  const meetings = useQuery({
    queryKey: ['meetings', 'this-month', month],
    queryFn: () => getJson(withQuery(hubRoutes.dashboard.meetings, { from: `${month}-01`, to: me.today }), meetingsBody),
  });
  const resolutions = useQuery({ queryKey: ['resolutions', {}], queryFn: () => getJson(hubRoutes.dashboard.resolutions, resolutionsBody) });
  const rules = useQuery({ queryKey: ['rules', 'awaiting'], queryFn: () => getJson(withQuery(hubRoutes.dashboard.rules, { status: '待审查' }), rulesBody) });
  const queries = [communities, meetings, resolutions, rules];
  const failed = queries.find((q) => q.isError);
  if (failed) return <LoadError error={failed.error} />;
  if (queries.some((q) => q.isPending)) return <Spin />;
  const held = new Map<string, number>();
  for (const r of meetings.data?.rows ?? []) held.set(r.communityId, (held.get(r.communityId) ?? 0) + r.held);
  const overdue = new Map((resolutions.data?.summary ?? []).map((r) => [r.communityId, r.overdue]));
  const awaiting = new Map<string, number>();
  for (const r of rules.data?.rows ?? []) awaiting.set(r.communityId, (awaiting.get(r.communityId) ?? 0) + 1);
  const list = communities.data?.items ?? [];
  return (
    <>
      <PageTitle>总览（{month}）</PageTitle>
      {list.length === 0 && <Empty description="还没有社区。请街道管理员在“社区管理”里添加社区，并把登记码交给社区。" />}
      <Row gutter={[16, 16]}>
        {list.map((c) => {
          const late = overdue.get(c.communityId) ?? 0;
          return (
            <Col key={c.communityId} xs={24} md={12} xl={8}>
              <Card title={c.name} hoverable onClick={() => onOpen(c.communityId)} data-testid="community-card">
                <Typography.Paragraph type={c.lastReceivedAt ? undefined : 'secondary'}>
                  {c.enrolled
                    ? c.lastReceivedAt
                      ? `最近报送：${showInstant(c.lastReceivedAt)}（第 ${c.lastSequence} 号）`
                      : '已登记，还没有收到报送包'
                    : '尚未登记'}
                </Typography.Paragraph>
                <Row gutter={8}>
                  <Col span={8}>
                    <Statistic title="本月会议" value={held.get(c.communityId) ?? 0} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="逾期督办" value={late} styles={{ content: late > 0 ? { color: '#cf1322' } : {} }} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="待备案审查" value={awaiting.get(c.communityId) ?? 0} />
                  </Col>
                </Row>
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
