import { Button, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { matterStepSchema } from '../../../core/contract/matters';
import { showDate } from './labels';

type Step = z.infer<typeof matterStepSchema>;

interface Props {
  step: Step;
  isNext: boolean;
  onRecord(): void;
}

/** What a step recorded, or the 登记 button on the next step only (steps go in order). */
export function StepContent({ step: s, isNext, onRecord }: Props) {
  if (!s.recorded) {
    return isNext ? (
      <Button type="primary" icon={<EditOutlined />} onClick={onRecord} aria-label={`登记第${s.step}步`} className="matter-step-action">
        登记
      </Button>
    ) : (
      <Typography.Text type="secondary">待登记：请先完成第{s.step - 1}步</Typography.Text>
    );
  }
  const facts = [
    showDate(s.date),
    s.meetingTitle,
    s.noticeTitle ? `公示：${s.noticeTitle}` : null,
    s.voteOutcome ? `表决${s.voteOutcome}` : null,
    s.expected != null ? `应到 ${s.expected} 人，实到 ${s.present ?? '—'} 人` : null,
  ].filter(Boolean);
  return (
    <div className="matter-step">
      <div>
        {facts.join('；')}
        {s.mergedWithPrevious && (
          <Tag color="purple" style={{ marginLeft: 8 }}>
            与上一步合并召开
          </Tag>
        )}
      </div>
      {s.content && <div className="followup-pre">{s.content}</div>}
      {s.townshipOfficials && <Typography.Text type="secondary">到会的乡镇（街道）干部：{s.townshipOfficials}</Typography.Text>}
    </div>
  );
}
