import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkVote, decideOptions, decideProposal, decideVote, tallyProblems, thresholdNumber, type PassRule, type VoteRules } from '../../core/rules/tally';

const present: PassRule = { fraction: { num: 1, den: 2 }, comparison: 'moreThan', denominator: 'present' };
const roll: PassRule = { ...present, denominator: 'roll' };
const twoThirds: PassRule = { fraction: { num: 2, den: 3 }, comparison: 'atLeast', denominator: 'present' };
const src = '《村民委员会组织法》第三十条';

describe('表决结果', () => {
  it('explains the issue example in the law’s words', () => {
    const r = decideProposal(present, true, { yes: 16, no: 10, abstain: 3 }, { expected: 45, eligible: 31 }, src);
    expect(r.passed).toBe(true);
    expect(r.explanation).toBe(
      '应到 45 人，实到 31 人，赞成 16 票，反对 10 票，弃权 3 票；超过实到人数的半数（15.5），通过。依据：《村民委员会组织法》第三十条',
    );
    const f = decideProposal(present, true, { yes: 15, no: 10, abstain: 4 }, { expected: 45, eligible: 31 }, src);
    expect(f.passed).toBe(false);
    expect(f.explanation).toContain('未超过实到人数的半数（15.5），未通过');
  });

  it.each([
    // rule, yes, no, expected, eligible, passed
    [present, 16, 15, 45, 31, true],
    [present, 15, 15, 45, 30, false], // exactly half is not 过半数
    [present, 16, 0, 45, 30, true],
    [roll, 20, 0, 40, 25, false], // more than half of those present, not of the roll
    [roll, 21, 0, 40, 25, true],
    [twoThirds, 20, 0, 45, 30, true], // exactly two thirds is 三分之二以上
    [twoThirds, 19, 0, 45, 30, false],
  ] as const)('%o yes %i no %i of 应到 %i 实到 %i → %s', (rule, yes, no, expected, eligible, passed) => {
    expect(decideProposal(rule, true, { yes, no, abstain: 0 }, { expected, eligible }, src).passed).toBe(passed);
  });

  it('fails a tie even where the threshold would be met', () => {
    const half: PassRule = { fraction: { num: 1, den: 2 }, comparison: 'atLeast', denominator: 'present' };
    const r = decideProposal(half, true, { yes: 10, no: 10, abstain: 0 }, { expected: 20, eligible: 20 }, src);
    expect(r.passed).toBe(false);
    expect(r.explanation).toContain('赞成与反对票数相同，未通过');
  });

  it('checks paper ballots add up', () => {
    const base = { expected: 45, eligible: 31 };
    expect(tallyProblems('无记名', { yes: 16, no: 10, abstain: 3 }, { issued: 31, returned: 31, valid: 29, invalid: 2 }, base)).toEqual([]);
    expect(tallyProblems('无记名', { yes: 16, no: 10, abstain: 3 }, { issued: 31, returned: 32, valid: 30, invalid: 2 }, base)).toContain(
      '收回选票 32 张，多于发出的 31 张',
    );
    expect(tallyProblems('无记名', { yes: 16, no: 10, abstain: 3 }, { issued: 31, returned: 31, valid: 30, invalid: 2 }, base).join()).toContain(
      '应等于收回的 31 张',
    );
    expect(tallyProblems('举手', { yes: 20, no: 10, abstain: 2 }, null, base)).toEqual(['赞成、反对、弃权合计 32 票，超过了有表决权的到会人数 31 人']);
    expect(tallyProblems('举手', { yes: -1, no: 0, abstain: 0 }, null, base)).toEqual(['赞成票应为不小于 0 的整数']);
  });

  it('decides options by majority, or says none reached it', () => {
    const base = { expected: 45, eligible: 31 };
    expect(decideOptions(present, 'majority', ['方案一', '方案二'], [17, 14], base, src)).toMatchObject({ winner: 0 });
    const none = decideOptions(present, 'majority', ['方案一', '方案二', '方案三'], [12, 10, 9], base, src);
    expect(none.winner).toBeNull();
    expect(none.explanation).toContain('没有方案达到实到人数的半数（15.5），均未通过');
    expect(decideOptions(present, 'plurality', ['方案一', '方案二', '方案三'], [12, 10, 9], base, src).winner).toBe(0);
    expect(decideOptions(present, 'plurality', ['方案一', '方案二'], [12, 12], base, src).winner).toBeNull();
  });

  it('formats thresholds for display only', () => {
    expect(thresholdNumber({ num: 1, den: 2 }, 31)).toBe('15.5');
    expect(thresholdNumber({ num: 2, den: 3 }, 31)).toBe('20.67');
    expect(thresholdNumber({ num: 1, den: 2 }, 40)).toBe('20');
  });

  it('for any valid tally the outcome is the law’s inequality, and invalid tallies are refused', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 500 })
          .chain((expected) =>
            fc
              .integer({ min: 0, max: expected })
              .chain((eligible) => fc.tuple(fc.constant(expected), fc.constant(eligible), fc.nat(eligible), fc.nat(eligible), fc.nat(eligible))),
          ),
        fc.constantFrom(present, roll, twoThirds),
        ([expected, eligible, yes, no, abstain], rule) => {
          const base = { expected, eligible };
          const problems = tallyProblems('举手', { yes, no, abstain }, null, base);
          if (yes + no + abstain > eligible) return problems.length > 0;
          const d = rule.denominator === 'roll' ? expected : eligible;
          // Independent statement of the law: 过半数 is 2·yes > d; 三分之二以上 is 3·yes ≥ 2·d; a tie fails.
          const law = rule === twoThirds ? 3 * yes >= 2 * d : 2 * yes > d;
          const expectedPass = law && yes !== no;
          return problems.length === 0 && decideProposal(rule, true, { yes, no, abstain }, base, src).passed === expectedPass;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('一次表决的核对与结果（服务端与计票界面共用）', () => {
  const rules: VoteRules = {
    pass: present,
    tieFails: true,
    optionsMode: 'majority',
    statutory: true,
    source: { law: '《村民委员会组织法》', articles: '第三十条', text: '' },
  };
  const paper = { kind: 'proposal' as const, method: '无记名' as const, expected: 45, eligible: 31, labels: [] };

  it('previews the outcome once the paper ballots add up', () => {
    const c = checkVote(paper, rules, {
      tally: { yes: 16, no: 10, abstain: 3 },
      optionVotes: null,
      ballots: { issued: 31, returned: 31, valid: 29, invalid: 2 },
    });
    expect(c).toMatchObject({ problems: [], remaining: 0, passes: true });
    expect(c.preview).toBe(decideProposal(present, true, { yes: 16, no: 10, abstain: 3 }, { expected: 45, eligible: 31 }, src).explanation);
  });

  it('lists problems and gives no outcome while the counts do not add up', () => {
    const c = checkVote(paper, rules, {
      tally: { yes: 16, no: 10, abstain: 3 },
      optionVotes: null,
      ballots: { issued: 31, returned: 31, valid: 30, invalid: 2 },
    });
    expect(c.problems.length).toBeGreaterThan(0);
    expect(c).toMatchObject({ remaining: 1, preview: null, passes: null });
  });

  it('has nothing to say before any count is saved', () => {
    expect(checkVote({ ...paper, method: '举手' }, rules, { tally: null, optionVotes: null, ballots: null })).toEqual({
      problems: [],
      remaining: 31,
      preview: null,
      passes: null,
    });
  });

  it('names the winning option of an options vote', () => {
    const frame = { kind: 'options' as const, method: '举手' as const, expected: 45, eligible: 31, labels: ['方案一', '方案二'] };
    expect(decideVote(frame, rules, { tally: null, optionVotes: [17, 14], ballots: null })).toMatchObject({ passed: true, winner: 0 });
    expect(checkVote(frame, rules, { tally: null, optionVotes: [17, 14], ballots: null })).toMatchObject({ remaining: 0, passes: true });
  });

  it('asks ballot figures of paper ballots only: required for 无记名, checked for 记名 by ballot, refused for 举手', () => {
    const tally = { yes: 16, no: 10, abstain: 3 };
    const ballots = { issued: 31, returned: 31, valid: 29, invalid: 2 };
    expect(checkVote({ ...paper, method: '举手' }, rules, { tally, optionVotes: null, ballots }).problems).toEqual([
      '举手表决不发选票，不填写发出、收回、有效、无效选票数',
    ]);
    expect(checkVote({ ...paper, method: '记名' }, rules, { tally, optionVotes: null, ballots: null }).problems).toEqual([]);
    expect(checkVote({ ...paper, method: '记名' }, rules, { tally, optionVotes: null, ballots })).toMatchObject({ problems: [], remaining: 0 });
    expect(checkVote({ ...paper, method: '记名' }, rules, { tally, optionVotes: null, ballots: { ...ballots, valid: 30, invalid: 1 } }).problems).toContain(
      '赞成、反对、弃权合计 29 票，应等于有效票 30 张',
    );
    expect(checkVote(paper, rules, { tally, optionVotes: null, ballots: null }).problems).toContain('无记名投票请填写发出、收回、有效和无效选票数');
  });

  it('counts 弃权 of an options vote against those present and the valid ballots, and names it in the explanation', () => {
    const frame = { kind: 'options' as const, method: '无记名' as const, expected: 45, eligible: 31, labels: ['方案一', '方案二'] };
    const ballots = { issued: 31, returned: 31, valid: 31, invalid: 0 };
    expect(checkVote(frame, rules, { tally: null, optionVotes: [17, 10], optionAbstain: 4, ballots })).toMatchObject({
      problems: [],
      remaining: 0,
      passes: true,
    });
    expect(checkVote(frame, rules, { tally: null, optionVotes: [17, 10], optionAbstain: 5, ballots }).problems).toContain(
      '各方案及弃权合计 32 票，超过了有表决权的到会人数 31 人',
    );
    expect(decideVote(frame, rules, { tally: null, optionVotes: [15, 10], optionAbstain: 6, ballots }).explanation).toContain(
      '方案一 15 票，方案二 10 票，弃权 6 票；没有方案达到实到人数的半数（15.5）',
    );
  });
});
