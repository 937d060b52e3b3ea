import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { rateDefinitions } from '../../../core/followup/rates';
import { hubRoutes, summonsBody, summonsRatesBody, type MeBody, type RateBody, type SummonsRateRow, type SummonsRow } from '../../../exchange/hub-api';
import { getJson, postJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, messageOf, PageTitle, showInstant, useDashboardFilters } from '../common';

const rateCell = (r: RateBody) => r.text;

export function SummonsPage({ me }: { me: MeBody }) {
  const [query, setQuery] = useDashboardFilters();
  const [tab, setTab] = useState('rates');
  return (
    <>
      <PageTitle
        extra={
          tab === 'rates' ? (
            <ExportButton route={hubRoutes.summonsRates} query={query} fileName="吹哨报到统计.xlsx" />
          ) : (
            <ExportButton route={hubRoutes.summons} query={query} fileName="吹哨记录.xlsx" />
          )
        }
      >
        吹哨报到
      </PageTitle>
      <Filters value={query} onChange={setQuery} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'rates', label: '按部门和月份', children: <Rates query={query} /> },
          { key: 'list', label: '吹哨记录', children: <SummonsList query={query} me={me} /> },
        ]}
      />
    </>
  );
}

function Rates({ query }: { query: Parameters<typeof withQuery>[1] }) {
  const rows = useQuery({ queryKey: ['summons-rates', query], queryFn: () => getJson(withQuery(hubRoutes.summonsRates, query), summonsRatesBody) });
  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        title="口径"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{rateDefinitions.response}</li>
            <li>{rateDefinitions.resolution}</li>
            <li>{rateDefinitions.satisfaction}</li>
          </ul>
        }
      />
      {rows.isError && <LoadError error={rows.error} />}
      <Table<SummonsRateRow>
        rowKey={(r) => `${r.department}/${r.month}`}
        loading={rows.isPending}
        dataSource={rows.data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        columns={[
          { title: '部门', dataIndex: 'department' },
          { title: '月份', dataIndex: 'month', width: 100 },
          { title: '吹哨次数', dataIndex: 'summoned', width: 100 },
          { title: '响应率', dataIndex: 'response', render: rateCell },
          { title: '解决率', dataIndex: 'resolution', render: rateCell },
          { title: '满意率', dataIndex: 'satisfaction', render: rateCell },
        ]}
      />
    </>
  );
}

function SummonsList({ query, me }: { query: Parameters<typeof withQuery>[1]; me: MeBody }) {
  const rows = useQuery({ queryKey: ['summons', query], queryFn: () => getJson(withQuery(hubRoutes.summons, query), summonsBody) });
  const [answering, setAnswering] = useState<SummonsRow | null>(null);
  const canAnswer = (r: SummonsRow) => me.user.role === '街道管理员' || (me.user.role === '部门' && me.user.department === r.department);
  return (
    <>
      {rows.isError && <LoadError error={rows.error} />}
      <Table<SummonsRow>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={rows.isPending}
        dataSource={rows.data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 120 },
          { title: '部门', dataIndex: 'department', width: 150 },
          { title: '吹哨时间', dataIndex: 'summonedAt', width: 160, render: showInstant },
          { title: '时限', dataIndex: 'reportWithinHours', width: 90, render: (h: number) => `${h} 小时` },
          { title: '报到', dataIndex: 'reportedAt', width: 160, render: (v: string | null) => (v ? showInstant(v) : <Tag color="orange">未报到</Tag>) },
          { title: '答复', dataIndex: 'answer', render: (v: string | null) => v ?? '—' },
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

function AnswerDialog({ row, onClose }: { row: SummonsRow; onClose: () => void }) {
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
        吹哨时间 {showInstant(row.summonedAt)}，要求 {row.reportWithinHours} 小时内报到。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!v.reportedAt && !v.answer?.trim()) {
            setError('请填写报到时间或答复内容（至少一项）。');
            return;
          }
          setBusy(true);
          setError(null);
          try {
            await postJson(hubRoutes.summonsReply(row.communityId, row.uid), {
              reportedAt: v.reportedAt ? v.reportedAt.toISOString() : null,
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
