import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../core/idcard';
import { maskIdNumber, maskPhone } from '../../core/mask';
import { makeId, withCheckDigit } from '../support/ids';

describe('身份证号校验', () => {
  it('accepts the GB 11643 example number and derives birth date and gender', () => {
    // The standard's own worked example: 11010519491231002X, a woman born 1949-12-31.
    const r = checkIdNumber('11010519491231002X');
    expect(r).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: '女' });
  });

  it('accepts a lower-case or full-width x and spaces', () => {
    expect(checkIdNumber(' 11010519491231002x ').ok).toBe(true);
    expect(checkIdNumber('110105 19491231 002Ｘ').ok).toBe(true);
  });

  it('derives 男 from an odd 17th digit', () => {
    const r = checkIdNumber(makeId('1980-02-29', '男'));
    expect(r.ok && r.gender).toBe('男');
    expect(r.ok && r.birthDate).toBe('1980-02-29');
  });

  it('rejects a wrong check digit in Chinese', () => {
    const r = checkIdNumber('110105194912310021');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('校验位');
  });

  it('rejects an impossible birth date even with a correct check digit', () => {
    const r = checkIdNumber(withCheckDigit('33020319810229123'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('1981-02-29');
  });

  it('rejects a birth date in the future', () => {
    const r = checkIdNumber(makeId('2030-01-01', '女'), new Date('2026-11-25'));
    expect(!r.ok && r.reason).toContain('晚于今天');
  });

  it('asks for the 18-digit number when given a 15-digit one', () => {
    const r = checkIdNumber('110105491231002');
    expect(!r.ok && r.reason).toContain('15位');
  });

  it('rejects wrong lengths and letters', () => {
    for (const bad of ['', '123', '11010519491231002XX', 'A1010519491231002X']) expect(checkIdNumber(bad).ok).toBe(false);
  });
});

describe('个人信息遮挡', () => {
  it('masks an ID number as 330203********1234', () => {
    expect(maskIdNumber('330203199001011234')).toBe('330203********1234');
  });
  it('masks mobile and landline numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0574-87654321')).toMatch(/^0574-?\*{4}4321$|^0574\*{4}4321$/);
    expect(maskPhone(null)).toBeNull();
  });
});

describe('本地日期', () => {
  it('writes dates the GB/T 9704 way', async () => {
    const { chineseDate } = await import('../../core/dates');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
  it('shows a stored instant in the user’s zone, whatever this computer’s zone is', async () => {
    const { chineseDateTime } = await import('../../core/dates');
    expect(chineseDateTime('Asia/Shanghai', '2026-11-25T16:30:00Z')).toBe('2026年11月26日 00:30');
    expect(chineseDateTime('UTC', '2026-11-25T16:30:00Z')).toBe('2026年11月25日 16:30');
  });
  it('takes today as a date string from the call’s clock', () => {
    expect(checkIdNumber(makeId('2026-11-26', '女'), '2026-11-25').ok).toBe(false);
    expect(checkIdNumber(makeId('2026-11-26', '女'), '2026-11-26').ok).toBe(true);
  });
});
