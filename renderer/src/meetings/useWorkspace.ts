import { useCallback } from 'react';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Meeting } from '../../../core/contract/meetings';
import { useCall, useSetCall } from '../api/queries';
import type { AttendanceSheet } from './types';

export interface Workspace {
  loading: boolean;
  error: string | null;
  meeting: Meeting | null;
  agenda: AgendaItem[];
  sheet: AttendanceSheet | null;
  /** Reloads the meeting, its agenda and its sign-in sheet from the server. */
  reload(): Promise<void>;
  setMeeting(meeting: Meeting): void;
  setAgenda(items: AgendaItem[]): void;
  /** A new sheet also updates the quorum shown in the header. */
  setSheet(sheet: AttendanceSheet): void;
}

const NO_ITEMS: AgendaItem[] = [];

/** Everything one meeting's workspace shows, kept in one place so every tab sees the same quorum. */
export function useWorkspace(meetingId: number): Workspace {
  const meeting = useCall('meetings.get', { id: meetingId });
  const agenda = useCall('agenda.list', { meetingId });
  const sheet = useCall('attendance.sheet', { meetingId });
  const put = useSetCall();
  const { reload: reloadMeeting } = meeting;
  const { reload: reloadAgenda } = agenda;
  const { reload: reloadSheet } = sheet;

  const reload = useCallback(async () => {
    await Promise.all([reloadMeeting(), reloadAgenda(), reloadSheet()]);
  }, [reloadMeeting, reloadAgenda, reloadSheet]);

  const setMeeting = useCallback((m: Meeting) => put('meetings.get', { id: meetingId }, m), [put, meetingId]);
  const setAgenda = useCallback((items: AgendaItem[]) => put('agenda.list', { meetingId }, (old) => ({ ...old, items })), [put, meetingId]);
  const setSheet = useCallback(
    (s: AttendanceSheet) => {
      put('attendance.sheet', { meetingId }, s);
      put('meetings.get', { id: meetingId }, (m) => (m ? { ...m, quorum: s.quorum } : m));
    },
    [put, meetingId],
  );

  return {
    loading: meeting.pending || agenda.pending || sheet.pending,
    error: meeting.error ?? agenda.error ?? sheet.error,
    meeting: meeting.data ?? null,
    agenda: agenda.data?.items ?? NO_ITEMS,
    sheet: sheet.data ?? null,
    reload,
    setMeeting,
    setAgenda,
    setSheet,
  };
}
