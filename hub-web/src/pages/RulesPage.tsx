import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, List, Radio, Segmented, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { hubRoutes, ruleFilingStatuses, rulesBody, type MeBody, type RuleRowBody } from '../../../exchange/hub-api';
import { getJson, postJson, withQuery } from '../api';
import { DownloadFileButton, ExportButton, Filters, LoadError, messageOf, PageTitle, useDashboardFilters } from '../common';

const statusColor: Record<RuleRowBody['status'], string> = { 未报备: 'default', 待审查: 'orange', 已同意备案: 'green', 已退回: 'red' };

export function RulesPage({ me }: { me: MeBody }) {
  const [query, setQuery] = useDashboardFilters({ status: '待审查' });
  const [open, setOpen] = useState<RuleRowBody | null>(null);
  const route = hubRoutes.dashboard.rules;
  // Every status at once: the counts on the switch, and a reviewed rule stays open in its drawer.
  const all = { communityId: query.communityId };
  const result = useQuery({ queryKey: ['rules', all], queryFn: () => getJson(withQuery(route, all), rulesBody) });
  const keyOf = (r: RuleRowBody) => `${r.communityId}/${r.uid}`;
  const rows = result.data?.rows ?? [];
  const shown = query.status ? rows.filter((r) => r.status === query.status) : rows;
  const current = open ? (rows.find((r) => keyOf(r) === keyOf(open)) ?? open) : null;
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return (
    <>
      <PageTitle extra={<ExportButton route={route} query={query} fileName="村规民约备案审查.xlsx" />}>村规民约备案</PageTitle>
      <Filters value={query} onChange={setQuery} dates={false} />
      <Segmented
        style={{ marginLeft: 16, marginBottom: 16 }}
        value={query.status ?? ''}
        onChange={(v) => setQuery({ ...query, status: (v as string) || undefined })}
        options={[
          ...ruleFilingStatuses.map((s) => ({ value: s, label: result.data ? `${s} ${count(s)}` : s })),
          { value: '', label: result.data ? `全部 ${rows.length}` : '全部' },
        ]}
      />
      {result.isError && <LoadError error={result.error} />}
      <Table<RuleRowBody>
        rowKey={keyOf}
        loading={result.isPending}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        locale={{ emptyText: query.status === '待审查' ? '没有待审查的村规民约' : '没有村规民约' }}
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 120 },
          { title: '名称', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kind', width: 100 },
          { title: '通过日期', dataIndex: 'adoptedOn', width: 115 },
          { title: '报备期限', dataIndex: 'filingDue', width: 115 },
          { title: '报备日期', dataIndex: 'filedOn', width: 115 },
          {
            title: '状态',
            key: 'status',
            width: 150,
            render: (_, r) => (
              <Tag color={statusColor[r.status]}>
                {r.status}
                {r.latestReview && r.status !== '待审查' ? ` ${r.latestReview.reviewedOn}` : ''}
              </Tag>
            ),
          },
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_, r) => (
              <Button size="small" onClick={() => setOpen(r)}>
                打开
              </Button>
            ),
          },
        ]}
      />
      {current && <RuleDrawer row={current} me={me} onClose={() => setOpen(null)} />}
    </>
  );
}

const show = (v: string | number | null | undefined) => (v == null || v === '' ? '—' : String(v));

function RuleDrawer({ row, me, onClose }: { row: RuleRowBody; me: MeBody; onClose: () => void }) {
  const report = row.filingReport;
  // Every review, newest first (an older hub sends only the latest).
  const reviews = row.reviews ?? (row.latestReview ? [row.latestReview] : []);
  return (
    <Drawer open size={720} title={`${row.communityName} · ${row.title}`} onClose={onClose} destroyOnHidden>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        备案报告
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'kind', label: '类别', children: show(row.kind) },
          { key: 'stage', label: '阶段', children: show(row.stage) },
          { key: 'adoptedOn', label: '通过日期', children: show(report.adoptedOn) },
          { key: 'presentCount', label: '到会人数', children: show(report.presentCount) },
          { key: 'womenPresent', label: '其中女性', children: show(report.womenPresent) },
          { key: 'filingDue', label: '报备期限', children: show(row.filingDue) },
          { key: 'filingAuthority', label: '备案机关', children: show(report.filingAuthority) },
          { key: 'filedOn', label: '报备日期', children: show(report.filedOn) },
          { key: 'filingReceiptNo', label: '备案回执号', children: show(report.filingReceiptNo) },
          { key: 'publishedOn', label: '公布日期', children: show(report.publishedOn) },
          { key: 'delegationBasis', label: '授权依据', span: 2, children: show(report.delegationBasis) },
        ]}
      />
      {row.steps && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            制定步骤
          </Typography.Title>
          {row.steps.length === 0 ? (
            <Typography.Text type="secondary">没有步骤记录</Typography.Text>
          ) : (
            <Timeline
              items={row.steps.map((s, i) => ({
                key: i,
                content: (
                  <>
                    <b>{s.stage}</b> {s.date}
                    {s.note ? `：${s.note}` : ''}
                    {s.opinion ? <div>意见：{s.opinion}</div> : null}
                  </>
                ),
              }))}
            />
          )}
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        文件
      </Typography.Title>
      {row.documents.length === 0 ? (
        <Typography.Text type="secondary">没有随包报送的文件</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          dataSource={row.documents}
          renderItem={(d) => (
            <List.Item actions={[<DownloadFileButton key="download" route={hubRoutes.document(row.communityId, d.uid)} fileName={d.fileName} />]}>
              {d.kind}：{d.fileName}
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        审查意见{reviews.length > 1 ? `（共 ${reviews.length} 次，最新的在上）` : ''}
      </Typography.Title>
      <div data-testid="review-list">
        {reviews.length > 0 ? (
          <Timeline
            items={reviews.map((r, i) => ({
              key: r.uid,
              color: r.decision === '同意备案' ? 'green' : 'red',
              content: (
                <div data-testid="review-item">
                  <Tag color={r.decision === '同意备案' ? 'green' : 'red'}>{r.decision}</Tag>
                  {r.reviewedOn} {r.reviewer}（{r.authority}）{r.receiptNo ? ` 回执号 ${r.receiptNo}` : ''}
                  {i === 0 && reviews.length > 1 ? <Tag style={{ marginLeft: 8 }}>最新</Tag> : null}
                  {r.reasons && <div style={{ marginTop: 4 }}>理由：{r.reasons}</div>}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有审查意见" />
        )}
      </div>
      {me.user.role === '街道管理员' && row.filedOn && <ReviewForm row={row} />}
    </Drawer>
  );
}

function ReviewForm({ row }: { row: RuleRowBody }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ decision: '同意备案' | '退回'; reasons: string; receiptNo: string }>();
  const decision = Form.useWatch('decision', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div data-testid="review-form" style={{ marginTop: 16, padding: 16, border: '1px solid #f0f0f0', borderRadius: 6 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {row.latestReview ? '重新填写备案审查意见' : '填写备案审查意见'}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: '同意备案', reasons: '', receiptNo: '' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await postJson(hubRoutes.ruleReview, {
              communityId: row.communityId,
              ruleUid: row.uid,
              decision: v.decision,
              reasons: v.reasons?.trim() || null,
              receiptNo: v.receiptNo?.trim() || null,
            });
            message.success('审查意见已保存，将随下一个回执包发回社区');
            form.resetFields();
            await client.invalidateQueries({ queryKey: ['rules'] });
          } catch (e) {
            setError(messageOf(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="审查结论" name="decision">
          <Radio.Group
            options={[
              { value: '同意备案', label: '同意备案' },
              { value: '退回', label: '退回' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={decision === '退回' ? '退回理由（要改什么）' : '意见（可不填）'}
          name="reasons"
          rules={decision === '退回' ? [{ required: true, whitespace: true, message: '退回时请写明理由：哪些条款要修改、怎么改' }] : []}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item label="备案回执号（可不填）" name="receiptNo">
          <Input maxLength={100} style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存审查意见
        </Button>
      </Form>
    </div>
  );
}
