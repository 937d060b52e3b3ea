// Splits a pasted or imported rule text into title, chapters and articles for the import
// preview. It never refuses: whatever it could not place is named in a warning, and the
// caller decides (zero articles becomes an error there).

import { parseChineseNumeral } from './numbering';
import type { SplitRuleText } from './types';

const NUM = '[一二三四五六七八九十百千零〇两\\d０-９]+';
const CHAPTER = new RegExp(`^第(${NUM})章\\s*(.*)$`, 'u');
// The label stands alone or is set off by a space or a colon, so a paragraph that merely
// begins "第三条规定的……" stays a paragraph.
const ARTICLE = new RegExp(`^第(${NUM})条(?:[\\s:：]+(.*))?$`, 'u');
// Some texts (web pages, OCR) never set the label off: "第一条爱护公共设施。"
const ARTICLE_RUN_ON = new RegExp(`^第(${NUM})条[\\s:：]*(.*)$`, 'u');

// A body's name on a line of its own; "本公约由村民委员会负责解释" is a sentence, not a signature.
const SIGNATURE = /^(?!.*[本由归负])[^。，；！？：、,;!?:\s]{2,28}(?:委员会|村委会|居委会|村民会议|居民会议|代表会议|代表大会|业主大会)$/u;
const DATE = /^[\d〇○零一二三四五六七八九十]{4}\s*年[\d一二三四五六七八九十\s]{1,3}月(?:[\d一二三四五六七八九十\s]{1,4}日)?\S{0,6}$/u;

/** Word spreads short headings out (“总  则” with full-width spaces); the spaces are layout, not words. */
const squeeze = (s: string) => s.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
const quote = (s: string) => (Array.from(s).length > 12 ? `${Array.from(s).slice(0, 12).join('')}……` : s);

interface Draft {
  chapterIndex: number | null;
  /** As written, for warnings: "第五条". */
  label: string;
  numeral: string;
  paragraphs: string[];
}

function numberingWarnings(labels: { numeral: string; label: string }[], unit: '条' | '章'): string[] {
  const warnings: string[] = [];
  let prev: { n: number; label: string } | null = null;
  for (const { numeral, label } of labels) {
    const n = parseChineseNumeral(numeral);
    if (n === null) {
      warnings.push(`无法识别“${label}”的编号，已按顺序重新编号`);
      continue;
    }
    const expected: number = (prev?.n ?? 0) + 1;
    if (n !== expected) {
      warnings.push(
        prev === null ? `原文不是从第一${unit}开始编号，而是从${label}开始，已按顺序重新编号` : `原文编号不连续：${prev.label}之后是${label}，已按顺序重新编号`,
      );
    }
    prev = { n, label };
  }
  return warnings;
}

/**
 * Whether a line opens an article. In a text that sets its labels off, a run-on one
 * ("第二条爱护…") is taken only where it cannot be a paragraph citing an article ("第一条规定的
 * 行为……"): before any article, or numbered right after the last one.
 */
function articleStart(line: string, runOn: 'always' | 'guarded', last: { numeral: string } | undefined): RegExpExecArray | null {
  const strict = ARTICLE.exec(line);
  if (strict) return strict;
  const loose = ARTICLE_RUN_ON.exec(line);
  if (!loose) return null;
  if (runOn === 'always' || last === undefined) return loose;
  const n = parseChineseNumeral(loose[1]!);
  const prev = parseChineseNumeral(last.numeral);
  return n !== null && prev !== null && n === prev + 1 ? loose : null;
}

function read(lines: string[], runOnText: 'always' | 'guarded'): SplitRuleText {
  const warnings: string[] = [];
  const chapters: { title: string; label: string; numeral: string }[] = [];
  const drafts: Draft[] = [];
  // Lines that belong to no article, grouped by what they follow: -1 the start, else a chapter.
  const stray = new Map<number, string[]>();
  let title: string | null = null;
  let current: Draft | null = null;

  for (const [i, line] of lines.entries()) {
    const ch = CHAPTER.exec(line);
    const ar = ch ? null : articleStart(line, runOnText, drafts[drafts.length - 1]);
    if (ch) {
      current = null;
      chapters.push({ title: squeeze(ch[2]!.trim()), label: `第${ch[1]!}章`, numeral: ch[1]! });
    } else if (ar) {
      const first = (ar[2] ?? '').trim();
      const draft: Draft = {
        chapterIndex: chapters.length > 0 ? chapters.length - 1 : null,
        label: `第${ar[1]!}条`,
        numeral: ar[1]!,
        paragraphs: first ? [first] : [],
      };
      drafts.push(draft);
      current = draft;
    } else if (current !== null) {
      current.paragraphs.push(line);
    } else if (i === 0 && Array.from(line).length <= 40 && !line.includes('。')) {
      title = squeeze(line);
    } else {
      const key = chapters.length - 1;
      stray.set(key, [...(stray.get(key) ?? []), line]);
    }
  }

  for (const [key, group] of stray) {
    const where = key < 0 ? '开头的' : `${chapters[key]!.label}${chapters[key]!.title ? ` ${chapters[key]!.title}` : ''}之后的`;
    warnings.push(`${where} ${group.length} 行不属于任何条文，已略过：“${quote(group[0]!)}”`);
  }

  // A closing signature and date are not part of the last article.
  const last = drafts[drafts.length - 1];
  if (last) {
    let cut = last.paragraphs.length;
    while (cut > 1 && (DATE.test(last.paragraphs[cut - 1]!) || SIGNATURE.test(last.paragraphs[cut - 1]!))) cut--;
    const tail = last.paragraphs.splice(cut);
    if (tail.length > 0) warnings.push(`结尾的 ${tail.length} 行像是落款或日期，未算作${last.label}的内容：“${quote(tail.join(' '))}”`);
  }

  chapters.forEach((c) => {
    if (c.title === '') warnings.push(`${c.label}没有标题`);
  });
  warnings.push(...numberingWarnings(chapters, '章'), ...numberingWarnings(drafts, '条'));

  const before = drafts.filter((d) => d.chapterIndex === null).length;
  if (chapters.length > 0 && before > 0) {
    warnings.push(`${chapters[0]!.label}之前有 ${before} 条条文，已归入${chapters[0]!.label}`);
  }
  for (const d of drafts) {
    if (d.paragraphs.length === 0) warnings.push(`${d.label}没有内容`);
  }
  if (drafts.length === 0) warnings.push('没有找到条文：每一条应以“第一条”“第二条”这样的编号开头');

  return {
    title,
    chapters: chapters.map((c) => ({ title: c.title })),
    articles: drafts.map((d) => ({ chapterIndex: chapters.length > 0 ? (d.chapterIndex ?? 0) : null, text: d.paragraphs.join('\n') })),
    warnings,
  };
}

export function splitRuleText(text: string): SplitRuleText {
  const lines = text
    .split(/\r\n|\r|\n|\u2028|\u2029|\v|\f/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // A text that mostly runs its labels on is read that way throughout, so a gap in its
  // numbering does not swallow an article into the one before.
  const setOff = lines.filter((l) => ARTICLE.test(l)).length;
  const runOn = lines.filter((l) => !ARTICLE.test(l) && ARTICLE_RUN_ON.test(l)).length;
  return read(lines, runOn > setOff ? 'always' : 'guarded');
}
