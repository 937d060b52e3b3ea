import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meets, minimumCount, thresholdWords, type Threshold } from '../../core/rules/fraction';

const twoThirdsAtLeast: Threshold = { fraction: { num: 2, den: 3 }, comparison: 'atLeast' };
const moreThanHalf: Threshold = { fraction: { num: 1, den: 2 }, comparison: 'moreThan' };

describe('法律计数用语（民法典第1259条）', () => {
  it('三分之二以上 includes exactly two thirds: 45 members, 30 present meets, 29 does not', () => {
    expect(meets(30, 45, twoThirdsAtLeast)).toBe(true);
    expect(meets(29, 45, twoThirdsAtLeast)).toBe(false);
    expect(minimumCount(45, twoThirdsAtLeast)).toBe(30);
    expect(minimumCount(44, twoThirdsAtLeast)).toBe(30); // 29.33… rounds up
  });

  it('过半数 excludes exactly one half: 31 present, 16 ayes pass, 15 do not; 30 present, 15 fail', () => {
    expect(meets(16, 31, moreThanHalf)).toBe(true);
    expect(meets(15, 31, moreThanHalf)).toBe(false);
    expect(meets(15, 30, moreThanHalf)).toBe(false); // a tie fails
    expect(minimumCount(30, moreThanHalf)).toBe(16);
    expect(minimumCount(31, moreThanHalf)).toBe(16);
  });

  it('words the thresholds as the law does', () => {
    expect(thresholdWords(twoThirdsAtLeast)).toBe('三分之二以上');
    expect(thresholdWords(moreThanHalf)).toBe('过半数');
    expect(thresholdWords({ fraction: { num: 4, den: 5 }, comparison: 'atLeast' })).toBe('五分之四以上');
    expect(thresholdWords({ fraction: { num: 1, den: 10 }, comparison: 'atLeast' })).toBe('十分之一以上');
  });

  it('minimumCount is exactly the boundary of meets, for any fraction and total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((den) => fc.tuple(fc.integer({ min: 1, max: den }), fc.constant(den))),
        fc.constantFrom<'atLeast' | 'moreThan'>('atLeast', 'moreThan'),
        fc.integer({ min: 0, max: 100000 }),
        ([num, den], comparison, total) => {
          const t = { fraction: { num, den }, comparison };
          const min = minimumCount(total, t);
          return meets(min, total, t) && (min === 0 || !meets(min - 1, total, t));
        },
      ),
    );
  });
});
