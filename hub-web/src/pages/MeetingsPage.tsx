import { Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { hubRoutes, meetingsBody, type DashboardQuery, type MeetingMonthRow } from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, PageTitle, useDashboardFilters } from '../common';

/** Meetings held per community and month (“召开”: 进行中, 已结束 or 已定稿). */
export function MeetingsPage({ initial }: { initial?: DashboardQuery }) {
  const [query, setQuery] = useDashboardFilters(initial);
  const route = hubRoutes.dashboard.meetings;
  const result = useQuery({ queryKey: ['meetings', query], queryFn: () => getJson(withQuery(route, query), meetingsBody) });
  return (
    <>
      <PageTitle extra={<ExportButton route={route} query={query} fileName="会议召开情况.xlsx" />}>会议</PageTitle>
      <Filters value={query} onChange={setQuery} />
      {result.isError && <LoadError error={result.error} />}
      <Table<MeetingMonthRow>
        rowKey={(r) => `${r.communityId}/${r.month}`}
        loading={result.isPending}
        dataSource={result.data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        locale={{ emptyText: '这段时间没有召开的会议' }}
        columns={[
          { title: '月份', dataIndex: 'month', width: 110 },
          { title: '社区', dataIndex: 'communityName' },
          { title: '召开次数', dataIndex: 'held', width: 110 },
          { title: '记录已定稿', dataIndex: 'finalized', width: 120 },
          { title: '应到合计', dataIndex: 'expected', width: 110 },
          { title: '实到合计', dataIndex: 'present', width: 110 },
          {
            title: '到会率',
            key: 'rate',
            width: 100,
            render: (_, r) => (r.expected > 0 ? `${Math.round((r.present * 1000) / r.expected) / 10}%` : '—'),
          },
        ]}
        summary={() =>
          result.data && result.data.rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} colSpan={5}>
                <Typography.Text strong>{result.data.total} 次</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        不选日期时统计今年 1 月 1 日到今天。“召开”指状态为进行中、已结束或已定稿的会议。
      </Typography.Paragraph>
    </>
  );
}
