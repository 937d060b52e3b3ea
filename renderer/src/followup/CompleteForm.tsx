import { useState } from 'react';
import { Alert, App, Button, Form, Input, Popconfirm } from 'antd';
import type { FollowUpDetail } from '../../../core/contract/followup';
import { call, errorMessage } from '../api/client';
import { DateField } from '../app/DateField';
import { isIsoDate } from '../../../core/date-input';
import { useClock } from '../app/useClock';

interface Props {
  detail: FollowUpDetail;
  onSaved(detail: FollowUpDetail): void;
}

/** 登记完成: the date and the result; after this no more progress can be added. */
export function CompleteForm({ detail, onSaved }: Props) {
  const { message } = App.useApp();
  const clock = useClock();
  const [date, setDate] = useState<string | null>(clock.today);
  const [result, setResult] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = isIsoDate(date) && Boolean(result.trim());

  async function save() {
    if (!isIsoDate(date) || !result.trim()) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('followUp.complete', { resolutionId: detail.id, completedOn: date, result: result.trim() }));
      message.success(`决议${detail.number}已登记办结`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form layout="vertical">
      <Form.Item label="办结日期">
        <DateField aria-label="办结日期" value={date} allowClear={false} onChange={setDate} style={{ width: 170 }} />
      </Form.Item>
      <Form.Item label="落实结果" extra={detail.lastPercent !== 100 ? `目前登记的进度是 ${detail.lastPercent ?? 0}%；确实已经办完再登记完成。` : undefined}>
        <Input.TextArea
          aria-label="落实结果"
          value={result}
          maxLength={5000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder="例如：村道 1.2 公里全部硬化，验收合格"
          onChange={(e) => setResult(e.target.value)}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Popconfirm title="登记完成后不能再登记进度，也不能修改。确定登记完成吗？" okText="登记完成" cancelText="取消" onConfirm={() => save()} disabled={!ready}>
        <Button type="primary" disabled={!ready} loading={saving}>
          登记完成
        </Button>
      </Popconfirm>
    </Form>
  );
}
