import { describe, expect, it } from 'vitest';
import { splitRuleText } from '../../core/ruletext';

// As pasted from a Word file: full-width indents and spaces, a preamble, a gap in the numbering,
// a colon after one label, a label on its own line, and the signature and date at the end.
const sample = [
  '　　XX村村规民约',
  '',
  '为了加强村民自治，经村民会议讨论通过，制定本村规民约。',
  '第一章　总　　则',
  '第一条　为推进移风易俗，建设文明乡村，根据《中华人民共和国村民委员会组织法》，结合本村实际，制定本村规民约。',
  '第二条　本村规民约适用于本村全体村民。',
  '第三条 村民应当遵守宪法、法律、法规和国家政策。',
  '　　第二章　村风民俗　',
  '第四条　提倡红白喜事从简办理，反对大操大办。',
  '　　喜事宴请不超过十桌。',
  '丧事不搞封建迷信活动。',
  '第五条：提倡婚事新办，反对高价彩礼。',
  '第七条　子女应当履行赡养老人的义务，违反第三条规定的，由村民委员会批评教育。',
  '第八条',
  '村民之间发生纠纷，应当协商解决，也可以申请村人民调解委员会调解。',
  '第九条　本村规民约自村民会议通过之日起施行。',
  'XX村村民委员会',
  '二〇二四年三月一日',
].join('\r\n');

describe('splitRuleText', () => {
  const r = splitRuleText(sample);

  it('finds the title, the chapters and the articles with their paragraphs', () => {
    expect(r.title).toBe('XX村村规民约');
    expect(r.chapters).toEqual([{ title: '总则' }, { title: '村风民俗' }]);
    expect(r.articles).toEqual([
      { chapterIndex: 0, text: '为推进移风易俗，建设文明乡村，根据《中华人民共和国村民委员会组织法》，结合本村实际，制定本村规民约。' },
      { chapterIndex: 0, text: '本村规民约适用于本村全体村民。' },
      { chapterIndex: 0, text: '村民应当遵守宪法、法律、法规和国家政策。' },
      { chapterIndex: 1, text: '提倡红白喜事从简办理，反对大操大办。\n喜事宴请不超过十桌。\n丧事不搞封建迷信活动。' },
      { chapterIndex: 1, text: '提倡婚事新办，反对高价彩礼。' },
      { chapterIndex: 1, text: '子女应当履行赡养老人的义务，违反第三条规定的，由村民委员会批评教育。' },
      { chapterIndex: 1, text: '村民之间发生纠纷，应当协商解决，也可以申请村人民调解委员会调解。' },
      { chapterIndex: 1, text: '本村规民约自村民会议通过之日起施行。' },
    ]);
  });

  it('explains what it skipped and where the numbering jumps', () => {
    expect(r.warnings).toEqual([
      '开头的 1 行不属于任何条文，已略过：“为了加强村民自治，经村民……”',
      '结尾的 2 行像是落款或日期，未算作第九条的内容：“XX村村民委员会 二〇二……”',
      '原文编号不连续：第五条之后是第七条，已按顺序重新编号',
    ]);
  });

  it('warns about repeats, a missing chapter title and articles before the first chapter', () => {
    const x = splitRuleText('第一条 总的要求。\n第一章\n第二条 甲。\n第二条 乙。\n第三条 第三条规定的事项另行公布。');
    expect(x.title).toBeNull();
    expect(x.chapters).toEqual([{ title: '' }]);
    expect(x.articles).toEqual([
      { chapterIndex: 0, text: '总的要求。' },
      { chapterIndex: 0, text: '甲。' },
      { chapterIndex: 0, text: '乙。' },
      { chapterIndex: 0, text: '第三条规定的事项另行公布。' },
    ]);
    expect(x.warnings).toEqual(['第一章没有标题', '原文编号不连续：第二条之后是第二条，已按顺序重新编号', '第一章之前有 1 条条文，已归入第一章']);
  });

  it('keeps a paragraph that merely starts with 第X条 inside its article', () => {
    const x = splitRuleText('第一条 禁止赌博。\n第一条规定的行为，由村民委员会劝阻。\n第二条 禁止吸毒。');
    expect(x.articles.map((a) => a.text)).toEqual(['禁止赌博。\n第一条规定的行为，由村民委员会劝阻。', '禁止吸毒。']);
    expect(x.warnings).toEqual([]);
  });

  it('reads labels run on to the text when nothing else is found', () => {
    const x = splitRuleText('居民公约\n第一条爱护公共设施。\n第二条：邻里和睦。');
    expect(x.title).toBe('居民公约');
    expect(x.articles).toEqual([
      { chapterIndex: null, text: '爱护公共设施。' },
      { chapterIndex: null, text: '邻里和睦。' },
    ]);
  });

  it('returns no articles, with a warning, for text without any', () => {
    const x = splitRuleText('这是一段说明。\n没有条文。\n\n');
    expect(x.title).toBeNull();
    expect(x.chapters).toEqual([]);
    expect(x.articles).toEqual([]);
    expect(x.warnings).toEqual(['开头的 2 行不属于任何条文，已略过：“这是一段说明。”', '没有找到条文：每一条应以“第一条”“第二条”这样的编号开头']);
    expect(splitRuleText('').warnings).toEqual(['没有找到条文：每一条应以“第一条”“第二条”这样的编号开头']);
  });

  it('does not mistake a closing article for a signature', () => {
    const x = splitRuleText('第一条 禁止赌博。\n第二条 本公约由村民委员会负责解释\n本公约由居民委员会负责解释');
    expect(x.articles.map((a) => a.text)).toEqual(['禁止赌博。', '本公约由村民委员会负责解释\n本公约由居民委员会负责解释']);
    expect(x.warnings).toEqual([]);
  });
});

describe('splitRuleText with labels run on to the text', () => {
  it('reads a text that never sets its labels off, gaps included', () => {
    const x = splitRuleText('第一条爱护公共设施。\n第三条邻里和睦。\n第四条规定的事项由居委会监督。');
    expect(x.articles.map((a) => a.text)).toEqual(['爱护公共设施。', '邻里和睦。', '规定的事项由居委会监督。']);
    expect(x.warnings).toEqual(['原文编号不连续：第一条之后是第三条，已按顺序重新编号']);
  });

  it('in a text that sets labels off, takes a run-on label only where it must open an article', () => {
    const x = splitRuleText('第一条 爱护公共设施。\n第一条规定的设施包括路灯。\n第二条邻里和睦。\n第三条 禁止赌博。');
    expect(x.articles.map((a) => a.text)).toEqual(['爱护公共设施。\n第一条规定的设施包括路灯。', '邻里和睦。', '禁止赌博。']);
  });
});
