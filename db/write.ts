import type { Statement } from 'better-sqlite3';
import type { Clock } from '../core/clock';
import { ApiError, type ErrorCode } from '../core/contract/define';
import { advanceHeadAnchor, appendAudit, type AuditInput } from './audit';
import type { Actor, Db, Tx } from './client';

/**
 * The one write path. A write runs alone (no other write or read interleaves with it), inside
 * one IMMEDIATE transaction, and is committed only if it left at least one audit row for what
 * it changed. Reads run with the connection set to `query_only`, so a read that writes fails
 * instead of changing the record unnoticed.
 */

interface Probes {
  lastAudit: Statement<[], { id: number }>;
  changes: Statement<[], { n: number }>;
}

const probes = new WeakMap<Db['sqlite'], Probes>();
function probesOf(db: Db): Probes {
  let p = probes.get(db.sqlite);
  if (!p) {
    p = {
      lastAudit: db.sqlite.prepare('select coalesce(max(id), 0) as id from audit_log'),
      changes: db.sqlite.prepare('select total_changes() as n'),
    };
    probes.set(db.sqlite, p);
  }
  return p;
}

/** Readers share, a writer is alone; first come, first served, so a write is never starved. */
class Gate {
  private readers = 0;
  private writing = false;
  private readonly queue: { write: boolean; go: () => void }[] = [];

  constructor(private readonly db: Db) {}

  run<T>(write: boolean, fn: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        write,
        go: () => {
          Promise.resolve()
            .then(fn)
            .then(resolve, reject)
            .finally(() => this.leave(write));
        },
      });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (this.writing || (next.write && this.readers > 0)) return;
      this.queue.shift();
      if (next.write) this.writing = true;
      else if (this.readers++ === 0 && this.db.sqlite.open) this.db.sqlite.pragma('query_only = ON');
      next.go();
    }
  }

  private leave(write: boolean): void {
    if (write) this.writing = false;
    else if (--this.readers === 0 && this.db.sqlite.open) this.db.sqlite.pragma('query_only = OFF');
    this.pump();
  }
}

const gates = new WeakMap<Db['sqlite'], Gate>();
function gateOf(db: Db): Gate {
  let g = gates.get(db.sqlite);
  if (!g) {
    g = new Gate(db);
    gates.set(db.sqlite, g);
  }
  return g;
}

/**
 * Writes refused for the whole file (the lock triggers are not all present): the message says
 * what was found and how to repair it. Only the repair itself (and signing in to do it) passes.
 */
const blocks = new WeakMap<Db['sqlite'], string>();
export function blockWrites(db: Db, message: string | null): void {
  if (message) blocks.set(db.sqlite, message);
  else blocks.delete(db.sqlite);
}
export function writesBlocked(db: Db): string | null {
  return blocks.get(db.sqlite) ?? null;
}

export interface WriteOptions {
  /** The repair path (and signing in to reach it) runs even while writes are refused. */
  whileBlocked?: boolean;
}

function begin(db: Db, actor: Actor, clock: Clock, options: WriteOptions = {}): { tx: Tx; finish: () => void } {
  const blocked = blocks.get(db.sqlite);
  if (blocked && !options.whileBlocked) throw new ApiError('FORBIDDEN', blocked);
  if (db.sqlite.inTransaction) {
    throw new ApiError('INTERNAL', '软件内部出错：一项修改还没有完成，另一项修改就开始了；刚才的操作没有保存，请重试');
  }
  const p = probesOf(db);
  db.sqlite.exec('BEGIN IMMEDIATE');
  const lastAudit = p.lastAudit.get()!.id;
  const changes = p.changes.get()!.n;
  const tx = { sqlite: db.sqlite, orm: db.orm, file: db.file, actor, clock } as Tx;
  const finish = () => {
    const changed = p.changes.get()!.n !== changes;
    const audited = p.lastAudit.get()!.id !== lastAudit;
    if (changed && !audited) {
      throw new ApiError('INTERNAL', '软件内部出错：这项修改没有留下操作记录，按规定不能保存；刚才的操作没有保存，请联系技术人员');
    }
    if (audited) advanceHeadAnchor(db, lastAudit, clock.instant);
    db.sqlite.exec('COMMIT');
  };
  return { tx, finish };
}

function rollback(db: Db): void {
  if (db.sqlite.inTransaction) db.sqlite.exec('ROLLBACK');
}

/**
 * A refusal that must itself leave a trace (a wrong PIN): the write is rolled back as any
 * refused write is, then `audit` is recorded alone, by the same actor at the same instant.
 */
export class RecordedRefusal extends ApiError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly audit: AuditInput,
  ) {
    super(code, message);
  }
}

function recordRefusal(db: Db, actor: Actor, clock: Clock, err: unknown, options: WriteOptions): void {
  if (!(err instanceof RecordedRefusal)) return;
  const { tx, finish } = begin(db, actor, clock, options);
  try {
    appendAudit(tx, err.audit);
    finish();
  } catch {
    rollback(db);
  }
}

/** A synchronous write outside dispatch (start-up tasks, tests): same transaction and audit rule. */
export function writeNow<T>(db: Db, actor: Actor, clock: Clock, fn: (tx: Tx) => T, options: WriteOptions = {}): T {
  const { tx, finish } = begin(db, actor, clock, options);
  try {
    const value = fn(tx);
    if (value instanceof Promise) throw new Error('writeNow takes a synchronous function; use runWrite');
    finish();
    return value;
  } catch (err) {
    rollback(db);
    throw err;
  }
}

/**
 * A write through the gate: waits for running reads and writes, then holds the transaction
 * across `fn`'s awaits (building a .docx while finalizing), so nothing can slip in between.
 */
export function runWrite<T>(db: Db, actor: Actor, clock: Clock, fn: (tx: Tx) => Promise<T> | T, options: WriteOptions = {}): Promise<T> {
  return gateOf(db).run(true, () => {
    const { tx, finish } = begin(db, actor, clock, options);
    const fail = (err: unknown): never => {
      rollback(db);
      recordRefusal(db, actor, clock, err, options);
      throw err;
    };
    try {
      const value = fn(tx);
      // A synchronous write commits in the same tick it began: the transaction is never left
      // open across an await unless the write itself awaits (another connection to the file
      // would otherwise wait on a lock this thread holds).
      if (!(value instanceof Promise)) {
        finish();
        return value;
      }
      return value.then((v) => {
        try {
          finish();
        } catch (err) {
          fail(err);
        }
        return v;
      }, fail);
    } catch (err) {
      return fail(err);
    }
  });
}

/** A read through the gate: never alongside a write, and with the connection read-only. */
export function runRead<T>(db: Db, fn: () => Promise<T> | T): Promise<T> {
  return gateOf(db).run(false, fn);
}

/** Runs `fn` with nothing else on the connection, no read and no write alongside: for closing and replacing the file (导入迁移包). */
export function runExclusive<T>(db: Db, fn: () => Promise<T> | T): Promise<T> {
  return gateOf(db).run(true, fn);
}
