import type { Db } from '../client';
import { auditHead, entryHash, GENESIS_HASH } from '../audit';
import type { BackupHead } from '../backups/head';
import type { auditLog } from '../schema';

interface Anchor {
  kind: string;
  count: number;
  lastId: number;
  hash: string;
  at: string;
  detail: string | null;
}

export interface AuditFinding {
  /** When it was found (instant). */
  at: string;
  message: string;
}

function anchorOf(db: Db, kind: string): Anchor | undefined {
  return db.sqlite.prepare('select kind, count, last_id as lastId, hash, at, detail from audit_anchors where kind = ?').get(kind) as Anchor | undefined;
}

function lastRow(db: Db): { id: number; hash: string } | undefined {
  return db.sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined;
}

/**
 * Entries up to `lastId`, counted as all entries less the (few) after it: `count(*) where id <= ?`
 * walks the table itself, a second per gigabyte at every start; the whole count reads an index.
 */
function entriesUpTo(db: Db, lastId: number): number {
  const row = db.sqlite.prepare('select (select count(*) from audit_log) - (select count(*) from audit_log where id > ?) as n').get(lastId) as { n: number };
  return row.n;
}

/**
 * The start-up check of the audit trail against its anchors: the chain is recomputed only after
 * the last verified anchor; the head anchor (moved by every write), the verified anchor and the
 * anchor of every finalized meeting (minutes_reviews.audit_count / audit_hash) catch a tail cut
 * off and a trail re-hashed forward from an edited entry. Returns what was found, in words.
 */
export function checkAuditTrail(db: Db, backup: BackupHead | null = null): string[] {
  const found: string[] = compareWithBackup(db, backup);
  const head = auditHead(db);
  let fromId = 0;
  let prev = GENESIS_HASH;
  let position = 0;

  const verified = anchorOf(db, 'verified');
  if (verified && verified.count > 0) {
    const row = db.sqlite.prepare('select hash from audit_log where id = ?').get(verified.lastId) as { hash: string } | undefined;
    const upTo = entriesUpTo(db, verified.lastId);
    if (!row || upTo < verified.count) {
      found.push(`操作记录被截短：上次启动时已核验 ${verified.count} 条，现在只剩 ${head.count} 条`);
    } else if (row.hash !== verified.hash) {
      found.push(`操作记录被改写：上次启动时核验过的第 ${verified.count} 条，校验值已经不同`);
    } else {
      fromId = verified.lastId;
      prev = verified.hash;
      position = upTo;
    }
  }

  const rows = db.sqlite
    .prepare(
      'select id, prev_hash as prevHash, at, actor, action, entity, entity_id as entityId, before_json as beforeJson, after_json as afterJson, hash from audit_log where id > ? order by id',
    )
    .iterate(fromId) as IterableIterator<typeof auditLog.$inferSelect>;
  for (const row of rows) {
    position++;
    if (row.prevHash !== prev || entryHash(row) !== row.hash) {
      found.push(`第 ${position} 条操作记录（${row.at.slice(0, 10)}，${row.action}）与前后记录对不上，可能被改动或删除过`);
      break;
    }
    prev = row.hash;
  }

  const anchor = anchorOf(db, 'head');
  if (anchor) {
    if (head.count < anchor.count) {
      found.push(`操作记录比最后一次保存时少了 ${anchor.count - head.count} 条（应有 ${anchor.count} 条，现有 ${head.count} 条），末尾的记录被删除了`);
    } else {
      const row = db.sqlite.prepare('select hash from audit_log where id = ?').get(anchor.lastId) as { hash: string } | undefined;
      if (anchor.count > 0 && (!row || row.hash !== anchor.hash)) {
        found.push(`操作记录在最后一次保存之后被改写：第 ${anchor.count} 条的校验值与保存时不同`);
      } else if (head.count > anchor.count) {
        found.push(`有 ${head.count - anchor.count} 条操作记录不是议事厅写入的（在最后一次保存之后被其他程序添加）`);
      }
    }
  }

  const finalized = db.sqlite
    .prepare(
      'select r.meeting_id as id, m.title as title, r.audit_count as count, r.audit_hash as hash from minutes_reviews r join meetings m on m.id = r.meeting_id where r.audit_count is not null and r.audit_count > 0 order by r.meeting_id',
    )
    .all() as { id: number; title: string; count: number; hash: string }[];
  // The trail is append-only with ids from 1 and no gaps, so entry N is the row with id N: one
  // index lookup per finalized meeting. Only when that row does not match is the N-th row found by
  // counting (an OFFSET per meeting would read the whole trail for each one: minutes at ten years).
  const byId = db.sqlite.prepare('select hash from audit_log where id = ?');
  const nth = db.sqlite.prepare('select hash from audit_log order by id limit 1 offset ?');
  for (const f of finalized) {
    const direct = byId.get(f.count) as { hash: string } | undefined;
    if (direct?.hash === f.hash) continue;
    const row = nth.get(f.count - 1) as { hash: string } | undefined;
    if (!row) found.push(`“${f.title}”定稿时操作记录有 ${f.count} 条，现在不足这么多：操作记录被截短`);
    else if (row.hash !== f.hash) found.push(`“${f.title}”定稿时记下的操作记录校验值与现在不同：定稿之前的操作记录被改写过`);
  }
  return [...new Set(found)];
}

/**
 * The newest backup is a copy the file's own anchors cannot reach: whoever cuts the trail or
 * re-hashes it forward and fixes the anchors inside the file still leaves the backup's head
 * behind. The current trail must hold the backup's last entry, unchanged, at the same position —
 * unless that head was replaced on purpose (a restore or an import, recorded in 'replaced').
 */
function compareWithBackup(db: Db, backup: BackupHead | null): string[] {
  if (!backup || backup.count === 0 || !backup.hash || replacedHeads(db).includes(backup.hash)) return [];
  const head = auditHead(db);
  if (head.count < backup.count) {
    return [
      `操作记录比${backup.label}（${backup.name}）还少 ${backup.count - head.count} 条（备份中有 ${backup.count} 条，现在只有 ${head.count} 条）：操作记录被删除过`,
    ];
  }
  const row = db.sqlite.prepare('select hash from audit_log where id = ?').get(backup.lastId) as { hash: string } | undefined;
  const upTo = entriesUpTo(db, backup.lastId);
  if (!row || row.hash !== backup.hash || upTo !== backup.count) {
    return [`操作记录与${backup.label}（${backup.name}）对不上：备份中的第 ${backup.count} 条在现在的数据里已经不同，这之前的操作记录被改动过`];
  }
  return [];
}

/** Heads of trails that a restore or an import replaced on purpose: a backup holding one is not compared. */
export function replacedHeads(db: Db): string[] {
  const row = anchorOf(db, 'replaced');
  return row?.detail ? (JSON.parse(row.detail) as string[]) : [];
}

export function addReplacedHead(db: Db, hash: string, at: string): void {
  saveDetail(db, 'replaced', JSON.stringify([...new Set([...replacedHeads(db), hash])]), at);
}

/** After a clean check (or an acknowledged one): the next start verifies only what comes after. */
export function markVerified(db: Db, at: string): void {
  const last = lastRow(db);
  const head = auditHead(db);
  db.sqlite
    .prepare(
      "insert into audit_anchors (kind, count, last_id, hash, at) values ('verified', ?, ?, ?, ?) on conflict(kind) do update set count = excluded.count, last_id = excluded.last_id, hash = excluded.hash, at = excluded.at",
    )
    .run(head.count, last?.id ?? 0, head.hash, at);
}

/** Findings kept until someone acknowledges them (system.repairGuards). */
export function openFindings(db: Db): AuditFinding[] {
  const row = anchorOf(db, 'findings');
  return row?.detail ? (JSON.parse(row.detail) as AuditFinding[]) : [];
}

export function saveFindings(db: Db, findings: AuditFinding[], at: string): void {
  saveDetail(db, 'findings', findings.length > 0 ? JSON.stringify(findings) : null, at);
}

/** Findings someone acknowledged (a finalized meeting's anchor keeps saying so): not shown again. */
export function acknowledgedFindings(db: Db): string[] {
  const row = anchorOf(db, 'acknowledged');
  return row?.detail ? (JSON.parse(row.detail) as string[]) : [];
}

export function saveAcknowledged(db: Db, messages: string[], at: string): void {
  saveDetail(db, 'acknowledged', JSON.stringify([...new Set(messages)]), at);
}

function saveDetail(db: Db, kind: string, detail: string | null, at: string): void {
  const head = auditHead(db);
  const last = lastRow(db);
  db.sqlite
    .prepare(
      'insert into audit_anchors (kind, count, last_id, hash, at, detail) values (?, ?, ?, ?, ?, ?) on conflict(kind) do update set count = excluded.count, last_id = excluded.last_id, hash = excluded.hash, at = excluded.at, detail = excluded.detail',
    )
    .run(kind, head.count, last?.id ?? 0, head.hash, at, detail);
}

/** Re-anchors the head on the trail as it now stands (after findings were recorded). */
export function resetHead(db: Db, at: string): void {
  const head = auditHead(db);
  const last = lastRow(db);
  db.sqlite
    .prepare(
      "insert into audit_anchors (kind, count, last_id, hash, at) values ('head', ?, ?, ?, ?) on conflict(kind) do update set count = excluded.count, last_id = excluded.last_id, hash = excluded.hash, at = excluded.at",
    )
    .run(head.count, last?.id ?? 0, head.hash, at);
}
