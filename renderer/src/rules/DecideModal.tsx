import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { RuleAmendment, RuleEditResult } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  amendment: RuleAmendment;
  decision: '采纳' | '不采纳';
  onClose(): void;
  onDone(amendment: RuleAmendment, edit: RuleEditResult | null): void;
}

/** 采纳 (the change goes into the text at once) or 不采纳 (with the reason). */
export function DecideModal({ amendment, decision, onClose, onDone }: Props) {
  const clock = useClock();
  const discard = useConfirmDiscard(onClose);
  const [date, setDate] = useState<string | null>(clock.today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit() {
    const dateProblem = dateCheck(date, '请填写日期');
    if (dateProblem) return setError(dateProblem);
    setSaving(true);
    setError(null);
    try {
      const r = await call('rules.amendments.decide', { id: amendment.id, decision, date: date!, ...(note.trim() ? { note: note.trim() } : {}) });
      onDone(r.amendment, r.edit);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={`${decision}：${amendment.description}`}
      okText={decision}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      {...discard}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {decision === '采纳' ? '采纳后，这项修改会立即写进条文，条文随之重新编号。' : '不采纳时请写明理由，提出人和会议都会看到。'}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="日期" required>
          <DateField aria-label="日期" allowClear={false} value={date} onChange={setDate} />
        </Form.Item>
        <Form.Item label={decision === '不采纳' ? '理由' : '说明（可不填）'} required={decision === '不采纳'}>
          <Input.TextArea
            aria-label={decision === '不采纳' ? '理由' : '说明'}
            value={note}
            maxLength={2000}
            autoSize={{ minRows: 2 }}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
