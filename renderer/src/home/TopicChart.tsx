import { useMemo, useState } from 'react';
import { Card, Empty, Segmented, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { followUpDefaults, topicStatuses } from '../../../core/followup/data';
import type { HomeSummary } from './useHomeSummary';
import { monthLabel } from './format';

type Stack = 'channel' | 'status';

const channelColors = ['#1677ff', '#13a8a8', '#fa8c16', '#722ed1', '#52c41a', '#eb2f96', '#faad14', '#8c8c8c'];
const extraColors = ['#2f54eb', '#a0d911', '#fa541c', '#531dab', '#08979c', '#d4b106'];
const statusColors: Record<string, string> = {
  待分办: '#fa8c16',
  已纳入议程: '#1677ff',
  转部门办理: '#722ed1',
  已答复: '#52c41a',
  已合并: '#8c8c8c',
  不予受理: '#bfbfbf',
  已办结: '#237804',
};

interface Series {
  key: string;
  color: string;
}

/** The series in a steady order: the known channels (or statuses) first, any others after. */
function seriesOf(stack: Stack, present: string[]): Series[] {
  const known = stack === 'channel' ? followUpDefaults.topicChannels : (topicStatuses as readonly string[]);
  const ordered = [...known.filter((k) => present.includes(k)), ...present.filter((k) => !known.includes(k)).sort()];
  return ordered.map((key, i) => {
    const fixed = stack === 'status' ? statusColors[key] : channelColors[known.indexOf(key)];
    return { key, color: fixed ?? extraColors[i % extraColors.length]! };
  });
}

/** Topics received per month over the last six months, stacked by channel or by status. */
export function TopicChart({ chart }: { chart: HomeSummary['chart'] }) {
  const [stack, setStack] = useState<Stack>('channel');

  const { rows, series, total } = useMemo(() => {
    const points =
      stack === 'channel'
        ? chart.byChannel.map((p) => ({ month: p.month, key: p.channel, count: p.count }))
        : chart.byStatus.map((p) => ({ month: p.month, key: p.status, count: p.count }));
    const series = seriesOf(stack, [...new Set(points.map((p) => p.key))]);
    const rows = chart.months.map((month, i) => {
      const row: Record<string, string | number> = { month, label: monthLabel(month, i === 0) };
      for (const s of series) row[s.key] = 0;
      for (const p of points) if (p.month === month) row[p.key] = p.count;
      return row;
    });
    return { rows, series, total: points.reduce((n, p) => n + p.count, 0) };
  }, [chart, stack]);

  const first = chart.months[0];
  const last = chart.months[chart.months.length - 1];
  const span = first && last ? `${monthLabel(first, true)}至${monthLabel(last, true)}` : '近六个月';

  return (
    <Card
      title="近六个月收到的议题"
      className="home-card"
      data-testid="home-chart"
      extra={
        <Segmented<Stack>
          value={stack}
          onChange={setStack}
          options={[
            { label: '按来源渠道', value: 'channel' },
            { label: '按办理状态', value: 'status' },
          ]}
        />
      }
    >
      {total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${span}没有收到议题。登记了议题以后，这里会按月显示数量。`} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="home-chart-caption">
            {span}共收到议题 {total} 件，按收到日期计入月份；{stack === 'channel' ? '颜色表示来源渠道' : '颜色表示现在的办理状态'}。
          </Typography.Paragraph>
          <div className="home-chart" role="img" aria-label={`${span}每月收到的议题数，${stack === 'channel' ? '按来源渠道' : '按办理状态'}分色`}>
            <ResponsiveContainer width="100%" height={320}>
              <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 14 }} />
                <YAxis
                  allowDecimals={false}
                  tick={{ fontSize: 14 }}
                  width={40}
                  label={{ value: '件', position: 'insideTopLeft', offset: 0, dy: -4, fontSize: 14 }}
                />
                <Tooltip
                  formatter={(value) => `${String(value)} 件`}
                  labelFormatter={(_, payload) => {
                    const month = String(payload?.[0]?.payload?.month ?? '');
                    return month ? monthLabel(month, true) : '';
                  }}
                  cursor={{ fill: 'rgba(0, 0, 0, 0.04)' }}
                />
                <Legend wrapperStyle={{ fontSize: 14, paddingTop: 8 }} />
                {series.map((s) => (
                  <Bar key={s.key} dataKey={s.key} name={s.key} stackId="topics" fill={s.color} maxBarSize={56} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </Card>
  );
}
