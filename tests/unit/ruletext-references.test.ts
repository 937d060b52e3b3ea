import { describe, expect, it } from 'vitest';
import { numberStructure, renumberReferences, type RuleArticle, type RuleStructure } from '../../core/ruletext';

// Six articles, no chapters; ids 1..6 are the old 第一条..第六条.
const texts: Record<number, string> = {
  1: '为推进移风易俗，制定本公约。',
  2: '村民应当遵守法律法规。',
  3: '红白喜事从简办理。',
  4: '禁止赌博。',
  5: '违反第三条、第四条规定的，由村民委员会批评教育。',
  6: '第二条至第四条的规定，由村民委员会负责监督。',
};
const article = (id: number, text = texts[id]!): RuleArticle => ({ id, chapterId: null, text });
const structure = (...articles: RuleArticle[]): RuleStructure => ({ chapters: [], articles });
const before = numberStructure(structure(...[1, 2, 3, 4, 5, 6].map((id) => article(id))));
const textOf = (s: RuleStructure, id: number) => s.articles.find((a) => a.id === id)!.text;

describe('renumberReferences', () => {
  it('after an insert, shifts every later number once (第三条→第四条 does not cascade into 第五条)', () => {
    const after = structure(article(1), article(2), article(7, '提倡孝老爱亲。'), article(3), article(4), article(5), article(6));
    const r = renumberReferences(before, after);
    expect(textOf(r.structure, 5)).toBe('违反第四条、第五条规定的，由村民委员会批评教育。');
    // The range still covers the same three articles, now 第二条 … 第五条 with the new one inside: not contiguous.
    expect(textOf(r.structure, 6)).toBe(texts[6]);
    expect(r.unresolved).toEqual([
      { articleId: 6, articleLabel: '第七条', reference: '第二条至第四条', reason: '这几条已不再连续排列，无法自动更新，请手工改写这处引用' },
    ]);
    expect(r.rewritten).toEqual([{ articleId: 5, before: texts[5], after: '违反第四条、第五条规定的，由村民委员会批评教育。' }]);
  });

  it('after an insert at the top, rewrites both ends of a range', () => {
    const after = structure(article(7, '新增条文。'), ...[1, 2, 3, 4, 5, 6].map((id) => article(id)));
    const r = renumberReferences(before, after);
    expect(textOf(r.structure, 6)).toBe('第三条至第五条的规定，由村民委员会负责监督。');
    expect(textOf(r.structure, 5)).toBe('违反第四条、第五条规定的，由村民委员会批评教育。');
    expect(r.unresolved).toEqual([]);
    expect(r.rewritten.map((w) => w.articleId)).toEqual([5, 6]);
  });

  it('after a delete, names the reference to the deleted article and shortens a range around it', () => {
    const after = structure(article(1), article(2), article(4), article(5), article(6));
    const r = renumberReferences(before, after);
    expect(textOf(r.structure, 5)).toBe('违反第三条、第三条规定的，由村民委员会批评教育。');
    expect(textOf(r.structure, 6)).toBe('第二条至第三条的规定，由村民委员会负责监督。');
    expect(r.unresolved).toEqual([{ articleId: 5, articleLabel: '第四条', reference: '第三条', reason: '第三条已删除，请改写这处引用' }]);
  });

  it('after a move, follows each article to its new place', () => {
    const after = structure(article(6), article(1), article(2), article(3), article(4), article(5));
    const r = renumberReferences(before, after);
    expect(textOf(r.structure, 5)).toBe('违反第四条、第五条规定的，由村民委员会批评教育。');
    expect(textOf(r.structure, 6)).toBe('第三条至第五条的规定，由村民委员会负责监督。');
    expect(r.structure.articles.map((a) => a.id)).toEqual([6, 1, 2, 3, 4, 5]);
    // Swapping two articles inside a range breaks it.
    const swapped = renumberReferences(before, structure(article(1), article(3), article(2), article(4), article(5), article(6)));
    expect(swapped.unresolved.map((u) => u.reference)).toEqual(['第二条至第四条']);
    expect(textOf(swapped.structure, 5)).toBe('违反第二条、第四条规定的，由村民委员会批评教育。');
  });

  it('leaves references to laws alone, including the ones listed after the law', () => {
    const law = '依照《中华人民共和国民法典》第一千零四十三条、第一千零四十四条和本公约第四条处理；村民委员会组织法第二十七条第二款另有规定的，从其规定。';
    const before2 = numberStructure(structure(article(1), article(2), article(3), article(4), article(5, law)));
    const r = renumberReferences(before2, structure(article(9, '新增。'), article(1), article(2), article(3), article(4), article(5, law)));
    expect(textOf(r.structure, 5)).toBe(
      '依照《中华人民共和国民法典》第一千零四十三条、第一千零四十四条和本公约第五条处理；村民委员会组织法第二十七条第二款另有规定的，从其规定。',
    );
    expect(r.unresolved).toEqual([]);
  });

  it('flags, but does not touch, a reference that may mean a law named earlier in the sentence', () => {
    const text = '除《民法典》另有规定外，违反第三条的，予以批评教育。';
    const before2 = numberStructure(structure(article(1), article(2), article(3), article(4, text)));
    const r = renumberReferences(before2, structure(article(9, '新增。'), article(1), article(2), article(3), article(4, text)));
    expect(textOf(r.structure, 4)).toBe(text);
    expect(r.unresolved).toEqual([
      {
        articleId: 4,
        articleLabel: '第五条',
        reference: '第三条',
        reason: '这句话前面提到了其他文件，无法确定这里指的是哪一份，未自动更新；如指本文，应改为“第四条”',
      },
    ]);
  });

  it('reads scope sentence by sentence: 本公约 after a law, a new sentence, Arabic ranges', () => {
    const text = '《民法典》第一千零四十三条规定的，按本公约第二条处理；违反第3条至第4条的，批评教育。';
    const before2 = numberStructure(structure(article(1), article(2), article(3), article(4), article(5, text)));
    const r = renumberReferences(before2, structure(article(9, '新增。'), article(1), article(2), article(3), article(4), article(5, text)));
    expect(textOf(r.structure, 5)).toBe('《民法典》第一千零四十三条规定的，按本公约第三条处理；违反第4条至第5条的，批评教育。');
    expect(r.unresolved).toEqual([]);
  });

  it('rewrites 第X条第Y款 and Arabic numerals, keeping the writer’s style', () => {
    const text = '违反第3条或者第 4 条，以及第三条第二款规定的，批评教育。';
    const before2 = numberStructure(structure(article(1), article(2), article(3), article(4), article(5, text)));
    const r = renumberReferences(before2, structure(article(1), article(9, '新增。'), article(2), article(3), article(4), article(5, text)));
    expect(textOf(r.structure, 5)).toBe('违反第4条或者第 5 条，以及第四条第二款规定的，批评教育。');
  });

  it('reports compound forms and numbers the text does not have, leaving them as written', () => {
    const text = '违反第三、四条或者第二至三条的，以及第十二条规定的，批评教育。';
    const before2 = numberStructure(structure(article(1), article(2), article(3), article(4), article(5, text)));
    const r = renumberReferences(before2, structure(article(9, '新增。'), article(1), article(2), article(3), article(4), article(5, text)));
    expect(textOf(r.structure, 5)).toBe(text);
    expect(r.rewritten).toEqual([]);
    expect(r.unresolved).toEqual([
      { articleId: 5, articleLabel: '第六条', reference: '第三、四条', reason: '这种写法无法自动更新，请手工核对' },
      { articleId: 5, articleLabel: '第六条', reference: '第二至三条', reason: '这种写法无法自动更新，请手工核对' },
      { articleId: 5, articleLabel: '第六条', reference: '第十二条', reason: '本文没有第十二条，请手工核对这处引用' },
    ]);
  });

  it('changes nothing when the numbers stay, and keeps the input unchanged', () => {
    const after = structure(...[1, 2, 3, 4, 5, 6].map((id) => article(id)));
    const r = renumberReferences(before, after);
    expect(r.rewritten).toEqual([]);
    expect(r.unresolved).toEqual([]);
    expect(r.structure).toEqual(after);
    expect(r.structure).not.toBe(after);
  });
});
