// Numbers of chapters and articles. They are never stored: a text is numbered from its order
// every time it is shown, frozen as a version or printed.

import { chineseNumeral } from '../documents/numerals';
import type { NumberedArticle, NumberedChapter, RuleSnapshot, RuleStructure } from './types';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The numeral characters a "第X条" may be written with, for building patterns elsewhere. */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千0-9０-９';

/**
 * 十一 → 11, 一百零一 → 101, 两百 → 200, 一十一 → 11, "12" (also full-width) → 12. Null for
 * anything that is not a well-formed numeral, so a caller can tell "第十十条" from a reference.
 * Colloquial abbreviations such as 一百一 (110) are refused: a rule text never writes them and
 * guessing would rewrite a reference to the wrong article.
 */
export function parseChineseNumeral(s: string): number | null {
  const t = s.trim().replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (t === '') return null;
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '零' || t === '〇') return 0;

  let total = 0;
  let digit: number | null = null; // a digit waiting for its unit
  let lastUnit = Infinity;
  let zeroSeen = false; // a 零 since the last unit: it licenses a bare final digit
  for (const c of t) {
    if (c in DIGIT) {
      const d = DIGIT[c]!;
      if (digit !== null) return null; // 一二
      if (d === 0) {
        if (lastUnit === Infinity || zeroSeen) return null; // leading or doubled 零
        zeroSeen = true;
        continue;
      }
      digit = d;
    } else if (c in UNIT) {
      const u = UNIT[c]!;
      if (u >= lastUnit) return null; // 十百, 百百
      // Only 十 may stand alone at the start (十一); 百 or 千 without a digit is not written.
      if (digit === null && !(u === 10 && lastUnit === Infinity)) return null;
      total += (digit ?? 1) * u;
      digit = null;
      lastUnit = u;
      zeroSeen = false;
    } else {
      return null;
    }
  }
  if (digit !== null) {
    // A bare final digit is the ones, so it must follow 十 or a 零 (一百零五), or stand alone.
    if (lastUnit !== Infinity && lastUnit !== 10 && !zeroSeen) return null;
    total += digit;
  } else if (zeroSeen) {
    return null; // 一百零
  }
  return total;
}

export const articleLabel = (n: number): string => `第${chineseNumeral(n)}条`;
export const chapterLabel = (n: number): string => `第${chineseNumeral(n)}章`;

/**
 * Numbers a text: chapters 第一章…, articles 第一条… through the whole text. Throws when the
 * order is not a readable text (articles of a chapter scattered, an unknown chapter): the
 * numbers would then not match what anyone reads.
 */
export function numberStructure(s: RuleStructure): RuleSnapshot {
  const chapterIndex = new Map<number, number>();
  s.chapters.forEach((c, i) => {
    if (chapterIndex.has(c.id)) throw new Error(`章的编号 ${c.id} 重复出现`);
    chapterIndex.set(c.id, i);
  });
  const chapters: NumberedChapter[] = s.chapters.map((c, i) => ({ ...c, number: i + 1, label: chapterLabel(i + 1) }));

  const seen = new Set<number>();
  let current = -1;
  const articles: NumberedArticle[] = s.articles.map((a, i) => {
    const label = articleLabel(i + 1);
    if (seen.has(a.id)) throw new Error(`条文编号 ${a.id} 重复出现（${label}）`);
    seen.add(a.id);
    if (s.chapters.length === 0) {
      if (a.chapterId !== null) throw new Error(`${label}属于一个不存在的章（编号 ${a.chapterId}），而本文没有分章`);
    } else {
      if (a.chapterId === null) throw new Error(`${label}不属于任何一章，而本文是分章的`);
      const ci = chapterIndex.get(a.chapterId);
      if (ci === undefined) throw new Error(`${label}属于一个不存在的章（编号 ${a.chapterId}）`);
      if (ci < current) {
        throw new Error(`条文没有按章的顺序排列：${label}属于${chapterLabel(ci + 1)}，却排在${chapterLabel(current + 1)}的条文之后`);
      }
      current = ci;
    }
    return { ...a, number: i + 1, label };
  });
  return { chapters, articles };
}
