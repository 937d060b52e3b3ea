import { Alert, Table, Typography } from 'antd';
import type { SummonsReply } from '../../../core/contract/exchange';
import { useCall } from '../api/queries';
import { useClock } from '../app/useClock';

/** Departments' 报到 and answers as the street recorded them (回执包), every version kept. */
export function SummonsReplies({ topicId }: { topicId: number }) {
  const { data, error } = useCall('exchange.summonsReplies', { topicId });
  const { show } = useClock();
  if (error) return <Alert type="error" showIcon title={error} />;
  const items = data?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-label="部门报到和答复（街道平台转来）" className="topic-summons" data-testid="summons-replies">
      <Typography.Title level={5}>部门报到和答复（街道平台转来）</Typography.Title>
      <Table<SummonsReply>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: '部门', dataIndex: 'department', width: 120 },
          { title: '报到时间', dataIndex: 'reportedAt', width: 150, render: (v: string | null) => (v ? show(v) : '—') },
          { title: '答复', dataIndex: 'answer', render: (v: string | null) => v ?? '—' },
          { title: '答复时间', dataIndex: 'answeredAt', width: 150, render: (v: string | null) => (v ? show(v) : '—') },
          { title: '登记人', dataIndex: 'by', width: 110 },
        ]}
      />
    </section>
  );
}
