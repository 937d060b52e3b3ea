import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { quorumOf } from '../meetings';
import { meetings, meetingTypes } from '../schema';
import { resolutionsOfMeetings } from './resolutions';

export interface MeetingLedgerRow {
  date: string;
  typeName: string;
  title: string;
  place: string | null;
  chairName: string | null;
  recorderName: string | null;
  expected: number;
  present: number;
  quorumMet: boolean;
  decisions: string;
  status: string;
}

/** 会议台账: meetings dated from `from` to `to` inclusive, with 应到/实到 by the quorum panel's own rule (quorumOf). */
export function meetingLedger(db: Db, orgId: number, from: string, to: string): MeetingLedgerRow[] {
  const rows = db.orm
    .select({ m: meetings, typeName: meetingTypes.name })
    .from(meetings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, meetings.meetingTypeId))
    .where(and(eq(meetings.orgId, orgId), gte(meetings.date, from), lte(meetings.date, to)))
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(meetings.id))
    .all();
  const decisions = resolutionsOfMeetings(
    db,
    rows.map((r) => r.m.id),
  );
  return rows.map(({ m, typeName }) => {
    const q = quorumOf(db, m);
    return {
      date: m.date,
      typeName,
      title: m.title,
      place: m.place,
      chairName: m.chairName,
      recorderName: m.recorderName,
      expected: q.expected,
      present: q.present,
      quorumMet: q.met,
      decisions: (decisions.get(m.id) ?? []).map((d) => `${d.number} ${d.title}`).join('\n'),
      status: m.status,
    };
  });
}
