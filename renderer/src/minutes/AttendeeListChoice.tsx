import { useState } from 'react';
import { Radio, Space, Typography } from 'antd';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';
import type { MinutesReview } from './ReviewPanel';
import { GRID_ABOVE } from './wording';

type Choice = '自动' | '名单' | '表格' | '签到表';

/** How the minutes list those present: names in the text, a grid, or 见签到表 — hers to choose until the minutes are final. */
export function AttendeeListChoice({ review, present, onSaved }: { review: MinutesReview; present: number; onSaved(next: MinutesReview): void }) {
  const reportError = useReportError();
  const [saving, setSaving] = useState(false);
  const value: Choice = review.attendeeList ?? '自动';
  const locked = review.status === '已定稿';

  async function choose(next: Choice) {
    setSaving(true);
    try {
      onSaved(await call('minutes.setAttendeeList', { meetingId: review.meetingId, attendeeList: next === '自动' ? null : next }));
    } catch (e) {
      reportError(e, '出席人员的列法没有改');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space wrap className="minutes-attendee-list">
      <Typography.Text id="attendee-list-label">出席人员在记录中：</Typography.Text>
      <Radio.Group
        aria-labelledby="attendee-list-label"
        optionType="button"
        value={value}
        disabled={locked || saving}
        onChange={(e) => void choose(e.target.value as Choice)}
        options={[
          { value: '自动', label: `自动（${GRID_ABOVE} 人以内写名字）` },
          { value: '名单', label: '逐一写名字' },
          { value: '表格', label: '列成名单表' },
          { value: '签到表', label: '写“见签到表”' },
        ]}
      />
      <Typography.Text type="secondary">{`本次实到 ${present} 人${locked ? '；已定稿，不能再改' : ''}`}</Typography.Text>
    </Space>
  );
}
