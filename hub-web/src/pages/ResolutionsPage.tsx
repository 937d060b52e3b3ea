import { Checkbox, Progress, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { hubRoutes, resolutionsBody, type ResolutionRow } from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, PageTitle, useDashboardFilters } from '../common';

export function ResolutionsPage() {
  const [query, setQuery] = useDashboardFilters();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const rows = useQuery({ queryKey: ['resolutions', query], queryFn: () => getJson(withQuery(hubRoutes.resolutions, query), resolutionsBody) });
  const data = (rows.data?.rows ?? []).filter((r) => !overdueOnly || r.overdue);
  return (
    <>
      <PageTitle extra={<ExportButton route={hubRoutes.resolutions} query={query} fileName="决议督办.xlsx" />}>决议督办</PageTitle>
      <Filters value={query} onChange={setQuery} />
      <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} style={{ marginLeft: 16 }}>
        只看逾期
      </Checkbox>
      {rows.isError && <LoadError error={rows.error} />}
      <Table<ResolutionRow>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={rows.isPending}
        dataSource={data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        rowClassName={(r) => (r.overdue ? 'hub-overdue' : '')}
        onRow={(r) => (r.overdue ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 130 },
          { title: '编号', dataIndex: 'number', width: 110 },
          { title: '决议', dataIndex: 'title' },
          { title: '责任人', dataIndex: 'responsible', width: 110 },
          { title: '期限', dataIndex: 'deadline', width: 115 },
          { title: '进度', dataIndex: 'progressPercent', width: 130, render: (p: number | null) => (p == null ? '—' : <Progress percent={p} size="small" />) },
          {
            title: '督办',
            key: 'state',
            width: 130,
            render: (_, r) =>
              r.completedOn ? (
                <Tag color="green">{r.completedOn} 办结</Tag>
              ) : r.overdue ? (
                <Tag color="red">逾期{r.overdueDays ? ` ${r.overdueDays} 天` : ''}</Tag>
              ) : (
                <Tag>办理中</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
