import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { attendanceStatuses, type ExpectedAttendee, type SheetChange } from '../../../core/contract/attendance';
import { call, errorMessage } from '../api/client';
import { whoOf } from './attendanceCalls';
import { attendanceText } from './status';
import { TimeField } from '../app/DateField';
import { timeCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

type Status = (typeof attendanceStatuses)[number];
export type StatusMode = '请假' | '缺席' | '早退' | '更正';

interface Props {
  meetingId: number;
  entry: ExpectedAttendee;
  mode: StatusMode;
  onClose(): void;
  onSaved(change: SheetChange, status: Status): void;
}

/** 请假 (with the reason), 缺席, 早退 (with the time), or any correction with a note. */
export function StatusModal({ meetingId, entry, mode, onClose, onSaved }: Props) {
  const discard = useConfirmDiscard(onClose);
  const line = entry.attendance;
  const [status, setStatus] = useState<Status>(mode === '更正' ? (line?.status ?? '出席') : mode);
  const clock = useClock();
  const [time, setTime] = useState<string | null>(() => (mode === '早退' ? clock.now().time : ((status === '早退' ? line?.leftAt : line?.arrivedAt) ?? null)));
  const [reason, setReason] = useState(line?.reason ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const needsTime = status === '迟到' || status === '早退';
  const needsReason = status === '请假' || status === '缺席';
  // A household marked present: who represents it (18 or over); left empty, the household still counts once and votes once.
  const household = entry.householdId != null;
  const adults = entry.members.filter((m) => !m.minor);
  const [signer, setSigner] = useState<number | undefined>(() => (adults.length === 1 ? adults[0]!.personId : undefined));
  const asksSigner = household && (status === '出席' || status === '迟到');

  async function submit() {
    if (status === '请假' && !reason.trim()) {
      setError('请填写请假原因，例如：外出务工、生病住院');
      return;
    }
    const timeProblem = needsTime ? timeCheck(time) : null;
    if (timeProblem) {
      setError(timeProblem);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const change = await call('attendance.setStatus', {
        meetingId,
        ...(asksSigner && signer !== undefined ? { personId: signer } : whoOf(entry)),
        status,
        ...(needsTime && time ? { time } : {}),
        ...(needsReason && reason.trim() ? { reason: reason.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onSaved(change, status);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const title = mode === '更正' ? `更正签到：${entry.name}` : `${entry.name}：${mode}`;
  return (
    <Modal title={title} open {...discard} onOk={submit} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">现在的状态：{attendanceText(line)}。修改会留下更正记录，不会覆盖原来的登记。</Typography.Paragraph>
      <Form layout="vertical">
        {mode === '更正' && (
          <Form.Item label="改为">
            <Select
              aria-label="改为"
              value={status}
              onChange={setStatus}
              options={attendanceStatuses.map((s) => ({ value: s, label: s }))}
              style={{ width: 160 }}
            />
          </Form.Item>
        )}
        {asksSigner && (
          <Form.Item label="户代表（年满十八周岁的本户成员）" extra="可以不选：这一户仍算一户到会、表决时算一票；记名表决前需选定户代表。">
            <Select
              aria-label="户代表"
              allowClear
              value={signer}
              onChange={setSigner}
              placeholder="不选"
              options={entry.members.map((m) => ({ value: m.personId, label: m.minor ? `${m.name}（未满十八周岁）` : m.name, disabled: m.minor }))}
              style={{ width: 240 }}
            />
          </Form.Item>
        )}
        {needsTime && (
          <Form.Item label={status === '早退' ? '离开时间' : '到会时间'}>
            <TimeField value={time} onChange={setTime} aria-label={status === '早退' ? '离开时间' : '到会时间'} />
          </Form.Item>
        )}
        {needsReason && (
          <Form.Item label={status === '请假' ? '请假原因' : '缺席原因（可不填）'} required={status === '请假'}>
            <Input
              aria-label={status === '请假' ? '请假原因' : '缺席原因'}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={status === '请假' ? '例如：外出务工' : ''}
              autoFocus
              onPressEnter={() => void submit()}
            />
          </Form.Item>
        )}
        {line && (
          <Form.Item label="更正说明（可不填）">
            <Input aria-label="更正说明" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} placeholder="例如：误点了签到" />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
