import { describe, expect, it } from 'vitest';
import { lawCitation, lawName, NO_STATUTE, publicityCitation, ruleCitation, ruleGrounds } from '../../core/rules/citation';
import { versionInForce } from '../../core/rules/rule-set';
import { shippedMeetingTypes, typeFitsOrgKind } from '../../core/rules/shipped';
import { orgWording, residentWord } from '../../core/documents/wording';
import { wordingOf } from '../../core/followup/data';

const RESIDENTS = '《中华人民共和国城市居民委员会组织法》';
const VILLAGERS = '《中华人民共和国村民委员会组织法》';
const count = (text: string, part: string) => text.split(part).length - 1;

describe('法律依据的写法（一处格式化，处处一致）', () => {
  it('prints the law once and its articles once', () => {
    expect(lawCitation({ law: `${RESIDENTS}（2025年修订）`, articles: '第二十六条、第二十七条' })).toBe(`${RESIDENTS}（2025年修订）第二十六条、第二十七条`);
  });

  it('drops the commencement note from the edition, so rule sets stored earlier print the same', () => {
    expect(lawName(`${RESIDENTS}（2025年修订，2026年1月1日起施行）`)).toBe(`${RESIDENTS}（2025年修订）`);
    expect(lawCitation({ law: `${VILLAGERS}（2025年修订，2026年1月1日起施行）`, articles: '第二十九条、第三十条' })).toBe(
      `${VILLAGERS}（2025年修订）第二十九条、第三十条`,
    );
    expect(lawName(`${VILLAGERS}（2018年修正）`)).toBe(`${VILLAGERS}（2018年修正）`);
  });

  it('never appends an article the law field already names', () => {
    const c = lawCitation({ law: `${VILLAGERS}（2025年修订）第三十三条等：议事会、听证会`, articles: '第三十三条' });
    expect(count(c, '第三十三条')).toBe(1);
  });

  it('prints the law alone where the source names no article', () => {
    expect(lawCitation({ law: '《中国共产党支部工作条例（试行）》', articles: '—' })).toBe('《中国共产党支部工作条例（试行）》');
    expect(lawCitation({ law: '《中国共产党支部工作条例（试行）》', articles: '  ' })).toBe('《中国共产党支部工作条例（试行）》');
  });

  it('says plainly that a local rule has no statutory article, instead of borrowing one', () => {
    const local = { statutory: false, source: { law: `${VILLAGERS}（2025年修订）`, articles: '第三十三条', text: '' } };
    expect(ruleCitation(local)).toBe(NO_STATUTE);
    expect(ruleCitation(local)).toBe('本类会议的人数和表决规则为本地惯例，法律未作规定');
    expect(ruleGrounds(local)).not.toMatch(/第.+条/);
    expect(ruleGrounds({ ...local, statutory: true })).toBe(`依照${VILLAGERS}（2025年修订）第三十三条，`);
  });

  it('cites the publicity article, not the meeting articles, for a posting period', () => {
    const def = {
      statutory: true,
      publicityDays: 15,
      source: { law: `${RESIDENTS}（2025年修订）`, articles: '第二十六条、第二十七条', text: '', publicityArticles: '第三十四条' },
    };
    expect(publicityCitation(def)).toBe(`${RESIDENTS}（2025年修订）第三十四条`);
    expect(publicityCitation({ ...def, publicityDays: null })).toBeNull();
    expect(publicityCitation({ ...def, statutory: false })).toBeNull();
  });
});

describe('内置会议类型的依据与议事主体', () => {
  const typesFor = (kind: string) => shippedMeetingTypes.filter((t) => typeFitsOrgKind(t.code, kind));

  it('gives every statutory version a whole citation with each article once', () => {
    for (const t of shippedMeetingTypes) {
      for (const v of t.versions) {
        const c = ruleCitation(v.definition);
        if (!v.definition.statutory) {
          expect(c, `${t.name} ${v.label}`).toBe(NO_STATUTE);
          continue;
        }
        expect(c, `${t.name} ${v.label}`).toMatch(/^《.+》/);
        for (const article of v.definition.source.articles.split('、')) expect(count(c, article), `${t.name} ${v.label} ${article}`).toBe(1);
        if (v.definition.lawVersion === '2025') expect(c).toContain('（2025年修订）第');
        expect(c).not.toContain('施行');
      }
    }
  });

  it("a 社区's types cite the residents' committee law and never the villagers'", () => {
    const names = typesFor('社区').map((t) => t.name);
    expect(names).toEqual(['居民会议', '居民代表会议', '党员大会', '两委联席会议', '议事协商会']);
    for (const t of typesFor('社区')) {
      for (const v of t.versions) {
        const c = ruleCitation(v.definition);
        expect(c, `${t.name} ${v.label}`).not.toContain('村民委员会组织法');
        expect(v.definition.source.law + v.definition.source.text, `${t.name} ${v.label}`).not.toMatch(/村民委员会组织法[^，。]*第/);
        if (t.name.startsWith('居民') && v.definition.statutory) expect(c).toContain(RESIDENTS);
      }
    }
  });

  it("a village's types cite the villagers' committee law", () => {
    expect(typesFor('村').map((t) => t.name)).toEqual(['村民会议', '村民代表会议', '村民小组会议', '党员大会', '两委联席会议', '议事协商会']);
    for (const t of typesFor('村').filter((x) => x.name.startsWith('村民'))) {
      for (const v of t.versions) expect(ruleCitation(v.definition)).toContain(VILLAGERS);
    }
  });

  it('a 街道 or 乡镇 holds Party meetings and consultations, not residents’ or villagers’ meetings', () => {
    expect(typesFor('街道').map((t) => t.name)).toEqual(['党员大会', '议事协商会']);
    expect(typesFor('乡镇').map((t) => t.name)).toEqual(['党员大会', '议事协商会']);
    expect(typeFitsOrgKind(null, '社区')).toBe(true);
  });

  it('议事协商会 borrows no article for anyone', () => {
    const consult = shippedMeetingTypes.find((t) => t.code === 'consultation-meeting')!;
    const v = versionInForce(consult.versions, '2026-03-01')!;
    expect(ruleCitation(v.definition)).toBe(NO_STATUTE);
    expect(JSON.stringify(v.definition.source)).not.toMatch(/第[一二三四五六七八九十]+条/);
  });

  it('a 2026 meeting cites the 2025 text, a 2025 meeting the 2018 text', () => {
    const reps = shippedMeetingTypes.find((t) => t.code === 'village-representatives-meeting')!;
    expect(ruleCitation(versionInForce(reps.versions, '2026-03-01')!.definition)).toBe(`${VILLAGERS}（2025年修订）第二十九条、第三十条`);
    expect(ruleCitation(versionInForce(reps.versions, '2025-12-31')!.definition)).toBe(`${VILLAGERS}（2018年修正）第二十五条、第二十六条`);
  });
});

describe('按议事主体用词', () => {
  it('speaks of 居民 to a 社区 and a 街道, of 村民 to a 村 and a 乡镇', () => {
    expect(residentWord('社区')).toBe('居民');
    expect(residentWord('街道')).toBe('居民');
    expect(residentWord('村')).toBe('村民');
    expect(residentWord('乡镇')).toBe('村民');
    expect(orgWording('社区')).toMatchObject({ committee: '居民委员会', noticeBoard: '居务公开栏', convention: '居民公约' });
    expect(orgWording('村')).toMatchObject({ committee: '村民委员会', noticeBoard: '村务公开栏', convention: '村规民约' });
    expect(wordingOf('街道')).toBe('社区');
  });
});

describe('机构名称只写一次', () => {
  it('puts the organization before a meeting title only where the title does not already name it', async () => {
    const { underOrg } = await import('../../core/documents/wording');
    expect(underOrg('青石村', '青石村2026年第一季度村民代表会议')).toBe('青石村2026年第一季度村民代表会议');
    expect(underOrg('青石村村民委员会', '青石村2026年第一季度村民代表会议')).toBe('青石村2026年第一季度村民代表会议');
    expect(underOrg('和平里社区居民委员会', '2026年第一次居民代表会议')).toBe('和平里社区居民委员会2026年第一次居民代表会议');
  });
});
