import { asc, eq } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import type { Organization } from '../core/contract/organizations';
import { appendAudit } from './audit';
import { inTransaction, type Actor, type Db } from './client';
import { organizations } from './schema';
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

export function createOrganization(
  db: Db,
  actor: Actor,
  input: { name: string; kind: Organization['kind']; parentId?: number | null | undefined },
  now = new Date(),
): Organization {
  return inTransaction(db, () => {
    assertNameFree(db, input.name);
    if (input.parentId != null) getOrganization(db, input.parentId);
    const at = now.toISOString();
    const org = db.orm
      .insert(organizations)
      .values({ name: input.name, kind: input.kind, parentId: input.parentId ?? null, createdAt: at, updatedAt: at })
      .returning()
      .get();
    appendAudit(db, actor, { action: 'organization.create', entity: 'organization', entityId: org.id, after: org }, now);
    // The first organization becomes the current one, so a new user lands in it.
    if (getSetting<number>(db, CURRENT_ORG_KEY) == null) setSetting(db, CURRENT_ORG_KEY, org.id, now);
    return org;
  });
}

export function renameOrganization(db: Db, actor: Actor, id: number, name: string, now = new Date()): Organization {
  return inTransaction(db, () => {
    const before = getOrganization(db, id);
    assertNameFree(db, name, id);
    const after = db.orm
      .update(organizations)
      .set({ name, updatedAt: now.toISOString() })
      .where(eq(organizations.id, id))
      .returning()
      .get();
    appendAudit(db, actor, { action: 'organization.rename', entity: 'organization', entityId: id, before, after }, now);
    return after!;
  });
}

export function setCurrentOrganization(db: Db, actor: Actor, id: number, now = new Date()): Organization {
  return inTransaction(db, () => {
    const org = getOrganization(db, id);
    const before = getSetting<number>(db, CURRENT_ORG_KEY);
    setSetting(db, CURRENT_ORG_KEY, id, now);
    appendAudit(db, actor, { action: 'organization.setCurrent', entity: 'organization', entityId: id, before: { currentId: before }, after: { currentId: id } }, now);
    return org;
  });
}
