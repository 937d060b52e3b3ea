// The words that depend on the kind of organization: a 社区 (and a 街道) speaks of 居民 under the
// residents' committee law, a 村 (and a 乡镇) of 村民 under the villagers' committee law. Every screen
// and document that names residents, the committee or its notice board asks here.

/** Urban organizations use the residents' committee law's words. */
const URBAN_KINDS: readonly string[] = ['社区', '街道'];

export function isUrbanKind(orgKind: string): boolean {
  return URBAN_KINDS.includes(orgKind);
}

export interface OrgWording {
  /** 居民 / 村民 */
  resident: '居民' | '村民';
  /** 居民委员会 / 村民委员会 */
  committee: string;
  /** 居委会 / 村委会 */
  committeeShort: string;
  /** 社区党组织 / 村党组织 */
  partyOrg: string;
  /** 居民会议 / 村民会议 */
  assembly: string;
  /** 居民代表会议 / 村民代表会议 */
  representatives: string;
  /** 居务 / 村务 */
  affairs: string;
  /** 居务公开栏 / 村务公开栏 */
  noticeBoard: string;
  /** 居务监督委员会 / 村务监督委员会 */
  supervision: string;
  /** 居民公约 / 村规民约 */
  convention: string;
  /** 社区 / 村 */
  place: string;
}

const URBAN: OrgWording = {
  resident: '居民',
  committee: '居民委员会',
  committeeShort: '居委会',
  partyOrg: '社区党组织',
  assembly: '居民会议',
  representatives: '居民代表会议',
  affairs: '居务',
  noticeBoard: '居务公开栏',
  supervision: '居务监督委员会',
  convention: '居民公约',
  place: '社区',
};

const RURAL: OrgWording = {
  resident: '村民',
  committee: '村民委员会',
  committeeShort: '村委会',
  partyOrg: '村党组织',
  assembly: '村民会议',
  representatives: '村民代表会议',
  affairs: '村务',
  noticeBoard: '村务公开栏',
  supervision: '村务监督委员会',
  convention: '村规民约',
  place: '村',
};

/** The words an organization of `orgKind` uses; an unknown kind gets the village words. */
export function orgWording(orgKind: string): OrgWording {
  return isUrbanKind(orgKind) ? URBAN : RURAL;
}

/** 居民 / 村民 */
export function residentWord(orgKind: string): '居民' | '村民' {
  return orgWording(orgKind).resident;
}

const basisWordsFor: Record<'body' | 'adults' | 'households' | 'groupRepresentatives', (w: OrgWording) => string> = {
  body: (w) => `机构成员（如${w.resident}代表、党员）`,
  adults: (w) => `年满十八周岁的${w.resident}`,
  households: () => '户代表（每户一人）',
  groupRepresentatives: (w) => `各${w.resident}小组推选的代表`,
};

/** Who a basis counts, in the organization's words: "年满十八周岁的居民" for a 社区. */
export function basisWords(basis: keyof typeof basisWordsFor, orgKind: string): string {
  return basisWordsFor[basis](orgWording(orgKind));
}

/**
 * A meeting's title under its organization's name, without saying the name twice: most titles
 * already begin with it ("青石村2026年第一季度村民代表会议"), and "青石村青石村…" is what a township
 * office sends back.
 */
export function underOrg(orgName: string, title: string): string {
  return titleNamesOrg(orgName, title) ? title.trim() : `${orgName.trim()}${title.trim()}`;
}

/** Whether a title already begins with the organization's name, or its place name (青石村 of 青石村村民委员会). */
export function titleNamesOrg(orgName: string, title: string): boolean {
  const org = orgName.trim();
  const place = org.replace(/(村民委员会|居民委员会|村委会|居委会)$/, '');
  const t = title.trim();
  return t.startsWith(org) || (place.length > 0 && t.startsWith(place));
}

/**
 * A resolution named in a sentence after 作出: "《关于实施村东组道路硬化工程的决议》" where its title
 * is a resolution's title, else "关于“村道硬化方案”的决议" — never "作出《村道硬化方案》".
 */
export function resolutionPhrase(title: string): string {
  const t = title.trim();
  return /(决议|决定)$/.test(t) ? `《${t}》` : `关于“${t.replace(/^关于/, '')}”的决议`;
}

/** "关于" + subject, without "关于关于" when the subject already begins with it. */
export function about(subject: string): string {
  return `关于${subject.trim().replace(/^关于/, '')}`;
}
