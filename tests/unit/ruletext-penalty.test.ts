import { describe, expect, it } from 'vitest';
import { defaultPenaltyTerms, findPenaltyWording, penaltyTermProblem, type PenaltyTerm } from '../../core/ruletext';

const terms = defaultPenaltyTerms();
const brief = (text: string, list: PenaltyTerm[] = terms) => findPenaltyWording(text, list).map((h) => [h.term, h.match, h.index]);

describe('penalty terms', () => {
  it('ships the required terms, each usable and with a reason', () => {
    const names = terms.map((t) => t.term);
    for (const t of [
      '罚款',
      '罚金',
      '没收',
      '拘留',
      '关押',
      '停水',
      '停电',
      '停水停电',
      '断水断电',
      '取消…资格',
      '取消…待遇',
      '开除村籍',
      '开除户籍',
      '剥夺',
      '扣发',
      '扣除…补贴',
      '强制',
      '游街',
      '示众',
      '体罚',
      '殴打',
      '不予办理…证明',
    ]) {
      expect(names).toContain(t);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const t of terms) {
      expect(penaltyTermProblem(t.term), t.term).toBeNull();
      expect(t.reason, t.term).toMatch(/^[^\n]{10,}。$/);
    }
    expect(terms.find((t) => t.term === '罚款')!.reason).toContain('行政处罚法');
    expect(terms.find((t) => t.term === '拘留')!.reason).toContain('治安管理处罚法');
  });

  it('returns a fresh copy each time', () => {
    defaultPenaltyTerms()[0]!.term = '改过';
    expect(defaultPenaltyTerms()[0]!.term).toBe('罚款');
  });

  it('checks terms the committee types', () => {
    expect(penaltyTermProblem('  ')).toBe('请填写要检查的词语');
    expect(penaltyTermProblem('一二三四五六七八九十一二三四五六七八九十一')).toBe('词语太长，最多 20 个字');
    expect(penaltyTermProblem('…资格')).toBe('“…”只能放在两个词之间，如“取消…资格”');
    expect(penaltyTermProblem('取消…')).toBe('“…”只能放在两个词之间，如“取消…资格”');
    expect(penaltyTermProblem('甲…乙…丙…丁')).toBe('一个词语里最多用两处“…”');
    expect(penaltyTermProblem('甲…乙…丙')).toBeNull();
    expect(penaltyTermProblem('取消……资格')).toBeNull(); // an IME ellipsis is one gap
  });
});

describe('findPenaltyWording', () => {
  it('finds plain and gapped terms with their offsets', () => {
    const text = '对拒不改正的，取消其享受集体福利的资格，并罚款200元。';
    expect(findPenaltyWording(text, terms)).toEqual([
      { term: '取消…资格', reason: terms.find((t) => t.term === '取消…资格')!.reason, match: '取消其享受集体福利的资格', index: 7 },
      { term: '罚款', reason: terms.find((t) => t.term === '罚款')!.reason, match: '罚款', index: 21 },
    ]);
  });

  it('lets the longer words win where hits overlap', () => {
    expect(brief('违者停水停电三天。')).toEqual([['停水停电', '停水停电', 2]]);
    expect(brief('违者断水断电，另行停水。')).toEqual([
      ['断水断电', '断水断电', 2],
      ['停水', '停水', 9],
    ]);
  });

  it('prefers the tighter of two gapped hits on the same words', () => {
    expect(brief('取消其低保待遇和评优资格。')).toEqual([['取消…待遇', '取消其低保待遇', 0]]);
  });

  it('keeps a gap within one clause and at most 15 characters', () => {
    expect(brief('一律取消。其余资格照旧。')).toEqual([]);
    expect(brief('取消一二三四五六七八九十一二三四五资格')).toEqual([['取消…资格', '取消一二三四五六七八九十一二三四五资格', 0]]);
    expect(brief('取消一二三四五六七八九十一二三四五六资格')).toEqual([]);
  });

  it('flags wording even where it is forbidden: the reviewer decides', () => {
    expect(brief('严禁私设公堂、殴打他人。')).toEqual([['殴打', '殴打', 7]]);
  });

  it('uses the list it is given, skipping unusable entries', () => {
    const mine: PenaltyTerm[] = [
      { term: '不予…证明', reason: '出具证明是职责。' },
      { term: '…坏', reason: '无效' },
      { term: '罚(款)', reason: '括号按字面匹配。' },
    ];
    expect(brief('不予开具居住证明，罚(款)。', mine)).toEqual([
      ['不予…证明', '不予开具居住证明', 0],
      ['罚(款)', '罚(款)', 9],
    ]);
  });
});
