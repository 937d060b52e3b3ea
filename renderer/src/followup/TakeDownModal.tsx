import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { Notice } from '../../../core/contract/notices';
import { call, errorMessage } from '../api/client';
import { showDate } from './labels';
import { isIsoDate } from '../../../core/date-input';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  notice: Notice;
  onClose(): void;
  onDone(notice: Notice): void;
}

/** 撤下: the date it came down; before the period ends the reason is asked for. */
export function TakeDownModal({ notice, onClose, onDone }: Props) {
  const clock = useClock();
  const discard = useConfirmDiscard(onClose);
  const [date, setDate] = useState<string | null>(clock.today);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const early = isIsoDate(date) && date < notice.endsOn;

  async function save() {
    const dateProblem = dateCheck(date, '请填写撤下日期');
    if (dateProblem || !date) return setError(dateProblem);
    setSaving(true);
    setError(null);
    try {
      onDone(
        await call('notices.takeDown', {
          id: notice.id,
          takenDownOn: date,
          ...(early && reason.trim() ? { reason: reason.trim() } : {}),
          ...(by.trim() ? { takenDownBy: by.trim() } : {}),
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`撤下公示：${notice.title}`}
      okText="登记撤下"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      {...discard}
      destroyOnHidden
    >
      <Typography.Paragraph>
        公示期：{showDate(notice.postedOn)}至{showDate(notice.endsOn)}，共 {notice.periodDays} 天。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="撤下日期">
          <DateField
            aria-label="撤下日期"
            value={date}

            allowClear={false}
            onChange={(d) => {
              setDate(d);
              setError(null);
            }}
            style={{ width: 170 }}
          />
        </Form.Item>
        <Form.Item label="撤下人（可不填）" extra="不填则记为当前登录的人。">
          <Input aria-label="撤下人" value={by} maxLength={50} placeholder="例如：网格员 张三" onChange={(e) => setBy(e.target.value)} style={{ width: 240 }} />
        </Form.Item>
        {early && (
          <Form.Item label="提前撤下的原因" extra={`公示期到 ${showDate(notice.endsOn)} 才满，提前撤下要写明原因。`}>
            <Input
              aria-label="提前撤下的原因"
              value={reason}
              maxLength={500}
              placeholder="例如：公示栏维修，改为线上公示"
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
