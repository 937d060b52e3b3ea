import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { auditLog } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

function hashEntry(e: {
  prevHash: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  beforeJson: string | null;
  afterJson: string | null;
}): string {
  const canonical = JSON.stringify([e.prevHash, e.at, e.actor, e.action, e.entity, e.entityId, e.beforeJson, e.afterJson]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Appends one entry to the write's own transaction, by its actor, at its instant. */
export function appendAudit(tx: Tx, input: AuditInput): void {
  const actor = tx.actor;
  const at = tx.clock.instant;
  const db = tx;
  const last = db.orm.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const entry = {
    prevHash: last?.hash ?? GENESIS_HASH,
    at,
    actor: actor.name,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    beforeJson: input.before === undefined ? null : JSON.stringify(input.before),
    afterJson: input.after === undefined ? null : JSON.stringify(input.after),
  };
  db.orm
    .insert(auditLog)
    .values({ ...entry, hash: hashEntry(entry) })
    .run();
}

/** Recomputes the chain; `brokenAt` is the id of the first entry that does not match. */
export function verifyAuditChain(db: Db): { entries: number; ok: boolean; brokenAt: number | null } {
  let prev = GENESIS_HASH;
  let count = 0;
  // Iterated row by row: the trail grows for years and need not fit in memory at once.
  const rows = db.sqlite
    .prepare(
      'select id, prev_hash as prevHash, at, actor, action, entity, entity_id as entityId, before_json as beforeJson, after_json as afterJson, hash from audit_log order by id',
    )
    .iterate() as IterableIterator<typeof auditLog.$inferSelect>;
  let brokenAt: number | null = null;
  for (const row of rows) {
    count++;
    if (brokenAt === null && (row.prevHash !== prev || hashEntry(row) !== row.hash)) brokenAt = row.id;
    prev = row.hash;
  }
  return { entries: count, ok: brokenAt === null, brokenAt };
}
