import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { FileWordOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { call } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { AdoptionCard } from './AdoptionCard';
import { AdoptVoteModal, type Candidate } from './AdoptVoteModal';
import { FilingCard } from './FilingCard';
import { MeetingPickerModal } from './MeetingPickerModal';
import { StageFormModal } from './StageFormModal';
import { dateWords } from './labels';
import { useExport } from '../app/useExport';
import { DateField } from '../app/DateField';
import { useClock } from '../app/useClock';

interface Props {
  doc: RuleDocDetail;
  onDoc(doc: RuleDocDetail): void;
}

type Row = Candidate & { meetingId: number; outcome: '通过' | '未通过' | null; problem: string | null };

/** 表决与备案: which meetings may adopt, proposing it, registering the vote, filing and publication. */
export function AdoptionTab({ doc, onDoc }: Props) {
  const { message } = App.useApp();
  const exporter = useExport();
  const clock = useClock();
  // The report bears the filing date once registered; before that, the date she gives it here.
  const [reportDate, setReportDate] = useState<string | null>(clock.today);
  const [proposing, setProposing] = useState(false);
  const [proposed, setProposed] = useState<{ meetingId: number; title: string } | null>(null);
  const [adopting, setAdopting] = useState<Row | null>(null);
  const [form, setForm] = useState<'file' | 'publish' | null>(null);

  const { data, loading, error, reload: load } = useCall('rules.adoption.candidates', { docId: doc.id });
  const rows: Row[] = data?.items ?? EMPTY;
  const allowed: string[] = data?.allowedKinds ?? EMPTY;

  const deliberating = doc.stage === '审议表决';
  const before = !doc.adoption && !deliberating;

  return (
    <div className="adoption-tab">
      <Alert
        type="info"
        showIcon
        title={`能够表决通过${doc.kind}的会议：${allowed.length ? allowed.join('、') : '（正在读取）'}`}
        description="规约要由法律规定的会议表决通过才有效。其他会议（例如两委联席会议）的表决不能用来登记通过。"
        style={{ marginBottom: 16 }}
      />
      {before && (
        <Alert
          type="warning"
          showIcon
          title={`《${doc.title}》现在处于“${doc.stage}”`}
          description="登记乡镇（街道）的审核意见、进入“审议表决”之后，才能提交会议表决。"
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}

      {deliberating && (
        <Card title="提交会议表决并登记结果" size="small" className="rule-card">
          <Space wrap style={{ marginBottom: 12 }}>
            <Button type="primary" icon={<SendOutlined />} onClick={() => setProposing(true)}>
              提交会议表决
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              刷新表决列表
            </Button>
          </Space>
          {proposed && (
            <Alert
              type="success"
              showIcon
              title={`已把《${doc.title}》加入“${proposed.title}”的议程，并保存了“表决稿”`}
              description="请在会议中完成表决并确认结果，再回到这里点“登记通过”。"
              action={
                <Button size="small" onClick={() => (window.location.hash = `#/meetings/${proposed.meetingId}/votes`)}>
                  去会议表决
                </Button>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Table<Row>
            rowKey="voteId"
            size="small"
            loading={loading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: '还没有已确认的表决。提交会议表决后，在会议中完成表决并确认结果，这里就会列出来。' }}
            columns={[
              {
                title: '会议',
                dataIndex: 'meetingTitle',
                render: (v: string, r) => (
                  <span>
                    {v}{' '}
                    <span className="muted">
                      （{r.meetingKind}，{dateWords(r.meetingDate)}）
                    </span>
                  </span>
                ),
              },
              { title: '表决事项', dataIndex: 'subject' },
              {
                title: '结果',
                dataIndex: 'outcome',
                width: 80,
                render: (v: string | null) => (v ? <Tag color={v === '通过' ? 'green' : 'red'}>{v}</Tag> : '—'),
              },
              {
                title: '能否用于通过',
                dataIndex: 'problem',
                render: (p: string | null, r) =>
                  p ? (
                    <Typography.Text type="danger">{p}</Typography.Text>
                  ) : r.needsDelegation ? (
                    <Typography.Text type="warning">须写明居民会议的授权依据</Typography.Text>
                  ) : (
                    <Typography.Text type="success">可以</Typography.Text>
                  ),
              },
              {
                title: '操作',
                width: 110,
                render: (_: unknown, r) => (
                  <Button size="small" type="primary" disabled={Boolean(r.problem)} onClick={() => setAdopting(r)}>
                    登记通过
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}

      {doc.adoption && <AdoptionCard adoption={doc.adoption} />}
      {doc.filing && <FilingCard doc={doc} filing={doc.filing} onFile={() => setForm('file')} onPublish={() => setForm('publish')} />}

      {doc.adoption && (
        <Card title="导出" size="small" className="rule-card">
          <Space wrap>
            <Button
              icon={<FileWordOutlined />}
              loading={exporter.isBusy('规约文本（正式稿）')}
              onClick={() => void exporter.run('规约文本（正式稿）', () => call('rules.export', { docId: doc.id, document: '规约文本' }))}
            >
              导出规约文本（正式稿）
            </Button>
            {!doc.filing?.filedOn && (
              <Space>
                <span>备案报告落款日期</span>
                <DateField aria-label="备案报告落款日期" allowClear={false} value={reportDate} onChange={setReportDate} style={{ width: 150 }} />
              </Space>
            )}
            <Button
              icon={<FileWordOutlined />}
              loading={exporter.isBusy('备案报告')}
              onClick={() =>
                void exporter.run('备案报告', () =>
                  call('rules.export', { docId: doc.id, document: '备案报告', ...(!doc.filing?.filedOn && reportDate ? { date: reportDate } : {}) }),
                )
              }
            >
              导出备案报告
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            导出的是 Word 文件（.docx），可以用 WPS 或 Word 打开、打印，报乡镇（街道）备案。
          </Typography.Paragraph>
        </Card>
      )}

      {proposing && (
        <MeetingPickerModal
          orgId={doc.orgId}
          title={`提交会议表决：《${doc.title}》`}
          intro={`规约会作为一项议案加入所选会议的议程，同时保存一份“表决稿”。只有${allowed.join('、') || '法律规定的会议'}能够表决通过${doc.kind}。`}
          onClose={() => setProposing(false)}
          onPick={async (meetingId) => {
            await call('rules.adoption.propose', { docId: doc.id, meetingId });
            const m = await call('meetings.get', { id: meetingId }).catch(() => null);
            setProposing(false);
            setProposed({ meetingId, title: m?.title ?? '所选会议' });
            message.success('已提交会议表决');
          }}
        />
      )}
      {adopting && (
        <AdoptVoteModal
          doc={doc}
          candidate={adopting}
          onClose={() => setAdopting(null)}
          onDone={(d) => {
            setAdopting(null);
            message.success('已登记表决通过，请在期限内备案');
            onDoc(d);
          }}
        />
      )}
      {form && (
        <StageFormModal
          doc={doc}
          form={form}
          onClose={() => setForm(null)}
          onDone={(d, note) => {
            setForm(null);
            message.success(note);
            onDoc(d);
          }}
        />
      )}
    </div>
  );
}
