import { useEffect, useState } from 'react';
import { Button, DatePicker, Space, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CallOutput } from '../../../core/contract/index';
import { useCall } from '../api/queries';
import { LoadError } from '../app/LoadError';
import { useToday } from './useToday';

type Rates = CallOutput<'summons.rates'>;
type Figures = Rates['total'];
type RateKey = 'response' | 'resolution' | 'satisfaction';

const rateNames: Record<RateKey, string> = { response: '响应率', resolution: '解决率', satisfaction: '满意率' };

/** 本月 / 本季度 / 本年 around a day. */
function preset(kind: 'month' | 'quarter' | 'year', day: Dayjs): [Dayjs, Dayjs] {
  if (kind === 'month') return [day.startOf('month'), day.endOf('month')];
  if (kind === 'year') return [day.startOf('year'), day.endOf('year')];
  const first = day.month(Math.floor(day.month() / 3) * 3).startOf('month');
  return [first, first.add(2, 'month').endOf('month')];
}

/** 统计: 响应率、解决率、满意率 per department for a period, each with its definition. */
export function RatesPanel({ orgId }: { orgId: number }) {
  const today = useToday();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => preset('month', dayjs()));
  // Follow the service's today once known.
  useEffect(() => setRange(preset('month', dayjs(today))), [today]);

  const { data, loading, error, reload: load } = useCall(
    'summons.rates',
    { orgId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') },
    { keepPrevious: true },
  );
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
        <DatePicker.RangePicker
          aria-label="统计期间"
          value={range}
          allowClear={false}
          format="YYYY-MM-DD"
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Space>
          <Button onClick={() => setRange(preset('month', dayjs(today)))}>本月</Button>
          <Button onClick={() => setRange(preset('quarter', dayjs(today)))}>本季度</Button>
          <Button onClick={() => setRange(preset('year', dayjs(today)))}>本年</Button>
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
