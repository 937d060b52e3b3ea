import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import { households } from './schema';

/** The household with this 户号 in the organization, created when first seen. */
export function ensureHousehold(
  db: Db,
  orgId: number,
  number: string,
  groupName: string | null,
  now = new Date(),
): { id: number; created: boolean } {
  const existing = db.orm
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.orgId, orgId), eq(households.number, number)))
    .get();
  if (existing) return { id: existing.id, created: false };
  const row = db.orm
    .insert(households)
    .values({ orgId, number, groupName, createdAt: now.toISOString() })
    .returning({ id: households.id })
    .get();
  return { id: row.id, created: true };
}
