// Compares two numbered versions of a rule text article by article, for the 修订对照表 and
// the on-screen comparison. Articles are followed by id, so a moved article is shown as moved
// rather than as one deletion and one insertion.

import { diffChars } from 'diff';
import type { ArticleComparison, ChapterComparison, NumberedArticle, NumberedChapter, RuleComparison, RuleSnapshot, TextPart } from './types';

/** Below this share of common characters two texts are different rules, not one edited. */
const SIMILAR = 0.6;

function toParts(before: string, after: string): TextPart[] {
  return diffChars(before, after).map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
}

/**
 * Length of the longest common subsequence, bit-parallel (Allison–Dix / Hyyrö): what diffChars
 * keeps in common, since its Myers diff is a shortest edit script, without building the diff.
 * Texts imported separately share no ids, so every deleted article is measured against every
 * inserted one: 80 × 80 articles of 120 characters took 16 s through diffChars, 0.2 s here.
 */
function commonLength(x: string[], y: string[]): number {
  const words = Math.ceil(x.length / 32);
  const masks = new Map<string, Uint32Array>();
  x.forEach((c, i) => {
    let m = masks.get(c);
    if (!m) masks.set(c, (m = new Uint32Array(words)));
    m[i >>> 5]! |= 1 << (i & 31);
  });
  const v = new Uint32Array(words).fill(0xffffffff);
  for (const c of y) {
    const m = masks.get(c);
    if (!m) continue;
    let carry = 0;
    for (let k = 0; k < words; k++) {
      const old = v[k]!;
      const sum = old + ((old & m[k]!) >>> 0) + carry; // up to 33 bits; `|` keeps the low 32
      carry = sum > 0xffffffff ? 1 : 0;
      v[k] = (sum | (old & ~m[k]!)) >>> 0;
    }
  }
  let zeros = 0;
  for (let i = 0; i < x.length; i++) if ((v[i >>> 5]! & (1 << (i & 31))) === 0) zeros++;
  return zeros;
}

/** Common characters (as diffChars counts them) over the longer text. */
export function similarity(x: string, y: string): number {
  const xs = Array.from(x);
  const ys = Array.from(y);
  const longer = Math.max(xs.length, ys.length);
  if (longer === 0) return 0; // two empty texts say nothing about being the same rule
  if (x === y) return 1;
  return commonLength(xs, ys) / longer;
}

/**
 * Pairs items of a with items of b: by id, then the leftovers by similar text (a text
 * imported separately has new ids throughout). Returns a index → b index.
 */
function pairUp<T extends { id: number }>(a: T[], b: T[], text: (x: T) => string): Map<number, number> {
  const bIndex = new Map(b.map((x, j) => [x.id, j]));
  const pairs = new Map<number, number>();
  a.forEach((x, i) => {
    const j = bIndex.get(x.id);
    if (j !== undefined) pairs.set(i, j);
  });
  const takenB = new Set(pairs.values());
  const candidates: { i: number; j: number; s: number }[] = [];
  a.forEach((x, i) => {
    if (pairs.has(i)) return;
    b.forEach((y, j) => {
      if (takenB.has(j)) return;
      const s = similarity(text(x), text(y));
      if (s >= SIMILAR) candidates.push({ i, j, s });
    });
  });
  // Most similar first; among equals the nearest in position, so repeated wording pairs in order.
  candidates.sort((p, q) => q.s - p.s || Math.abs(p.i - p.j) - Math.abs(q.i - q.j) || p.i - q.i || p.j - q.j);
  for (const { i, j } of candidates) {
    if (pairs.has(i) || takenB.has(j)) continue;
    pairs.set(i, j);
    takenB.add(j);
  }
  return pairs;
}

/** Indices (into seq) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = []; // tails[k] = index of the smallest tail of a run of length k+1
  const prev: number[] = [];
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/** The a indices of paired items that kept their relative order; the others moved. */
function unmoved(pairs: Map<number, number>): Set<number> {
  const inOrder = [...pairs].sort(([i], [k]) => i - k);
  const keep = longestIncreasing(inOrder.map(([, j]) => j));
  return new Set(inOrder.filter((_, k) => keep.has(k)).map(([i]) => i));
}

/**
 * Rows in b's order; an unpaired a item goes right after the b row of the nearest item before
 * it in a that is still there and did not move (so where it used to be), or first when there
 * is none. A moved neighbour is no landmark: the row would travel with it.
 */
function rowOrder(aLength: number, bLength: number, pairs: Map<number, number>): { ai: number | null; bj: number | null }[] {
  const stay = unmoved(pairs);
  const aOf = new Map([...pairs].map(([i, j]) => [j, i]));
  const dropped = new Map<number, number[]>(); // anchor b index (-1 = top) → a indices
  let anchor = -1;
  for (let i = 0; i < aLength; i++) {
    const j = pairs.get(i);
    if (j !== undefined) {
      if (stay.has(i)) anchor = j;
    } else dropped.set(anchor, [...(dropped.get(anchor) ?? []), i]);
  }
  const rows: { ai: number | null; bj: number | null }[] = (dropped.get(-1) ?? []).map((ai) => ({ ai, bj: null }));
  for (let j = 0; j < bLength; j++) {
    rows.push({ ai: aOf.get(j) ?? null, bj: j });
    for (const ai of dropped.get(j) ?? []) rows.push({ ai, bj: null });
  }
  return rows;
}

function changeOf(before: string | null, after: string | null): ArticleComparison['change'] {
  if (before === null) return 'inserted';
  if (after === null) return 'deleted';
  return before === after ? 'same' : 'changed';
}

/** Compares version a (older) with version b (newer), rows in b's reading order. */
export function compareSnapshots(a: RuleSnapshot, b: RuleSnapshot): RuleComparison {
  const chapterPairs = pairUp(a.chapters, b.chapters, (c) => c.title);
  const chapters: ChapterComparison[] = rowOrder(a.chapters.length, b.chapters.length, chapterPairs).map(({ ai, bj }) => {
    const x = ai === null ? null : a.chapters[ai]!;
    const y = bj === null ? null : b.chapters[bj]!;
    const side = (c: NumberedChapter | null) => (c === null ? null : { chapterId: c.id, label: c.label, title: c.title });
    return { change: changeOf(x?.title ?? null, y?.title ?? null), before: side(x), after: side(y), parts: toParts(x?.title ?? '', y?.title ?? '') };
  });

  // Which b chapter each a chapter became, to tell an article that changed chapter.
  const chapterInB = new Map([...chapterPairs].map(([i, j]) => [a.chapters[i]!.id, b.chapters[j]!.id]));
  const pairs = pairUp(a.articles, b.articles, (x) => x.text);
  const stay = unmoved(pairs);

  const side = (s: RuleSnapshot, x: NumberedArticle | null) => {
    if (x === null) return null;
    const c = s.chapters.find((ch) => ch.id === x.chapterId) ?? null;
    return { articleId: x.id, label: x.label, chapterLabel: c?.label ?? null, chapterTitle: c?.title ?? null, text: x.text };
  };

  const articles: ArticleComparison[] = rowOrder(a.articles.length, b.articles.length, pairs).map(({ ai, bj }) => {
    const x = ai === null ? null : a.articles[ai]!;
    const y = bj === null ? null : b.articles[bj]!;
    const otherChapter = x !== null && y !== null && x.chapterId !== null && y.chapterId !== null && chapterInB.get(x.chapterId) !== y.chapterId;
    return {
      change: changeOf(x?.text ?? null, y?.text ?? null),
      moved: x !== null && y !== null && (!stay.has(ai!) || otherChapter),
      renumbered: x !== null && y !== null && x.label !== y.label,
      before: side(a, x),
      after: side(b, y),
      parts: toParts(x?.text ?? '', y?.text ?? ''),
    };
  });

  const counts = { same: 0, changed: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0 };
  for (const r of articles) {
    counts[r.change]++;
    if (r.moved) counts.moved++;
    if (r.renumbered) counts.renumbered++;
  }
  return { articles, chapters, counts };
}
