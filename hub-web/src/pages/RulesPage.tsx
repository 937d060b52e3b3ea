import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, List, Radio, Segmented, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { hubRoutes, ruleDetailBody, rulesBody, type FilingReviewInput, type MeBody, type RuleRow } from '../../../exchange/hub-api';
import { download, getJson, postJson, withQuery } from '../api';
import { ExportButton, Filters, LoadError, messageOf, PageTitle, useDashboardFilters } from '../common';

function ReviewTag({ row }: { row: RuleRow }) {
  if (!row.review) return <Tag color="orange">待审查</Tag>;
  return row.review.decision === '同意备案' ? <Tag color="green">同意备案 {row.review.reviewedOn}</Tag> : <Tag color="red">退回 {row.review.reviewedOn}</Tag>;
}

export function RulesPage({ me }: { me: MeBody }) {
  const [query, setQuery] = useDashboardFilters();
  const [show, setShow] = useState<'awaiting' | 'all'>('awaiting');
  const [open, setOpen] = useState<RuleRow | null>(null);
  const rows = useQuery({ queryKey: ['rules', query], queryFn: () => getJson(withQuery(hubRoutes.rules, query), rulesBody) });
  const data = (rows.data?.rows ?? []).filter((r) => show === 'all' || !r.review);
  return (
    <>
      <PageTitle extra={<ExportButton route={hubRoutes.rules} query={query} fileName="村规民约备案.xlsx" />}>村规民约备案</PageTitle>
      <Filters value={query} onChange={setQuery} dates={false} />
      <Segmented
        style={{ marginLeft: 16 }}
        value={show}
        onChange={(v) => setShow(v as 'awaiting' | 'all')}
        options={[
          { value: 'awaiting', label: '待审查' },
          { value: 'all', label: '全部' },
        ]}
      />
      {rows.isError && <LoadError error={rows.error} />}
      <Table<RuleRow>
        rowKey={(r) => `${r.communityId}/${r.uid}`}
        loading={rows.isPending}
        dataSource={data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        size="middle"
        locale={{ emptyText: show === 'awaiting' ? '没有待审查的村规民约' : '没有村规民约' }}
        columns={[
          { title: '社区', dataIndex: 'communityName', width: 130 },
          { title: '名称', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kind', width: 110 },
          { title: '阶段', dataIndex: 'stage', width: 100 },
          { title: '通过日期', dataIndex: 'adoptedOn', width: 115 },
          { title: '报备期限', dataIndex: 'filingDue', width: 115 },
          { title: '审查', key: 'review', width: 170, render: (_, r) => <ReviewTag row={r} /> },
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
      {open && <RuleDrawer row={open} me={me} onClose={() => setOpen(null)} />}
    </>
  );
}

const show = (v: string | number | null | undefined) => (v == null || v === '' ? '—' : String(v));

function RuleDrawer({ row, me, onClose }: { row: RuleRow; me: MeBody; onClose: () => void }) {
  const { message } = App.useApp();
  const detail = useQuery({
    queryKey: ['rule', row.communityId, row.uid],
    queryFn: () => getJson(hubRoutes.rule(row.communityId, row.uid), ruleDetailBody),
  });
  return (
    <Drawer open width={720} title={`${row.communityName} · ${row.title}`} onClose={onClose} destroyOnHidden>
      {detail.isPending && <Spin />}
      {detail.isError && <LoadError error={detail.error} />}
      {detail.data && (
        <>
          <Typography.Title level={5}>备案报告</Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'kind', label: '类别', children: show(detail.data.rule.kind) },
              { key: 'stage', label: '阶段', children: show(detail.data.rule.stage) },
              { key: 'adoptedOn', label: '通过日期', children: show(detail.data.rule.adoptedOn) },
              { key: 'presentCount', label: '到会人数', children: show(detail.data.rule.presentCount) },
              { key: 'womenPresent', label: '其中妇女', children: show(detail.data.rule.womenPresent) },
              { key: 'filingDue', label: '报备期限', children: show(detail.data.rule.filingDue) },
              { key: 'filingAuthority', label: '备案机关', children: show(detail.data.rule.filingAuthority) },
              { key: 'filedOn', label: '报备日期', children: show(detail.data.rule.filedOn) },
              { key: 'filingReceiptNo', label: '备案回执号', children: show(detail.data.rule.filingReceiptNo) },
              { key: 'publishedOn', label: '公布日期', children: show(detail.data.rule.publishedOn) },
              { key: 'delegationBasis', label: '授权依据', span: 2, children: show(detail.data.rule.delegationBasis) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            制定步骤
          </Typography.Title>
          {detail.data.rule.steps.length === 0 ? (
            <Typography.Text type="secondary">没有步骤记录</Typography.Text>
          ) : (
            <Timeline
              items={detail.data.rule.steps.map((s, i) => ({
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
          <Typography.Title level={5}>文件</Typography.Title>
          {detail.data.documents.length === 0 ? (
            <Typography.Text type="secondary">没有随包报送的文件</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={detail.data.documents}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Button
                      key="download"
                      size="small"
                      onClick={() =>
                        download(hubRoutes.document(row.communityId, d.uid), d.fileName)
                          .then((name) => message.success(`已下载：${name}`))
                          .catch((e) => message.error(messageOf(e)))
                      }
                    >
                      下载
                    </Button>,
                  ]}
                >
                  {d.kind}：{d.fileName}
                </List.Item>
              )}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            审查意见
          </Typography.Title>
          {detail.data.reviews.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有审查意见" />
          ) : (
            <List
              size="small"
              dataSource={detail.data.reviews}
              data-testid="review-list"
              renderItem={(r) => (
                <List.Item>
                  <div>
                    <Tag color={r.decision === '同意备案' ? 'green' : 'red'}>{r.decision}</Tag>
                    {r.reviewedOn} {r.reviewer}（{r.authority}）{r.receiptNo ? ` 回执号 ${r.receiptNo}` : ''}
                    {r.reasons && <div>理由：{r.reasons}</div>}
                  </div>
                </List.Item>
              )}
            />
          )}
          {me.user.role === '街道管理员' && <ReviewForm row={row} />}
        </>
      )}
    </Drawer>
  );
}

function ReviewForm({ row }: { row: RuleRow }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FilingReviewInput>();
  const decision = Form.useWatch('decision', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div data-testid="review-form" style={{ marginTop: 16, padding: 16, border: '1px solid #f0f0f0', borderRadius: 6 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        填写备案审查意见
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<FilingReviewInput>
        form={form}
        layout="vertical"
        initialValues={{ decision: '同意备案', reasons: '', receiptNo: '' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await postJson(hubRoutes.ruleReview(row.communityId, row.uid), {
              decision: v.decision,
              reasons: v.reasons?.trim() || null,
              receiptNo: v.receiptNo?.trim() || null,
            });
            message.success('审查意见已保存，将随下一个回执包发回社区');
            form.resetFields();
            await Promise.all([
              client.invalidateQueries({ queryKey: ['rule'] }),
              client.invalidateQueries({ queryKey: ['rules'] }),
              client.invalidateQueries({ queryKey: ['overview'] }),
            ]);
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
