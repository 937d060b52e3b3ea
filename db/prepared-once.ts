import type { Db } from './client';

const caches = new WeakMap<Db['sqlite'], Map<string, unknown>>();

/**
 * A statement built by drizzle and compiled by SQLite once per open file, then reused with new
 * values (placeholders). A plain drizzle call builds the SQL text and compiles it on every call,
 * which costs more than running it on the door's hot path.
 */
export function preparedOnce<T>(db: Db, key: string, build: () => T): T {
  let cache = caches.get(db.sqlite);
  if (!cache) caches.set(db.sqlite, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    cache.set(key, statement);
  }
  return statement;
}
