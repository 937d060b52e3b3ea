import Database from 'better-sqlite3';
import { entryHash, GENESIS_HASH } from '../audit';
import { BackupFileError, inspectDatabaseFile, type BackupContents } from '../backups/inspect';
import type { auditLog } from '../schema';

/**
 * Work too long for the thread that answers the window: each task opens its own connection, so
 * it can run in a worker thread (db/maintenance/worker.ts) while the app keeps answering.
 */
export type Task =
  /** PRAGMA integrity_check (or quick_check) of the live file, read-only: a consistent snapshot while the app writes. */
  | { kind: 'integrity'; file: string; quick?: boolean; nativeBinding?: string }
  /** The check every backup passes before it is named (normalized to a plain rollback-journal file). */
  | { kind: 'inspectCopy'; file: string; nativeBinding?: string }
  /** The audit chain recomputed from the first entry (system.verifyAudit). */
  | { kind: 'verifyAudit'; file: string; nativeBinding?: string };

export interface TaskResults {
  integrity: { problems: string[] };
  inspectCopy: { contents: BackupContents; problem: null } | { contents: null; problem: string };
  verifyAudit: { entries: number; ok: boolean; brokenAt: number | null };
}

export type TaskResult<K extends Task['kind']> = TaskResults[K];

export type Progress = (done: number, total: number) => void;

function openReadOnly(file: string, nativeBinding?: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

function integrity(file: string, quick: boolean, nativeBinding?: string): TaskResults['integrity'] {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openReadOnly(file, nativeBinding);
    const rows = (sqlite.pragma(quick ? 'quick_check' : 'integrity_check') as Record<string, string>[]).map((r) => String(Object.values(r)[0]));
    return { problems: rows.length === 1 && rows[0] === 'ok' ? [] : rows.slice(0, 10) };
  } catch (err) {
    // A page so damaged that the check itself fails is damage too.
    return { problems: [String((err as Error).message)] };
  } finally {
    sqlite?.close();
  }
}

function inspectCopy(file: string, nativeBinding?: string): TaskResults['inspectCopy'] {
  try {
    return { contents: inspectDatabaseFile(file, { normalize: true, ...(nativeBinding ? { nativeBinding } : {}) }), problem: null };
  } catch (err) {
    return { contents: null, problem: err instanceof BackupFileError ? err.message : '这个副本无法读取' };
  }
}

const PROGRESS_EVERY = 5000;

function verifyAudit(file: string, nativeBinding: string | undefined, progress: Progress): TaskResults['verifyAudit'] {
  const sqlite = openReadOnly(file, nativeBinding);
  try {
    // One read transaction: the count and the rows are the same snapshot while the app writes.
    return sqlite.transaction(() => {
      const total = (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
      const rows = sqlite
        .prepare(
          'select id, prev_hash as prevHash, at, actor, action, entity, entity_id as entityId, before_json as beforeJson, after_json as afterJson, hash from audit_log order by id',
        )
        .iterate() as IterableIterator<typeof auditLog.$inferSelect>;
      let prev = GENESIS_HASH;
      let count = 0;
      let brokenAt: number | null = null;
      for (const row of rows) {
        count++;
        if (brokenAt === null && (row.prevHash !== prev || entryHash(row) !== row.hash)) brokenAt = row.id;
        prev = row.hash;
        if (count % PROGRESS_EVERY === 0) progress(count, total);
      }
      return { entries: count, ok: brokenAt === null, brokenAt };
    })();
  } finally {
    sqlite.close();
  }
}

/** Runs a task on the calling thread (inside the worker, or where no worker can be started). */
export function runTaskHere<T extends Task>(task: T, progress: Progress = () => {}): TaskResult<T['kind']> {
  switch (task.kind) {
    case 'integrity':
      return integrity(task.file, task.quick === true, task.nativeBinding) as TaskResult<T['kind']>;
    case 'inspectCopy':
      return inspectCopy(task.file, task.nativeBinding) as TaskResult<T['kind']>;
    case 'verifyAudit':
      return verifyAudit(task.file, task.nativeBinding, progress) as TaskResult<T['kind']>;
  }
  throw new Error('unknown task');
}
