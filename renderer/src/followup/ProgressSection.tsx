import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Progress, Table, Typography } from 'antd';
import type { FollowUpDetail, ProgressEntry } from '../../../core/contract/followup';
import { call, errorMessage } from '../api/client';
import { showDate } from './labels';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';

interface Props {
  detail: FollowUpDetail;
  onSaved(detail: FollowUpDetail): void;
}

/** The progress entries so far and, until the resolution is completed, a form to add one. */
export function ProgressSection({ detail, onSaved }: Props) {
  return (
    <div>
      <Table<ProgressEntry>
        rowKey="id"
        size="small"
        aria-label="落实进度"
        dataSource={detail.progress}
        pagination={false}
        locale={{ emptyText: '还没有登记进度' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 150, render: (v: string) => <span className="followup-nowrap">{showDate(v)}</span> },
          {
            title: '进度情况',
            render: (_v, p) => (
              <div>
                <div className="followup-pre">{p.text}</div>
                {p.reason && <Typography.Text type="warning">进度回退原因：{p.reason}</Typography.Text>}
              </div>
            ),
          },
          { title: '完成', dataIndex: 'percent', width: 160, render: (v: number) => <Progress percent={v} size="small" /> },
        ]}
      />
      {!detail.completedOn && <AddProgressForm detail={detail} onSaved={onSaved} />}
    </div>
  );
}

function AddProgressForm({ detail, onSaved }: Props) {
  const { message } = App.useApp();
  const clock = useClock();
  const [date, setDate] = useState<string | null>(clock.today);
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const last = detail.lastPercent;
  const goingBack = last != null && percent != null && percent < last;

  async function save() {
    setError(null);
    const dateProblem = dateCheck(date, '请填写进度日期');
    if (dateProblem || !date) return setError(dateProblem);
    if (!text.trim()) return setError('请填写进度情况');
    if (percent == null) return setError('请填写完成进度（0 到 100 之间的数字）');
    setSaving(true);
    try {
      const next = await call('followUp.addProgress', {
        resolutionId: detail.id,
        date: date,
        text: text.trim(),
        percent,
        ...(goingBack && reason.trim() ? { reason: reason.trim() } : {}),
      });
      message.success(`已登记进度：完成 ${percent}%`);
      setText('');
      setPercent(null);
      setReason('');
      onSaved(next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form layout="vertical" className="followup-add-progress" onFinish={() => void save()}>
      <Typography.Title level={5}>登记新进度</Typography.Title>
      <div className="followup-row">
        <Form.Item label="进度日期">
          <DateField aria-label="进度日期" value={date} allowClear={false} onChange={setDate} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item label="完成进度" extra={last != null ? `上次是 ${last}%` : '填 0 到 100 之间的数字'}>
          <InputNumber<number>
            aria-label="完成进度"
            value={percent}
            min={0}
            max={100}
            precision={0}
            suffix="%"
            onChange={(v) => {
              setPercent(v);
              setError(null);
            }}
            style={{ width: 130 }}
          />
        </Form.Item>
      </div>
      <Form.Item label="进度情况">
        <Input.TextArea
          aria-label="进度情况"
          value={text}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder="例如：已完成招标，施工队 4 月 1 日进场"
          onChange={(e) => setText(e.target.value)}
        />
      </Form.Item>
      {goingBack && (
        <Form.Item label="进度回退的原因" extra={`这次比上次（${last}%）低，请写明原因，例如返工、验收未通过。`}>
          <Input aria-label="进度回退的原因" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={saving}>
        登记进度
      </Button>
    </Form>
  );
}
