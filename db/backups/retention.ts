/**
 * Which backups to keep: a pure function of the list, unit-tested. Backups taken at a start or
 * on close rotate (the last few, then one a day for 7 days, one a week for 4 weeks, one a month
 * for 12 months); those taken by hand, before an upgrade, a restore or an import are never removed.
 */
export const backupReasons = ['startup', 'close', 'manual', 'before-migrate', 'before-restore', 'before-import'] as const;
export type BackupReason = (typeof backupReasons)[number];

export const REASON_LABELS: Record<BackupReason, string> = {
  startup: '启动',
  close: '关闭',
  manual: '手动',
  'before-migrate': '升级前',
  'before-restore': '恢复前',
  'before-import': '导入前',
};

export const ROTATING: readonly BackupReason[] = ['startup', 'close'];

export interface BackupGeneration {
  name: string;
  /** Local date and time in the user's zone, "YYYY-MM-DD HH:MM". */
  local: string;
  /** 1 for the first backup of that minute, 2, 3 … for the next. */
  seq: number;
  reason: BackupReason;
}

export interface RetentionPolicy {
  recent: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { recent: 5, daily: 7, weekly: 4, monthly: 12 };

export function newestFirst(a: BackupGeneration, b: BackupGeneration): number {
  if (a.local !== b.local) return a.local < b.local ? 1 : -1;
  if (a.seq !== b.seq) return b.seq - a.seq;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

/** Days since 1970-01-01 for a "YYYY-MM-DD" date (calendar arithmetic only, no time zone). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The Monday that starts the week of a date, as a day number (1970-01-01 was a Thursday). */
export function weekOf(date: string): number {
  const n = dayNumber(date);
  return n - ((((n + 3) % 7) + 7) % 7);
}

/** The names to keep. Everything not rotating is kept; the newest backup is always kept. */
export function backupsToKeep(list: readonly BackupGeneration[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const keep = new Set<string>();
  const sorted = [...list].sort(newestFirst);
  if (sorted[0]) keep.add(sorted[0].name);
  const rotating = sorted.filter((b) => ROTATING.includes(b.reason));
  for (const b of sorted) if (!ROTATING.includes(b.reason)) keep.add(b.name);
  for (const b of rotating.slice(0, policy.recent)) keep.add(b.name);
  const buckets: [number, (b: BackupGeneration) => string | number][] = [
    [policy.daily, (b) => b.local.slice(0, 10)],
    [policy.weekly, (b) => weekOf(b.local.slice(0, 10))],
    [policy.monthly, (b) => b.local.slice(0, 7)],
  ];
  for (const [count, key] of buckets) {
    const seen = new Set<string | number>();
    for (const b of rotating) {
      if (seen.size >= count) break;
      const k = key(b);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(b.name);
    }
  }
  return keep;
}
