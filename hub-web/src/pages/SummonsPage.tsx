import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { DEFAULT_TIME_ZONE, zonedInstant } from '../../../core/clock';
import { rateDefinitions } from '../../../core/followup/rates';
import {
  hubRoutes,
  summonsBody,
  summonsRatesBody,
  type DashboardQuery,
  type DepartmentFiguresBody,
  type MeBody,
  type SummonsRowBody,
} from '../../../exchange/hub-api';
import { getJson, postJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, messageOf, PageTitle, showInstant, useDashboardFilters } from '../common';

type RateRow = DepartmentFiguresBody & { month?: string; isTotal?: boolean };

const rateColumns = [
  { title: '响应率', key: 'response', render: (_: unknown, r: RateRow) => r.response.text },
  { title: '解决率', key: 'resolution', render: (_: unknown, r: RateRow) => r.resolution.text },
  { title: '满意率', key: 'satisfaction', render: (_: unknown, r: RateRow) => r.satisfaction.text },
];

export function SummonsPage({ me }: { me: MeBody }) {
  const [query, setQuery] = useDashboardFilters();
  const [tab, setTab] = useState('month');
  const route = hubRoutes.dashboard.summons;
  const rates = useQuery({ queryKey: ['summons-rates', query], queryFn: () => getJson(withQuery(route, query), summonsRatesBody) });
  const byMonth: RateRow[] = (rates.data?.months ?? []).flatMap((m) => [
    ...m.departments.map((d) => ({ ...d, month: m.month })),
    { ...m.total, department: '合计', month: m.month, isTotal: true },
  ]);
  const byDepartment: RateRow[] = rates.data ? [...rates.data.departments, { ...rates.data.total, department: '合计', isTotal: true }] : [];
  const table = (rows: RateRow[], withMonth: boolean) => (
    <Table<RateRow>
      rowKey={(r) => `${r.month ?? ''}/${r.department}`}
      loading={rates.isPending}
      dataSource={rows}
      pagination={{ pageSize: 24, showSizeChanger: false }}
      size="middle"
      locale={{ emptyText: '这段时间没有吹哨记录' }}
      onRow={(r) => (r.isTotal ? { style: { fontWeight: 600, background: '#fafafa' } } : {})}
      columns={[
        ...(withMonth ? [{ title: '月份', dataIndex: 'month', width: 100 }] : []),
        { title: '部门', dataIndex: 'department' },
        { title: '吹哨次数', dataIndex: 'summoned', width: 100 },
        ...rateColumns,
      ]}
    />
  );
  return (
    <>
      <PageTitle
        extra={
          tab === 'list' ? (
            <ExportButton route={hubRoutes.summons} query={query} fileName="吹哨记录.xlsx" />
          ) : (
            <ExportButton route={route} query={query} fileName="吹哨报到.xlsx" />
          )
        }
      >
        吹哨报到
      </PageTitle>
      <Filters value={query} onChange={setQuery} />
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title="统计口径"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{rateDefinitions.response}</li>
            <li>{rateDefinitions.resolution}</li>
            <li>{rateDefinitions.satisfaction}</li>
          </ul>
        }
      />
      {rates.isError && <LoadError error={rates.error} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'month', label: '按部门和月份', children: table(byMonth, true) },
          { key: 'department', label: `按部门（${rates.data ? `${rates.data.from} 至 ${rates.data.to}` : '全期'}）`, children: table(byDepartment, false) },
          {
            key: 'list',
            label: me.user.role === '部门' ? `本部门的吹哨（${me.user.department ?? ''}）` : '吹哨记录',
            children: <SummonsList query={query} me={me} />,
          },
        ]}
      />
    </>
  );
}

function SummonsList({ query, me }: { query: DashboardQuery; me: MeBody }) {
  const rows = useQuery({ queryKey: ['summons', query], queryFn: () => getJson(withQuery(hubRoutes.summons, query), summonsBody) });
  const [answering, setAnswering] = useState<SummonsRowBody | null>(null);
  const canAnswer = (r: SummonsRowBody) => me.user.role === '街道管理员' || (me.user.role === '部门' && me.user.department === r.department);
  return (
    <>
      {rows.isError && <LoadError error={rows.error} />}
      <Table<SummonsRowBody>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={rows.isPending}
        dataSource={rows.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        locale={{ emptyText: '没有吹哨记录' }}
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 110 },
          { title: '部门', dataIndex: 'department', width: 130 },
          { title: '议题', dataIndex: 'topicTitle', render: (v: string | null) => v ?? '—' },
          { title: '吹哨时间', dataIndex: 'summonedAt', width: 150, render: showInstant },
          { title: '时限', dataIndex: 'reportWithinHours', width: 80, render: (h: number) => `${h} 小时` },
          {
            title: '报到',
            key: 'reported',
            width: 150,
            render: (_, r) => {
              const at = r.reportedAt ?? r.latestReply?.reportedAt ?? null;
              return at ? showInstant(at) : <Tag color="orange">未报到</Tag>;
            },
          },
          { title: '答复', key: 'answer', render: (_, r) => r.latestReply?.answer ?? r.result ?? '—' },
          {
            title: '操作',
            key: 'op',
            width: 110,
            render: (_, r) =>
              canAnswer(r) ? (
                <Button size="small" onClick={() => setAnswering(r)}>
                  报到/答复
                </Button>
              ) : null,
          },
        ]}
      />
      {answering && <AnswerDialog row={answering} onClose={() => setAnswering(null)} />}
    </>
  );
}

function AnswerDialog({ row, onClose }: { row: SummonsRowBody; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reportedAt: Dayjs | null; answer: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={`报到/答复：${row.communityName} · ${row.department}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        吹哨时间 {showInstant(row.summonedAt)}，要求 {row.reportWithinHours} 小时内报到。保存后随下一个回执包发回社区。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await postJson(hubRoutes.summonsAnswer, {
              communityId: row.communityId,
              summonsUid: row.uid,
              // The time as shown, read in the street's zone (China time), whatever the browser's zone.
              reportedAt: v.reportedAt ? zonedInstant(DEFAULT_TIME_ZONE, v.reportedAt.format('YYYY-MM-DD'), v.reportedAt.format('HH:mm')) : null,
              answer: v.answer?.trim() || null,
            });
            message.success('已保存，将随下一个回执包发回社区');
            await client.invalidateQueries({ queryKey: ['summons'] });
            onClose();
          } catch (e) {
            setError(messageOf(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="报到时间" name="reportedAt">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item label="答复" name="answer">
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
