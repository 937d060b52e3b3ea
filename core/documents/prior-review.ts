import { chineseDate } from '../dates';

/** The Party organization's prior discussion of an agenda item, and the 四议两公开 matter it belongs to. */
export interface PriorReview {
  meetingTitle: string;
  meetingDate: string;
  itemTitle: string;
  matter: { title: string; steps: { step: number; name: string; date: string }[] } | null;
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * One sentence for the minutes and the page: the 2025 organic law asks that such matters be
 * discussed by the Party organization first, so the minutes say when and where that happened.
 */
export function priorReviewSentence(p: PriorReview | null | undefined): string | null {
  if (!p) return null;
  const first = `本议题已经${chineseDate(p.meetingDate)}“${p.meetingTitle}”前置讨论（议题：${p.itemTitle}）`;
  if (!p.matter || p.matter.steps.length === 0) return `${first}。`;
  const steps = p.matter.steps.map((s) => `第${NUMERALS[s.step] ?? s.step}步${s.name}（${chineseDate(s.date)}）`).join('、');
  return `${first}；“${p.matter.title}”按“四议两公开”办理，${steps}已完成。`;
}
