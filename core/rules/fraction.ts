/**
 * Counting words of the law (《民法典》第1259条): "以上" includes the number itself, "超过" and
 * "过半数" do not. Everything here is integer arithmetic: a fraction is compared by
 * cross-multiplying, never by dividing.
 */
import { chineseNumeral } from '../documents/numerals';

export interface Fraction {
  num: number;
  den: number;
}

/** 'atLeast' = 以上 (≥), 'moreThan' = 超过 / 过半数 (>). */
export type Comparison = 'atLeast' | 'moreThan';

export interface Threshold {
  fraction: Fraction;
  comparison: Comparison;
}

export function isValidFraction(f: Fraction): boolean {
  return Number.isInteger(f.num) && Number.isInteger(f.den) && f.num > 0 && f.den > 0 && f.num <= f.den;
}

/** Whether `count` out of `total` meets the threshold. */
export function meets(count: number, total: number, t: Threshold): boolean {
  const lhs = count * t.fraction.den;
  const rhs = t.fraction.num * total;
  return t.comparison === 'atLeast' ? lhs >= rhs : lhs > rhs;
}

/** The smallest whole count that meets the threshold out of `total`. */
export function minimumCount(total: number, t: Threshold): number {
  const { num, den } = t.fraction;
  const product = num * total;
  if (t.comparison === 'atLeast') return Math.floor((product + den - 1) / den);
  return Math.floor(product / den) + 1;
}

/** 1/2 → 半数, 2/3 → 三分之二, 4/5 → 五分之四. */
export function fractionWords(f: Fraction): string {
  if (f.num * 2 === f.den) return '半数';
  if (f.num === f.den) return '全部';
  return `${chineseNumeral(f.den)}分之${chineseNumeral(f.num)}`;
}

/** The threshold as the law words it: "过半数", "三分之二以上", "超过五分之四". */
export function thresholdWords(t: Threshold): string {
  const words = fractionWords(t.fraction);
  if (t.comparison === 'atLeast') return `${words}以上`;
  return words === '半数' ? '过半数' : `超过${words}`;
}
