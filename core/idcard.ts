import { isRealIsoDate } from './contract/common';
import type { Gender } from './contract/common';
import { DEFAULT_TIME_ZONE, todayIn } from './clock';

// GB 11643-1999: weights for the first 17 digits, and the check character for (sum mod 11).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdCheck = { ok: true; idNumber: string; birthDate: string; gender: Gender } | { ok: false; reason: string };

/**
 * Validates an 18-digit citizen ID number and derives birth date and gender from it. `today` is
 * the calendar date (YYYY-MM-DD, from the call's clock) or an instant read in China time.
 */
export function checkIdNumber(raw: string, today: string | Date = new Date()): IdCheck {
  const idNumber = raw.trim().replace(/\s+/g, '').toUpperCase().replace(/Ｘ/g, 'X');
  if (/^\d{15}$/.test(idNumber)) {
    return { ok: false, reason: '这是15位旧身份证号，请换成18位新号码' };
  }
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return { ok: false, reason: `身份证号应为18位（前17位是数字，最后一位是数字或X），现在是${idNumber.length}位` };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(idNumber[i]) * WEIGHTS[i]!;
  const expected = CHECK_CHARS[sum % 11]!;
  if (idNumber[17] !== expected) {
    return { ok: false, reason: '身份证号校验位不对，可能有数字抄错，请核对' };
  }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isRealIsoDate(birthDate)) {
    return { ok: false, reason: `身份证号中的出生日期（${birthDate}）不存在，请核对` };
  }
  if (birthDate > (typeof today === 'string' ? today : todayIn(DEFAULT_TIME_ZONE, today))) {
    return { ok: false, reason: `身份证号中的出生日期（${birthDate}）晚于今天，请核对` };
  }
  // The 17th digit is odd for men, even for women.
  const gender: Gender = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, idNumber, birthDate, gender };
}
