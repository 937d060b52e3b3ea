import type Database from 'better-sqlite3';
import type { Db } from './client';

// Preparing a statement parses and plans it (tens of microseconds); a list read on every screen
// should pay that once per connection, not once per call.
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `source` on this connection, prepared the first time it is asked for. */
export function statement(db: Db, source: string): Database.Statement {
  let byText = cache.get(db.sqlite);
  if (!byText) {
    byText = new Map();
    cache.set(db.sqlite, byText);
  }
  let s = byText.get(source);
  if (!s) {
    s = db.sqlite.prepare(source);
    byText.set(source, s);
  }
  return s;
}
