import { asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import type { Organization } from '../core/contract/organizations';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { defaultProfile } from '../core/documents/issuer';
import type { OrgProfileView } from '../core/contract/organizations';
import { organizationProfiles, organizations } from './schema';
import { getSetting, setSetting } from './settings';

const CURRENT_ORG_KEY = 'currentOrgId';

export function listOrganizations(db: Db): { items: Organization[]; currentId: number | null } {
  const items = db.orm.select().from(organizations).orderBy(asc(organizations.id)).all();
  const saved = getSetting<number>(db, CURRENT_ORG_KEY);
  const currentId = items.some((o) => o.id === saved) ? saved : (items[0]?.id ?? null);
  return { items, currentId };
}

export function getOrganization(db: Db, id: number): Organization {
  const org = db.orm.select().from(organizations).where(eq(organizations.id, id)).get();
  if (!org) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的议事主体，可能已被删除，请刷新后重试`);
  return org;
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const same = db.orm.select().from(organizations).where(eq(organizations.name, name)).all();
  if (same.some((o) => o.id !== exceptId)) {
    throw new ApiError('CONFLICT', `已经有名为“${name}”的议事主体，请换一个名称`);
  }
}

export function createOrganization(tx: Tx, input: ParsedInput<'organizations.create'>): Organization {
  assertNameFree(tx, input.name);
  if (input.parentId != null) getOrganization(tx, input.parentId);
  const at = tx.clock.instant;
  const org = tx.orm
    .insert(organizations)
    .values({ name: input.name, kind: input.kind, parentId: input.parentId ?? null, createdAt: at, updatedAt: at })
    .returning()
    .get();
  appendAudit(tx, { action: 'organization.create', entity: 'organization', entityId: org.id, after: org });
  // The first organization becomes the current one, so a new user lands in it.
  if (getSetting<number>(tx, CURRENT_ORG_KEY) == null) setSetting(tx, CURRENT_ORG_KEY, org.id);
  return org;
}

export function renameOrganization(tx: Tx, input: ParsedInput<'organizations.rename'>): Organization {
  const before = getOrganization(tx, input.id);
  assertNameFree(tx, input.name, input.id);
  const after = tx.orm.update(organizations).set({ name: input.name, updatedAt: tx.clock.instant }).where(eq(organizations.id, input.id)).returning().get();
  appendAudit(tx, { action: 'organization.rename', entity: 'organization', entityId: input.id, before, after });
  return after!;
}

export function setCurrentOrganization(tx: Tx, input: ParsedInput<'organizations.setCurrent'>): Organization {
  const org = getOrganization(tx, input.id);
  const before = getSetting<number>(tx, CURRENT_ORG_KEY);
  setSetting(tx, CURRENT_ORG_KEY, input.id);
  appendAudit(tx, {
    action: 'organization.setCurrent',
    entity: 'organization',
    entityId: input.id,
    before: { currentId: before },
    after: { currentId: input.id },
  });
  return org;
}

/** 本单位信息, or the names derived from the 议事主体 where none was saved yet. */
export function getOrgProfile(db: Db, orgId: number): OrgProfileView {
  const org = getOrganization(db, orgId);
  const row = db.orm.select().from(organizationProfiles).where(eq(organizationProfiles.orgId, orgId)).get();
  if (!row) return { orgId, ...defaultProfile(org), saved: false };
  const { updatedAt: _updatedAt, ...profile } = row;
  return { ...profile, saved: true };
}

export function setOrgProfile(tx: Tx, input: ParsedInput<'organizations.setProfile'>): OrgProfileView {
  const before = getOrgProfile(tx, input.orgId);
  const { orgId, ...values } = input;
  const row = { ...values, updatedAt: tx.clock.instant };
  tx.orm
    .insert(organizationProfiles)
    .values({ orgId, ...row })
    .onConflictDoUpdate({ target: organizationProfiles.orgId, set: row })
    .run();
  const after = getOrgProfile(tx, orgId);
  appendAudit(tx, { action: 'organization.profile', entity: 'organization', entityId: orgId, before: before.saved ? before : null, after });
  return after;
}
