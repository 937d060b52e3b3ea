import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Writes a consistent copy of the open database with VACUUM INTO (safe while in WAL mode,
 * unlike copying the file). Names carry the reason so a person can tell them apart.
 */
export function backupDatabase(sqlite: Database.Database, dir: string, reason: 'startup' | 'before-migrate' | 'manual', now = new Date()): string {
  fs.mkdirSync(dir, { recursive: true });
  let target = path.join(dir, `council-hall-${stamp(now)}-${reason}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++) {
    target = path.join(dir, `council-hall-${stamp(now)}-${reason}-${n}.sqlite`);
  }
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Keeps the newest `keep` start-up backups; backups taken before a migration are never removed. */
export function pruneStartupBackups(dir: string, keep: number): void {
  if (!fs.existsSync(dir)) return;
  const startup = fs
    .readdirSync(dir)
    .filter((f) => /^council-hall-\d{8}-\d{6}-startup(-\d+)?\.sqlite$/.test(f))
    .sort();
  for (const f of startup.slice(0, Math.max(0, startup.length - keep))) {
    fs.rmSync(path.join(dir, f));
  }
}
