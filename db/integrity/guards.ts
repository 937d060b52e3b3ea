import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from '../client';

/** name → CREATE TRIGGER text, exactly as the shipped migrations create it. */
export type TriggerSet = Map<string, string>;

const cache = new Map<string, TriggerSet>();

/**
 * The triggers every database of this version must have (the locks of finalized meetings,
 * append-only records, the audit trail): the list comes from the shipped migrations, applied
 * once to an in-memory database, so it can never drift from what a new file gets.
 */
export function expectedTriggers(migrationsFolder: string, nativeBinding?: string): TriggerSet {
  const cached = cache.get(migrationsFolder);
  if (cached) return cached;
  const mem = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    migrate(drizzle(mem), { migrationsFolder });
    const set: TriggerSet = new Map(triggersOf(mem).map((t) => [t.name, t.sql]));
    cache.set(migrationsFolder, set);
    return set;
  } finally {
    mem.close();
  }
}

function triggersOf(sqlite: Database.Database): { name: string; sql: string }[] {
  return sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all() as { name: string; sql: string }[];
}

export interface GuardReport {
  missing: string[];
  altered: string[];
  unexpected: string[];
}

export function checkGuards(db: Db, expected: TriggerSet): GuardReport {
  const actual = new Map(triggersOf(db.sqlite).map((t) => [t.name, t.sql]));
  const missing: string[] = [];
  const altered: string[] = [];
  for (const [name, sql] of expected) {
    const found = actual.get(name);
    if (found === undefined) missing.push(name);
    else if (found !== sql) altered.push(name);
  }
  const unexpected = [...actual.keys()].filter((name) => !expected.has(name));
  return { missing, altered, unexpected };
}

export function guardsIntact(r: GuardReport): boolean {
  return r.missing.length + r.altered.length + r.unexpected.length === 0;
}

/** What was found, in words for the banner and the refusal. */
export function describeGuards(r: GuardReport): string {
  const parts: string[] = [];
  if (r.missing.length > 0) parts.push(`缺少 ${r.missing.length} 个（${r.missing.slice(0, 3).join('、')}${r.missing.length > 3 ? ' 等' : ''}）`);
  if (r.altered.length > 0) parts.push(`被改动 ${r.altered.length} 个（${r.altered.slice(0, 3).join('、')}${r.altered.length > 3 ? ' 等' : ''}）`);
  if (r.unexpected.length > 0) parts.push(`多出 ${r.unexpected.length} 个不是议事厅的（${r.unexpected.slice(0, 3).join('、')}）`);
  return `数据文件中保护已定稿记录的数据库规则${parts.join('，')}，可能被其他程序改动过`;
}

/** Re-creates the shipped triggers (inside the caller's write transaction) and drops foreign ones. */
export function restoreGuards(db: Db, expected: TriggerSet, r: GuardReport): void {
  for (const name of [...r.altered, ...r.unexpected]) db.sqlite.exec(`DROP TRIGGER IF EXISTS "${name.replace(/"/g, '""')}"`);
  for (const name of [...r.missing, ...r.altered]) db.sqlite.exec(expected.get(name)!);
}
