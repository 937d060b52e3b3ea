// Who a document speaks for (发文机关, 落款): the committee, or the Party organization for a Party
// meeting, by the full names the organization profile (设置 → 本单位) keeps. Where a profile was
// never filled in, the names are derived from the 议事主体's name so old records still print.

export interface OrgProfile {
  /** 青石村村民委员会 / 和平里社区居民委员会 */
  committeeName: string;
  /** 中共青石村支部委员会 */
  partyOrgName: string;
  address: string | null;
  /** 主任 */
  directorName: string | null;
  /** 书记 */
  partySecretaryName: string | null;
  /** The office telephone, printed on notices; not a person's phone. */
  phone: string | null;
  /** 记录人 a new meeting starts with. */
  defaultRecorder: string | null;
  /** The township or street office it reports to: 幸福街道办事处, 青山镇人民政府. */
  superiorName: string | null;
}

const COMMITTEE_SUFFIX = /(村民委员会|居民委员会|村委会|居委会|办事处|人民政府)$/;

/** The committee's full name from the 议事主体's name: 青石村 → 青石村村民委员会. */
export function defaultCommitteeName(orgName: string, orgKind: string): string {
  const name = orgName.trim();
  if (COMMITTEE_SUFFIX.test(name)) return name;
  if (orgKind === '街道') return `${name.replace(/街道$/, '')}街道办事处`;
  if (orgKind === '乡镇') return `${name}人民政府`;
  return `${name}${orgKind === '社区' ? '居民委员会' : '村民委员会'}`;
}

/** The most common form, 中共青石村支部委员会; a 总支 or 党委 changes it in 本单位信息. */
export function defaultPartyOrgName(orgName: string): string {
  const place = orgName.trim().replace(COMMITTEE_SUFFIX, '');
  return `中共${place}支部委员会`;
}

export function defaultProfile(org: { name: string; kind: string }): OrgProfile {
  return {
    committeeName: defaultCommitteeName(org.name, org.kind),
    partyOrgName: defaultPartyOrgName(org.name),
    address: null,
    directorName: null,
    partySecretaryName: null,
    phone: null,
    defaultRecorder: null,
    superiorName: null,
  };
}

/** Meetings the Party organization convenes and signs for (党员大会, 支部委员会会议). */
export function isPartyMeeting(meetingKind: string): boolean {
  return /党员大会|党支部|支部委员会|党委/.test(meetingKind);
}

/** The name a meeting's documents are signed with. */
export function issuerFor(profile: Pick<OrgProfile, 'committeeName' | 'partyOrgName'>, meetingKind: string): string {
  return isPartyMeeting(meetingKind) ? profile.partyOrgName : profile.committeeName;
}
