import { DatePicker, Progress, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { hubRoutes, resolutionsBody, type OverdueResolution, type ResolutionSummaryRow } from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, PageTitle, useDashboardFilters } from '../common';

export function ResolutionsPage() {
  const [query, setQuery] = useDashboardFilters();
  const route = hubRoutes.dashboard.resolutions;
  const result = useQuery({ queryKey: ['resolutions', query], queryFn: () => getJson(withQuery(route, query), resolutionsBody) });
  return (
    <>
      <PageTitle extra={<ExportButton route={route} query={query} fileName="决议与督办.xlsx" />}>决议督办</PageTitle>
      <Space wrap>
        <Filters value={query} onChange={setQuery} dates={false} />
        <Space style={{ marginBottom: 16 }}>
          <span>统计日期：</span>
          <DatePicker
            aria-label="统计日期"
            placeholder="今天"
            value={query.asOf ? dayjs(query.asOf) : null}
            format="YYYY-MM-DD"
            onChange={(d) => setQuery({ ...query, asOf: d ? d.format('YYYY-MM-DD') : undefined })}
          />
        </Space>
      </Space>
      {result.isError && <LoadError error={result.error} />}
      <Table<ResolutionSummaryRow>
        rowKey="communityId"
        loading={result.isPending}
        dataSource={result.data?.summary ?? []}
        pagination={false}
        size="middle"
        locale={{ emptyText: '没有决议' }}
        onRow={(r) => (r.overdue > 0 ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          { title: '社区', dataIndex: 'communityName' },
          { title: '决议数', dataIndex: 'total', width: 110 },
          { title: '已办结', dataIndex: 'completed', width: 110 },
          { title: '未办结', dataIndex: 'open', width: 110 },
          { title: '逾期', dataIndex: 'overdue', width: 110, render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        逾期督办{result.data ? `（截至 ${result.data.asOf}，共 ${result.data.overdueTotal} 项）` : ''}
      </Typography.Title>
      <Table<OverdueResolution>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={result.isPending}
        dataSource={result.data?.overdue ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        locale={{ emptyText: '没有逾期的决议' }}
        onRow={() => ({ style: { background: '#fff1f0' } })}
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 130 },
          { title: '编号', dataIndex: 'number', width: 160 },
          { title: '决议事项', dataIndex: 'title' },
          { title: '责任人', dataIndex: 'responsible', width: 110 },
          { title: '办结期限', dataIndex: 'deadline', width: 115 },
          { title: '逾期', dataIndex: 'daysOverdue', width: 100, render: (n: number) => <Tag color="red">{n} 天</Tag> },
          { title: '进度', dataIndex: 'progressPercent', width: 140, render: (p: number | null) => (p == null ? '—' : <Progress percent={p} size="small" />) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        逾期：办结期限早于统计日期，且到统计日期仍未办结。
      </Typography.Paragraph>
    </>
  );
}
