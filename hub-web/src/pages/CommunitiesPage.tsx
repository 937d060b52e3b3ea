import { useState } from 'react';
import { Alert, App, Button, Form, Input, List, Modal, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createdCommunityBody,
  enrollCodeBody,
  enrolledBody,
  hubRoutes,
  ingestBody,
  ingestLogBody,
  repliesBody,
  type CommunityRow,
  type IngestLogRow,
} from '../../../exchange/hub-api';
import { getJson, postFile, postJson } from '../api';
import { DownloadFileButton, LoadError, messageOf, PageTitle, showInstant, useCommunities } from '../common';

interface ShownCode {
  name: string;
  code: string;
  expiresAt: string;
}

export function CommunitiesPage() {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const communities = useCommunities();
  const log = useQuery({ queryKey: ['ingest-log'], queryFn: () => getJson(hubRoutes.ingestLog, ingestLogBody) });
  const [creating, setCreating] = useState(false);
  const [code, setCode] = useState<ShownCode | null>(null);
  const [replies, setReplies] = useState<CommunityRow | null>(null);
  const names = new Map((communities.data?.items ?? []).map((c) => [c.communityId, c.name]));
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['communities'] }), client.invalidateQueries({ queryKey: ['ingest-log'] })]);
  const newCode = async (c: CommunityRow) => {
    try {
      const r = await postJson(hubRoutes.communityCode(c.communityId), {}, enrollCodeBody);
      setCode({ name: c.name, code: r.code, expiresAt: r.codeExpiresAt });
      await refresh();
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  const reenroll = (c: CommunityRow) =>
    modal.confirm({
      title: `${c.name}：重新登记（更换电脑）`,
      content: (
        <>
          <Typography.Paragraph>
            社区的电脑丢了、坏了或换了新电脑时使用。会生成一个新的一次性登记码，请交给社区在新电脑的议事厅软件里登记。
          </Typography.Paragraph>
          <Typography.Paragraph>
            社区用新登记码登记后，旧电脑的报送包不再接收，报送包序号从第 1 号重新开始；已经收到的记录都保留。登记之前，旧电脑仍可报送。
          </Typography.Paragraph>
        </>
      ),
      okText: '生成新登记码',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await postJson(hubRoutes.communityReenroll(c.communityId), {}, enrollCodeBody);
          setCode({ name: c.name, code: r.code, expiresAt: r.codeExpiresAt });
          await refresh();
        } catch (e) {
          message.error(messageOf(e));
        }
      },
    });
  const upload = async (file: File) => {
    try {
      const r = await postFile(hubRoutes.adminPackages, file, ingestBody);
      modal.success({ title: '报送包已接收', content: r.message });
    } catch (e) {
      modal.error({ title: '报送包没有接收', content: messageOf(e) });
    }
    await refresh();
  };
  return (
    <>
      <PageTitle
        extra={
          <Space>
            <EnrollmentUpload onDone={refresh} />
            <Upload
              accept=".json"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>上传报送包文件</Button>
            </Upload>
            <Button type="primary" onClick={() => setCreating(true)}>
              添加社区
            </Button>
          </Space>
        }
      >
        社区管理
      </PageTitle>
      {communities.isError && <LoadError error={communities.error} />}
      <Table<CommunityRow>
        rowKey="communityId"
        loading={communities.isPending}
        dataSource={communities.data?.items ?? []}
        pagination={false}
        size="middle"
        locale={{ emptyText: '还没有社区，请点“添加社区”' }}
        columns={[
          { title: '社区', dataIndex: 'name' },
          { title: '类别', dataIndex: 'orgKind', width: 70, render: (v: string | null) => v ?? '—' },
          {
            title: '登记',
            key: 'enrolled',
            width: 250,
            render: (_, c) =>
              c.enrolled && c.reenrollRequestedAt ? (
                <span>
                  <Tag color="orange">重新登记中</Tag>新登记码 {showInstant(c.codeExpiresAt)} 前有效
                </span>
              ) : c.enrolled ? (
                <span>
                  <Tag color="green">{c.keyEpoch > 1 ? '已重新登记' : '已登记'}</Tag>
                  {showInstant(c.enrolledAt)}
                </span>
              ) : c.codeExpiresAt ? (
                <span>
                  <Tag color="orange">待登记</Tag>登记码 {showInstant(c.codeExpiresAt)} 前有效
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
            render: (_, c) =>
              c.lastReceivedAt
                ? `${showInstant(c.lastReceivedAt)}（${c.keyEpoch > 1 && c.lastSequence === 0 ? '新电脑尚未报送' : `第 ${c.lastSequence} 号`}）`
                : '—',
          },
          {
            title: '操作',
            key: 'op',
            width: 250,
            render: (_, c) =>
              c.enrolled ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setReplies(c)}>
                    回执包
                  </Button>
                  {c.reenrollRequestedAt ? (
                    <Button size="small" onClick={() => newCode(c)}>
                      重发登记码
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => reenroll(c)}>
                      重新登记（更换电脑）
                    </Button>
                  )}
                </Space>
              ) : (
                <Button size="small" onClick={() => newCode(c)}>
                  重发登记码
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 28 }}>
        接收记录（含拒收和登记）
      </Typography.Title>
      {log.isError && <LoadError error={log.error} />}
      <Table<IngestLogRow>
        rowKey="id"
        loading={log.isPending}
        dataSource={log.data?.items ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        size="small"
        locale={{ emptyText: '还没有收到报送包' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: showInstant },
          { title: '社区', dataIndex: 'communityId', width: 120, render: (v: string | null) => (v ? (names.get(v) ?? '（未登记）') : '（未知）') },
          { title: '序号', dataIndex: 'sequence', width: 70, render: (v: number | null) => v ?? '—' },
          { title: '来源', dataIndex: 'source', width: 70 },
          {
            title: '结果',
            dataIndex: 'ok',
            width: 80,
            render: (ok: boolean, r) => (r.source === '登记' ? <Tag color="blue">登记</Tag> : ok ? <Tag color="green">接收</Tag> : <Tag color="red">拒收</Tag>),
          },
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
        <Modal open title={`${code.name} 的登记码`} footer={<Button onClick={() => setCode(null)}>我已记下</Button>} onCancel={() => setCode(null)}>
          <Typography.Paragraph>请把这个一次性登记码交给社区，在议事厅软件里登记街道时填写：</Typography.Paragraph>
          <Typography.Title level={2} copyable style={{ textAlign: 'center', letterSpacing: 4 }} data-testid="enroll-code">
            {code.code}
          </Typography.Title>
          <Alert type="warning" showIcon title={`有效期至 ${showInstant(code.expiresAt)}，只能用一次。关闭后不再显示；忘记了可以重发登记码。`} />
        </Modal>
      )}
      {replies && <RepliesDialog community={replies} onClose={() => setReplies(null)} />}
    </>
  );
}

function CreateCommunity({ onClose, onCreated }: { onClose: () => void; onCreated: (c: ShownCode) => void }) {
  const client = useQueryClient();
  const [form] = Form.useForm<{ name: string; orgKind: '村' | '社区' }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title="添加社区" okText="添加并生成登记码" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgKind: '社区' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const name = v.name.trim();
            const created = await postJson(hubRoutes.communities, { name, orgKind: v.orgKind }, createdCommunityBody);
            await client.invalidateQueries({ queryKey: ['communities'] });
            onCreated({ name, code: created.code, expiresAt: created.codeExpiresAt });
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
        <Form.Item label="类别" name="orgKind">
          <Radio.Group
            options={[
              { value: '社区', label: '社区' },
              { value: '村', label: '村' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The community's signed 回执包 (acknowledgement, 备案审查意见, 报到/答复) as files to hand over. */
function RepliesDialog({ community, onClose }: { community: CommunityRow; onClose: () => void }) {
  const list = useQuery({ queryKey: ['replies', community.communityId], queryFn: () => getJson(hubRoutes.replies(community.communityId), repliesBody) });
  return (
    <Modal open title={`${community.name} 的回执包`} footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose}>
      <Typography.Paragraph type="secondary">
        有新的审查意见、报到答复或新收到的报送包时，这里会生成下一个回执包。社区连网时会自动取回；不连网时请下载后用U盘交给社区导入。
      </Typography.Paragraph>
      {list.isError && <LoadError error={list.error} />}
      <List
        loading={list.isPending}
        bordered
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '还没有回执包' }}
        renderItem={(p) => (
          <List.Item actions={[<DownloadFileButton key="download" route={hubRoutes.replyFile(community.communityId, p.sequence)} fileName={p.fileName} />]}>
            第 {p.sequence} 号（确认收到报送包至第 {p.acknowledgedSequence} 号）
          </List.Item>
        )}
      />
    </Modal>
  );
}

/**
 * A community without network: its 登记申请 file (U盘) is uploaded here, and the hub's signed
 * 登记回执 comes back as a file (议事厅登记回执-<名称>.json) to carry to the community.
 */
function EnrollmentUpload({ onDone }: { onDone: () => Promise<unknown> }) {
  const { modal } = App.useApp();
  const take = async (file: File) => {
    try {
      const r = await postFile(hubRoutes.adminEnroll, file, enrolledBody);
      const fileName = `议事厅登记回执-${r.communityName}.json`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([r.package], { type: 'application/json' }));
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      modal.success({
        title: `${r.communityName} 已登记`,
        content: `登记回执已下载为“${fileName}”，请交给社区在议事厅“报送”页导入。平台密钥指纹：${r.fingerprint}`,
      });
    } catch (e) {
      modal.error({ title: '没有登记', content: messageOf(e) });
    }
    await onDone();
  };
  return (
    <Upload
      accept=".json"
      showUploadList={false}
      beforeUpload={(file) => {
        void take(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />}>上传登记申请</Button>
    </Upload>
  );
}
