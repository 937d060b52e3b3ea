import { useCallback, useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Meeting } from '../../../core/contract/meetings';
import type { PersonRow } from '../../../core/contract/people';
import { call, errorMessage } from '../api/client';
import { PersonFormModal } from '../people/PersonFormModal';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  meeting: Meeting;
  onChanged(meeting: Meeting): void;
  /** Beside the quorum line of a live meeting: the reason for 应到 as one line, not a box. */
  inline?: boolean;
}

/** The fewest characters a reason for 应到 set by hand must have (the contract checks the same). */
const MIN_REASON = 5;

/**
 * 应到 the secretary can trust: who is left out of it (no birth date, so not known to be 18+) with a
 * way to fix each, and 应到 set by hand with a written reason where the roster is known to be incomplete.
 */
export function ExpectedPanel({ meeting, onChanged, inline }: Props) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<PersonRow | null>(null);
  const [asking, setAsking] = useState(false);
  const [expected, setExpected] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const discard = useConfirmDiscard(useCallback(() => setAsking(false), []));
  if (meeting.status === '已定稿') {
    return meeting.expectedReason ? (
      <Alert type="info" showIcon title={`应到 ${meeting.quorum.expected} 人由会议记录人手动确定：${meeting.expectedReason}`} style={{ marginTop: 12 }} />
    ) : null;
  }

  async function reload() {
    onChanged(await call('meetings.get', { id: meeting.id }));
  }

  function openSetExpected() {
    setExpected(meeting.expectedManual ?? meeting.quorum.expected);
    setReason(meeting.expectedReason ?? '');
    setError(null);
    setAsking(true);
  }

  async function saveExpected() {
    if (expected == null || expected < 1) {
      setError('请填写应到人数（至少 1 人）');
      return;
    }
    if (reason.trim().length < MIN_REASON) {
      setError(`请写明确定应到人数的依据（至少 ${MIN_REASON} 个字）`);
      return;
    }
    setBusy(true);
    try {
      const m = await call('meetings.setExpected', { id: meeting.id, expected, reason: reason.trim() });
      setAsking(false);
      message.success(`应到人数已确定为 ${m.quorum.expected} 人，依据会写入会议记录`);
      onChanged(m);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const undated = meeting.quorum.frozen || meeting.expectedManual != null ? [] : meeting.undated;

  return (
    <div className={inline ? 'expected-panel expected-panel-inline' : 'expected-panel'} style={inline ? undefined : { marginTop: 12 }}>
      {undated.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="region"
          aria-label="没有出生日期的人员"
          title={`以下 ${undated.length} 人没有出生日期，未计入应到`}
          description={
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text type="secondary">无法判断是否年满十八周岁。请在开会前补上出生日期；确实无法补全的，开始会议时需要确认。</Typography.Text>
              <Space wrap size={[8, 4]}>
                {undated.map((p) => (
                  <Space key={p.id} size={4} className="undated-person">
                    <span>
                      {p.name}
                      {p.householdNo ? `（${p.householdNo}户）` : ''}
                    </span>
                    <Button size="small" icon={<EditOutlined />} aria-label={`为${p.name}补出生日期`} onClick={() => setEditing(p)}>
                      补出生日期
                    </Button>
                  </Space>
                ))}
              </Space>
            </Space>
          }
        />
      )}
      {meeting.expectedReason && inline && (
        <Typography.Text type="secondary" ellipsis={{ tooltip: meeting.expectedReason }} className="expected-reason-inline">
          应到人数手动确定：{meeting.expectedReason}
        </Typography.Text>
      )}
      {meeting.expectedReason && !inline && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: undated.length ? 8 : 0 }}
          title={`应到 ${meeting.quorum.expected} 人由会议记录人手动确定：${meeting.expectedReason}`}
          description="这个人数和依据会写入会议记录；法定人数按这个人数计算。"
        />
      )}
      <Button type="link" size="small" onClick={openSetExpected} style={{ paddingLeft: 0 }}>
        {meeting.expectedReason ? '修改手动确定的应到人数' : '名册不全？手动确定应到人数'}
      </Button>
      {editing && (
        <PersonFormModal
          orgId={meeting.orgId}
          person={editing}
          open
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            message.success(p.birthDate ? `已为${p.name}补上出生日期` : `已保存${p.name}的信息`);
            void reload().catch((e: unknown) => message.error(errorMessage(e)));
          }}
        />
      )}
      <Modal
        title="手动确定应到人数"
        open={asking}
        {...discard}
        onOk={() => void saveExpected()}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        <p>名册不全时（如新迁入的户还没有录入），可以按实际情况确定应到人数。法定人数按这个人数计算，依据会写入会议记录和操作记录。</p>
        <p>
          目前应到 {meeting.quorum.expected} 人
          {meeting.expectedManual != null ? '（手动确定）' : meeting.quorum.frozen ? '（会议开始时按名册确定）' : '（按名册计算）'}
        </p>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label>
            应到人数{' '}
            <InputNumber
              aria-label="应到人数"
              min={1}
              max={100000}
              precision={0}
              value={expected}
              onChange={(v) => setExpected(typeof v === 'number' ? v : null)}
            />{' '}
            人
          </label>
          <Input.TextArea
            aria-label="确定应到人数的依据"
            rows={3}
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="如：名册尚未录入第五组新迁入的 6 户，按户籍登记确定"
          />
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Modal>
    </div>
  );
}
