import { useEffect, useState } from 'react';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { ledgerKinds, type LedgerKind } from '../../../core/contract/ledgers';
import { call } from '../api/client';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useExport } from '../app/useExport';

/** From the first of this month to today: the period a monthly report to the 街道 covers. */
function thisMonth(today: string): [string, string] {
  return [`${today.slice(0, 7)}-01`, today];
}

/** What is wrong with the chosen period, in Chinese; null when it can be exported. */
function rangeProblem(from: string | null, to: string | null): string | null {
  const problem = dateCheck(from, '请填写开始日期') ?? dateCheck(to, '请填写结束日期');
  if (problem) return problem;
  return to! < from! ? '结束日期早于开始日期，请重新选择日期范围' : null;
}

/** 台账导出: one ledger for a period, as the Excel file a 街道 collects. */
export function LedgerExportCard({ orgId }: { orgId: number }) {
  const { today } = useClock();
  const exporter = useExport();
  const [kind, setKind] = useState<LedgerKind>('会议台账');
  const [range, setRange] = useState<[string | null, string | null]>(() => thisMonth(today));
  // Follow the service's today once known.
  useEffect(() => setRange(thisMonth(today)), [today]);
  const [from, to] = range;
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = rangeProblem(from, to);

  async function exportLedger() {
    setTried(true);
    setError(null);
    if (problem) return;
    await exporter.run(kind, () => call('ledgers.export', { orgId, kind, from: from!, to: to! }), { key: 'ledger', onError: setError });
  }

  return (
    <Card title="台账导出" data-testid="ledger-export">
      <Typography.Paragraph type="secondary">按日期范围导出报街道（乡镇）的台账，表头为“本单位信息”中的全称。台账不含电话和身份证号。</Typography.Paragraph>
      <Space wrap align="start" size="middle">
        <Select aria-label="台账种类" value={kind} onChange={setKind} style={{ width: 180 }} options={ledgerKinds.map((k) => ({ value: k, label: k }))} />
        <DateField aria-label="台账开始日期" value={from} allowClear={false} onChange={(d) => setRange([d, to])} />
        <span style={{ lineHeight: '32px' }}>至</span>
        <DateField aria-label="台账结束日期" value={to} allowClear={false} onChange={(d) => setRange([from, d])} />
        <Button type="primary" icon={<FileExcelOutlined />} loading={exporter.isBusy('ledger')} onClick={() => void exportLedger()}>
          导出
        </Button>
      </Space>
      {((tried && problem) || (problem && from && to && isComplete(from, to))) && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/** Both dates read: a wrong order is shown at once, not only after 导出. */
function isComplete(from: string, to: string): boolean {
  return dateCheck(from) === null && dateCheck(to) === null;
}
