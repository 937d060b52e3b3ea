/**
 * Opens the hub's database: a real PostgreSQL server when `databaseUrl` is given (node-postgres),
 * otherwise embedded PGlite with its data in a folder (or in memory for tests). Migrations in
 * server/db/migrations are applied by drizzle's migrator for the driver in use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type PgDatabase } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type HubDb = PgDatabase<any, typeof schema>;
export type HubTx = Parameters<Parameters<HubDb['transaction']>[0]>[0];

export interface OpenedHubDb {
  db: HubDb;
  driver: 'pglite' | 'postgres';
  /** Where the data is: the folder (PGlite) or the server's address without the password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… : use that server. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; omitted: in memory. */
  dataDir?: string | undefined;
  migrationsFolder: string;
}

export function defaultMigrationsFolder(): string {
  // Source (vitest, tsx): next to this file. Bundled (dist/server/main.cjs): copied beside it.
  const candidates = [path.join(__dirname, 'migrations'), path.join(__dirname, 'hub-migrations'), path.resolve('server/db/migrations')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'meta', '_journal.json'))) ?? candidates[0]!;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

export async function openHubDb(options: OpenOptions): Promise<OpenedHubDb> {
  if (options.databaseUrl) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = drizzle(pool, { schema });
    try {
      await migrate(db, { migrationsFolder: options.migrationsFolder });
    } catch (e) {
      await pool.end();
      throw e;
    }
    return { db: db as unknown as HubDb, driver: 'postgres', location: redactUrl(options.databaseUrl), close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzle(client, { schema });
  try {
    await migrate(db, { migrationsFolder: options.migrationsFolder });
  } catch (e) {
    await client.close();
    throw e;
  }
  return { db: db as unknown as HubDb, driver: 'pglite', location: options.dataDir ?? '(内存)', close: () => client.close() };
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(db: HubDb | HubTx, query: Parameters<HubDb['execute']>[0]): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
