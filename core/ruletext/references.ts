// Keeps "第X条" inside the articles pointing at the same articles after articles are inserted,
// deleted or moved. What cannot be rewritten safely is left as written and reported, so the
// secretary fixes it by hand instead of the text silently pointing at the wrong rule.

import { chineseNumeral } from '../documents/numerals';
import { NUMERAL_CHARS, numberStructure, parseChineseNumeral } from './numbering';
import type { RenumberResult, RuleSnapshot, RuleStructure, UnresolvedReference } from './types';

const N = `[${NUMERAL_CHARS}]+`;
const SP = '[ \\u3000]*';
// One pass over all three shapes, the longest first, so "第三条至第五条" is not read as two
// single references and "第三、五条" is not read as "第五条".
const REFERENCE = new RegExp(
  [
    `(?<range>第${SP}(?<from>${N})${SP}条${SP}[至到]${SP}第${SP}(?<to>${N})${SP}条)`,
    `(?<compound>第${SP}${N}(?:${SP}[、至到和及与或—～~-]${SP}第?${SP}${N})+${SP}条)`,
    `(?<single>第${SP}(?<n>${N})${SP}条)`,
  ].join('|'),
  'gu',
);

// Whose article a "第X条" is follows from the last of these before it in the same sentence:
// "本公约" (and its kin) points back into this text; a 《title》 or a law's name right before
// "第" points elsewhere.
const SCOPE =
  /(?<own>本(?:村规民约|居民公约|小区公约|自治章程|公约|规约|民约|章程|规定|办法|细则|条例|约定))|(?<other>》|(?:法|条例|规定|办法|细则|章程|决定|规则|准则|意见|解释)(?=[ \u3000]*第))/gu;
const SENTENCE_END = /[。；！？;!?\n]/;
// What may stand between a law's name and a reference that still belongs to it:
// "《民法典》（2020年）第一千零四十三条第二款、第一千零四十四条".
const SAME_LAW = new RegExp(`^(?:[ \\u3000、，,和及与或至到]|以及|（[^）]*）|\\([^)]*\\)|第${SP}${N}${SP}[条款项])*$`, 'u');

type Scope = 'own' | 'other' | 'unsure';

function scopeAt(text: string, index: number): Scope {
  let start = index;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let last: RegExpMatchArray | null = null;
  // Up to and including this "第", so "法" can see the "第" that follows it.
  for (const m of text.slice(start, index + 1).matchAll(SCOPE)) last = m;
  if (last === null || last.groups!.own !== undefined) return 'own';
  const gap = text.slice(start + last.index! + last[0].length, index);
  // "除《民法典》另有规定外，违反第三条的" most likely means this text, but not surely.
  return SAME_LAW.test(gap) ? 'other' : 'unsure';
}

/** Replaces the numeral inside "第 X 条" keeping the writer's spacing and digit style. */
function withNumber(words: string, numeral: string, n: number): string {
  const arabic = /^[0-9０-９]+$/.test(numeral);
  return words.replace(numeral, arabic ? String(n) : chineseNumeral(n));
}

/** A reference read as pointing into this text: its new words, or why they cannot be made. */
type Outcome = { words: string } | { reason: string; outside?: true };

/**
 * Rewrites the "第X条" of this text in `after` (the structure after inserting, deleting or
 * moving articles, texts unchanged) from the numbers of `before` to the new ones. Throws, as
 * numberStructure does, when `after` is not in chapter order.
 */
export function renumberReferences(before: RuleSnapshot, after: RuleStructure): RenumberResult {
  const numbered = numberStructure(after);
  const oldIds = before.articles.map((a) => a.id); // index = old number - 1
  const newNumber = new Map(numbered.articles.map((a) => [a.id, a.number]));

  const follow = (numeral: string, words: string): { to: number } | { reason: string; outside?: true } => {
    const n = parseChineseNumeral(numeral);
    if (n === null) return { reason: `无法识别“${words}”中的条号，请手工核对` };
    const id = n >= 1 ? oldIds[n - 1] : undefined;
    if (id === undefined) return { reason: `本文没有${words}，请手工核对这处引用`, outside: true };
    const to = newNumber.get(id);
    return to === undefined ? { reason: `${words}已删除，请改写这处引用` } : { to };
  };

  const single = (words: string, numeral: string): Outcome => {
    const where = follow(numeral, words);
    return 'to' in where ? { words: withNumber(words, numeral, where.to) } : where;
  };

  const range = (words: string, fromNumeral: string, toNumeral: string): Outcome => {
    const cut = words.search(/[至到]/);
    const fromWords = words.slice(0, cut);
    const toWords = words.slice(cut + 1);
    const a = follow(fromNumeral, fromWords.trim());
    if ('reason' in a) return a;
    const b = follow(toNumeral, toWords.trim());
    if ('reason' in b) return b;
    // Still a range only if the surviving articles of the old range sit together, in the
    // same order, with nothing new between them (a deleted one inside merely shortens it).
    const from = parseChineseNumeral(fromNumeral)!;
    const to = parseChineseNumeral(toNumeral)!;
    const survivors = oldIds.slice(from - 1, to).flatMap((id) => newNumber.get(id) ?? []);
    if (from > to || survivors.some((x, i) => x !== a.to + i)) {
      return { reason: '这几条已不再连续排列，无法自动更新，请手工改写这处引用' };
    }
    return { words: withNumber(fromWords, fromNumeral, a.to) + words.charAt(cut) + withNumber(toWords, toNumeral, b.to) };
  };

  const unresolved: UnresolvedReference[] = [];
  const rewritten: RenumberResult['rewritten'] = [];
  const articles = numbered.articles.map((article) => {
    const report = (reference: string, reason: string) => unresolved.push({ articleId: article.id, articleLabel: article.label, reference, reason });

    // One replace call reads every reference from the original text, so 第三条→第四条 and
    // 第四条→第五条 cannot feed each other.
    const text = article.text.replace(REFERENCE, (...args: unknown[]) => {
      const words = args[0] as string;
      const index = args[args.length - 3] as number;
      const g = args[args.length - 1] as Record<string, string | undefined>;
      const scope = scopeAt(article.text, index);
      if (scope === 'other') return words;

      const outcome: Outcome =
        g.compound !== undefined ? { reason: '这种写法无法自动更新，请手工核对' } : g.single !== undefined ? single(words, g.n!) : range(words, g.from!, g.to!);

      if (scope === 'unsure') {
        // Only worth a word when reading it as this text's article would change something.
        if ('reason' in outcome ? outcome.outside : outcome.words === words) return words;
        const hint = 'words' in outcome ? `；如指本文，应改为“${outcome.words}”` : `；如指本文，${outcome.reason}`;
        report(words, `这句话前面提到了其他文件，无法确定这里指的是哪一份，未自动更新${hint}`);
        return words;
      }
      if ('reason' in outcome) {
        report(words, outcome.reason);
        return words;
      }
      return outcome.words;
    });

    if (text !== article.text) rewritten.push({ articleId: article.id, before: article.text, after: text });
    return { id: article.id, chapterId: article.chapterId, text };
  });

  return { structure: { chapters: after.chapters.map((c) => ({ ...c })), articles }, rewritten, unresolved };
}
