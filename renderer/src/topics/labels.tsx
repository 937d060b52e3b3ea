import { Tag } from 'antd';
import { localDateTime } from '../../../core/clock';
import type { Topic } from '../../../core/contract/topics';
import type { Summons } from '../../../core/contract/summons';

type TopicStatus = Topic['status'];
type Urgency = Topic['urgency'];

const statusColors: Record<TopicStatus, string> = {
  待分办: 'gold',
  已纳入议程: 'blue',
  转部门办理: 'geekblue',
  已答复: 'green',
  已合并: 'default',
  不予受理: 'default',
  已办结: 'green',
};

export function TopicStatusTag({ status }: { status: TopicStatus }) {
  return <Tag color={statusColors[status]}>{status}</Tag>;
}

const urgencyColors: Record<Urgency, string> = { 一般: 'default', 较急: 'orange', 紧急: 'red' };

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  return <Tag color={urgencyColors[urgency]}>{urgency}</Tag>;
}

/** "2026-03-21 09:00" in the user's zone, from a stored ISO time. */
export function localTime(timeZone: string, iso: string | null | undefined): string {
  return iso ? localDateTime(timeZone, iso) : '—';
}

/** What a summons is waiting for, in a word. */
export function summonsState(s: Summons): { text: string; color: string } {
  if (s.closedAt) return s.resolved ? { text: '已解决', color: 'green' } : { text: '办结未解决', color: 'volcano' };
  if (s.overdue) return { text: '逾期', color: 'red' };
  if (!s.reportedAt) return { text: '待报到', color: 'gold' };
  return s.dueSoon ? { text: '即将到期', color: 'orange' } : { text: '办理中', color: 'blue' };
}

export function SummonsStateTag({ summons }: { summons: Summons }) {
  const st = summonsState(summons);
  return <Tag color={st.color}>{st.text}</Tag>;
}

export const satisfactionOptions = ['满意', '基本满意', '不满意'] as const;
