import { Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { hubRoutes, meetingsBody, type MeetingRow } from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, PageTitle, useDashboardFilters } from '../common';

export function MeetingsPage() {
  const [query, setQuery] = useDashboardFilters();
  const rows = useQuery({ queryKey: ['meetings', query], queryFn: () => getJson(withQuery(hubRoutes.meetings, query), meetingsBody) });
  return (
    <>
      <PageTitle extra={<ExportButton route={hubRoutes.meetings} query={query} fileName="会议.xlsx" />}>会议</PageTitle>
      <Filters value={query} onChange={setQuery} />
      {rows.isError && <LoadError error={rows.error} />}
      <Table<MeetingRow>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={rows.isPending}
        dataSource={rows.data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 140 },
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '会议', dataIndex: 'title' },
          { title: '类型', dataIndex: 'typeName', width: 160 },
          { title: '状态', dataIndex: 'status', width: 90 },
          { title: '应到/实到', key: 'count', width: 110, render: (_, r) => (r.expected == null ? '—' : `${r.expected}/${r.present ?? '—'}`) },
          { title: '表决结果', dataIndex: 'outcomes', width: 200 },
        ]}
      />
    </>
  );
}
