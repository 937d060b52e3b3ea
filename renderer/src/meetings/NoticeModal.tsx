import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { Meeting } from '../../../core/contract/meetings';
import { call, errorMessage } from '../api/client';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  meeting: Meeting;
  onClose(): void;
  onSaved(meeting: Meeting): void;
}

/**
 * 登记通知: the date the notice went out. When it is shorter than the rule's notice period the
 * server explains why; the secretary then records the special circumstance and tries again.
 */
export function NoticeModal({ meeting, onClose, onSaved }: Props) {
  const clock = useClock();
  const discard = useConfirmDiscard(onClose);
  const [noticeDate, setNoticeDate] = useState<string | null>(meeting.noticeDate ?? clock.today);
  const [reason, setReason] = useState(meeting.urgentReason ?? '');
  const [askReason, setAskReason] = useState(Boolean(meeting.urgentReason));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const def = meeting.ruleSet;

  async function submit() {
    const dateProblem = dateCheck(noticeDate, '请填写通知日期');
    if (dateProblem || !noticeDate) {
      setError(dateProblem);
      return;
    }
    if (askReason && !reason.trim()) {
      setError('请填写临时召开的特殊情况，例如：防汛抢险需要立即决定');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await call('meetings.notify', {
        id: meeting.id,
        noticeDate,
        ...(askReason && reason.trim() ? { urgentReason: reason.trim() } : {}),
      });
      onSaved(saved);
    } catch (e) {
      const text = errorMessage(e);
      setError(text);
      if (text.includes('临时召开的特殊情况')) setAskReason(true);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="登记会议通知"
      open
      {...discard}
      onOk={submit}
      okText={askReason ? '填写特殊情况后登记' : '登记'}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        会议日期：{meeting.date}。{def.noticeDays != null ? `${def.meetingKind}应当提前 ${def.noticeDays} 天通知。` : `${def.meetingKind}没有规定通知期。`}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="通知日期" required>
          <DateField value={noticeDate} onChange={setNoticeDate} allowClear={false} aria-label="通知日期" />
        </Form.Item>
        {askReason && (
          <Form.Item label="临时召开的特殊情况" required>
            <Input.TextArea
              aria-label="临时召开的特殊情况"
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="例如：汛期道路塌方，需要立即决定抢修方案"
              autoFocus
            />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type={askReason && error.includes('临时召开') ? 'warning' : 'error'} showIcon title={error} />}
    </Modal>
  );
}
