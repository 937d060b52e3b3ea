import type { RuleSetDefinition } from '../../../core/rules/rule-set';
import { checkVote, type BallotCounts, type Tally, type VoteFrame } from '../../../core/rules/tally';
import type { SavedCounts, Vote } from '../../../core/contract/votes';

/** What the secretary has typed so far; null = the box is still empty. */
export interface CountsDraft {
  yes: number | null;
  no: number | null;
  abstain: number | null;
  options: (number | null)[];
  /** Options vote: 弃权 (chose none of the options). */
  optionAbstain: number | null;
  /** Paper ballots used: always for 无记名, by choice for 记名, never for 举手. */
  ballotsUsed: boolean;
  issued: number | null;
  returned: number | null;
  valid: number | null;
  invalid: number | null;
  /** 记名: personId → choice. */
  roll: Record<number, string>;
}

export interface LocalCheck {
  /** Nothing typed yet: show no problems, no result. */
  empty: boolean;
  problems: string[];
  remaining: number;
  /** The explanation the counts would give, once they add up. */
  preview: string | null;
  passes: boolean | null;
  /** The counts as the server wants them (only meaningful when there are no problems). */
  tally: Tally | null;
  optionVotes: number[] | null;
  optionAbstain: number | null;
  ballots: BallotCounts | null;
}

const n = (v: number | null | undefined) => v ?? 0;

export const BALLOTS_MISSING = '请把发出、收回、有效、无效选票数都填上（没有无效票请填 0）';

export function draftFromVote(v: Vote): CountsDraft {
  const roll: Record<number, string> = {};
  for (const c of v.rollCall) roll[c.personId] = c.choice;
  return {
    yes: v.tally?.yes ?? null,
    no: v.tally?.no ?? null,
    abstain: v.tally?.abstain ?? null,
    options: v.options.map((_, i) => v.optionVotes?.[i] ?? null),
    optionAbstain: v.optionAbstain ?? null,
    ballotsUsed: v.method === '无记名' || (v.method === '记名' && v.ballots != null),
    issued: v.ballots?.issued ?? null,
    returned: v.ballots?.returned ?? null,
    valid: v.ballots?.valid ?? null,
    invalid: v.ballots?.invalid ?? null,
    roll,
  };
}

/** Whether the vote already has counts saved (a further save is a correction, 唱票复核). */
export function hasSavedCounts(v: Vote): boolean {
  return v.kind === 'proposal' ? v.tally != null : v.optionVotes != null;
}

/**
 * The server's own check (core/rules/tally `checkVote`) on what has been typed so far, so the
 * numbers answer as they are typed; only "nothing typed yet" and "a ballot box still empty"
 * are decided here.
 */
export function checkDraft(v: Vote, def: RuleSetDefinition, d: CountsDraft): LocalCheck {
  const paper = v.method === '无记名' || (v.method === '记名' && d.ballotsUsed);
  const ballots: BallotCounts | null = paper ? { issued: n(d.issued), returned: n(d.returned), valid: n(d.valid), invalid: n(d.invalid) } : null;
  const labels = v.options.map((o) => o.label);
  const frame: VoteFrame = { kind: v.kind, method: v.method, expected: v.expected, eligible: v.eligible, labels };
  const ballotsMissing = paper && [d.issued, d.returned, d.valid, d.invalid].some((x) => x == null);
  const chosen = Object.values(d.roll);

  let tally: Tally | null = null;
  let optionVotes: number[] | null = null;
  let optionAbstain: number | null = null;
  let empty: boolean;
  if (v.kind === 'proposal') {
    if (v.method === '记名') {
      tally = {
        yes: chosen.filter((c) => c === '赞成').length,
        no: chosen.filter((c) => c === '反对').length,
        abstain: chosen.filter((c) => c === '弃权').length,
      };
      empty = chosen.length === 0;
    } else {
      tally = { yes: n(d.yes), no: n(d.no), abstain: n(d.abstain) };
      empty = [d.yes, d.no, d.abstain, ...(paper ? [d.issued, d.returned, d.valid, d.invalid] : [])].every((x) => x == null);
    }
  } else if (v.method === '记名') {
    optionVotes = labels.map((l) => chosen.filter((c) => c === l).length);
    optionAbstain = chosen.filter((c) => c === '弃权').length;
    empty = chosen.length === 0;
  } else {
    optionVotes = labels.map((_, i) => n(d.options[i]));
    optionAbstain = n(d.optionAbstain);
    empty = [...d.options, d.optionAbstain, ...(paper ? [d.issued, d.returned, d.valid, d.invalid] : [])].every((x) => x == null);
  }
  const counts = { tally, optionVotes, optionAbstain, ballots };
  const check = checkVote(frame, def, counts);
  if (empty) return { empty, problems: [], remaining: v.eligible, preview: null, passes: null, ...counts };
  if (ballotsMissing) return { empty, problems: [BALLOTS_MISSING], remaining: check.remaining, preview: null, passes: null, ...counts };
  return { empty, ...check, ...counts };
}

/** Whether the typed counts differ from what the server has saved. */
export function draftDiffers(v: Vote, d: CountsDraft): boolean {
  const saved = draftFromVote(v);
  const paper = (x: CountsDraft) => (x.ballotsUsed ? [x.issued, x.returned, x.valid, x.invalid] : []);
  if (v.method === '记名') {
    const a = Object.entries(d.roll).sort();
    const b = Object.entries(saved.roll).sort();
    return JSON.stringify(a) !== JSON.stringify(b) || d.ballotsUsed !== saved.ballotsUsed || JSON.stringify(paper(d)) !== JSON.stringify(paper(saved));
  }
  const pick = (x: CountsDraft) => (v.kind === 'proposal' ? [x.yes, x.no, x.abstain] : [...x.options, x.optionAbstain ?? 0]).concat(paper(x));
  return JSON.stringify(pick(d)) !== JSON.stringify(pick(saved));
}

/** One saved tally from votes.history, in words: "赞成 16，反对 10，弃权 3；发出 31 张…". */
export function describeSavedCounts(x: SavedCounts | null, labels: string[]): string {
  if (!x) return '（无）';
  const parts: string[] = [];
  if (x.optionVotes)
    parts.push(
      [...x.optionVotes.map((c, i) => `${labels[i] ?? `方案${i + 1}`} ${c} 票`), ...(x.optionAbstain ? [`弃权 ${x.optionAbstain} 票`] : [])].join('，'),
    );
  if (x.tally) parts.push(`赞成 ${x.tally.yes} 票，反对 ${x.tally.no} 票，弃权 ${x.tally.abstain} 票`);
  if (x.ballots) parts.push(`发出 ${x.ballots.issued} 张，收回 ${x.ballots.returned} 张，有效 ${x.ballots.valid} 张，无效 ${x.ballots.invalid} 张`);
  return parts.join('；') || '（无）';
}
