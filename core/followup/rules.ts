import { addDays, daysFrom } from '../dates';

/**
 * The last day a notice is up. "公示期不少于十五日" counts the day it goes up as day 1, so
 * 15 days from 2026-03-01 end on 2026-03-15 inclusive (the same count as the 决议公示 document).
 */
export function noticeEndsOn(postedOn: string, periodDays: number): string {
  return addDays(postedOn, periodDays - 1);
}

/** Why a progress entry is refused, or null. Going backwards is allowed only with a reason. */
export function progressProblem(lastPercent: number | null, percent: number, reason: string | null | undefined): string | null {
  if (!Number.isInteger(percent) || percent < 0) return '进度应为 0 到 100 之间的整数';
  if (percent > 100) return `进度不能超过 100%（填写的是 ${percent}%）`;
  if (lastPercent != null && percent < lastPercent && !reason?.trim()) return `进度比上次（${lastPercent}%）低，请说明原因`;
  return null;
}

export type DueState = 'overdue' | 'dueSoon' | 'later' | 'none';

/** Overdue when the deadline has passed (deadline < today); due soon when it falls within `withinDays` from today inclusive. */
export function dueState(deadline: string | null, today: string, withinDays: number): DueState {
  if (deadline == null) return 'none';
  if (deadline < today) return 'overdue';
  return deadline <= addDays(today, withinDays) ? 'dueSoon' : 'later';
}

export interface SummonsClock {
  summonedAt: string;
  reportWithinHours: number;
  reportedAt: string | null;
  deadline: string | null;
  closedAt: string | null;
}

/** Why a summons is overdue, in Chinese, or null: not reported within its hours, or not done by its deadline (local date). */
export function summonsOverdue(s: SummonsClock, today: string, now: Date): string | null {
  if (s.closedAt != null) return null;
  if (s.reportedAt == null && Date.parse(s.summonedAt) + s.reportWithinHours * 3_600_000 < now.getTime()) {
    return `吹哨后 ${s.reportWithinHours} 小时内未报到`;
  }
  if (s.deadline != null && s.deadline < today) return `已超过承诺期限（${s.deadline}）${daysFrom(s.deadline, today)} 天`;
  return null;
}

/** The agenda title of a resolution carried onto a later meeting. */
export function followUpTitle(r: { title: string; number: string }): string {
  return `跟进事项：${r.title}（${r.number}）`;
}
