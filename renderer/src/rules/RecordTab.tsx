import { Empty, Tag, Timeline, Typography } from 'antd';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { dateWords } from './labels';

type Step = RuleDocDetail['steps'][number];

/** What each step left on record: review opinion, meeting, version, receipt. */
function outcomeLines(s: Step): string[] {
  const lines: string[] = [];
  if (s.authority && s.stage === '提请审核') lines.push(`审核机关：${s.authority}${s.outcomeDate ? `（${dateWords(s.outcomeDate)}）` : ''}`);
  if (s.opinion) lines.push(`审核意见：${s.opinion}`);
  if (s.meetingTitle) lines.push(`表决会议：${s.meetingTitle}${s.outcomeDate ? `（${dateWords(s.outcomeDate)}）` : ''}`);
  if (s.versionName) lines.push(`版本：${s.versionName}`);
  if (s.authority && s.stage === '备案') lines.push(`备案机关：${s.authority}${s.outcomeDate ? `，${dateWords(s.outcomeDate)}备案` : ''}`);
  if (s.receiptNo) lines.push(`回执编号：${s.receiptNo}`);
  if (s.stage === '公布' && s.outcomeDate) lines.push(`公布日期：${dateWords(s.outcomeDate)}`);
  return lines;
}

/** 记录: every step of the procedure, dated, with who recorded it and what came of it. */
export function RecordTab({ doc }: { doc: RuleDocDetail }) {
  if (!doc.steps.length) return <Empty description="还没有记录" />;
  return (
    <Timeline
      className="rule-timeline"
      items={doc.steps.map((s) => ({
        color: s.stage === doc.stage && s.cycle === doc.cycle ? 'blue' : 'green',
        content: (
          <div>
            <div>
              <b className="record-date">{dateWords(s.date)}</b>
              <b>{s.stage}</b>
              {s.cycle > 1 && <Tag style={{ marginLeft: 8 }}>第 {s.cycle} 轮</Tag>}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                登记人：{s.by}
              </Typography.Text>
            </div>
            {s.note && <div>说明：{s.note}</div>}
            {outcomeLines(s).map((l) => (
              <div key={l} className="muted-line">
                {l}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
