// The sentence the minutes use to say the meeting could decide, at the boundaries of the law's
// words: 以上 includes the number itself, 过半数 does not (《民法典》第1259条).
import { describe, expect, it } from 'vitest';
import { quorumSentence } from '../../core/documents/minutes-wording';
import type { Threshold } from '../../core/rules/fraction';

const TWO_THIRDS: Threshold = { fraction: { num: 2, den: 3 }, comparison: 'atLeast' };
const MAJORITY: Threshold = { fraction: { num: 1, den: 2 }, comparison: 'moreThan' };
const HALF_OR_MORE: Threshold = { fraction: { num: 1, den: 2 }, comparison: 'atLeast' };
const LAW = '《中华人民共和国村民委员会组织法》第二十五条';

const say = (expected: number, present: number, threshold: Threshold | null, citation = LAW) =>
  quorumSentence({ expected, present, quorum: { threshold, citation } });

describe('法定人数的说法', () => {
  it('says 超过 above two-thirds, 达到 at exactly two-thirds, and how many were needed below', () => {
    expect(say(45, 31, TWO_THIRDS)).toBe(`实到 31 人，超过应到人数的三分之二，符合法定人数，会议有效（依据：${LAW}）`);
    expect(say(45, 30, TWO_THIRDS)).toBe(`实到 30 人，达到应到人数的三分之二，符合法定人数，会议有效（依据：${LAW}）`);
    expect(say(45, 29, TWO_THIRDS)).toBe(`实到 29 人，不足应到人数的三分之二（至少须 30 人），不符合法定人数，会议不能作出决定（依据：${LAW}）`);
  });

  it('counts exactly half as not enough for 过半数 and enough for 半数以上 (党员大会)', () => {
    expect(say(40, 20, MAJORITY)).toContain('未超过应到人数的半数（至少须 21 人）');
    expect(say(40, 21, MAJORITY)).toContain('超过应到人数的半数，符合法定人数');
    expect(say(40, 20, HALF_OR_MORE)).toContain('达到应到人数的半数，符合法定人数');
  });

  it('says plainly where the rule sets no quorum, and leaves out an empty citation', () => {
    expect(say(12, 7, null, '')).toBe('实到 7 人；本类会议没有法定人数要求');
  });
});
