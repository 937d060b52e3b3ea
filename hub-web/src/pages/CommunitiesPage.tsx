import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { enrollCodeBody, hubRoutes, ingestLogBody, type CommunityRow, type EnrollCodeBody, type IngestLogRow } from '../../../exchange/hub-api';
import { download, getJson, postJson } from '../api';
import { LoadError, messageOf, PageTitle, showInstant, useCommunities } from '../common';

export function CommunitiesPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const communities = useCommunities();
  const log = useQuery({ queryKey: ['ingest-log'], queryFn: () => getJson(hubRoutes.ingestLog, ingestLogBody) });
  const [creating, setCreating] = useState(false);
  const [code, setCode] = useState<EnrollCodeBody | null>(null);
  const newCode = async (c: CommunityRow) => {
    try {
      setCode(await postJson(hubRoutes.communityCode(c.communityId), {}, enrollCodeBody));
      await client.invalidateQueries({ queryKey: ['communities'] });
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            添加社区
          </Button>
        }
      >
        社区管理
      </PageTitle>
      {communities.isError && <LoadError error={communities.error} />}
      <Table<CommunityRow>
        rowKey="communityId"
        loading={communities.isPending}
        dataSource={communities.data?.communities ?? []}
        pagination={false}
        size="middle"
        columns={[
          { title: '社区', dataIndex: 'name' },
          { title: '类别', dataIndex: 'orgKind', width: 70, render: (v: string | null) => v ?? '—' },
          {
            title: '登记',
            key: 'enrolled',
            width: 230,
            render: (_, c) =>
              c.enrolledAt ? (
                <span>
                  <Tag color="green">已登记</Tag>
                  {showInstant(c.enrolledAt)}
                </span>
              ) : c.enrollCodeExpiresAt ? (
                <span>
                  <Tag color="orange">待登记</Tag>登记码 {showInstant(c.enrollCodeExpiresAt)} 前有效
                </span>
              ) : (
                <Tag>未登记</Tag>
              ),
          },
          { title: '密钥指纹', dataIndex: 'fingerprint', width: 190, render: (v: string | null) => v ?? '—' },
          {
            title: '最近报送',
            key: 'last',
            width: 220,
            render: (_, c) => (c.lastReceivedAt ? `${showInstant(c.lastReceivedAt)}（第 ${c.lastSequence} 号）` : '—'),
          },
          {
            title: '操作',
            key: 'op',
            width: 210,
            render: (_, c) => (
              <span style={{ display: 'flex', gap: 8 }}>
                <Button size="small" onClick={() => newCode(c)}>
                  {c.enrolledAt ? '重新登记' : '新登记码'}
                </Button>
                {c.enrolledAt && (
                  <Button
                    size="small"
                    onClick={() =>
                      download(hubRoutes.replyPackage(c.communityId), `议事厅回执包-${c.name}.json`)
                        .then((name) => message.success(`已下载：${name}`))
                        .catch((e) => message.error(messageOf(e)))
                    }
                  >
                    下载回执包
                  </Button>
                )}
              </span>
            ),
          },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 28 }}>
        接收记录（含被拒收的报送包）
      </Typography.Title>
      {log.isError && <LoadError error={log.error} />}
      <Table<IngestLogRow>
        rowKey="id"
        loading={log.isPending}
        dataSource={log.data?.rows ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        size="small"
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: showInstant },
          { title: '社区', dataIndex: 'communityName', width: 130, render: (v: string | null) => v ?? '（未知）' },
          { title: '序号', dataIndex: 'sequence', width: 70, render: (v: number | null) => v ?? '—' },
          { title: '来源', dataIndex: 'source', width: 90 },
          { title: '结果', dataIndex: 'ok', width: 80, render: (ok: boolean) => (ok ? <Tag color="green">接收</Tag> : <Tag color="red">拒收</Tag>) },
          { title: '说明', dataIndex: 'message' },
        ]}
      />
      {creating && (
        <CreateCommunity
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setCode(created);
          }}
        />
      )}
      {code && (
        <Modal open title={`${code.community.name} 的登记码`} footer={<Button onClick={() => setCode(null)}>我已记下</Button>} onCancel={() => setCode(null)}>
          <Typography.Paragraph>请把这个一次性登记码交给社区，在议事厅软件的“报送街道”里登记时填写：</Typography.Paragraph>
          <Typography.Title level={2} copyable style={{ textAlign: 'center', letterSpacing: 4 }} data-testid="enroll-code">
            {code.code}
          </Typography.Title>
          <Alert type="warning" showIcon title={`有效期至 ${showInstant(code.expiresAt)}，只能用一次。关闭后不再显示，忘记了可以重新生成。`} />
        </Modal>
      )}
    </>
  );
}

function CreateCommunity({ onClose, onCreated }: { onClose: () => void; onCreated: (c: EnrollCodeBody) => void }) {
  const client = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title="添加社区" okText="添加并生成登记码" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const created = await postJson(hubRoutes.communities, { name: v.name.trim() }, enrollCodeBody);
            await client.invalidateQueries({ queryKey: ['communities'] });
            onCreated(created);
          } catch (e) {
            setError(messageOf(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="社区（村）名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写社区或村的名称' }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
