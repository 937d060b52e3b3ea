import type { RuleSetDefinition } from './rule-set';

/** What a rule set with no statutory article says instead of borrowing one. */
export const NO_STATUTE = '本类会议的人数和表决规则为本地惯例，法律未作规定';

type Source = RuleSetDefinition['source'];

/** "—", "-", "" and the like: the source names no article. */
function hasArticles(articles: string): boolean {
  return articles.trim() !== '' && !/^[—\-－–]+$/.test(articles.trim());
}

/**
 * The law's name as printed: the edition in brackets without the commencement note, so
 * "《…》（2025年修订，2026年1月1日起施行）" reads "《…》（2025年修订）". Rule sets stored before
 * this note was dropped from the shipped data print the same way.
 */
export function lawName(law: string): string {
  return law.trim().replace(/（(\d{4}年修[订正])[，,][^）]*施行）/, '（$1）');
}

/**
 * "《中华人民共和国城市居民委员会组织法》（2025年修订）第二十六条、第二十七条": the law once and its
 * articles once. A law field that already ends with its articles is not given them again; a
 * source with no article ("—") is the law alone.
 */
export function lawCitation(source: Pick<Source, 'law' | 'articles'>): string {
  const law = lawName(source.law);
  const articles = source.articles.trim();
  if (!hasArticles(articles) || law.includes(articles)) return law;
  return `${law}${articles}`;
}

/**
 * The legal basis a rule set's numbers rest on, printed after “依据：” / “依照” or as “会议依据”.
 * A rule that is not the statute's (local practice, 两委联席会议, 议事协商会, a user's own copy)
 * says so plainly instead of borrowing a law's article.
 */
export function ruleCitation(def: Pick<RuleSetDefinition, 'source' | 'statutory'>): string {
  return def.statutory ? lawCitation(def.source) : NO_STATUTE;
}

/**
 * The opening of a refusal that rests on the rule set: "依照《…》（2025年修订）第二十五条、第二十六条，"
 * for a statute, "按本类会议的规则（本地惯例，法律未作规定），" otherwise.
 */
export function ruleGrounds(def: Pick<RuleSetDefinition, 'source' | 'statutory'>): string {
  return def.statutory ? `依照${lawCitation(def.source)}，` : '按本类会议的规则（本地惯例，法律未作规定），';
}

/**
 * The provision on posting decisions for at least `publicityDays` (2025 texts: 村民委员会组织法第三十五条,
 * 城市居民委员会组织法第三十四条): the law of the rule set with the publicity article where the
 * data names one. Null where the rule set sets no publicity period or is not the statute's.
 */
export function publicityCitation(def: Pick<RuleSetDefinition, 'source' | 'statutory' | 'publicityDays'>): string | null {
  if (def.publicityDays == null || !def.statutory) return null;
  return lawCitation({ law: def.source.law, articles: def.source.publicityArticles ?? '' });
}
