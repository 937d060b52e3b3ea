import { fractionWords, meets, type Comparison, type Fraction } from './fraction';
import { ruleCitation } from './citation';
import type { RuleSetDefinition } from './rule-set';

export const choices = ['赞成', '反对', '弃权'] as const;
export type Choice = (typeof choices)[number];
export const voteMethods = ['举手', '记名', '无记名'] as const;
export type VoteMethod = (typeof voteMethods)[number];

export interface PassRule {
  fraction: Fraction;
  comparison: Comparison;
  denominator: 'present' | 'roll';
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/** Paper ballots (无记名, or 记名 by ballot): 发出, 收回, 有效, 无效. A show of hands (举手) has none. */
export interface BallotCounts {
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
}

/** 应到 and the voters frozen when the vote opened (实到 with a vote, proxies included). */
export interface VoteBase {
  expected: number;
  eligible: number;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

const BALLOT_LABELS: [keyof BallotCounts, string][] = [
  ['issued', '发出选票'],
  ['returned', '收回选票'],
  ['valid', '有效票'],
  ['invalid', '无效票'],
];

/** Paper ballots must add up: issued ≤ those with a vote, returned ≤ issued, valid + invalid = returned, votes = valid. */
function ballotProblems(ballots: BallotCounts, eligible: number, cast: number, castWords: string): string[] {
  const problems: string[] = [];
  if (ballots.issued > eligible) problems.push(`发出选票 ${ballots.issued} 张，超过了有表决权的到会人数 ${eligible} 人`);
  if (ballots.returned > ballots.issued) problems.push(`收回选票 ${ballots.returned} 张，多于发出的 ${ballots.issued} 张`);
  if (ballots.valid + ballots.invalid !== ballots.returned) {
    problems.push(`有效票 ${ballots.valid} 张加无效票 ${ballots.invalid} 张应等于收回的 ${ballots.returned} 张`);
  }
  if (cast !== ballots.valid) problems.push(`${castWords}合计 ${cast} 票，应等于有效票 ${ballots.valid} 张`);
  return problems;
}

function countProblems(named: [string, number][], ballots: BallotCounts | null): string[] {
  const all = [...named, ...(ballots ? BALLOT_LABELS.map(([k, label]): [string, number] => [label, ballots[k]]) : [])];
  return all.filter(([, n]) => !isCount(n)).map(([label]) => `${label}应为不小于 0 的整数`);
}

/** Every reason the counts cannot be what the room did; empty when they add up. */
export function tallyProblems(method: VoteMethod, tally: Tally, ballots: BallotCounts | null, base: VoteBase): string[] {
  const invalid = countProblems(
    [
      ['赞成票', tally.yes],
      ['反对票', tally.no],
      ['弃权票', tally.abstain],
    ],
    ballots,
  );
  if (invalid.length) return invalid;
  const problems: string[] = [];
  const cast = tally.yes + tally.no + tally.abstain;
  if (cast > base.eligible) problems.push(`赞成、反对、弃权合计 ${cast} 票，超过了有表决权的到会人数 ${base.eligible} 人`);
  problems.push(...paperProblems(method, ballots, base.eligible, cast, '赞成、反对、弃权'));
  return problems;
}

/**
 * Ballot figures mean something only for paper ballots: required for 无记名, checked for 记名 where
 * ballots were used, refused for 举手 (a show of hands issues no ballots).
 */
function paperProblems(method: VoteMethod, ballots: BallotCounts | null, eligible: number, cast: number, castWords: string): string[] {
  if (method === '举手') return ballots ? ['举手表决不发选票，不填写发出、收回、有效、无效选票数'] : [];
  if (!ballots) return method === '无记名' ? ['无记名投票请填写发出、收回、有效和无效选票数'] : [];
  return ballotProblems(ballots, eligible, cast, castWords);
}

/** The same checks for an options vote (方案一 / 方案二 …): one count per option, and 弃权. */
export function optionsProblems(method: VoteMethod, labels: string[], votes: number[], ballots: BallotCounts | null, base: VoteBase, abstain = 0): string[] {
  if (votes.length !== labels.length) return [`请为 ${labels.length} 个方案分别填写得票数`];
  const invalid = countProblems([...votes.map((n, i): [string, number] => [`${labels[i]}得票`, n]), ['弃权票', abstain]], ballots);
  if (invalid.length) return invalid;
  const problems: string[] = [];
  const cast = votes.reduce((a, b) => a + b, 0) + abstain;
  if (cast > base.eligible) problems.push(`各方案${abstain ? '及弃权' : ''}合计 ${cast} 票，超过了有表决权的到会人数 ${base.eligible} 人`);
  problems.push(...paperProblems(method, ballots, base.eligible, cast, abstain ? '各方案及弃权' : '各方案'));
  return problems;
}

/** Display only: the threshold as a number with at most two decimals (15.5, 20, 20.67). */
export function thresholdNumber(f: Fraction, count: number): string {
  const hundredths = Math.round((f.num * count * 100) / f.den);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

export interface Outcome {
  passed: boolean;
  denominatorCount: number;
  explanation: string;
}

/** Decides a proposal by the rule set's pass rule, in integers, and explains it in the law's words. */
export function decideProposal(rule: PassRule, tieFails: boolean, tally: Tally, base: VoteBase, source: string): Outcome {
  const denominatorCount = rule.denominator === 'roll' ? base.expected : base.eligible;
  const whose = rule.denominator === 'roll' ? '应到人数' : '实到人数';
  const tie = tieFails && tally.yes === tally.no;
  const passed = !tie && meets(tally.yes, denominatorCount, rule);
  const words = fractionWords(rule.fraction);
  const number = thresholdNumber(rule.fraction, denominatorCount);
  const head = `应到 ${base.expected} 人，实到 ${base.eligible} 人，赞成 ${tally.yes} 票，反对 ${tally.no} 票，弃权 ${tally.abstain} 票`;
  let verdict: string;
  if (tie && meets(tally.yes, denominatorCount, rule)) verdict = `赞成与反对票数相同，未通过`;
  else if (rule.comparison === 'moreThan') verdict = `${passed ? '超过' : '未超过'}${whose}的${words}（${number}），${passed ? '通过' : '未通过'}`;
  else verdict = `${passed ? '达到' : '未达到'}${whose}的${words}（${number}）以上，${passed ? '通过' : '未通过'}`;
  return { passed, denominatorCount, explanation: `${head}；${verdict}。依据：${source}` };
}

export interface OptionsOutcome {
  winner: number | null;
  denominatorCount: number;
  explanation: string;
}

/**
 * An options vote (方案一 / 方案二): by majority, the option whose votes meet the pass rule wins;
 * by plurality (only where the type allows it), a single top option wins. Otherwise no option does.
 */
export function decideOptions(
  rule: PassRule,
  mode: 'majority' | 'plurality',
  labels: string[],
  votes: number[],
  base: VoteBase,
  source: string,
  abstain = 0,
): OptionsOutcome {
  const denominatorCount = rule.denominator === 'roll' ? base.expected : base.eligible;
  const list = [...labels.map((l, i) => `${l} ${votes[i] ?? 0} 票`), ...(abstain ? [`弃权 ${abstain} 票`] : [])].join('，');
  const head = `应到 ${base.expected} 人，实到 ${base.eligible} 人；${list}`;
  const whose = rule.denominator === 'roll' ? '应到人数' : '实到人数';
  const number = thresholdNumber(rule.fraction, denominatorCount);
  let winner: number | null = null;
  let verdict: string;
  if (mode === 'majority') {
    const winners = votes.map((v, i) => (meets(v, denominatorCount, rule) ? i : -1)).filter((i) => i >= 0);
    winner = winners.length === 1 ? winners[0]! : null;
    verdict =
      winner != null
        ? `${labels[winner]}获得的票数${rule.comparison === 'moreThan' ? '超过' : '达到'}${whose}的${fractionWords(rule.fraction)}（${number}），${labels[winner]}通过`
        : `没有方案达到${whose}的${fractionWords(rule.fraction)}（${number}），均未通过`;
  } else {
    const top = Math.max(0, ...votes);
    const tops = votes.map((v, i) => (v === top && top > 0 ? i : -1)).filter((i) => i >= 0);
    winner = tops.length === 1 ? tops[0]! : null;
    verdict = winner != null ? `${labels[winner]}得票最多，按本会议规则以相对多数通过` : '得票最多的方案票数相同或无人投票，没有方案通过';
  }
  return { winner, denominatorCount, explanation: `${head}；${verdict}。依据：${source}` };
}

/** A vote as the rules see it: one proposal or several options, how it is taken, 应到 and 实到. */
export interface VoteFrame extends VoteBase {
  kind: 'proposal' | 'options';
  method: VoteMethod;
  /** 方案一, 方案二 … for an options vote; empty for a proposal. */
  labels: string[];
}

/** The counts of a vote: a tally for a proposal, one number per option (and 弃权) for options; paper ballots where used. */
export interface VoteCounts {
  tally: Tally | null;
  optionVotes: number[] | null;
  /** Options vote: those who chose none of the options (弃权); absent or null = 0. */
  optionAbstain?: number | null;
  ballots: BallotCounts | null;
}

/** The parts of a meeting type's rule set a vote is decided by. */
export type VoteRules = Pick<RuleSetDefinition, 'pass' | 'tieFails' | 'optionsMode' | 'source' | 'statutory'>;

/** What the counts say: problems to fix, how many votes are not yet counted, and the outcome they would give. */
export interface VoteCheck {
  problems: string[];
  remaining: number;
  preview: string | null;
  passes: boolean | null;
}

export interface VoteDecision {
  passed: boolean;
  /** Options vote: the index of the winning option, or null. Proposal: always null. */
  winner: number | null;
  explanation: string;
}

/**
 * Decides a vote whose counts add up (checkVote found no problems). The one place a vote's
 * outcome is computed: the server when it confirms, the counting panel while numbers are typed.
 */
export function decideVote(frame: VoteFrame, rules: VoteRules, counts: VoteCounts): VoteDecision {
  const base = { expected: frame.expected, eligible: frame.eligible };
  const source = ruleCitation(rules);
  if (frame.kind === 'proposal') {
    if (!counts.tally) throw new Error('decideVote: a proposal vote needs its tally');
    const outcome = decideProposal(rules.pass, rules.tieFails, counts.tally, base, source);
    return { passed: outcome.passed, winner: null, explanation: outcome.explanation };
  }
  if (!counts.optionVotes) throw new Error('decideVote: an options vote needs its option votes');
  const outcome = decideOptions(rules.pass, rules.optionsMode, frame.labels, counts.optionVotes, base, source, counts.optionAbstain ?? 0);
  return { passed: outcome.winner != null, winner: outcome.winner, explanation: outcome.explanation };
}

/** Checks the counts against the room (problems, votes left to count) and, when they add up, previews the outcome. */
export function checkVote(frame: VoteFrame, rules: VoteRules, counts: VoteCounts): VoteCheck {
  const base = { expected: frame.expected, eligible: frame.eligible };
  const ballots = counts.ballots;
  const paper = frame.method !== '举手' && ballots != null;
  const votes = frame.kind === 'proposal' ? counts.tally : counts.optionVotes;
  if (!votes) return { problems: [], remaining: frame.eligible, preview: null, passes: null };
  const abstain = counts.optionAbstain ?? 0;
  const cast = Array.isArray(votes) ? votes.reduce((a, b) => a + b, 0) + abstain : votes.yes + votes.no + votes.abstain;
  const remaining = (paper ? ballots.valid : frame.eligible) - cast;
  const problems = Array.isArray(votes)
    ? optionsProblems(frame.method, frame.labels, votes, ballots, base, abstain)
    : tallyProblems(frame.method, votes, ballots, base);
  if (problems.length) return { problems, remaining, preview: null, passes: null };
  const outcome = decideVote(frame, rules, { ...counts, ballots });
  return { problems, remaining, preview: outcome.explanation, passes: outcome.passed };
}
