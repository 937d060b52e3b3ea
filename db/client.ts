import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

/** An open database: the raw handle for transactions and pragmas, drizzle for queries. */
export interface Db {
  sqlite: Database.Database;
  orm: Orm;
  file: string;
}

/** Who is acting, for the audit trail. */
export interface Actor {
  name: string;
}

/**
 * Runs `fn` as one IMMEDIATE transaction: every write and its audit entries commit together
 * or not at all. IMMEDIATE takes the write lock up front, so two writers never deadlock.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.sqlite.transaction(fn).immediate();
}
