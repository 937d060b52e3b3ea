import { preparedOnce } from './prepared';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { settings } from './schema';

export function getSetting<T>(db: Db, key: string): T | null {
  // Read by every call's clock (the time zone): compiled once per file.
  const statement = preparedOnce(db, 'settings.get', () =>
    db.orm
      .select()
      .from(settings)
      .where(eq(settings.key, sql.placeholder('key')))
      .prepare(),
  );
  const row = statement.get({ key });
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

/** Part of the caller's write, which audits the change with it. */
export function setSetting(tx: Tx, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  const at = tx.clock.instant;
  const db = tx;
  db.orm
    .insert(settings)
    .values({ key, value: json, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: at } })
    .run();
}
