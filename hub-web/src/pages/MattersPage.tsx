import { Checkbox, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { hubRoutes, mattersBody, type MatterRowBody } from '../../../exchange/hub-api';
import { getJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, PageTitle, useDashboardFilters } from '../common';

/** The six steps in order: done (blue, with its date), skipped before a later step (red 缺), not yet (grey). */
function Steps({ row }: { row: MatterRowBody }) {
  const lastDone = Math.max(0, ...row.steps.filter((s) => s.done).map((s) => s.step));
  return (
    <Space size={4} wrap>
      {row.steps.map((s) => {
        const label = `${s.step}. ${s.name}`;
        if (s.done) {
          return (
            <Tooltip key={s.step} title={`${s.form}${s.present != null ? `，应到 ${s.expected ?? '—'} 实到 ${s.present}` : ''}`}>
              <Tag color="blue">
                {label} {s.date}
              </Tag>
            </Tooltip>
          );
        }
        if (s.step < lastDone) {
          return (
            <Tag key={s.step} color="red">
              {label} 缺
            </Tag>
          );
        }
        return <Tag key={s.step}>{label}</Tag>;
      })}
    </Space>
  );
}

export function MattersPage() {
  const [query, setQuery] = useDashboardFilters();
  const route = hubRoutes.dashboard.matters;
  const result = useQuery({ queryKey: ['matters', query], queryFn: () => getJson(withQuery(route, query), mattersBody) });
  return (
    <>
      <PageTitle extra={<ExportButton route={route} query={query} fileName="四议两公开.xlsx" />}>四议两公开</PageTitle>
      <Space wrap>
        <Filters value={query} onChange={setQuery} />
        <Checkbox
          style={{ marginBottom: 16 }}
          checked={query.incompleteOnly === 'true'}
          onChange={(e) => setQuery({ ...query, incompleteOnly: e.target.checked ? 'true' : undefined })}
        >
          只看未完成
        </Checkbox>
      </Space>
      {result.data && (
        <Typography.Paragraph>
          共 {result.data.total} 项，六步全部完成 {result.data.complete} 项，
          <Typography.Text type={result.data.outOfOrder > 0 ? 'danger' : undefined}>步骤缺失或顺序有误 {result.data.outOfOrder} 项</Typography.Text>。
        </Typography.Paragraph>
      )}
      {result.isError && <LoadError error={result.error} />}
      <Table<MatterRowBody>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={result.isPending}
        dataSource={result.data?.rows ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        size="middle"
        locale={{ emptyText: '这段时间没有四议两公开事项' }}
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 110 },
          { title: '事项', dataIndex: 'title', width: 200 },
          { title: '立项', dataIndex: 'createdOn', width: 110 },
          { title: '步骤（按顺序）', key: 'steps', render: (_, r) => <Steps row={r} /> },
          {
            title: '检查',
            key: 'check',
            width: 110,
            render: (_, r) => (r.inOrder ? r.complete ? <Tag color="green">完成</Tag> : <Tag>进行中</Tag> : <Tag color="red">缺步或顺序错</Tag>),
          },
        ]}
      />
    </>
  );
}
