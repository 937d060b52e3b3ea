import { useEffect, useState } from 'react';
import { Button, Space, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { CallOutput } from '../../../core/contract/index';
import { skipToken, useCall } from '../api/queries';
import { LoadError } from '../app/LoadError';
import { useToday } from './useToday';
import { isIsoDate } from '../../../core/date-input';
import { addDays } from '../../../core/dates';
import { DateField } from '../app/DateField';

type Rates = CallOutput<'summons.rates'>;
type Figures = Rates['total'];
type RateKey = 'response' | 'resolution' | 'satisfaction';

const rateNames: Record<RateKey, string> = { response: '响应率', resolution: '解决率', satisfaction: '满意率' };

/** 本月 / 本季度 / 本年 around a day. */
function preset(kind: 'month' | 'quarter' | 'year', day: string): [string, string] {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const first = kind === 'month' ? m : kind === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : 1;
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const start = `${y}-${String(first).padStart(2, '0')}-01`;
  const nextTotal = y * 12 + (first - 1) + months;
  const next = `${Math.floor(nextTotal / 12)}-${String((nextTotal % 12) + 1).padStart(2, '0')}-01`;
  return [start, addDays(next, -1)];
}

/** 统计: 响应率、解决率、满意率 per department for a period, each with its definition. */
export function RatesPanel({ orgId }: { orgId: number }) {
  const today = useToday();
  const [range, setRange] = useState<[string | null, string | null]>(() => preset('month', today));
  // Follow the service's today once known.
  useEffect(() => setRange(preset('month', today)), [today]);
  const [from, to] = range;

  const valid = isIsoDate(from) && isIsoDate(to);
  const { data, loading, error, reload: load } = useCall('summons.rates', valid ? { orgId, from, to } : skipToken, { keepPrevious: true });
  const rates: Rates | null = data ?? null;

  const rateColumn = (key: RateKey) => ({
    title: (
      <Tooltip title={rates?.total[key].definition}>
        <span>
          {rateNames[key]} <QuestionCircleOutlined className="muted" />
        </span>
      </Tooltip>
    ),
    key,
    width: 180,
    render: (_: unknown, f: Figures) => <span className="rate-text">{f[key].text}</span>,
  });

  return (
    <>
      <div className="toolbar">
        <span>统计期间</span>
        <Space align="start">
          <DateField aria-label="统计期间开始" value={from} allowClear={false} onChange={(d) => setRange([d, to])} />
          <span style={{ lineHeight: '32px' }}>至</span>
          <DateField aria-label="统计期间结束" value={to} allowClear={false} onChange={(d) => setRange([from, d])} />
        </Space>
        <Space>
          <Button onClick={() => setRange(preset('month', today))}>本月</Button>
          <Button onClick={() => setRange(preset('quarter', today))}>本季度</Button>
          <Button onClick={() => setRange(preset('year', today))}>本年</Button>
        </Space>
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      {rates && (
        <dl className="rate-definitions" aria-label="指标说明">
          {(Object.keys(rateNames) as RateKey[]).map((k) => (
            <div key={k}>
              <dt>{rateNames[k]}</dt>
              <dd>{rates.total[k].definition}</dd>
            </div>
          ))}
        </dl>
      )}
      <Table<Figures>
        rowKey="department"
        loading={loading}
        dataSource={rates?.departments ?? []}
        pagination={false}
        bordered
        locale={{ emptyText: '这段时间没有吹哨记录。可以换个统计期间，例如点“本年”。' }}
        columns={[
          { title: '部门或单位', dataIndex: 'department' },
          { title: '吹哨次数', dataIndex: 'summoned', width: 110 },
          rateColumn('response'),
          rateColumn('resolution'),
          rateColumn('satisfaction'),
        ]}
        summary={() =>
          rates && rates.departments.length > 0 ? (
            <Table.Summary.Row className="rate-total">
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{rates.total.summoned}</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>{rates.total.response.text}</Table.Summary.Cell>
              <Table.Summary.Cell index={3}>{rates.total.resolution.text}</Table.Summary.Cell>
              <Table.Summary.Cell index={4}>{rates.total.satisfaction.text}</Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {rates && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {`统计 ${rates.from} 至 ${rates.to} 吹哨的记录（按本单位所在时区的日期）。“0/0（无数据）”表示这段时间还没有可以计算的记录。`}
        </Typography.Paragraph>
      )}
    </>
  );
}
