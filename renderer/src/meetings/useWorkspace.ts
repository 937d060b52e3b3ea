import { useCallback } from 'react';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { SheetChange } from '../../../core/contract/attendance';
import type { Meeting } from '../../../core/contract/meetings';
import { applySheetChange } from '../../../core/sheet-change';
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
  /**
   * A sign-in, a 更正 or a 列席 line: its line and the new counts go into the sheet already
   * shown (and the header's quorum), with no read of the whole sheet. `counts: false` for an
   * answer overtaken by a later one: its line goes in, the later counts stay.
   */
  applyChange(change: SheetChange, counts?: boolean): void;
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
  const applyChange = useCallback(
    (change: SheetChange, counts = true) => {
      let stale = false;
      put('attendance.sheet', { meetingId }, (old: AttendanceSheet | undefined) => {
        const next = old ? applySheetChange(old, counts ? change : { ...change, quorum: old.quorum }) : null;
        stale = next == null;
        return next ?? old;
      });
      if (counts) put('meetings.get', { id: meetingId }, (m) => (m ? { ...m, quorum: change.quorum } : m));
      // The line is not on the sheet shown (the roll changed since it was read): read it once.
      if (stale) void reloadSheet();
    },
    [put, meetingId, reloadSheet],
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
    applyChange,
  };
}
