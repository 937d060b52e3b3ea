import { Tag } from 'antd';
import { chineseDate } from '../../../core/dates';
import type { FollowUpItem } from '../../../core/contract/followup';
import type { Notice } from '../../../core/contract/notices';

/** 2026-03-15 → 2026年3月15日; empty stays a dash. */
export const showDate = (iso: string | null | undefined) => (iso ? chineseDate(iso) : '—');

/** 逾期 red, 7 天内到期 orange, 进行中, 已完成 green. */
export function DueTag({ item }: { item: Pick<FollowUpItem, 'dueState' | 'daysLeft'> }) {
  switch (item.dueState) {
    case 'done':
      return <Tag color="success">已完成</Tag>;
    case 'overdue':
      return <Tag color="error">逾期 {Math.abs(item.daysLeft ?? 0)} 天</Tag>;
    case 'dueSoon':
      return <Tag color="warning">{item.daysLeft === 0 ? '今天到期' : `${item.daysLeft} 天内到期`}</Tag>;
    case 'later':
      return <Tag color="processing">进行中</Tag>;
    default:
      return <Tag>进行中（未定期限）</Tag>;
  }
}

const noticeColors: Record<Notice['status'], string> = { 未开始: 'default', 公示中: 'processing', 期满未撤: 'warning', 已撤下: 'default' };

export function NoticeStatusTag({ notice }: { notice: Pick<Notice, 'status'> }) {
  return <Tag color={noticeColors[notice.status]}>{notice.status === '期满未撤' ? '期满未撤下' : notice.status}</Tag>;
}
