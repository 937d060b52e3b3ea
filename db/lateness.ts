import { and, eq, inArray } from 'drizzle-orm';
import { minutesOfDay } from '../core/dates';
import { appendAudit } from './audit';
import type { Tx } from './client';
import { attendance, attendanceChanges } from './schema';

type LineRow = typeof attendance.$inferSelect;

export interface CorrectedTimes {
  meetingId: number;
  /** The start and end before and after the correction (HH:MM or null). */
  before: { startTime: string | null; endTime: string | null };
  after: { startTime: string | null; endTime: string | null };
}

/** Words for the attendance history: "会议开始时间由 09:00 更正为 09:30". */
function correctionNote(c: CorrectedTimes): string {
  const parts: string[] = [];
  if (c.before.startTime !== c.after.startTime) parts.push(`会议开始时间由 ${c.before.startTime ?? '（未填）'} 更正为 ${c.after.startTime ?? '（未填）'}`);
  if (c.before.endTime !== c.after.endTime) parts.push(`会议结束时间由 ${c.before.endTime ?? '（未填）'} 更正为 ${c.after.endTime ?? '（未填）'}`);
  return `${parts.join('，')}，按签到时间重新判断迟到、早退`;
}

/**
 * 迟到 and 早退 follow the meeting's own start and end: when either is corrected before the
 * meeting is finalized, every line with a recorded time is judged again — arrived after the start
 * is 迟到, at or before it 出席; a 早退 whose leaving time is at or after the corrected end stayed
 * to the end. Lines without a time (a late mark given by hand) are left as they are. Each change
 * is a line in the attendance history with the correction as its note, and in the audit trail.
 * Returns how many lines changed.
 */
export function recomputeLateness(tx: Tx, c: CorrectedTimes): number {
  if (c.before.startTime === c.after.startTime && c.before.endTime === c.after.endTime) return 0;
  const { startTime, endTime } = c.after;
  const lines = tx.orm
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, c.meetingId), eq(attendance.kind, 'member'), inArray(attendance.status, ['出席', '迟到', '早退'])))
    .all();
  const note = correctionNote(c);
  let changed = 0;
  for (const line of lines) {
    if (line.arrivedAt == null && line.status !== '早退') continue;
    const late = line.arrivedAt != null && startTime != null && minutesOfDay(line.arrivedAt) > minutesOfDay(startTime);
    const present: LineRow['status'] = line.arrivedAt == null ? (line.status === '迟到' ? '迟到' : '出席') : late ? '迟到' : '出席';
    let status: LineRow['status'] = line.status === '早退' ? '早退' : present;
    let leftAt = line.leftAt;
    if (line.status === '早退' && line.leftAt != null && endTime != null && minutesOfDay(line.leftAt) >= minutesOfDay(endTime)) {
      status = present;
      leftAt = null;
    }
    if (status === line.status && leftAt === line.leftAt) continue;
    tx.orm.update(attendance).set({ status, leftAt, updatedAt: tx.clock.instant }).where(eq(attendance.id, line.id)).run();
    const after = tx.orm.select().from(attendance).where(eq(attendance.id, line.id)).get()!;
    tx.orm
      .insert(attendanceChanges)
      .values({
        meetingId: c.meetingId,
        attendanceId: line.id,
        at: tx.clock.instant,
        actor: tx.actor.name,
        before: JSON.stringify(line),
        after: JSON.stringify(after),
        note,
      })
      .run();
    appendAudit(tx, { action: 'attendance.recompute', entity: 'attendance', entityId: line.id, before: line, after: { ...after, note } });
    changed++;
  }
  return changed;
}
