import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateProblem, dateUnderstood, isIsoDate, parseDate, parseTime, readDate, readTime, timeProblem } from '../../core/date-input';
import { zonedInstant } from '../../core/clock';

describe('readDate', () => {
  it.each([
    ['2026-11-05', '2026-11-05'],
    ['2026-11-5', '2026-11-05'],
    ['2026/11/5', '2026-11-05'],
    ['2026/11/05', '2026-11-05'],
    ['2026.11.5', '2026-11-05'],
    ['20261105', '2026-11-05'],
    ['2026年11月5日', '2026-11-05'],
    ['2026年11月5号', '2026-11-05'],
    ['2026 年 11 月 5 日', '2026-11-05'],
    ['２０２６－１１－０５', '2026-11-05'],
    ['２０２６年１１月５日', '2026-11-05'],
    ['  2026-11-05  ', '2026-11-05'],
    ['2024-02-29', '2024-02-29'],
    ['1930-1-1', '1930-01-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(readDate(text)).toEqual({ kind: 'date', iso });
  });

  it.each(['2026-13-45', '2026-02-29', '2025-04-31', '2026-11', '11/5/2026', '2026-11/05', '明天', '2026年13月1日', '202611050', '1800-01-01', 'abc'])(
    'does not read %s',
    (text) => {
      expect(readDate(text)).toEqual({ kind: 'invalid', text });
      expect(parseDate(text)).toBeNull();
    },
  );

  it('blank is empty, not invalid', () => {
    expect(readDate('')).toEqual({ kind: 'empty' });
    expect(readDate('   ')).toEqual({ kind: 'empty' });
    expect(readDate(null)).toEqual({ kind: 'empty' });
  });

  it('says in Chinese what it understood and what it could not', () => {
    expect(dateUnderstood('2026-11-05')).toBe('2026年11月5日 星期四');
    expect(dateUnderstood('2026-11-30')).toBe('2026年11月30日 星期一');
    expect(dateProblem('2026-13-45')).toBe('无法识别日期“2026-13-45”，请按 2026-11-05 的格式填写');
    expect(timeProblem('25:00')).toBe('无法识别时间“25:00”，请按 09:30 的格式填写');
  });

  const day = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('round-trips every written form of every day', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('iso', 'slash', 'dot', 'compact', 'chinese', 'unpadded', 'fullwidth'), (iso, form) => {
        const [y, m, d] = iso.split('-');
        const text = {
          iso,
          slash: `${y}/${Number(m)}/${Number(d)}`,
          dot: `${y}.${Number(m)}.${Number(d)}`,
          compact: `${y}${m}${d}`,
          chinese: `${y}年${Number(m)}月${Number(d)}日`,
          unpadded: `${y}-${Number(m)}-${Number(d)}`,
          fullwidth: iso.replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
        }[form];
        expect(parseDate(text)).toBe(iso);
        expect(isIsoDate(iso)).toBe(true);
      }),
    );
  });

  it('anything it reads is a real ISO date', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = readDate(text);
        if (r.kind === 'date') expect(isIsoDate(r.iso)).toBe(true);
      }),
    );
  });
});

describe('readTime', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['9：30', '09:30'],
    ['９：３０', '09:30'],
    ['0930', '09:30'],
    ['930', '09:30'],
    ['14:05', '14:05'],
    ['9点30', '09:30'],
    ['9点30分', '09:30'],
    ['9点半', '09:30'],
    ['9点', '09:00'],
    ['下午3点', '15:00'],
    ['下午3:30', '15:30'],
    ['晚上8点', '20:00'],
    ['中午12点', '12:00'],
    ['上午10点', '10:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads %s as %s', (text, hhmm) => {
    expect(readTime(text)).toEqual({ kind: 'time', hhmm });
  });

  it.each(['24:00', '9:60', '9', '930am', 'abc', '上午14点', '12345'])('does not read %s', (text) => {
    expect(readTime(text).kind).toBe('invalid');
    expect(parseTime(text)).toBeNull();
  });

  it('round-trips every HH:mm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(parseTime(hhmm)).toBe(hhmm);
        expect(parseTime(`${h}:${String(m).padStart(2, '0')}`)).toBe(hhmm);
        expect(parseTime(hhmm.replace(':', ''))).toBe(hhmm);
      }),
    );
  });
});

describe('zonedInstant', () => {
  it('reads a wall time in the given zone', () => {
    expect(zonedInstant('Asia/Shanghai', '2026-11-05', '09:30')).toBe('2026-11-05T09:30:00+08:00');
    expect(zonedInstant('UTC', '2026-11-05', '09:30')).toBe('2026-11-05T09:30:00+00:00');
    expect(zonedInstant('America/New_York', '2026-07-01', '09:30')).toBe('2026-07-01T09:30:00-04:00');
    expect(zonedInstant('America/New_York', '2026-12-01', '09:30')).toBe('2026-12-01T09:30:00-05:00');
    expect(new Date(zonedInstant('Asia/Shanghai', '2026-11-26', '00:30')).toISOString()).toBe('2026-11-25T16:30:00.000Z');
  });
});
