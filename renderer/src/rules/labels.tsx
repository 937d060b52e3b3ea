import { Tag } from 'antd';
import type { RuleStage } from '../../../core/ruletext/procedure';
import { chineseDate } from '../../../core/dates';

const stageColors: Record<RuleStage, string> = {
  宣传发动: 'default',
  征集民意: 'blue',
  拟定草案: 'cyan',
  提请审核: 'purple',
  审议表决: 'orange',
  备案: 'gold',
  公布: 'lime',
  已公布: 'green',
};

export function StageTag({ stage, large }: { stage: RuleStage; large?: boolean }) {
  return (
    <Tag color={stageColors[stage]} className={large ? 'tag-large' : undefined}>
      {stage}
    </Tag>
  );
}

/** "还剩 3 天" / "今天到期" / "已逾期 2 天" and whether it needs attention. */
export function daysLeftWords(daysLeft: number): { text: string; level: 'ok' | 'soon' | 'over' } {
  if (daysLeft < 0) return { text: `已逾期${-daysLeft}天`, level: 'over' };
  if (daysLeft === 0) return { text: '今天到期', level: 'soon' };
  return { text: `还剩${daysLeft}天`, level: daysLeft <= 3 ? 'soon' : 'ok' };
}

/** Whole days from today to an ISO date; negative when it is past. */
export const dateWords = (iso: string | null | undefined) => (iso ? chineseDate(iso) : '—');
