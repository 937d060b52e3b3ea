import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Input, Space, Steps, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, CloudUploadOutlined, FileAddOutlined, SendOutlined } from '@ant-design/icons';
import type { CallOutput } from '../../../core/contract';
import type { ExchangeRecordCounts, ExchangeStatus } from '../../../core/contract/exchange';
import { call, errorMessage } from '../api/client';
import { skipToken, useCall } from '../api/queries';
import { LoadError } from '../app/LoadError';
import { useClock } from '../app/useClock';
import { useExport } from '../app/useExport';
import { useOrgs } from '../org/OrgContext';
import { PickPackage } from './PickPackage';

type History = CallOutput<'exchange.history'>;

/** "3 次会议、1 项决议、2 个议题" — what a package carries, in words; 无变化 when nothing. */
export function countsWords(c: Partial<ExchangeRecordCounts>): string {
  const parts = [
    c.meetings ? `${c.meetings} 次会议` : null,
    c.resolutions ? `${c.resolutions} 项决议` : null,
    c.topics ? `${c.topics} 个议题` : null,
    c.summons ? `${c.summons} 次吹哨报到` : null,
    c.matters ? `${c.matters} 件四议两公开事项` : null,
    c.rules ? `${c.rules} 份规约` : null,
    c.documents ? `${c.documents} 份文书` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('、') : '没有新的变化';
}

/** "第 3 号", or after a 重新登记 "第 2 轮 第 3 号" (numbers restart at 1 in each 轮). */
export function packageNumber(sequence: number, epoch: number, withRound: boolean): string {
  return withRound ? `第 ${epoch} 轮 第 ${sequence} 号` : `第 ${sequence} 号`;
}

interface Notice {
  type: 'success' | 'error' | 'info';
  text: string;
}

/** 报送: this village's (community's) link to its street / township office. */
export function ExchangePage() {
  const { current } = useOrgs();
  const orgId = current?.id;
  const status = useCall('exchange.status', orgId ? { orgId } : skipToken);
  const history = useCall('exchange.history', orgId ? { orgId } : skipToken);
  const [notice, setNotice] = useState<Notice | null>(null);
  if (!orgId) return null;
  const reload = async () => {
    await Promise.all([status.reload(), history.reload()]);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="exchange-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        报送
      </Typography.Title>
      {status.error && <LoadError message={status.error} onRetry={() => void status.reload()} />}
      {notice && <Alert type={notice.type} showIcon title={notice.text} closable onClose={() => setNotice(null)} role="status" data-testid="exchange-notice" />}
      {status.data && !status.data.eligible && <Alert type="info" showIcon title={`“${status.data.orgName}”不是村或社区，不需要向街道（乡镇）报送。`} />}
      {status.data && status.data.eligible && (
        <>
          <StatusCard status={status.data} />
          {!status.data.enrolled && <EnrollCard orgId={orgId} onNotice={setNotice} onDone={reload} />}
          {status.data.enrolled && <SendCard status={status.data} onNotice={setNotice} onDone={reload} />}
          {status.data.enrolled && <HubUrlCard status={status.data} onNotice={setNotice} onDone={reload} />}
          {status.data.enrolled && <EnrollCard orgId={orgId} renew={status.data} onNotice={setNotice} onDone={reload} />}
        </>
      )}
      {history.data && <HistoryCard orgId={orgId} history={history.data} onNotice={setNotice} />}
    </Space>
  );
}

function StatusCard({ status: s }: { status: ExchangeStatus }) {
  const { show } = useClock();
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'hub',
      label: '登记情况',
      children: s.enrolled ? <Tag color="green">已登记到{s.hubName}</Tag> : <Tag>未登记</Tag>,
    },
  ];
  if (s.enrolled) {
    const round = s.epoch > 1;
    if (round) items.push({ key: 'epoch', label: '登记轮次', children: `第 ${s.epoch} 轮（重新登记后，报送包和回执都从第 1 号重新编号）` });
    if (s.pendingFingerprint) {
      items.push({
        key: 'renew',
        label: '重新登记',
        children: `已生成新密钥（指纹 ${s.pendingFingerprint}），正在等街道的登记回执；收到之前仍用本机现在的密钥报送`,
      });
    }
    items.push(
      { key: 'hubKey', label: '平台密钥指纹', children: <Typography.Text code>{s.hubFingerprint}</Typography.Text> },
      { key: 'net', label: '网络报送', children: s.hubUrl ? `已设置（${s.hubUrl}）` : '未设置，用文件报送' },
      {
        key: 'last',
        label: '最近报送',
        children: s.lastSent
          ? `${packageNumber(s.lastSent.sequence, s.epoch, round)}，${show(s.lastSent.createdAt)}（${s.lastSent.sentHow}）`
          : round
            ? '本轮还没有报送过'
            : '还没有报送过',
      },
      { key: 'ack', label: '街道已确认', children: s.lastAcknowledged ? `第 ${s.lastAcknowledged} 号及以前` : '还没有确认' },
      { key: 'unack', label: '待确认', children: s.unacknowledged ? `${s.unacknowledged} 个报送包` : '无' },
      { key: 'pending', label: '待报送的变化', children: countsWords(s.pending) },
    );
  }
  if (s.keyFingerprint) items.push({ key: 'key', label: '本机密钥指纹', children: <Typography.Text code>{s.keyFingerprint}</Typography.Text> });
  return (
    <Card title="报送状态" data-testid="exchange-status">
      <Descriptions column={1} bordered size="small" items={items} />
    </Card>
  );
}

/**
 * 登记 (first time), or with `renew` the 重新登记 after a new PC or an old backup: the same three
 * ways, but the 登记申请 is signed with a new key that takes over once the street's 登记回执 names it.
 */
function EnrollCard({
  orgId,
  renew,
  onNotice,
  onDone,
}: {
  orgId: number;
  /** The current status when this is a 重新登记. */
  renew?: ExchangeStatus;
  onNotice(n: Notice): void;
  onDone(): Promise<void>;
}) {
  const exporter = useExport();
  const [code, setCode] = useState('');
  const [hubUrl, setHubUrl] = useState(renew?.hubUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const codeOk = code.trim().length >= 4;

  function done(s: ExchangeStatus) {
    if (renew && s.epoch > renew.epoch) {
      setCode('');
      onNotice({
        type: 'success',
        text: `已重新登记到${s.hubName}（第 ${s.epoch} 轮）：本机今后用新密钥报送，报送包从第 1 号重新编号，下一个报送包会带上全部记录。请与街道核对本机密钥指纹：${s.keyFingerprint}`,
      });
    } else {
      onNotice({ type: 'success', text: `已登记到${s.hubName}。请与街道核对平台密钥指纹：${s.hubFingerprint}` });
    }
  }

  async function online() {
    setProblem(null);
    setBusy(true);
    try {
      const s = await call('exchange.enrollApply', { orgId, hubUrl: hubUrl.trim(), code: code.trim(), ...(renew ? { renew: true as const } : {}) });
      done(s);
      await onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function receipt(text: string) {
    setProblem(null);
    try {
      const s = await call('exchange.enrollApply', { orgId, receipt: text });
      done(s);
      await onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }

  return (
    <Card
      title={renew ? '重新登记（换电脑或恢复旧备份后）' : '登记到街道平台'}
      size={renew ? 'small' : 'default'}
      data-testid={renew ? 'exchange-reenroll' : 'exchange-enroll'}
    >
      {renew && (
        <Typography.Paragraph type="secondary">
          只有街道给了“重新登记”的登记码时才用这里（例如换了电脑、恢复了旧备份后街道平台拒收报送包）：登记后本机改用新密钥，报送包从第 1 号重新编号。
        </Typography.Paragraph>
      )}
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          {
            title: renew ? '填写街道给的重新登记码' : '填写街道给的登记码',
            content: (
              <Input
                aria-label={renew ? '重新登记码' : '登记码'}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder="例如 QS-2026-0001"
                style={{ maxWidth: 280 }}
              />
            ),
          },
          {
            title: '生成登记申请文件，交给街道（U盘或政务网）',
            content: (
              <Space wrap>
                <Button
                  icon={<FileAddOutlined />}
                  disabled={!codeOk}
                  loading={exporter.isBusy('enroll')}
                  onClick={() =>
                    void exporter
                      .run('登记申请', () => call('exchange.enrollRequest', { orgId, code: code.trim(), ...(renew ? { renew: true as const } : {}) }), {
                        key: 'enroll',
                        onError: setProblem,
                      })
                      .then(() => onDone())
                  }
                >
                  生成登记申请
                </Button>
                <Typography.Text type="secondary">或者在线登记：</Typography.Text>
                <Input
                  aria-label={renew ? '重新登记的街道平台地址' : '街道平台地址'}
                  value={hubUrl}
                  onChange={(e) => setHubUrl(e.target.value)}
                  placeholder="https://…"
                  style={{ width: 260 }}
                />
                <Button icon={<SendOutlined />} disabled={!codeOk || !hubUrl.trim()} loading={busy} onClick={() => void online()}>
                  在线登记
                </Button>
              </Space>
            ),
          },
          {
            title: '导入街道发回的登记回执',
            content: <PickPackage label="导入登记回执" onText={receipt} onProblem={setProblem} />,
          },
        ]}
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function SendCard({ status: s, onNotice, onDone }: { status: ExchangeStatus; onNotice(n: Notice): void; onDone(): Promise<void> }) {
  const exporter = useExport();
  const [busy, setBusy] = useState<'push' | 'pull' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function exportPackage() {
    setProblem(null);
    let counts: ExchangeRecordCounts | null = null;
    let sequence = 0;
    await exporter.run(
      '报送包',
      async () => {
        const out = await call('exchange.export', { orgId: s.orgId });
        counts = out.counts;
        sequence = out.sequence;
        return out;
      },
      { key: 'export', onError: setProblem },
    );
    if (counts) onNotice({ type: 'success', text: `已生成第 ${sequence} 号报送包：${countsWords(counts)}。请把文件交给街道。` });
    await onDone();
  }

  async function online(which: 'push' | 'pull') {
    setProblem(null);
    setBusy(which);
    try {
      const out = which === 'push' ? await call('exchange.push', { orgId: s.orgId }) : await call('exchange.pull', { orgId: s.orgId });
      onNotice({ type: 'success', text: out.message });
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
      await onDone();
    }
  }

  async function importReply(text: string) {
    setProblem(null);
    try {
      const r = await call('exchange.importReply', { orgId: s.orgId, text });
      onNotice({ type: r.applied ? 'success' : 'info', text: r.message });
    } catch (e) {
      setProblem(errorMessage(e));
    }
    await onDone();
  }

  return (
    <Card title="报送与回执" data-testid="exchange-send">
      <Typography.Paragraph>
        下一个报送包（{packageNumber(s.lastSent ? s.lastSent.sequence + 1 : 1, s.epoch, s.epoch > 1)}）将包含：{countsWords(s.pending)}
        {s.unacknowledged > 0 ? `（另有 ${s.unacknowledged} 个报送包街道还没有确认，新的报送包会把这些变化一并带上）` : ''}。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">报送包不含身份证号、电话和反映人姓名。</Typography.Paragraph>
      <Space wrap>
        <Button type="primary" icon={<FileAddOutlined />} loading={exporter.isBusy('export')} onClick={() => void exportPackage()}>
          生成报送包
        </Button>
        {s.hubUrl && (
          <Button icon={<CloudUploadOutlined />} loading={busy === 'push'} onClick={() => void online('push')}>
            网络报送
          </Button>
        )}
        <PickPackage label="导入回执包" onText={importReply} onProblem={setProblem} />
        {s.hubUrl && (
          <Button icon={<CloudDownloadOutlined />} loading={busy === 'pull'} onClick={() => void online('pull')}>
            接收街道回执
          </Button>
        )}
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="exchange-problem" />}
    </Card>
  );
}

function HubUrlCard({ status: s, onNotice, onDone }: { status: ExchangeStatus; onNotice(n: Notice): void; onDone(): Promise<void> }) {
  const [url, setUrl] = useState(s.hubUrl ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  async function save(value: string | null) {
    setProblem(null);
    try {
      await call('exchange.setHubUrl', { orgId: s.orgId, hubUrl: value });
      onNotice({ type: 'success', text: value ? '已保存街道平台地址，可以网络报送。' : '已清除街道平台地址，今后用文件报送。' });
      await onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }
  return (
    <Card title="街道平台地址（可不填）" size="small">
      <Space wrap>
        <Input aria-label="街道平台地址" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" style={{ width: 320 }} />
        <Button onClick={() => void save(url.trim() || null)}>保存</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        能连上街道平台时可直接网络报送；连不上时照常生成报送包文件，用U盘或政务网交给街道。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function HistoryCard({ orgId, history, onNotice }: { orgId: number; history: History; onNotice(n: Notice): void }) {
  const { show } = useClock();
  const exporter = useExport();
  const round = history.epoch > 1;
  const number = (r: { sequence: number; epoch: number }) => packageNumber(r.sequence, r.epoch, round);
  return (
    <Card title="报送记录" data-testid="exchange-history">
      <Typography.Title level={5}>已报送</Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.epoch}-${r.sequence}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={history.sent}
        locale={{ emptyText: '还没有报送过' }}
        columns={[
          { title: '编号', key: 'number', width: round ? 130 : 70, render: (_: unknown, r: History['sent'][number]) => number(r) },
          { title: '生成时间', dataIndex: 'createdAt', width: 150, render: (v: string) => show(v) },
          { title: '内容', key: 'counts', render: (_: unknown, r: History['sent'][number]) => countsWords(r.counts) },
          { title: '方式', dataIndex: 'sentHow', width: 70 },
          {
            title: '街道确认',
            dataIndex: 'acknowledgedAt',
            width: 150,
            render: (v: string | null) => (v ? <Tag color="green">已确认 {show(v)}</Tag> : <Tag color="orange">待确认</Tag>),
          },
          {
            title: '',
            key: 'resave',
            width: 110,
            render: (_: unknown, r: History['sent'][number]) => (
              <Button
                size="small"
                loading={exporter.isBusy(`resave-${r.epoch}-${r.sequence}`)}
                onClick={() =>
                  void exporter.run('报送包', () => call('exchange.resave', { orgId, sequence: r.sequence, epoch: r.epoch }), {
                    key: `resave-${r.epoch}-${r.sequence}`,
                    onError: (text) => onNotice({ type: 'error', text }),
                  })
                }
              >
                重新保存
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        已接收的回执
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.epoch}-${r.sequence}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={history.received}
        locale={{ emptyText: '还没有接收过回执' }}
        columns={[
          { title: '编号', key: 'number', width: round ? 130 : 70, render: (_: unknown, r: History['received'][number]) => number(r) },
          { title: '导入时间', dataIndex: 'appliedAt', width: 150, render: (v: string) => show(v) },
          { title: '确认到', dataIndex: 'acknowledgedSequence', width: 110, render: (v: number) => (v ? `第 ${v} 号报送包` : '—') },
          {
            title: '内容',
            key: 'content',
            render: (_: unknown, r: History['received'][number]) =>
              [r.filingReviews ? `备案审查意见 ${r.filingReviews} 条` : null, r.summonsReplies ? `部门报到和答复 ${r.summonsReplies} 条` : null]
                .filter(Boolean)
                .join('、') || '确认收到',
          },
          { title: '方式', dataIndex: 'receivedHow', width: 70 },
        ]}
      />
    </Card>
  );
}
