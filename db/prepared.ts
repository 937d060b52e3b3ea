import type { Statement } from 'better-sqlite3';
import type { Db } from './client';

const caches = new WeakMap<Db['sqlite'], Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, compiled once and reused: building and compiling
 * a query costs more than running it, which is what made a row-by-row import many times slower
 * than the same inserts in plain SQL.
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let cache = caches.get(db.sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(db.sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as Statement<P, R>;
}

const drizzleCaches = new WeakMap<Db['sqlite'], Map<string, unknown>>();

/**
 * A statement built by drizzle and compiled by SQLite once per open file, then reused with new
 * values (placeholders). A plain drizzle call builds the SQL text and compiles it on every call,
 * which costs more than running it on the door's hot path.
 */
export function preparedOnce<T>(db: Db, key: string, build: () => T): T {
  let cache = drizzleCaches.get(db.sqlite);
  if (!cache) drizzleCaches.set(db.sqlite, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    cache.set(key, statement);
  }
  return statement;
}
