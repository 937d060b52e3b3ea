import { residentWord } from '../documents/wording';
import bodyKindsData from './body-kinds.json';
import { meets, minimumCount, thresholdWords, type Threshold } from './fraction';

export interface BodyKind {
  kind: string;
  roles: string[];
  representativeRoles: string[];
  /** Members in these roles attend without a vote (预备党员): not in 应到, never among voters. */
  nonVotingRoles?: string[];
  /** A roster tag that means the person may only hold a non-voting role in this kind of body. */
  nonVotingTag?: string;
  nonVotingSource?: string;
  checks: { measure: 'representatives' | 'women'; label: string; threshold: Threshold; source: string }[];
}

export const bodyKinds = bodyKindsData.kinds as BodyKind[];
export const bodyKindNames = bodyKinds.map((k) => k.kind);

/** The roles of a kind of body whose members attend without a vote. */
export function nonVotingRoles(kind: string): string[] {
  return bodyKinds.find((k) => k.kind === kind)?.nonVotingRoles ?? [];
}

/** The body kinds an organization uses: a 社区 has no 村民代表会议, a village no 居民代表会议. */
export function bodyKindNamesFor(orgKind: string): string[] {
  const other = residentWord(orgKind) === '居民' ? '村民' : '居民';
  return bodyKindNames.filter((k) => !k.startsWith(other));
}

export interface CompositionCheck {
  label: string;
  count: number;
  total: number;
  required: number;
  ok: boolean;
  /** e.g. "村民代表占组成人员 35/45，须五分之四以上（至少 36 人）" */
  message: string;
  source: string;
}

/** The composition rules of DOMAIN.md for a body's current members (warnings only). */
export function compositionChecks(kind: string, members: { role: string; gender: '男' | '女' | null }[]): CompositionCheck[] {
  const def = bodyKinds.find((k) => k.kind === kind);
  if (!def || members.length === 0) return [];
  const total = members.length;
  return def.checks.map((c) => {
    const count =
      c.measure === 'women' ? members.filter((m) => m.gender === '女').length : members.filter((m) => def.representativeRoles.includes(m.role)).length;
    const required = minimumCount(total, c.threshold);
    const ok = meets(count, total, c.threshold);
    return {
      label: c.label,
      count,
      total,
      required,
      ok,
      message: `${c.label} ${count}/${total}，须${thresholdWords(c.threshold)}（至少 ${required} 人）${ok ? '，符合' : '，不符合'}`,
      source: c.source,
    };
  });
}
