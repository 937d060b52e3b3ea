import rules from './adoption-rules.json';
import type { RuleKind } from './types';

interface Adopter {
  meetingKind: string;
  lawVersions: string[];
  delegated: boolean;
}

interface KindRule {
  adopters: Adopter[];
  law2018: string;
  law2025: string;
  filingTo: string;
}

const byKind = rules.kinds as Record<RuleKind, KindRule>;

/**
 * The law's words on who adopts this kind and where it is filed, for the law version given; a
 * meeting under local rules (no law version) is judged by the text in force on its date, so a
 * 2026 两委联席会议 never hears a 2018 article.
 */
export function adoptionLaw(kind: RuleKind, lawVersion: string | null, date?: string): string {
  const version = lawVersion ?? (date && date >= rules.text2025From ? '2025' : '2018');
  return version === '2025' ? byKind[kind].law2025 : byKind[kind].law2018;
}

export function filingAuthorityHint(kind: RuleKind): string {
  return byKind[kind].filingTo;
}

/** "村民会议" or "居民会议、居民代表会议（经授权，2026年起）" — for the page and the errors. */
export function allowedAdopters(kind: RuleKind): string[] {
  return byKind[kind].adopters.map((a) => (a.delegated ? `${a.meetingKind}（经居民会议授权，2026年1月1日起）` : a.meetingKind));
}

/**
 * Why a meeting of this kind, under the law its rule set was frozen with, may not adopt the
 * document (null when it may), and whether it needs the residents' meeting's delegation.
 */
export function meetingMayAdopt(
  kind: RuleKind,
  meeting: { meetingKind: string; lawVersion: string | null; date?: string },
): { problem: string | null; needsDelegation: boolean } {
  const rule = byKind[kind];
  const sameKind = rule.adopters.filter((a) => a.meetingKind === meeting.meetingKind);
  const law = adoptionLaw(kind, meeting.lawVersion, meeting.date);
  if (sameKind.length === 0) {
    return { problem: `${meeting.meetingKind}不能表决通过${kind}：依照${law}请在${allowedAdopters(kind).join('或')}上表决。`, needsDelegation: false };
  }
  const adopter = sameKind.find((a) => meeting.lawVersion !== null && a.lawVersions.includes(meeting.lawVersion));
  if (!adopter) {
    return {
      problem: `这次${meeting.meetingKind}适用${meeting.lawVersion ? `${meeting.lawVersion}年文本` : '本地规则'}，当时的法律还没有授权${meeting.meetingKind}制定${kind}（2026年1月1日起施行的新法才允许）；请在${rule.adopters
        .filter((a) => !a.delegated)
        .map((a) => a.meetingKind)
        .join('或')}上表决。`,
      needsDelegation: false,
    };
  }
  return { problem: null, needsDelegation: adopter.delegated };
}

/** As meetingMayAdopt, and a delegated meeting must name the delegation it acts under. */
export function adoptionProblem(
  kind: RuleKind,
  meeting: { meetingKind: string; lawVersion: string | null; date?: string },
  delegationBasis: string | null | undefined,
): { problem: string | null; needsDelegation: boolean } {
  const may = meetingMayAdopt(kind, meeting);
  if (!may.problem && may.needsDelegation && !delegationBasis?.trim()) {
    return { problem: `${meeting.meetingKind}须经居民会议授权才能制定${kind}：请填写授权依据（哪次居民会议、哪天作出的授权决定）。`, needsDelegation: true };
  }
  return may;
}
