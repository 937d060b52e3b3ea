import { memo, useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Input, InputNumber, Modal, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, HistoryOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import type { Meeting } from '../../../core/contract/meetings';
import type { Vote } from '../../../core/contract/votes';
import { call, errorMessage } from '../api/client';
import { useReportError } from '../app/useReportError';
import { checkDraft, draftDiffers, draftFromVote, hasSavedCounts, type CountsDraft } from './check';
import { choicesOf, methodHelp } from './labels';
import { VoteHistoryDrawer } from './VoteHistoryDrawer';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  meeting: Meeting;
  vote: Vote;
  /** What is being voted on, in words. */
  subject: string;
  readOnly: boolean;
  /** After a save, confirm or cancel: the new state of the vote. */
  onChanged(v: Vote): void;
}

type NumberKey = 'yes' | 'no' | 'abstain' | 'optionAbstain' | 'issued' | 'returned' | 'valid' | 'invalid';

function CountBox({
  label,
  value,
  onChange,
  disabled,
  hint,
}: {
  label: string;
  value: number | null;
  onChange(v: number | null): void;
  disabled: boolean;
  hint?: string;
}) {
  return (
    <label className="count-box">
      <span className="count-box-label">{label}</span>
      <InputNumber
        aria-label={label}
        size="large"
        value={value}
        disabled={disabled}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        style={{ width: 130 }}
        placeholder="0"
      />
      {hint && <span className="count-box-hint">{hint}</span>}
    </label>
  );
}

/** One voter of a roll call (记名): a click re-renders this row only, not all of them. */
const RollCallRow = memo(function RollCallRow({
  voter,
  choices,
  value,
  disabled,
  onChoose,
}: {
  voter: Vote['voters'][number];
  choices: string[];
  value: string | undefined;
  disabled: boolean;
  onChoose(personId: number, choice: string): void;
}) {
  return (
    <div className={`roll-call-row ${value ? '' : 'roll-call-row-empty'}`}>
      <span className="roll-call-name">
        {voter.name}
        {voter.viaProxyOf && <Typography.Text type="secondary">（由{voter.viaProxyOf}代投）</Typography.Text>}
      </span>
      <Radio.Group
        aria-label={`${voter.name}的选择`}
        optionType="button"
        buttonStyle="solid"
        size="small"
        disabled={disabled}
        value={value}
        onChange={(e) => onChoose(voter.personId, e.target.value as string)}
        options={choices.map((c) => ({ label: c, value: c }))}
      />
    </div>
  );
});

/** Live counting of one open vote: the numbers, the running check, save, confirm, cancel. */
export function CountingPanel({ meeting, vote, subject, readOnly, onChanged }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const discardReason = useConfirmDiscard(useCallback(() => setAskReason(false), []));
  const discardCancel = useConfirmDiscard(useCallback(() => setAskCancel(false), []));
  const [draft, setDraft] = useState<CountsDraft>(() => draftFromVote(vote));
  const [tellers, setTellers] = useState(vote.tellers ?? '');
  const [counters, setCounters] = useState(vote.counters ?? '');
  const [busy, setBusy] = useState<'save' | 'confirm' | 'cancel' | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const [askCancel, setAskCancel] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const [showHistory, setShowHistory] = useState(false);

  const check = useMemo(() => checkDraft(vote, meeting.ruleSet, draft), [vote, meeting.ruleSet, draft]);
  const saved = hasSavedCounts(vote);
  // Ballot figures only where there are ballots: 无记名 always, 记名 when voted by ballot, 举手 never.
  const paper = vote.method === '无记名' || (vote.method === '记名' && draft.ballotsUsed);
  const namesChanged = paper && (tellers.trim() !== (vote.tellers ?? '') || counters.trim() !== (vote.counters ?? ''));
  const dirty = draftDiffers(vote, draft) || namesChanged;
  const canSave = !readOnly && !check.empty && check.problems.length === 0 && dirty;
  const canConfirm = !readOnly && saved && !dirty && vote.check.problems.length === 0;
  const choices = useMemo(() => choicesOf(vote), [vote]);

  const set = (key: NumberKey) => (v: number | null) => setDraft((d) => ({ ...d, [key]: v }));
  const setOption = (i: number) => (v: number | null) => setDraft((d) => ({ ...d, options: d.options.map((x, j) => (j === i ? v : x)) }));
  const setChoice = useCallback((personId: number, choice: string) => setDraft((d) => ({ ...d, roll: { ...d.roll, [personId]: choice } })), []);
  const fillRest = (choice: string) =>
    setDraft((d) => {
      const roll = { ...d.roll };
      for (const p of vote.voters) if (!roll[p.personId]) roll[p.personId] = choice;
      return { ...d, roll };
    });

  async function save(correction?: string) {
    setBusy('save');
    setSaveError(null);
    try {
      const input =
        vote.method === '记名'
          ? { rollCall: Object.entries(draft.roll).map(([personId, choice]) => ({ personId: Number(personId), choice })) }
          : vote.kind === 'proposal'
            ? { tally: check.tally! }
            : { optionVotes: check.optionVotes!, optionAbstain: check.optionAbstain ?? 0 };
      const next = await call('votes.record', {
        id: vote.id,
        ...input,
        ...(paper ? { ballots: check.ballots!, tellers: tellers.trim(), counters: counters.trim() } : {}),
        ...(correction ? { reason: correction } : {}),
      });
      setAskReason(false);
      setReason('');
      message.success(correction ? '已保存更正，原来的计票留在复核记录里' : '已保存计票');
      onChanged(next);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function confirm() {
    setBusy('confirm');
    try {
      const next = await call('votes.confirm', { id: vote.id });
      onChanged(next);
    } catch (e) {
      reportError(e, '结果没有确认');
    } finally {
      setBusy(null);
    }
  }

  async function cancel() {
    if (!cancelReason.trim()) return;
    setBusy('cancel');
    try {
      const next = await call('votes.cancel', { id: vote.id, reason: cancelReason.trim() });
      setAskCancel(false);
      message.success('已作废这次表决，议案回到“讨论中”，可以重新表决');
      onChanged(next);
    } catch (e) {
      reportError(e, '表决没有作废');
    } finally {
      setBusy(null);
    }
  }

  const chosenCount = Object.keys(draft.roll).length;

  return (
    <Card
      className="counting-panel"
      title={
        <span>
          正在表决：<span className="counting-subject">{subject}</span>
        </span>
      }
      extra={
        <Space>
          <Tag color="orange" style={{ fontSize: 14 }}>
            {vote.method === '无记名' ? '无记名投票' : `${vote.method}表决`}
          </Tag>
          {vote.corrections > 0 && <Tag color="gold">已更正 {vote.corrections} 次</Tag>}
        </Space>
      }
    >
      <div className="counting-base">
        <span>
          应到 <b>{vote.expected}</b> 人
        </span>
        <span>
          有表决权的到会人数 <b>{vote.eligible}</b> 人
        </span>
        <Typography.Text type="secondary">（表决开始时确定，之后签到或离场的不影响本次表决）</Typography.Text>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {methodHelp[vote.method]}
      </Typography.Paragraph>
      {vote.proxies.length > 0 && (
        <Typography.Paragraph>书面委托：{vote.proxies.map((p) => `${p.grantorName}委托${p.holderName}（${p.document}）`).join('；')}</Typography.Paragraph>
      )}

      <div className="counting-body">
        <div className="counting-inputs">
          {vote.method === '记名' && (
            <Checkbox
              checked={draft.ballotsUsed}
              disabled={readOnly}
              onChange={(e) => setDraft((d) => ({ ...d, ballotsUsed: e.target.checked }))}
              style={{ marginBottom: 8 }}
            >
              用选票记名投票（登记发出、收回、有效、无效选票数）
            </Checkbox>
          )}
          {paper && (
            <>
              <div className="count-row-title">选票</div>
              <div className="count-row">
                <CountBox label="发出选票" value={draft.issued} onChange={set('issued')} disabled={readOnly} />
                <CountBox label="收回选票" value={draft.returned} onChange={set('returned')} disabled={readOnly} />
                <CountBox label="有效票" value={draft.valid} onChange={set('valid')} disabled={readOnly} />
                <CountBox label="无效票" value={draft.invalid} onChange={set('invalid')} disabled={readOnly} />
              </div>
            </>
          )}
          {vote.method !== '记名' && vote.kind === 'proposal' && (
            <>
              <div className="count-row-title">{paper ? '有效票中' : '举手人数'}</div>
              <div className="count-row">
                <CountBox label="赞成" value={draft.yes} onChange={set('yes')} disabled={readOnly} />
                <CountBox label="反对" value={draft.no} onChange={set('no')} disabled={readOnly} />
                <CountBox label="弃权" value={draft.abstain} onChange={set('abstain')} disabled={readOnly} />
              </div>
            </>
          )}
          {vote.method !== '记名' && vote.kind === 'options' && (
            <>
              <div className="count-row-title">{paper ? '有效票中各方案得票' : '各方案举手人数'}</div>
              <div className="count-row">
                {vote.options.map((o, i) => (
                  <CountBox key={o.proposalId} label={o.label} hint={o.title} value={draft.options[i] ?? null} onChange={setOption(i)} disabled={readOnly} />
                ))}
                <CountBox label="弃权" hint="不选任何方案" value={draft.optionAbstain} onChange={set('optionAbstain')} disabled={readOnly} />
              </div>
            </>
          )}
          {vote.method === '记名' && (
            <>
              <div className="count-row-title">
                逐人登记（已登记 {chosenCount} 人，共 {vote.voters.length} 人）
                {!readOnly && chosenCount < vote.voters.length && (
                  <Space size={4} style={{ marginLeft: 12 }}>
                    <Typography.Text type="secondary">未登记的都记为：</Typography.Text>
                    {choices.map((c) => (
                      <Button key={c} size="small" onClick={() => fillRest(c)}>
                        {c}
                      </Button>
                    ))}
                  </Space>
                )}
              </div>
              <div className="roll-call-grid">
                {vote.voters.map((p) => (
                  <RollCallRow key={p.personId} voter={p} choices={choices} value={draft.roll[p.personId]} disabled={readOnly} onChoose={setChoice} />
                ))}
              </div>
            </>
          )}
          {paper && (
            <div className="count-row" style={{ marginTop: 8 }}>
              <label className="count-box">
                <span className="count-box-label">监票人</span>
                <Input
                  aria-label="监票人"
                  value={tellers}
                  disabled={readOnly}
                  onChange={(e) => setTellers(e.target.value)}
                  maxLength={100}
                  style={{ width: 220 }}
                />
              </label>
              <label className="count-box">
                <span className="count-box-label">计票人</span>
                <Input
                  aria-label="计票人"
                  value={counters}
                  disabled={readOnly}
                  onChange={(e) => setCounters(e.target.value)}
                  maxLength={100}
                  style={{ width: 220 }}
                />
              </label>
            </div>
          )}
        </div>

        <div className="counting-check" aria-live="polite">
          <div className={`remaining ${check.remaining < 0 ? 'remaining-bad' : check.remaining === 0 ? 'remaining-done' : ''}`} aria-label="剩余未计">
            <span className="remaining-label">剩余未计</span>
            <span className="remaining-number">{check.remaining}</span>
            <span className="remaining-unit">{paper ? '张' : '人'}</span>
          </div>
          {check.empty && <Alert type="info" showIcon title="请按现场结果填写票数，填写时这里会随时核对" />}
          {check.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title="数字对不上，请核对"
              description={
                <ul className="issue-list">
                  {check.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          {check.preview && (
            <Alert
              type={check.passes ? 'success' : 'warning'}
              showIcon
              title={<span className="preview-verdict">按现在的数字：{check.passes ? '通过' : '未通过'}</span>}
              description={<span className="preview-text">{check.preview}</span>}
            />
          )}
          {check.preview && check.remaining > 0 && !paper && (
            <Typography.Text type="secondary">还有 {check.remaining} 人没有表态；如已全部计完，没有表态的人不计入赞成票。</Typography.Text>
          )}
        </div>
      </div>

      {saveError && <Alert type="error" showIcon title="计票没有保存" description={saveError} style={{ marginTop: 12 }} />}
      {!readOnly && (
        <div className="counting-actions">
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            disabled={!canSave}
            loading={busy === 'save'}
            onClick={() => (saved ? setAskReason(true) : void save())}
          >
            保存计票
          </Button>
          <Popconfirm
            title="确认这次表决的结果？"
            description={
              <div style={{ maxWidth: 420 }}>
                {vote.check.preview}
                <br />
                确认后不能再修改计票。
              </div>
            }
            okText="确认结果"
            cancelText="再看看"
            onConfirm={() => confirm()}
            disabled={!canConfirm}
          >
            <Button size="large" type={canConfirm ? 'primary' : 'default'} icon={<CheckCircleOutlined />} disabled={!canConfirm} loading={busy === 'confirm'}>
              确认结果
            </Button>
          </Popconfirm>
          {!saved && !check.empty && <Typography.Text type="secondary">先保存计票，再确认结果</Typography.Text>}
          {saved && dirty && <Typography.Text type="warning">数字有改动，请先保存计票（唱票复核）再确认</Typography.Text>}
          <div className="toolbar-spacer" />
          {saved && (
            <Button icon={<HistoryOutlined />} onClick={() => setShowHistory(true)}>
              计票记录{vote.corrections > 0 ? `（已更正 ${vote.corrections} 次）` : ''}
            </Button>
          )}
          <Button danger icon={<StopOutlined />} onClick={() => setAskCancel(true)}>
            作废这次表决
          </Button>
        </div>
      )}

      <Modal
        title="更正计票（唱票复核）"
        open={askReason}
        {...discardReason}
        onOk={() => void save(reason.trim())}
        okText="保存更正"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={busy === 'save'}
        destroyOnHidden
      >
        <p>这次表决已经保存过计票。更正后，原来的数字会留在复核记录里。请写明为什么更正：</p>
        <Input.TextArea
          aria-label="更正原因"
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="如：唱票复核时发现一张赞成票计入了反对票"
        />
        {/* The panel's own alert is behind this dialog: say here why the correction was not saved. */}
        {saveError && <Alert type="error" showIcon title="更正没有保存" description={saveError} style={{ marginTop: 12 }} />}
      </Modal>
      <Modal
        title="作废这次表决"
        open={askCancel}
        {...discardCancel}
        onOk={() => void cancel()}
        okText="作废"
        okButtonProps={{ danger: true, disabled: !cancelReason.trim() }}
        cancelText="取消"
        confirmLoading={busy === 'cancel'}
        destroyOnHidden
      >
        <p>作废后这次表决不算数，议案回到“讨论中”，可以重新表决。请写明作废原因：</p>
        <Input.TextArea
          aria-label="作废原因"
          rows={3}
          maxLength={200}
          value={cancelReason}
          onChange={(e) => setCancelReason(e.target.value)}
          placeholder="如：发现选票印错，重新投票"
        />
      </Modal>
      {showHistory && <VoteHistoryDrawer vote={vote} onClose={() => setShowHistory(false)} />}
    </Card>
  );
}
