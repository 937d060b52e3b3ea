import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { RuleAmendment, RuleDocDetail, RuleEditResult } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { DecideModal } from './DecideModal';
import { AmendmentFormModal } from './AmendmentFormModal';
import { EditOutcome, type Outcome } from './EditOutcome';
import { MeetingPickerModal } from './MeetingPickerModal';

interface Props {
  doc: RuleDocDetail;
  onDoc(doc: RuleDocDetail): void;
  onChanged(): void;
}

const statusColors: Record<string, string> = { 待处理: 'orange', 已采纳: 'green', 未采纳: 'default', 表决中: 'blue', 表决通过: 'green', 表决未通过: 'red' };

/** 修改建议: proposed changes to the text, accepted, rejected, or put to a meeting's vote. */
export function AmendmentsTab({ doc, onDoc, onChanged }: Props) {
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<{ amendment: RuleAmendment; decision: '采纳' | '不采纳' } | null>(null);
  const [voting, setVoting] = useState<RuleAmendment | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const { data, loading, error, reload: load } = useCall('rules.amendments.list', { docId: doc.id });
  const items: RuleAmendment[] = data?.items ?? EMPTY;

  function applied(a: RuleAmendment, edit: RuleEditResult | null) {
    void load();
    if (edit) {
      onDoc(edit.doc);
      setOutcome({ what: `${a.description}：已写进条文`, rewritten: edit.rewritten, unresolved: edit.unresolved });
    } else onChanged();
  }

  async function checkVote(a: RuleAmendment) {
    try {
      const r = await call('rules.amendments.applyVote', { id: a.id });
      message.success(`表决结果：${r.amendment.status}${r.edit ? '，修改已写进条文' : ''}`);
      applied(r.amendment, r.edit);
    } catch (e) {
      modal.info({ title: '还不能处理这项建议', content: errorMessage(e), okText: '知道了' });
    }
  }

  return (
    <div>
      {outcome && <EditOutcome outcome={outcome} onClose={() => setOutcome(null)} />}
      <div className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} disabled={!doc.editable} onClick={() => setAdding(true)}>
          提出修改建议
        </Button>
        <Typography.Text type="secondary">
          {doc.editable ? '采纳的建议会立即写进条文；有争议的，可以提交会议表决。' : '规约已表决通过，不能再提出修改建议。'}
        </Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<RuleAmendment>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有修改建议。' }}
        columns={[
          { title: '建议', dataIndex: 'description', width: 150, render: (v: string, a) => <b className={a.status === '待处理' ? undefined : 'muted'}>{v}</b> },
          {
            title: '现在的条文',
            dataIndex: 'currentText',
            render: (v: string | null, a) =>
              a.status === '已采纳' || a.status === '表决通过' ? <span className="muted">已按建议写进条文</span> : (v ?? <span className="muted">—</span>),
          },
          { title: '建议改为', dataIndex: 'text', render: (v: string, a) => (a.action === '删除' ? <Typography.Text delete>删去这一条</Typography.Text> : v) },
          { title: '提出人', dataIndex: 'proposer', width: 120, render: (v: string, a) => (a.reason ? <span title={`理由：${a.reason}`}>{v}</span> : v) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 170,
            render: (s: string, a) => (
              <>
                <Tag color={statusColors[s]}>{s}</Tag>
                {a.meetingTitle && <div className="muted">{a.meetingTitle}</div>}
                {a.decisionNote && <div className="muted">{a.decisionNote}</div>}
              </>
            ),
          },
          {
            title: '操作',
            width: 250,
            render: (_: unknown, a) =>
              a.status === '待处理' && doc.editable ? (
                <Space size={4} wrap>
                  <Button size="small" type="primary" onClick={() => setDeciding({ amendment: a, decision: '采纳' })}>
                    采纳
                  </Button>
                  <Button size="small" onClick={() => setDeciding({ amendment: a, decision: '不采纳' })}>
                    不采纳
                  </Button>
                  <Button size="small" onClick={() => setVoting(a)}>
                    提交会议表决
                  </Button>
                </Space>
              ) : a.status === '表决中' ? (
                <Button size="small" onClick={() => void checkVote(a)}>
                  查看表决结果
                </Button>
              ) : null,
          },
        ]}
      />
      {adding && (
        <AmendmentFormModal
          doc={doc}
          onClose={() => setAdding(false)}
          onSaved={(a) => {
            setAdding(false);
            message.success(`已登记：${a.description}`);
            void load();
            onChanged();
          }}
        />
      )}
      {deciding && (
        <DecideModal
          amendment={deciding.amendment}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={(a, edit) => {
            setDeciding(null);
            message.success(`已${deciding.decision}：${a.description}`);
            applied(a, edit);
          }}
        />
      )}
      {voting && (
        <MeetingPickerModal
          orgId={doc.orgId}
          title={`提交会议表决：${voting.description}`}
          intro="这项建议会作为一项议案加入所选会议的议程，表决在“会议”中进行；表决确认后，回到这里点“查看表决结果”。"
          onClose={() => setVoting(null)}
          onPick={async (meetingId) => {
            await call('rules.amendments.putToVote', { id: voting.id, meetingId });
            setVoting(null);
            message.success('已提交会议表决');
            void load();
          }}
        />
      )}
    </div>
  );
}
