import { useState } from 'react';
import { Select, Table, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  hubRoutes,
  meetingListBody,
  meetingStatuses,
  meetingsBody,
  type DashboardQuery,
  type MeetingListRow,
  type MeetingMonthRow,
} from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { DownloadFileButton, ExportButton, Filters, LoadError, PageTitle, useDashboardFilters } from '../common';

const PAGE_SIZE = 20;

/** Meetings held per community and month (“召开”: 进行中, 已结束 or 已定稿), and each meeting in a list. */
export function MeetingsPage({ initial }: { initial?: DashboardQuery }) {
  const [query, setQuery] = useDashboardFilters(initial);
  const [tab, setTab] = useState('summary');
  const [status, setStatus] = useState<string | undefined>(undefined);
  const listQuery: DashboardQuery = { ...query, status };
  return (
    <>
      <PageTitle
        extra={
          tab === 'summary' ? (
            <ExportButton route={hubRoutes.dashboard.meetings} query={query} fileName="会议召开情况.xlsx" />
          ) : (
            <ExportButton route={hubRoutes.dashboard.meetingList} query={listQuery} fileName="会议列表.xlsx" />
          )
        }
      >
        会议
      </PageTitle>
      <Filters value={query} onChange={setQuery} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'summary', label: '按月汇总', children: <MonthlySummary query={query} /> },
          { key: 'list', label: '会议列表', children: <MeetingList query={listQuery} onStatus={setStatus} /> },
        ]}
      />
    </>
  );
}

function MonthlySummary({ query }: { query: DashboardQuery }) {
  const route = hubRoutes.dashboard.meetings;
  const result = useQuery({ queryKey: ['meetings', query], queryFn: () => getJson(withQuery(route, query), meetingsBody) });
  return (
    <>
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

/** Every meeting, newest first, a page at a time from the hub. */
function MeetingList({ query, onStatus }: { query: DashboardQuery; onStatus: (status: string | undefined) => void }) {
  const [page, setPage] = useState(1);
  const [asked, setAsked] = useState(query);
  // A new filter starts again at page 1.
  if (JSON.stringify(asked) !== JSON.stringify(query)) {
    setAsked(query);
    setPage(1);
  }
  const paged = { ...query, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) };
  const route = hubRoutes.dashboard.meetingList;
  const result = useQuery({ queryKey: ['meeting-list', paged], queryFn: () => getJson(withQuery(route, paged), meetingListBody) });
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <span>状态：</span>
        <Select
          aria-label="会议状态"
          style={{ width: 140 }}
          value={query.status ?? ''}
          onChange={(v: string) => onStatus(v || undefined)}
          options={[{ value: '', label: '全部状态' }, ...meetingStatuses.map((s) => ({ value: s, label: s }))]}
        />
      </div>
      {result.isError && <LoadError error={result.error} />}
      <Table<MeetingListRow>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={result.isPending}
        dataSource={result.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 次会议`,
          onChange: setPage,
        }}
        size="middle"
        locale={{ emptyText: '这段时间没有会议' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '社区', dataIndex: 'communityName', width: 120 },
          { title: '会议名称', dataIndex: 'title' },
          { title: '类型', dataIndex: 'typeName', width: 130 },
          { title: '状态', dataIndex: 'status', width: 80, render: (v: string | null) => v ?? '—' },
          { title: '应到', dataIndex: 'expected', width: 70, render: (v: number | null) => v ?? '—' },
          { title: '实到', dataIndex: 'present', width: 70, render: (v: number | null) => v ?? '—' },
          { title: '表决结果', dataIndex: 'outcomes', width: 180 },
          {
            title: '会议记录',
            key: 'minutes',
            width: 110,
            render: (_, r) =>
              r.minutes ? (
                <DownloadFileButton route={hubRoutes.document(r.communityId, r.minutes.uid)} fileName={r.minutes.fileName}>
                  下载记录
                </DownloadFileButton>
              ) : (
                <Typography.Text type="secondary">未报送</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
