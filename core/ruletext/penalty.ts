// Flags penalty wording a convention may not carry (罚款、停水停电、开除村籍 …). The list is
// data the committee can edit; the match is literal and deliberately blunt: it also flags
// "严禁罚款", because a person reviews every hit and clears it with a reason.

import data from './penalty-terms.json';
import type { PenaltyHit, PenaltyTerm } from './types';

/** What "…" stands for: a few characters within one clause. */
const GAP = '[^。；！？\\n]{1,15}?';
const MAX_TERM = 20;

export function defaultPenaltyTerms(): PenaltyTerm[] {
  return data.terms.map((t) => ({ term: t.term, reason: t.reason }));
}

/** Chinese input methods type "……" for an ellipsis, and some people type "...": all are one gap. */
function normalize(term: string): string {
  return term.trim().replace(/(?:…|\.{3})+/g, '…');
}

/** Why a term typed by the user cannot be used, or null when it can. */
export function penaltyTermProblem(term: string): string | null {
  const t = normalize(term);
  if (t === '') return '请填写要检查的词语';
  if (Array.from(t).length > MAX_TERM) return `词语太长，最多 ${MAX_TERM} 个字`;
  if (t.startsWith('…') || t.endsWith('…')) return '“…”只能放在两个词之间，如“取消…资格”';
  if (t.split('…').length - 1 > 2) return '一个词语里最多用两处“…”';
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Every article of every rule document is checked against every term (the rules list does it
// for all documents at once): each term's pattern is compiled once. matchAll copies the regex, so
// sharing one is safe.
const patterns = new Map<string, RegExp | null>();

function patternOf(term: string): RegExp | null {
  let pattern = patterns.get(term);
  if (pattern === undefined) {
    pattern = penaltyTermProblem(term) !== null ? null : new RegExp(normalize(term).split('…').map(escape).join(GAP), 'gu');
    if (patterns.size >= 500) patterns.clear();
    patterns.set(term, pattern);
  }
  return pattern;
}

export function findPenaltyWording(text: string, terms: PenaltyTerm[]): PenaltyHit[] {
  const found: PenaltyHit[] = [];
  for (const t of terms) {
    const pattern = patternOf(t.term);
    if (!pattern) continue;
    for (const m of text.matchAll(pattern)) found.push({ term: t.term, reason: t.reason, match: m[0], index: m.index });
  }
  // Where hits overlap the longer term wins ("停水停电", not also "停水" and "停电"), counted
  // without its gap; between equals the tighter match, so in "取消其低保待遇和评优资格" the hit
  // is "取消其低保待遇" and not a 取消…资格 stretched over it to reach "评优资格".
  const literal = (h: PenaltyHit) => normalize(h.term).replace(/…/g, '').length;
  found.sort((p, q) => literal(q) - literal(p) || p.match.length - q.match.length || p.index - q.index);
  const kept: PenaltyHit[] = [];
  for (const h of found) {
    const end = h.index + h.match.length;
    if (kept.every((k) => end <= k.index || h.index >= k.index + k.match.length)) kept.push(h);
  }
  return kept.sort((p, q) => p.index - q.index);
}
