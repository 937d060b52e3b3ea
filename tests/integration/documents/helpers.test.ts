import { describe, expect, it } from 'vitest';
import { suggestedFileName } from '../../../electron/documents/index';
import { inclusiveDays, percent, stampZip, weekday } from '../../../electron/documents/layout';
import { titleWith } from '../../../core/documents/minutes-wording';
import { chineseNumeral } from '../../../core/documents/numerals';
import { names } from './fixtures';

describe('chineseNumeral', () => {
  it('writes 1–99 as headings do', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [2, '二'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [19, '十九'],
      [20, '二十'],
      [21, '二十一'],
      [30, '三十'],
      [45, '四十五'],
      [99, '九十九'],
    ];
    for (const [n, words] of cases) expect(chineseNumeral(n), String(n)).toBe(words);
  });

  it('goes on past 99 for very long agendas', () => {
    expect(chineseNumeral(100)).toBe('一百');
    expect(chineseNumeral(101)).toBe('一百零一');
    expect(chineseNumeral(110)).toBe('一百一十');
    expect(chineseNumeral(115)).toBe('一百一十五');
    expect(chineseNumeral(1005)).toBe('一千零五');
    expect(chineseNumeral(1010)).toBe('一千零一十');
    expect(chineseNumeral(2300)).toBe('二千三百');
  });

  it('every number from 1 to 99 has its own words', () => {
    const all = Array.from({ length: 99 }, (_, i) => chineseNumeral(i + 1));
    expect(new Set(all).size).toBe(99);
  });

  it('refuses what is not a counting number', () => {
    for (const n of [0, -1, 1.5, 10000, Number.NaN]) expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe('figures', () => {
  it('rounds shares to one decimal in integers', () => {
    expect(percent(31, 45)).toBe('68.9%');
    expect(percent(16, 31)).toBe('51.6%');
    expect(percent(10, 31)).toBe('32.3%');
    expect(percent(5, 31)).toBe('16.1%');
    expect(percent(1, 8)).toBe('12.5%');
    expect(percent(1, 3)).toBe('33.3%');
    expect(percent(2, 3)).toBe('66.7%');
    expect(percent(45, 45)).toBe('100.0%');
    expect(percent(0, 45)).toBe('0.0%');
    expect(percent(3, 0)).toBeNull();
  });

  it('counts posting days with both ends included, across months and leap days', () => {
    expect(inclusiveDays('2026-11-26', '2026-12-10')).toBe(15);
    expect(inclusiveDays('2028-02-20', '2028-03-05')).toBe(15);
    expect(inclusiveDays('2026-01-05', '2026-01-05')).toBe(1);
  });

  it('names the weekday from the date alone', () => {
    expect(weekday('2026-11-25')).toBe('星期三');
    expect(weekday('2026-01-04')).toBe('星期日');
  });
});

describe('titles and file names', () => {
  it('adds 记录 / 纪要 without doubling 会议', () => {
    expect(titleWith('青石村2026年第三次村民代表会议', '记录')).toBe('青石村2026年第三次村民代表会议记录');
    expect(titleWith('第一党支部党员大会', '纪要')).toBe('第一党支部党员大会会议纪要');
  });

  it('suggests the file name the issue shows', () => {
    expect(suggestedFileName('会议记录', { date: '2026-11-25', title: '幸福里社区居民代表会议' })).toBe('2026年11月25日 幸福里社区居民代表会议 会议记录.docx');
    expect(suggestedFileName('签到表', { date: '2026-01-05', title: '幸福里社区居民代表会议' })).toBe('2026年1月5日 幸福里社区居民代表会议 签到表.docx');
  });

  it('keeps file names legal on Windows', () => {
    const name = suggestedFileName('决议公示', { date: '2026-11-25', title: '议题: A/B "草案" <试行>?' });
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(name.endsWith(' 决议公示.docx')).toBe(true);
    expect(suggestedFileName('选票', { date: '2026-11-25', title: '  ' })).toBe('2026年11月25日 会议 选票.docx');
  });
});

describe('fixtures', () => {
  it('gives distinct names', () => {
    expect(new Set(names(45)).size).toBe(45);
    expect(new Set(names(80, 3)).size).toBe(80);
  });
});

describe('stampZip', () => {
  it('refuses bytes that are not a zip', () => {
    expect(() => stampZip(Buffer.from('not a zip at all, not even close to one'), '2026-11-25')).toThrow(/not a zip/);
  });
});
