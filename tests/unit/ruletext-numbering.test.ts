import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../core/documents/numerals';
import { articleLabel, chapterLabel, numberStructure, parseChineseNumeral, type RuleStructure } from '../../core/ruletext';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['一十一', 11],
    ['二十', 20],
    ['九十九', 99],
    ['一百', 100],
    ['一百零一', 101],
    ['一百〇一', 101],
    ['一百一十', 110],
    ['两百', 200],
    ['一千零五', 1005],
    ['一千零五十', 1050],
    ['九千九百九十九', 9999],
    ['12', 12],
    ['１２', 12],
  ])('%s → %i', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each(['', '第', '条', '十十', '一二', '百', '一百零', '零五', '一百一', '三条', 'abc', '十百'])('refuses %j', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });

  it('reads back every numeral chineseNumeral writes, 1..1000 (property) and 1..9999 (all)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), (n) => parseChineseNumeral(chineseNumeral(n)) === n));
    for (let n = 1; n <= 9999; n++) if (parseChineseNumeral(chineseNumeral(n)) !== n) throw new Error(`round trip fails at ${n}`);
  });
});

describe('numberStructure', () => {
  it('labels chapters and counts articles through the whole text', () => {
    const s: RuleStructure = {
      chapters: [
        { id: 10, title: '总则' },
        { id: 20, title: '附则' },
      ],
      articles: [
        { id: 1, chapterId: 10, text: '甲' },
        { id: 2, chapterId: 10, text: '乙' },
        { id: 3, chapterId: 20, text: '丙' },
      ],
    };
    const n = numberStructure(s);
    expect(n.chapters.map((c) => [c.id, c.number, c.label, c.title])).toEqual([
      [10, 1, '第一章', '总则'],
      [20, 2, '第二章', '附则'],
    ]);
    expect(n.articles.map((a) => [a.id, a.number, a.label, a.chapterId])).toEqual([
      [1, 1, '第一条', 10],
      [2, 2, '第二条', 10],
      [3, 3, '第三条', 20],
    ]);
    expect(articleLabel(110)).toBe('第一百一十条');
    expect(chapterLabel(12)).toBe('第十二章');
  });

  it('numbers a text without chapters, and allows an empty chapter', () => {
    expect(numberStructure({ chapters: [], articles: [{ id: 5, chapterId: null, text: '' }] }).articles[0]!.label).toBe('第一条');
    const n = numberStructure({
      chapters: [
        { id: 1, title: '总则' },
        { id: 2, title: '附则' },
      ],
      articles: [{ id: 9, chapterId: 2, text: '' }],
    });
    expect(n.articles[0]!.label).toBe('第一条');
  });

  it('refuses articles out of chapter order, unknown chapters and chapterless articles in a chaptered text', () => {
    const chapters = [
      { id: 10, title: '总则' },
      { id: 20, title: '附则' },
    ];
    expect(() =>
      numberStructure({
        chapters,
        articles: [
          { id: 1, chapterId: 20, text: '' },
          { id: 2, chapterId: 10, text: '' },
        ],
      }),
    ).toThrow('条文没有按章的顺序排列：第二条属于第一章，却排在第二章的条文之后');
    expect(() => numberStructure({ chapters, articles: [{ id: 1, chapterId: 30, text: '' }] })).toThrow('第一条属于一个不存在的章（编号 30）');
    expect(() => numberStructure({ chapters, articles: [{ id: 1, chapterId: null, text: '' }] })).toThrow('第一条不属于任何一章，而本文是分章的');
    expect(() => numberStructure({ chapters: [], articles: [{ id: 1, chapterId: 10, text: '' }] })).toThrow('本文没有分章');
  });
});
