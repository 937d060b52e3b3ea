import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import type { Body, BodyMember } from '../core/contract/bodies';
import { ApiError } from '../core/contract/define';
import { bodyKinds, compositionChecks } from '../core/rules/composition';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { getOrganization } from './organizations';
import { bodies, bodyMembers, households, people } from './schema';
import { blankToNull } from './values';

function findBody(db: Db, id: number) {
  const body = db.orm.select().from(bodies).where(eq(bodies.id, id)).get();
  if (!body) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的机构，可能已被删除，请刷新后重试`);
  return body;
}

/** Members on a date (joined on or before, not yet left); without a date, those who have not left. */
export function membersOn(bodyId: number, onDate?: string): SQL {
  return onDate
    ? and(
        eq(bodyMembers.bodyId, bodyId),
        sql`(${bodyMembers.joinedOn} is null or ${bodyMembers.joinedOn} <= ${onDate})`,
        sql`(${bodyMembers.leftOn} is null or ${bodyMembers.leftOn} > ${onDate})`,
      )!
    : and(eq(bodyMembers.bodyId, bodyId), isNull(bodyMembers.leftOn))!;
}

/** The members on a date (see membersOn); with `personId`, only that person's membership (a door sign-in reads no more). */
export function currentMembers(db: Db, bodyId: number, onDate?: string, personId?: number) {
  return db.orm
    .select({
      id: bodyMembers.id,
      personId: bodyMembers.personId,
      name: people.name,
      gender: people.gender,
      pinyinKeys: people.pinyinKeys,
      householdNo: households.number,
      groupName: people.groupName,
      role: bodyMembers.role,
      joinedOn: bodyMembers.joinedOn,
      leftOn: bodyMembers.leftOn,
    })
    .from(bodyMembers)
    .innerJoin(people, eq(people.id, bodyMembers.personId))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(personId === undefined ? membersOn(bodyId, onDate) : and(membersOn(bodyId, onDate), eq(bodyMembers.personId, personId)))
    .orderBy(asc(people.pinyinKeys), asc(bodyMembers.id))
    .all();
}

export function getBody(db: Db, id: number): Body {
  const body = findBody(db, id);
  const members = currentMembers(db, id);
  return { ...body, memberCount: members.length, composition: compositionChecks(body.kind, members) };
}

export function listBodies(db: Db, orgId: number): { items: Body[] } {
  getOrganization(db, orgId);
  const rows = db.orm.select({ id: bodies.id }).from(bodies).where(eq(bodies.orgId, orgId)).orderBy(asc(bodies.id)).all();
  return { items: rows.map((r) => getBody(db, r.id)) };
}

function checkTerm(termStart: string | null | undefined, termEnd: string | null | undefined) {
  if (termStart && termEnd && termEnd < termStart) {
    throw new ApiError('INVALID_INPUT', `任期结束日期 ${termEnd} 早于开始日期 ${termStart}，请核对`);
  }
}

export function createBody(tx: Tx, input: ParsedInput<'bodies.create'>): Body {
  getOrganization(tx, input.orgId);
  checkTerm(input.termStart, input.termEnd);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(bodies)
    .values({
      orgId: input.orgId,
      name: input.name,
      kind: input.kind,
      termStart: input.termStart ?? null,
      termEnd: input.termEnd ?? null,
      note: blankToNull(input.note),
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'body.create', entity: 'body', entityId: row.id, after: row });
  return getBody(tx, row.id);
}

export function updateBody(tx: Tx, input: ParsedInput<'bodies.update'>): Body {
  const before = findBody(tx, input.id);
  const termStart = input.termStart === undefined ? before.termStart : input.termStart;
  const termEnd = input.termEnd === undefined ? before.termEnd : input.termEnd;
  checkTerm(termStart, termEnd);
  tx.orm
    .update(bodies)
    .set({
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      termStart,
      termEnd,
      note: input.note === undefined ? before.note : blankToNull(input.note),
      updatedAt: tx.clock.instant,
    })
    .where(eq(bodies.id, input.id))
    .run();
  appendAudit(tx, { action: 'body.update', entity: 'body', entityId: input.id, before, after: findBody(tx, input.id) });
  return getBody(tx, input.id);
}

export function listBodyMembers(db: Db, bodyId: number, includeFormer: boolean): { body: Body; items: BodyMember[] } {
  const body = getBody(db, bodyId);
  const rows = includeFormer
    ? db.orm
        .select({
          id: bodyMembers.id,
          personId: bodyMembers.personId,
          name: people.name,
          gender: people.gender,
          householdNo: households.number,
          groupName: people.groupName,
          role: bodyMembers.role,
          joinedOn: bodyMembers.joinedOn,
          leftOn: bodyMembers.leftOn,
        })
        .from(bodyMembers)
        .innerJoin(people, eq(people.id, bodyMembers.personId))
        .leftJoin(households, eq(households.id, people.householdId))
        .where(eq(bodyMembers.bodyId, bodyId))
        .orderBy(asc(people.pinyinKeys))
        .all()
    : currentMembers(db, bodyId).map(({ pinyinKeys: _p, ...m }) => m);
  return { body, items: rows };
}

export function addBodyMembers(tx: Tx, input: ParsedInput<'bodies.addMembers'>): { added: number; body: Body } {
  const body = findBody(tx, input.bodyId);
  let added = 0;
  for (const personId of new Set(input.personIds)) {
    const person = tx.orm.select().from(people).where(eq(people.id, personId)).get();
    if (!person || person.orgId !== body.orgId) {
      throw new ApiError('NOT_FOUND', `编号为 ${personId} 的人员不在本议事主体的名册中，没有添加任何成员`);
    }
    // 预备党员 keep their own role in a 党支部: they attend without a vote (党章 第七条), so never enter as 党员.
    const kind = bodyKinds.find((k) => k.kind === body.kind);
    if (kind?.nonVotingTag && (JSON.parse(person.tags) as string[]).includes(kind.nonVotingTag) && !(kind.nonVotingRoles ?? []).includes(input.role)) {
      throw new ApiError(
        'INVALID_INPUT',
        `${person.name}在名册中是${kind.nonVotingTag}，没有表决权（${kind.nonVotingSource ?? '党章第七条'}），请以“${kind.nonVotingRoles?.[0] ?? kind.nonVotingTag}”身份加入${body.name}；转为正式党员后先在名册中改标签`,
      );
    }
    const existing = tx.orm
      .select()
      .from(bodyMembers)
      .where(and(eq(bodyMembers.bodyId, body.id), eq(bodyMembers.personId, personId)))
      .get();
    if (existing && existing.leftOn == null) throw new ApiError('CONFLICT', `${person.name}已经是${body.name}的成员，没有添加任何成员`);
    if (existing) {
      // Rejoining: the membership line comes back with the new role, the audit keeps the old one.
      tx.orm
        .update(bodyMembers)
        .set({ role: input.role, leftOn: null, joinedOn: input.joinedOn ?? existing.joinedOn })
        .where(eq(bodyMembers.id, existing.id))
        .run();
      appendAudit(tx, {
        action: 'body.rejoin',
        entity: 'bodyMember',
        entityId: existing.id,
        before: existing,
        after: { ...existing, role: input.role, leftOn: null },
      });
    } else {
      const row = tx.orm
        .insert(bodyMembers)
        .values({ bodyId: body.id, personId, role: input.role, joinedOn: input.joinedOn ?? null, createdAt: tx.clock.instant })
        .returning()
        .get();
      appendAudit(tx, { action: 'body.addMember', entity: 'bodyMember', entityId: row.id, after: row });
    }
    added++;
  }
  return { added, body: getBody(tx, body.id) };
}

export function updateBodyMember(tx: Tx, input: ParsedInput<'bodies.updateMember'>): BodyMember {
  const before = tx.orm.select().from(bodyMembers).where(eq(bodyMembers.id, input.memberId)).get();
  if (!before) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.memberId} 的成员，请刷新后重试`);
  if (input.role !== undefined && input.role.trim() === '') throw new ApiError('INVALID_INPUT', '请填写职务');
  if (input.leftOn && before.joinedOn && input.leftOn < before.joinedOn) {
    throw new ApiError('INVALID_INPUT', `离任日期 ${input.leftOn} 早于加入日期 ${before.joinedOn}，请核对`);
  }
  tx.orm
    .update(bodyMembers)
    .set({ role: input.role ?? before.role, leftOn: input.leftOn === undefined ? before.leftOn : input.leftOn })
    .where(eq(bodyMembers.id, input.memberId))
    .run();
  const after = tx.orm.select().from(bodyMembers).where(eq(bodyMembers.id, input.memberId)).get()!;
  appendAudit(tx, { action: 'body.updateMember', entity: 'bodyMember', entityId: input.memberId, before, after });
  return listBodyMembers(tx, before.bodyId, true).items.find((m) => m.id === input.memberId)!;
}
