import type { CallOutput } from '../../../core/contract/index';
import { useCall } from '../api/queries';

export type HomeSummary = CallOutput<'home.summary'>;

/**
 * The 首页 summary, read when the page is shown and again when the window comes back to the
 * front (the secretary may have left it open overnight: "today" moves on). A failed refresh keeps
 * what was shown and says so.
 */
export function useHomeSummary(orgId: number) {
  const { data, loading, error, updatedAt, reload } = useCall('home.summary', { orgId }, { refetchOnFocus: true });
  return { summary: data ?? null, loading, error, loadedAt: updatedAt, reload };
}
