import shipped from './shipped-meeting-types.json';
import { ruleSetDefinitionSchema, type RuleSetDefinition } from './rule-set';

export interface ShippedVersion {
  label: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  definition: RuleSetDefinition;
}

export interface ShippedMeetingType {
  code: string;
  name: string;
  /** The kinds of 议事主体 that hold this meeting: 村民会议 only a 村, 居民会议 only a 社区. */
  orgKinds: readonly OrgKind[];
  versions: ShippedVersion[];
}

export const orgKinds = ['社区', '村', '街道', '乡镇'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** The shipped types, validated by the same schema a user's own rule set must pass. */
export const shippedMeetingTypes: ShippedMeetingType[] = shipped.types.map((t) => ({
  code: t.code,
  name: t.name,
  orgKinds: t.orgKinds.filter((k): k is OrgKind => (orgKinds as readonly string[]).includes(k)),
  versions: t.versions.map((v) => ({ ...v, definition: ruleSetDefinitionSchema.parse(v.definition) })),
}));

/** The shipped type with this code, if any. */
export function shippedType(code: string | null): ShippedMeetingType | undefined {
  return code == null ? undefined : shippedMeetingTypes.find((t) => t.code === code);
}

/** Whether an organization of `orgKind` holds meetings of a shipped type; a user's own copy is always its org's. */
export function typeFitsOrgKind(code: string | null, orgKind: string): boolean {
  const shipped = shippedType(code);
  return !shipped || shipped.orgKinds.includes(orgKind as OrgKind);
}
