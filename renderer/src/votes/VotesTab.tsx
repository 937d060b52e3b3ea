import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { FileAddOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { Meeting } from '../../../core/contract/meetings';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';
import { CountingPanel } from './CountingPanel';
import { OpenVoteModal } from './OpenVoteModal';
import { ProposalFormModal } from './ProposalFormModal';
import { VoteOutcome } from './VoteOutcome';
import { outcomeNote, proposalStatusColor, proposerKindLabels, voteStatusColor, voteSubject } from './labels';
import { useMeetingVotes } from './useMeetingVotes';
import './votes.css';

type Dialog = { kind: 'propose' } | { kind: 'open'; ids: number[] } | null;

const isOpenProposal = (p: Proposal) => p.status === '提出' || p.status === '讨论中';

/** A key that changes whenever the saved counts of a vote change, so the counting panel starts from them again. */
const panelKey = (v: Vote) =>
  `${v.id}:${v.corrections}:${JSON.stringify([v.tally, v.optionVotes, v.optionAbstain, v.ballots, v.rollCall, v.tellers, v.counters])}`;

/** The 表决 tab of the meeting workspace: proposals per agenda item, opening, counting and confirming votes. */
export function VotesTab({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const data = useMeetingVotes(meeting.id);
  const [itemId, setItemId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [justConfirmed, setJustConfirmed] = useState<Vote | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // The result is read out at once: bring it into view wherever the secretary was on the page.
  useEffect(() => {
    if (justConfirmed) resultRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [justConfirmed]);

  const readOnly = meeting.status === '已定稿';
  const canOpen = meeting.status === '进行中';
  const { items, proposals, votes } = data;

  // Start on the item with a vote in progress, otherwise the first item.
  useEffect(() => {
    if (itemId != null && items.some((i) => i.id === itemId)) return;
    const open = votes.find((v) => v.status === '进行中');
    const first = open ? open.agendaItemId : items[0]?.id;
    if (first != null) setItemId(first);
  }, [items, votes, itemId]);

  const item = items.find((i) => i.id === itemId) ?? null;
  const itemProposals = proposals.filter((p) => p.agendaItemId === itemId);
  const openVotes = votes.filter((v) => v.agendaItemId === itemId && v.status === '进行中');
  const votable = itemProposals.filter(isOpenProposal);

  async function changed(next?: Vote) {
    if (next) {
      data.replaceVote(next);
      if (next.status === '已确认') setJustConfirmed(next);
    }
    await data.reload();
    onChanged();
  }

  async function setStatus(p: Proposal, status: '讨论中' | '撤回' | '搁置') {
    try {
      await call('proposals.setStatus', { id: p.id, status });
      message.success(status === '讨论中' ? `“${p.title}”开始讨论` : `已把“${p.title}”${status === '撤回' ? '撤回' : '搁置，可在以后的会议接续'}`);
      await changed();
    } catch (e) {
      reportError(e, '议案状态没有修改');
    }
  }

  if (data.loading) return <Spin description="正在读取议案和表决…" />;
  if (data.error) {
    return (
      <Alert
        type="error"
        showIcon
        title={data.error}
        action={
          <Button size="small" onClick={() => void data.reload()}>
            再试一次
          </Button>
        }
      />
    );
  }

  const q = meeting.quorum;
  return (
    <div className="votes-tab">
      {meeting.status === '已定稿' && <Alert type="info" showIcon title="会议已定稿，表决记录只能查看，不能修改。" />}
      {(meeting.status === '草稿' || meeting.status === '已通知') && (
        <Alert
          type="info"
          showIcon
          title="会议开始后才能表决"
          description="现在可以先把议案登记好。开会时请在签到页登记到会人员，点“开始会议”，再回到这里开始表决。"
        />
      )}
      {meeting.status === '已结束' && (
        <Alert
          type="info"
          showIcon
          title="会议已结束，不能再开始新的表决"
          description="还没确认的表决仍可以录入计票并确认结果；如需再表决，请先重新开始会议。"
        />
      )}
      {meeting.status === '进行中' && (
        <Alert
          type={q.met ? 'success' : 'warning'}
          showIcon
          className={q.met ? undefined : 'vote-alert-big'}
          title={
            q.met
              ? `应到 ${q.expected} 人，实到 ${q.present} 人，已达到法定人数（${q.rule}），可以表决`
              : `应到 ${q.expected} 人，实到 ${q.present} 人，还差 ${q.missing} 人，不能开始表决`
          }
          description={q.met ? undefined : `${q.rule}。请先在签到页登记到会人员。`}
        />
      )}

      {justConfirmed && (
        <Card
          ref={resultRef}
          className="just-confirmed"
          title="表决结果"
          extra={
            <Button onClick={() => setJustConfirmed(null)} aria-label="关闭表决结果">
              知道了
            </Button>
          }
        >
          <VoteOutcome vote={justConfirmed} subject={voteSubject(justConfirmed, proposals)} note={outcomeNote(justConfirmed, proposals)} large />
        </Card>
      )}

      {items.length === 0 ? (
        <Card>
          <Empty description="这次会议还没有议题。请先在议程页添加议题，再回来提出议案、进行表决。" />
        </Card>
      ) : (
        <div className="votes-layout">
          <Card title="议题" className="votes-items" size="small">
            <nav aria-label="议题">
              {items.map((i, index) => {
                const count = proposals.filter((p) => p.agendaItemId === i.id).length;
                const voting = votes.some((v) => v.agendaItemId === i.id && v.status === '进行中');
                return (
                  <Button
                    key={i.id}
                    block
                    type={i.id === itemId ? 'primary' : 'text'}
                    className="votes-item-button"
                    aria-current={i.id === itemId ? 'true' : undefined}
                    onClick={() => setItemId(i.id)}
                  >
                    <span className="votes-item-title">
                      {index + 1}. {i.title}
                    </span>
                    <span className="votes-item-meta">{voting ? <Tag color="orange">表决中</Tag> : count > 0 ? <Tag>{count} 个议案</Tag> : null}</span>
                  </Button>
                );
              })}
            </nav>
          </Card>

          <div className="votes-main">
            {item && (
              <>
                {openVotes.map((v) => (
                  <CountingPanel
                    key={panelKey(v)}
                    meeting={meeting}
                    vote={v}
                    subject={voteSubject(v, proposals)}
                    readOnly={readOnly}
                    onChanged={(next) => void changed(next)}
                  />
                ))}
                <Card
                  title={`议案 · ${item.title}`}
                  extra={
                    !readOnly && (
                      <Space wrap>
                        <Button icon={<FileAddOutlined />} onClick={() => setDialog({ kind: 'propose' })}>
                          提出议案
                        </Button>
                        <Button
                          type="primary"
                          icon={<PlayCircleOutlined />}
                          disabled={!canOpen || votable.length === 0}
                          title={!canOpen ? '会议开始后才能表决' : votable.length === 0 ? '没有可以表决的议案，请先提出议案' : undefined}
                          onClick={() => setDialog({ kind: 'open', ids: votable.length === 1 ? [votable[0]!.id] : [] })}
                        >
                          开始表决
                        </Button>
                      </Space>
                    )
                  }
                >
                  {itemProposals.length === 0 ? (
                    <Empty description="这个议题还没有议案。点“提出议案”登记要表决的事项。" />
                  ) : (
                    <div className="proposal-list">
                      {itemProposals.map((p) => (
                        <ProposalRow
                          key={p.id}
                          p={p}
                          all={proposals}
                          readOnly={readOnly}
                          canOpen={canOpen}
                          onStatus={(s) => void setStatus(p, s)}
                          onVote={() => setDialog({ kind: 'open', ids: [p.id] })}
                        />
                      ))}
                    </div>
                  )}
                </Card>
              </>
            )}
          </div>
        </div>
      )}

      <Card title="本次会议的表决">
        <Table<Vote>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={votes}
          locale={{ emptyText: '还没有表决' }}
          expandable={{
            expandedRowRender: (v) =>
              v.status === '已确认' ? (
                <VoteOutcome vote={v} subject={voteSubject(v, proposals)} note={outcomeNote(v, proposals)} />
              ) : v.status === '已作废' ? (
                <Typography.Text type="secondary">这次表决已作废，不算数。</Typography.Text>
              ) : (
                <Typography.Text>{v.check.preview ?? '还没有录入计票'}</Typography.Text>
              ),
            expandRowByClick: true,
          }}
          columns={[
            { title: '序号', width: 70, render: (_v, _r, i) => i + 1 },
            { title: '议题', render: (_v, r) => items.find((i) => i.id === r.agendaItemId)?.title ?? '' },
            { title: '表决事项', render: (_v, r) => voteSubject(r, proposals) },
            { title: '方式', width: 110, render: (_v, r) => (r.method === '无记名' ? '无记名投票' : `${r.method}表决`) },
            { title: '状态', width: 100, render: (_v, r) => <Tag color={voteStatusColor[r.status]}>{r.status}</Tag> },
            {
              title: '结果',
              width: 110,
              render: (_v, r) => (r.outcome ? <Tag color={r.outcome === '通过' ? 'success' : 'error'}>{r.outcome}</Tag> : null),
            },
            { title: '决议编号', width: 140, render: (_v, r) => r.resolution?.number ?? '' },
          ]}
        />
      </Card>

      {dialog?.kind === 'propose' && item && (
        <ProposalFormModal
          meetingId={meeting.id}
          item={item}
          proposals={itemProposals}
          secondersRequired={meeting.ruleSet.secondersRequired}
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            message.success(`已提出议案“${p.title}”`);
            void changed();
          }}
        />
      )}
      {dialog?.kind === 'open' && item && (
        <OpenVoteModal
          meeting={meeting}
          item={item}
          proposals={votable}
          initialIds={dialog.ids}
          onClose={() => setDialog(null)}
          onOpened={(v) => {
            setDialog(null);
            setJustConfirmed(null);
            message.success('表决已开始，请按现场结果录入票数');
            void changed(v);
          }}
        />
      )}
    </div>
  );
}

function ProposalRow({
  p,
  all,
  readOnly,
  canOpen,
  onStatus,
  onVote,
}: {
  p: Proposal;
  all: Proposal[];
  readOnly: boolean;
  canOpen: boolean;
  onStatus(s: '讨论中' | '撤回' | '搁置'): void;
  onVote(): void;
}) {
  const parent = p.amendsId != null ? all.find((x) => x.id === p.amendsId) : undefined;
  const open = isOpenProposal(p);
  return (
    <div className="proposal-row" role="group" aria-label={`议案：${p.title}`}>
      <div className="proposal-head">
        <Tag color={proposalStatusColor[p.status]} className="proposal-status">
          {p.status}
        </Tag>
        <Typography.Text strong className="proposal-title">
          {p.title}
        </Typography.Text>
        {parent && <Tag color="purple">修正案：修正“{parent.title}”</Tag>}
        {p.carriedFromId != null && <Tag>接续以前搁置的议案</Tag>}
      </div>
      <Typography.Paragraph className="proposal-text" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开全文') }}>
        {p.text}
      </Typography.Paragraph>
      <div className="proposal-meta">
        提议人（{proposerKindLabels[p.proposerKind]}）：{p.proposerName}
        {p.seconders.length > 0 && <span style={{ marginLeft: 16 }}>附议人：{p.seconders.join('、')}</span>}
      </div>
      {!readOnly && open && (
        <Space wrap className="proposal-actions">
          {canOpen && (
            <Button size="small" type="primary" ghost onClick={onVote}>
              对此表决
            </Button>
          )}
          {p.status === '提出' && (
            <Button size="small" onClick={() => onStatus('讨论中')}>
              开始讨论
            </Button>
          )}
          <Popconfirm title={`撤回“${p.title}”？撤回后不再表决。`} okText="撤回" cancelText="取消" onConfirm={() => onStatus('撤回')}>
            <Button size="small">撤回</Button>
          </Popconfirm>
          <Popconfirm title={`搁置“${p.title}”？搁置的议案可以留到以后的会议再议。`} okText="搁置" cancelText="取消" onConfirm={() => onStatus('搁置')}>
            <Button size="small">搁置</Button>
          </Popconfirm>
        </Space>
      )}
    </div>
  );
}
