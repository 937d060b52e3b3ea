import { zonedParts } from '../../core/clock';
import { backupReasons, REASON_LABELS, type BackupGeneration, type BackupReason } from './retention';

/**
 * Backup file names carry the user's local time (their zone setting, never the computer's) and
 * why the copy was taken: 议事厅备份-2026-11-30-1845-启动.sqlite (…-2.sqlite for a second one that
 * minute). Older versions wrote council-hall-20261130-104500-startup.sqlite in UTC; those are
 * still listed, kept and pruned.
 */
const PREFIX = '议事厅备份';
const LOCAL = new RegExp(`^${PREFIX}-(\\d{4}-\\d{2}-\\d{2})-(\\d{2})(\\d{2})-(${Object.values(REASON_LABELS).join('|')})(?:-(\\d+))?\\.sqlite$`);
const LEGACY = /^council-hall-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(startup|before-migrate|manual|before-import)(?:-(\d+))?\.sqlite$/;

export function backupFileName(reason: BackupReason, timeZone: string, instant: Date, seq = 1): string {
  const { date, time } = zonedParts(timeZone, instant);
  return `${PREFIX}-${date}-${time.slice(0, 2)}${time.slice(3, 5)}-${REASON_LABELS[reason]}${seq > 1 ? `-${seq}` : ''}.sqlite`;
}

export function parseBackupName(name: string, timeZone: string): BackupGeneration | null {
  const m = LOCAL.exec(name);
  if (m) {
    const reason = backupReasons.find((r) => REASON_LABELS[r] === m[4])!;
    return { name, local: `${m[1]} ${m[2]}:${m[3]}`, seq: Number(m[5] ?? 1), reason };
  }
  const l = LEGACY.exec(name);
  if (l) {
    const instant = new Date(Date.UTC(+l[1]!, +l[2]! - 1, +l[3]!, +l[4]!, +l[5]!, +l[6]!));
    const { date, time } = zonedParts(timeZone, instant);
    return { name, local: `${date} ${time.slice(0, 5)}`, seq: Number(l[8] ?? 1), reason: l[7] as BackupReason };
  }
  return null;
}
