import { useCallback } from 'react';
import type { CallOutput } from '../../../core/contract/index';
import { useCall } from '../api/queries';

export type HomeSummary = CallOutput<'home.summary'>;

/**
 * The 首页 summary, read when the page is shown and again when the window comes back to the
 * front (the secretary may have left it open overnight: "today" moves on), 今日提醒, and the roster size
 * read with it (null while unknown: a failure only hides the hint). A failed refresh keeps what
 * was shown and says so.
 */
export function useHomeSummary(orgId: number) {
  const summary = useCall('home.summary', { orgId }, { refetchOnFocus: true });
  const roster = useCall('people.list', { orgId, status: '在册', page: 1, pageSize: 1 }, { refetchOnFocus: true });
  const reminders = useCall('reminders.today', { orgId }, { refetchOnFocus: true });
  const { reload: reloadSummary } = summary;
  const { reload: reloadRoster } = roster;
  const { reload: reloadReminders } = reminders;
  const reload = useCallback(async () => {
    await Promise.all([reloadSummary(), reloadRoster(), reloadReminders()]);
  }, [reloadSummary, reloadRoster, reloadReminders]);
  return {
    summary: summary.data ?? null,
    /** 今日提醒 (due today or late), read with the summary; its own failure is shown on its card. */
    reminders: reminders.data ?? null,
    remindersError: reminders.error,
    rosterSize: roster.data?.total ?? null,
    loading: summary.loading,
    error: summary.error,
    loadedAt: summary.updatedAt,
    reload,
  };
}
