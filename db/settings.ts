import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { settings } from './schema';

export function getSetting<T>(db: Db, key: string): T | null {
  const row = db.orm.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

/** Call inside the caller's transaction when the change should be audited with it. */
export function setSetting(db: Db, key: string, value: unknown, now = new Date()): void {
  const json = JSON.stringify(value);
  db.orm
    .insert(settings)
    .values({ key, value: json, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now.toISOString() } })
    .run();
}
