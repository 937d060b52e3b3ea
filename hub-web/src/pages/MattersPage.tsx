import { Space, Table, Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { hubRoutes, matterStepNames, mattersBody, type MatterRow } from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, PageTitle, useDashboardFilters } from '../common';

/** The six steps in order: done (date), missing before a later step (red), not yet (grey). */
function Steps({ row }: { row: MatterRow }) {
  return (
    <Space size={4} wrap>
      {matterStepNames.map((name, i) => {
        const n = i + 1;
        const done = row.steps.find((s) => s.step === n);
        if (done) {
          return (
            <Tooltip key={n} title={`${done.form} ${done.date}`}>
              <Tag color="blue">
                {n}. {name} {done.date}
              </Tag>
            </Tooltip>
          );
        }
        if (row.missingSteps.includes(n)) {
          return (
            <Tag key={n} color="red">
              {n}. {name} 缺
            </Tag>
          );
        }
        return (
          <Tag key={n}>
            {n}. {name}
          </Tag>
        );
      })}
      {row.outOfOrder && <Tag color="orange">步骤日期顺序颠倒</Tag>}
    </Space>
  );
}

export function MattersPage() {
  const [query, setQuery] = useDashboardFilters();
  const rows = useQuery({ queryKey: ['matters', query], queryFn: () => getJson(withQuery(hubRoutes.matters, query), mattersBody) });
  return (
    <>
      <PageTitle extra={<ExportButton route={hubRoutes.matters} query={query} fileName="四议两公开.xlsx" />}>四议两公开</PageTitle>
      <Filters value={query} onChange={setQuery} />
      {rows.isError && <LoadError error={rows.error} />}
      <Table<MatterRow>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={rows.isPending}
        dataSource={rows.data?.rows ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        size="middle"
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 120 },
          { title: '事项', dataIndex: 'title', width: 220 },
          { title: '立项', dataIndex: 'createdOn', width: 110 },
          { title: '步骤（按顺序）', key: 'steps', render: (_, r) => <Steps row={r} /> },
        ]}
      />
    </>
  );
}
