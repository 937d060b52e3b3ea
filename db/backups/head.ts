import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { REASON_LABELS, newestFirst } from './retention';
import { parseBackupName } from './names';

/** The audit trail's head: how many entries, the last one's id and hash (GENESIS-free: null when empty). */
export interface TrailHead {
  count: number;
  lastId: number;
  hash: string | null;
}

/** The head of the trail in an open database (ours or a backup opened read-only). */
export function trailHeadOf(sqlite: Database.Database): TrailHead {
  const row = sqlite.prepare('select count(*) as count, max(id) as lastId from audit_log').get() as { count: number; lastId: number | null };
  const last = row.lastId === null ? undefined : (sqlite.prepare('select hash from audit_log where id = ?').get(row.lastId) as { hash: string } | undefined);
  return { count: row.count, lastId: row.lastId ?? 0, hash: last?.hash ?? null };
}

/** A backup's head, with how the user knows that backup ("2026-11-30 18:45 的启动备份"). */
export interface BackupHead extends TrailHead {
  name: string;
  label: string;
}

/**
 * The trail's head as the newest readable backup in `dir` holds it: every backup is a whole copy,
 * so its own audit_log is the record of how far the trail had come when it was taken. Read-only
 * and cheap (no integrity check): read at start, before this start's own backup is taken.
 */
export function newestBackupHead(dir: string, timeZone: string, nativeBinding?: string): BackupHead | null {
  if (!fs.existsSync(dir)) return null;
  const generations = fs
    .readdirSync(dir)
    .map((f) => parseBackupName(f, timeZone))
    .filter((g) => g !== null)
    .sort(newestFirst);
  // A backup that cannot be read (a half-copied file from an older version) is passed over; three are enough.
  for (const g of generations.slice(0, 3)) {
    let sqlite: Database.Database | null = null;
    try {
      sqlite = new Database(path.join(dir, g.name), { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      const head = trailHeadOf(sqlite);
      return { ...head, name: g.name, label: `${g.local} 的${REASON_LABELS[g.reason]}备份` };
    } catch {
      continue;
    } finally {
      sqlite?.close();
    }
  }
  return null;
}
