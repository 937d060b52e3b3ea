const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/**
 * Chinese numerals for headings: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九,
 * 100 → 一百, 101 → 一百零一, 110 → 一百一十, 1005 → 一千零五. A meeting with more than 99
 * agenda items is rare but not impossible, so this goes up to 9999.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumeral: ${n} is not a whole number from 1 to 9999`);
  const digits = String(n).split('').map(Number);
  const places = digits.length;
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[places - 1 - i]!;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十一 rather than 一十一 when the number starts with the tens.
    out += d === 1 && unit === '十' && i === 0 ? unit : DIGITS[d]! + unit;
  });
  return out;
}

/** The heading prefixes of GB/T 9704 §7.3.3: 一、 (level 1), （一） (level 2). */
export const level1 = (n: number) => `${chineseNumeral(n)}、`;
export const level2 = (n: number) => `（${chineseNumeral(n)}）`;
