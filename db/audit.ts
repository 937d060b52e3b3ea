import { hash } from 'node:crypto';
import { maskIdNumber, maskPhone } from '../core/mask';
import type { Db, Tx } from './client';
import { prepared } from './prepared';
import type { auditLog } from './schema';

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
  // One-shot hashing: a roster import appends thousands of entries in one write.
  return hash('sha256', canonical, 'hex');
}

/**
 * ID numbers and phone numbers never enter the trail in clear: whatever object a write records,
 * its `idNumber` / `phone` / `callerPhone` fields (at any depth) are stored masked, as the roster shows them.
 */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if ((key === 'idNumber' || key === 'id_number') && typeof v === 'string') out[key] = maskIdNumber(v);
    else if ((key === 'phone' || key === 'callerPhone' || key === 'caller_phone') && typeof v === 'string') out[key] = maskPhone(v);
    else out[key] = maskPersonalData(v);
  }
  return out;
}

/** Appends one entry to the write's own transaction, by its actor, at its instant. */
export function appendAudit(tx: Tx, input: AuditInput): void {
  const actor = tx.actor;
  const at = tx.clock.instant;
  const last = prepared<[], { hash: string }>(tx, 'select hash from audit_log order by id desc limit 1').get();
  const entry = {
    prevHash: last?.hash ?? GENESIS_HASH,
    at,
    actor: actor.name,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    beforeJson: input.before === undefined ? null : JSON.stringify(maskPersonalData(input.before)),
    afterJson: input.after === undefined ? null : JSON.stringify(maskPersonalData(input.after)),
  };
  prepared(
    tx,
    'insert into audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) values (@at, @actor, @action, @entity, @entityId, @beforeJson, @afterJson, @prevHash, @hash)',
  ).run({ ...entry, hash: hashEntry(entry) });
}

export interface AuditHead {
  /** Entries in the trail. */
  count: number;
  /** The last entry's hash (GENESIS_HASH for an empty trail). */
  hash: string;
}

/** The chain's head: what backups' manifests and finalization records keep as an anchor. */
export function auditHead(db: Db): AuditHead {
  const row = db.sqlite.prepare('select count(*) as count, (select hash from audit_log order by id desc limit 1) as hash from audit_log').get() as {
    count: number;
    hash: string | null;
  };
  return { count: row.count, hash: row.hash ?? GENESIS_HASH };
}

/**
 * Moves the 'head' anchor after a write that appended entries after `lastIdBefore`, in the
 * write's own transaction (counted incrementally: the entries are never deleted).
 */
export function advanceHeadAnchor(db: Db, lastIdBefore: number, at: string): void {
  const added = db.sqlite.prepare('select count(*) as n, max(id) as lastId from audit_log where id > ?').get(lastIdBefore) as {
    n: number;
    lastId: number | null;
  };
  if (added.n === 0 || added.lastId === null) return;
  const last = db.sqlite.prepare('select hash from audit_log where id = ?').get(added.lastId) as { hash: string };
  const head = db.sqlite.prepare("select count from audit_anchors where kind = 'head'").get() as { count: number } | undefined;
  const count = head ? head.count + added.n : auditHead(db).count;
  db.sqlite
    .prepare(
      "insert into audit_anchors (kind, count, last_id, hash, at) values ('head', ?, ?, ?, ?) on conflict(kind) do update set count = excluded.count, last_id = excluded.last_id, hash = excluded.hash, at = excluded.at",
    )
    .run(count, added.lastId, last.hash, at);
}

/** The entry's hash, to check a row against the chain (integrity module). */
export function entryHash(row: typeof auditLog.$inferSelect): string {
  return hashEntry(row);
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
