import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Clock } from '../core/clock';
import type * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

/** An open database: the raw handle for transactions and pragmas, drizzle for queries. */
export interface Db {
  sqlite: Database.Database;
  orm: Orm;
  file: string;
}

/** Who is acting, for the audit trail and the documents: a named user of this installation. */
export interface Actor {
  name: string;
  /** The installation user's id, where the actor is one (the web preview and tests may not be). */
  userId?: number | null;
}

declare const writable: unique symbol;

/**
 * The database inside the one write transaction (db/write.ts), with who is acting and the one
 * clock of that write. Only the write path makes one, so a function that takes a `Tx` cannot
 * run outside a transaction, without an actor, or with a clock of its own (Signal's
 * `WritableDB`, Actual's mutators).
 */
export type Tx = Db & {
  readonly [writable]: true;
  readonly actor: Actor;
  readonly clock: Clock;
};
