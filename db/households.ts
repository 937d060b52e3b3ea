import type { Tx } from './client';
import { prepared } from './prepared';

/** The household with this 户号 in the organization, created when first seen; part of the caller's write. */
export function ensureHousehold(tx: Tx, orgId: number, number: string, groupName: string | null): { id: number; created: boolean } {
  const existing = prepared<[number, string], { id: number }>(tx, 'select id from households where org_id = ? and number = ?').get(orgId, number);
  if (existing) return { id: existing.id, created: false };
  const inserted = prepared<[number, string, string | null, string]>(
    tx,
    'insert into households (org_id, number, group_name, created_at) values (?, ?, ?, ?)',
  ).run(orgId, number, groupName, tx.clock.instant);
  return { id: Number(inserted.lastInsertRowid), created: true };
}
