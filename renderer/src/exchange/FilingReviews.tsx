import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { FilingReview } from '../../../core/contract/exchange';
import { useCall } from '../api/queries';
import { useClock } from '../app/useClock';

/**
 * 备案审查意见 the street sent back (报送 → 回执包): the latest on top with its reasons, and the
 * earlier ones below as its history. Shown only once the street has answered.
 */
export function FilingReviews({ docId }: { docId: number }) {
  const { data, error } = useCall('exchange.filingReviews', { docId });
  const { show } = useClock();
  if (error) return <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />;
  const items = data?.items ?? [];
  if (!items.length) return null;
  const latest = items[0]!;
  return (
    <Card title="备案审查意见" size="small" className="rule-card" style={{ marginTop: 12 }} data-testid="filing-reviews">
      <Alert
        type={latest.decision === '同意备案' ? 'success' : 'warning'}
        showIcon
        title={`${latest.authority}：${latest.decision}（${latest.reviewedOn}，${latest.reviewer}）`}
        description={
          latest.decision === '退回' ? `退回理由：${latest.reasons ?? '（未写明）'}` : latest.receiptNo ? `备案回执编号：${latest.receiptNo}` : undefined
        }
      />
      {items.length > 1 && (
        <Table<FilingReview>
          size="small"
          style={{ marginTop: 12 }}
          rowKey="id"
          pagination={false}
          dataSource={items}
          columns={[
            { title: '审查日期', dataIndex: 'reviewedOn', width: 110 },
            { title: '意见', dataIndex: 'decision', width: 100, render: (v: string) => <Tag color={v === '同意备案' ? 'green' : 'orange'}>{v}</Tag> },
            { title: '理由', dataIndex: 'reasons', render: (v: string | null) => v ?? '—' },
            { title: '审查人', dataIndex: 'reviewer', width: 100 },
            { title: '导入时间', dataIndex: 'appliedAt', width: 150, render: (v: string) => show(v) },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        由街道平台的回执包导入（第 {latest.replySequence} 号回执）。
      </Typography.Paragraph>
    </Card>
  );
}
