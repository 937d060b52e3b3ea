import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupName } from '../../db/backups/names';
import { backupsToKeep, DEFAULT_RETENTION, ROTATING, weekOf, type BackupGeneration, type BackupReason } from '../../db/backups/retention';

function gen(local: string, reason: BackupReason = 'startup', seq = 1): BackupGeneration {
  return { name: `${local}-${reason}-${seq}`, local, seq, reason };
}

/** One start a day at 08:00 for `days` days ending on 2026-11-30. */
function daily(days: number): BackupGeneration[] {
  const end = Date.UTC(2026, 10, 30);
  return Array.from({ length: days }, (_, i) => gen(`${new Date(end - i * 86_400_000).toISOString().slice(0, 10)} 08:00`));
}

describe('which backups are kept', () => {
  it('keeps the last five starts, then one a day, a week and a month', () => {
    const keep = [...backupsToKeep(daily(400))].map((n) => n.slice(0, 10)).sort();
    // 7 daily (11-24 … 11-30, covering the last five starts), 4 weeks (newest of each week:
    // 11-30 Monday, 11-29, 11-22, 11-15) and 12 months (newest of each: 11-30, 10-31 … 2025-12-31).
    expect(keep).toContain('2026-11-30');
    expect(keep).toContain('2026-11-24');
    expect(keep).not.toContain('2026-11-23');
    expect(keep).toContain('2026-11-22');
    expect(keep).toContain('2026-11-15');
    expect(keep).not.toContain('2026-11-08'); // 2026-11-30 is a Monday: four weeks are 11-30, 11-29, 11-22, 11-15
    expect(keep).toContain('2026-10-31');
    expect(keep).toContain('2025-12-31');
    expect(keep).not.toContain('2025-11-30');
    expect(keep.length).toBeLessThanOrEqual(5 + 7 + 4 + 12);
  });

  it('keeps every start of today when there were many', () => {
    const today = Array.from({ length: 12 }, (_, i) => gen(`2026-11-30 ${String(8 + i).padStart(2, '0')}:00`));
    const keep = backupsToKeep(today);
    expect(keep.size).toBe(5);
    expect(keep.has('2026-11-30 19:00-startup-1')).toBe(true);
  });

  it('never removes a backup taken by hand, before an upgrade or before a restore', () => {
    const list = [...daily(100), gen('2025-01-01 09:00', 'manual'), gen('2025-02-01 09:00', 'before-migrate'), gen('2025-03-01 09:00', 'before-restore')];
    const keep = backupsToKeep(list);
    expect(keep.has('2025-01-01 09:00-manual-1')).toBe(true);
    expect(keep.has('2025-02-01 09:00-before-migrate-1')).toBe(true);
    expect(keep.has('2025-03-01 09:00-before-restore-1')).toBe(true);
  });

  it('weeks start on Monday', () => {
    expect(weekOf('2026-11-30')).toBe(weekOf('2026-12-06'));
    expect(weekOf('2026-11-29')).not.toBe(weekOf('2026-11-30'));
    expect(weekOf('1970-01-01')).toBe(weekOf('1969-12-29'));
  });

  const arbitraryList = fc.uniqueArray(
    fc.record({
      day: fc.integer({ min: 0, max: 900 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      reason: fc.constantFrom<BackupReason>('startup', 'close', 'manual', 'before-migrate', 'before-restore'),
    }),
    { selector: (r) => `${r.day}-${r.minute}`, maxLength: 80 },
  );
  const toGenerations = (rs: { day: number; minute: number; reason: BackupReason }[]) =>
    rs.map((r) => {
      const date = new Date(Date.UTC(2024, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10);
      const time = `${String(Math.floor(r.minute / 60)).padStart(2, '0')}:${String(r.minute % 60).padStart(2, '0')}`;
      return gen(`${date} ${time}`, r.reason);
    });

  it('properties: a subset, the newest kept, fixed kinds kept, bounded, stable when run again', () => {
    fc.assert(
      fc.property(arbitraryList, (rs) => {
        const list = toGenerations(rs);
        const keep = backupsToKeep(list);
        const names = new Set(list.map((b) => b.name));
        for (const k of keep) expect(names.has(k)).toBe(true);
        if (list.length > 0) {
          const newest = [...list].sort((a, b) => (a.local < b.local ? 1 : -1))[0]!;
          expect(keep.has(newest.name)).toBe(true);
        }
        for (const b of list) if (!ROTATING.includes(b.reason)) expect(keep.has(b.name)).toBe(true);
        const rotatingKept = list.filter((b) => ROTATING.includes(b.reason) && keep.has(b.name)).length;
        const { recent, daily: d, weekly, monthly } = DEFAULT_RETENTION;
        expect(rotatingKept).toBeLessThanOrEqual(recent + d + weekly + monthly + 1);
        // Pruning twice removes nothing more.
        const again = backupsToKeep(list.filter((b) => keep.has(b.name)));
        expect([...again].sort()).toEqual([...keep].sort());
      }),
    );
  });
});

describe('backup names', () => {
  it('carry the local time of the user zone and the reason in Chinese', () => {
    const at = new Date('2026-11-30T10:45:00Z');
    expect(backupFileName('startup', 'Asia/Shanghai', at)).toBe('议事厅备份-2026-11-30-1845-启动.sqlite');
    expect(backupFileName('before-restore', 'UTC', at, 2)).toBe('议事厅备份-2026-11-30-1045-恢复前-2.sqlite');
    expect(parseBackupName('议事厅备份-2026-11-30-1845-启动-3.sqlite', 'UTC')).toEqual({
      name: '议事厅备份-2026-11-30-1845-启动-3.sqlite',
      local: '2026-11-30 18:45',
      seq: 3,
      reason: 'startup',
    });
  });

  it('read the older UTC names in the user zone', () => {
    expect(parseBackupName('council-hall-20261130-170000-startup.sqlite', 'Asia/Shanghai')?.local).toBe('2026-12-01 01:00');
    expect(parseBackupName('council-hall-20261130-170000-before-migrate-2.sqlite', 'UTC')).toMatchObject({ reason: 'before-migrate', seq: 2 });
    expect(parseBackupName('other.sqlite', 'UTC')).toBeNull();
    expect(parseBackupName('../议事厅备份-2026-11-30-1845-启动.sqlite', 'UTC')).toBeNull();
  });
});
