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
  versions: ShippedVersion[];
}

/** The shipped types, validated by the same schema a user's own rule set must pass. */
export const shippedMeetingTypes: ShippedMeetingType[] = shipped.types.map((t) => ({
  code: t.code,
  name: t.name,
  versions: t.versions.map((v) => ({ ...v, definition: ruleSetDefinitionSchema.parse(v.definition) })),
}));
