import fs from 'node:fs';

/**
 * When the whole file was last found sound (PRAGMA integrity_check): kept in a small file beside
 * the database, not in it, so that remembering the day is not itself a write to the record.
 */
export interface FullCheckRecord {
  /** The user's calendar day (YYYY-MM-DD) of the last full check that found no damage. */
  day: string;
  /** The instant it finished (UTC). */
  at: string;
}

export function scheduleFile(databaseFile: string): string {
  return `${databaseFile}.checked.json`;
}

export function lastFullCheck(databaseFile: string): FullCheckRecord | null {
  try {
    const value = JSON.parse(fs.readFileSync(scheduleFile(databaseFile), 'utf8')) as Partial<FullCheckRecord>;
    return typeof value.day === 'string' && typeof value.at === 'string' ? { day: value.day, at: value.at } : null;
  } catch {
    return null;
  }
}

/** At most once a day: a second start on the same day skips the full check (the quick check still runs). */
export function fullCheckDue(databaseFile: string, today: string): boolean {
  return lastFullCheck(databaseFile)?.day !== today;
}

/** Only after a check that found nothing: a damaged file is checked again at every start. */
export function recordFullCheck(databaseFile: string, record: FullCheckRecord): void {
  const file = scheduleFile(databaseFile);
  try {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record));
    fs.renameSync(`${file}.tmp`, file);
  } catch (err) {
    // Forgetting the day only means checking again at the next start.
    console.warn(`[议事厅] 无法记下完整检查的日期：${(err as Error).name}`);
  }
}
