import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Meeting } from '../../../core/contract/meetings';
import { call, errorMessage } from '../api/client';
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

/** Everything one meeting's workspace shows, kept in one place so every tab sees the same quorum. */
export function useWorkspace(meetingId: number): Workspace {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [meeting, setMeetingState] = useState<Meeting | null>(null);
  const [agenda, setAgenda] = useState<AgendaItem[]>([]);
  const [sheet, setSheetState] = useState<AttendanceSheet | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const [m, a, s] = await Promise.all([
        call('meetings.get', { id: meetingId }),
        call('agenda.list', { meetingId }),
        call('attendance.sheet', { meetingId }),
      ]);
      if (ticket !== latest.current) return;
      setMeetingState(m);
      setAgenda(a.items);
      setSheetState(s);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [meetingId]);

  useEffect(() => {
    setLoading(true);
    void reload();
  }, [reload]);

  const setMeeting = useCallback((m: Meeting) => setMeetingState(m), []);
  const setSheet = useCallback((s: AttendanceSheet) => {
    setSheetState(s);
    setMeetingState((m) => (m ? { ...m, quorum: s.quorum } : m));
  }, []);

  return { loading, error, meeting, agenda, sheet, reload, setMeeting, setAgenda, setSheet };
}
