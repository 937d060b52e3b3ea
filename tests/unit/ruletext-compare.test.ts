import { diffChars } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSnapshots, numberStructure, similarity, type RuleStructure } from '../../core/ruletext';

const T: Record<number, string> = {
  1: '为推进移风易俗，制定本公约。',
  2: '村民应当遵守法律。',
  3: '红白喜事从简办理。',
  4: '禁止赌博。',
  5: '提倡婚事新办。',
  6: '子女应当赡养老人。',
  7: '邻里之间应当和睦相处。',
  8: '爱护公共设施。',
};
const c1 = { id: 1, title: '总则' };

describe('compareSnapshots', () => {
  // Before: 第一章 1 2 | 第二章 3 4 5 6 7.
  // After:  第一章 1 2' 3 | 第二章 7 5 8 6  — 2 edited, 3 moved into 第一章, 4 deleted,
  // 7 moved to the front of 第二章, 8 inserted, 第二章 retitled.
  const a = numberStructure({
    chapters: [c1, { id: 2, title: '村风民俗' }],
    articles: [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, chapterId: id <= 2 ? 1 : 2, text: T[id]! })),
  });
  const b = numberStructure({
    chapters: [c1, { id: 2, title: '村风民俗与家庭美德' }],
    articles: [
      { id: 1, chapterId: 1, text: T[1]! },
      { id: 2, chapterId: 1, text: '村民应当遵守法律法规。' },
      { id: 3, chapterId: 1, text: T[3]! },
      { id: 7, chapterId: 2, text: T[7]! },
      { id: 5, chapterId: 2, text: T[5]! },
      { id: 8, chapterId: 2, text: T[8]! },
      { id: 6, chapterId: 2, text: T[6]! },
    ],
  });
  const r = compareSnapshots(a, b);

  it('lists rows in the new order with the deleted article where it was', () => {
    const brief = r.articles.map((x) => [x.before?.label ?? null, x.after?.label ?? null, x.change, x.moved, x.renumbered]);
    expect(brief).toEqual([
      ['第一条', '第一条', 'same', false, false],
      ['第二条', '第二条', 'changed', false, false],
      ['第三条', '第三条', 'same', true, false], // another chapter
      ['第四条', null, 'deleted', false, false],
      ['第七条', '第四条', 'same', true, true],
      ['第五条', '第五条', 'same', false, false],
      [null, '第六条', 'inserted', false, false],
      ['第六条', '第七条', 'same', false, true],
    ]);
    expect(r.counts).toEqual({ same: 5, changed: 1, inserted: 1, deleted: 1, moved: 2, renumbered: 2 });
  });

  it('gives each side with its chapter and a character diff', () => {
    expect(r.articles[1]!.parts).toEqual([{ value: '村民应当遵守法律' }, { value: '法规', added: true }, { value: '。' }]);
    expect(r.articles[2]!.before).toEqual({ articleId: 3, label: '第三条', chapterLabel: '第二章', chapterTitle: '村风民俗', text: T[3] });
    expect(r.articles[2]!.after).toEqual({ articleId: 3, label: '第三条', chapterLabel: '第一章', chapterTitle: '总则', text: T[3] });
    expect(r.articles[3]).toEqual({
      change: 'deleted',
      moved: false,
      renumbered: false,
      before: { articleId: 4, label: '第四条', chapterLabel: '第二章', chapterTitle: '村风民俗', text: '禁止赌博。' },
      after: null,
      parts: [{ value: '禁止赌博。', removed: true }],
    });
    expect(r.articles[6]!.parts).toEqual([{ value: '爱护公共设施。', added: true }]);
    expect(r.articles[0]!.parts).toEqual([{ value: T[1] }]);
  });

  it('compares chapters by id', () => {
    expect(r.chapters).toEqual([
      {
        change: 'same',
        before: { chapterId: 1, label: '第一章', title: '总则' },
        after: { chapterId: 1, label: '第一章', title: '总则' },
        parts: [{ value: '总则' }],
      },
      {
        change: 'changed',
        before: { chapterId: 2, label: '第二章', title: '村风民俗' },
        after: { chapterId: 2, label: '第二章', title: '村风民俗与家庭美德' },
        parts: [{ value: '村风民俗' }, { value: '与家庭美德', added: true }],
      },
    ]);
  });

  it('pairs separately imported texts by similar wording, not by id', () => {
    const imported = (base: number, texts: string[], chapterTitle: string): RuleStructure => ({
      chapters: [{ id: base, title: chapterTitle }],
      articles: texts.map((text, i) => ({ id: base + i + 1, chapterId: base, text })),
    });
    const old = numberStructure(imported(100, ['一二三四五', '禁止赌博。', '甲乙丙丁戊'], '总则'));
    const now = numberStructure(imported(200, ['禁止赌博。', '一二三四六', '子丑寅卯辰'], '总则'));
    const x = compareSnapshots(old, now);
    expect(x.articles.map((row) => [row.before?.articleId ?? null, row.after?.articleId ?? null, row.change, row.moved])).toEqual([
      [102, 201, 'same', false],
      [103, null, 'deleted', false], // after 102, which stayed put; 101 moved, so it is no landmark
      [101, 202, 'changed', true],
      [null, 203, 'inserted', false],
    ]);
    expect(x.chapters.map((c) => [c.before?.chapterId, c.after?.chapterId, c.change])).toEqual([[100, 200, 'same']]);
  });

  it('measures similarity as common characters over the longer text', () => {
    expect(similarity('一二三四五', '一二三四六')).toBe(0.8);
    expect(similarity('一二三四五', '一二三六七')).toBe(0.6);
    expect(similarity('一二三四五', '一二六七八')).toBe(0.4);
    expect(similarity('一二三四五', '一二')).toBe(0.4);
    expect(similarity('', '')).toBe(0);
  });

  it('computes similarity exactly as diffChars would, also past 32 and 64 characters', () => {
    const text = fc.array(fc.constantFrom('村', '民', '应', '当', '的', '𠀀', 'a'), { maxLength: 90 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (x, y) => {
        const longer = Math.max(Array.from(x).length, Array.from(y).length);
        const common = diffChars(x, y).reduce((n, c) => (c.added || c.removed ? n : n + c.count), 0);
        expect(similarity(x, y)).toBe(longer === 0 ? 0 : common / longer);
      }),
      { numRuns: 400 },
    );
  });
});
