import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import type { ParsedInput } from '../core/contract';
import type { MeetingType, RuleSet } from '../core/contract/meeting-types';
import { ruleSetDefinitionSchema, versionInForce, type RuleSetDefinition } from '../core/rules/rule-set';
import { shippedMeetingTypes, shippedType, typeFitsOrgKind } from '../core/rules/shipped';
import { appendAudit } from './audit';
import type { Actor, Db, Tx } from './client';
import { getOrganization } from './organizations';
import { meetingTypes, ruleSets } from './schema';

/** Who adds the shipped meeting types: the app itself, not a user. */
export const SHIPPED_RULES_ACTOR: Actor = { name: '议事厅（内置规则）' };

/**
 * Adds the shipped meeting types and any version of them this database lacks. Existing rule
 * sets are never changed (a trigger forbids it): meetings point at the exact rules they used.
 * Runs at start-up as one write by `SHIPPED_RULES_ACTOR` (db/open.ts).
 */
export function ensureShippedMeetingTypes(tx: Tx): void {
  const at = tx.clock.instant;
  for (const shipped of shippedMeetingTypes) {
    let type = tx.orm.select().from(meetingTypes).where(eq(meetingTypes.code, shipped.code)).get();
    if (!type) {
      type = tx.orm.insert(meetingTypes).values({ code: shipped.code, name: shipped.name, createdAt: at }).returning().get();
      appendAudit(tx, { action: 'meetingType.ship', entity: 'meetingType', entityId: type.id, after: type });
    }
    const existing = tx.orm.select({ label: ruleSets.label }).from(ruleSets).where(eq(ruleSets.meetingTypeId, type.id)).all();
    for (const v of shipped.versions) {
      if (existing.some((e) => e.label === v.label)) continue;
      const row = tx.orm
        .insert(ruleSets)
        .values({
          meetingTypeId: type.id,
          label: v.label,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          definition: JSON.stringify(v.definition),
          createdAt: at,
        })
        .returning()
        .get();
      appendAudit(tx, { action: 'ruleSet.ship', entity: 'ruleSet', entityId: row.id, after: row });
    }
  }
}

function toRuleSet(row: typeof ruleSets.$inferSelect): RuleSet {
  return {
    id: row.id,
    label: row.label,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    definition: ruleSetDefinitionSchema.parse(JSON.parse(row.definition)),
  };
}

function toMeetingType(db: Db, row: typeof meetingTypes.$inferSelect): MeetingType {
  const versions = db.orm.select().from(ruleSets).where(eq(ruleSets.meetingTypeId, row.id)).orderBy(asc(ruleSets.id)).all();
  return { id: row.id, name: row.name, code: row.code, builtIn: row.code != null, copiedFromId: row.copiedFromId, versions: versions.map(toRuleSet) };
}

/**
 * A meeting type; given `orgId`, one that organization may use: its own copies and the shipped
 * types its kind holds (a 社区 holds 居民会议, never 村民会议 — the villagers' committee law is
 * not its law).
 */
export function getMeetingType(db: Db, id: number, orgId?: number): typeof meetingTypes.$inferSelect {
  const row = db.orm.select().from(meetingTypes).where(eq(meetingTypes.id, id)).get();
  if (!row || (orgId !== undefined && row.orgId != null && row.orgId !== orgId)) {
    throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的会议类型，请刷新后重新选择`);
  }
  if (orgId !== undefined) {
    const org = getOrganization(db, orgId);
    if (!typeFitsOrgKind(row.code, org.kind)) {
      const kinds = shippedType(row.code)?.orgKinds.join('、') ?? '';
      const fits = typeRows(db, orgId)
        .filter((t) => typeFitsOrgKind(t.code, org.kind))
        .map((t) => t.name);
      throw new ApiError(
        'INVALID_INPUT',
        `“${row.name}”是${kinds}的会议，${org.name}是${org.kind}，不能使用这个会议类型。${org.kind}可以选择：${fits.join('、')}`,
      );
    }
  }
  return row;
}

function typeRows(db: Db, orgId: number) {
  return db.orm
    .select()
    .from(meetingTypes)
    .where(and(or(isNull(meetingTypes.orgId), eq(meetingTypes.orgId, orgId)), eq(meetingTypes.archived, false)))
    .orderBy(asc(meetingTypes.id))
    .all();
}

/** The meeting types the organization may use: the shipped ones its kind holds and its own copies. */
export function listMeetingTypes(db: Db, orgId: number): { items: MeetingType[] } {
  const org = getOrganization(db, orgId);
  const rows = typeRows(db, orgId).filter((r) => typeFitsOrgKind(r.code, org.kind));
  return { items: rows.map((r) => toMeetingType(db, r)) };
}

/** The version of a type's rules that applies on `date`. */
export function ruleSetInForce(db: Db, meetingTypeId: number, date: string): { row: typeof ruleSets.$inferSelect; definition: RuleSetDefinition } {
  const type = getMeetingType(db, meetingTypeId);
  const versions = db.orm.select().from(ruleSets).where(eq(ruleSets.meetingTypeId, meetingTypeId)).orderBy(asc(ruleSets.id)).all();
  const row = versionInForce(versions, date);
  if (!row) throw new ApiError('INVALID_INPUT', `“${type.name}”在 ${date} 没有适用的会议规则，请换一个会议类型或日期`);
  return { row, definition: ruleSetDefinitionSchema.parse(JSON.parse(row.definition)) };
}

export function copyMeetingType(tx: Tx, input: ParsedInput<'meetingTypes.copy'>): MeetingType {
  getOrganization(tx, input.orgId);
  const from = tx.orm.select().from(ruleSets).where(eq(ruleSets.id, input.fromRuleSetId)).get();
  if (!from) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.fromRuleSetId} 的会议规则，请刷新后重试`);
  const fromType = getMeetingType(tx, from.meetingTypeId, input.orgId);
  const clash = listMeetingTypes(tx, input.orgId).items.find((t) => t.name === input.name);
  if (clash) throw new ApiError('CONFLICT', `已经有名为“${input.name}”的会议类型，请换一个名称`);
  // A user's own rules are never presented as the statute's words.
  const definition: RuleSetDefinition = { ...(input.definition ?? (JSON.parse(from.definition) as RuleSetDefinition)), statutory: false };
  const at = tx.clock.instant;
  const type = tx.orm.insert(meetingTypes).values({ orgId: input.orgId, name: input.name, copiedFromId: fromType.id, createdAt: at }).returning().get();
  tx.orm
    .insert(ruleSets)
    .values({
      meetingTypeId: type.id,
      label: `复制自${fromType.name}（${from.label}）`,
      effectiveFrom: null,
      effectiveTo: null,
      definition: JSON.stringify(definition),
      createdAt: at,
    })
    .run();
  const result = toMeetingType(tx, type);
  appendAudit(tx, { action: 'meetingType.copy', entity: 'meetingType', entityId: type.id, after: result });
  return result;
}

export function archiveMeetingType(tx: Tx, { id }: ParsedInput<'meetingTypes.archive'>): { id: number } {
  const type = getMeetingType(tx, id);
  if (type.code != null) throw new ApiError('FORBIDDEN', `“${type.name}”是内置会议类型，不能停用`);
  tx.orm.update(meetingTypes).set({ archived: true }).where(eq(meetingTypes.id, id)).run();
  appendAudit(tx, { action: 'meetingType.archive', entity: 'meetingType', entityId: id, before: type });
  return { id };
}
