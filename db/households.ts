import { and, eq } from 'drizzle-orm';
import type { Tx } from './client';
import { households } from './schema';

/** The household with this 户号 in the organization, created when first seen; part of the caller's write. */
export function ensureHousehold(tx: Tx, orgId: number, number: string, groupName: string | null): { id: number; created: boolean } {
  const existing = tx.orm
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.orgId, orgId), eq(households.number, number)))
    .get();
  if (existing) return { id: existing.id, created: false };
  const row = tx.orm.insert(households).values({ orgId, number, groupName, createdAt: tx.clock.instant }).returning({ id: households.id }).get();
  return { id: row.id, created: true };
}
