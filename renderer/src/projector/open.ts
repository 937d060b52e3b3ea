import { ApiCallError, desktopBridge } from '../api/client';
import { projectorHash } from './route';

/** The browser preview's projector window: one, reused by name on a second click. */
export const PROJECTOR_WINDOW_NAME = 'council-hall-projector';

/**
 * 投影模式: the desktop app opens its projector window (on the second display when there is
 * one); the browser preview opens the same page in a window of its own. Either way the main
 * window stays as it was.
 */
export async function openProjector(meetingId: number): Promise<void> {
  const desktop = desktopBridge();
  if (desktop?.openProjector) {
    const answer = await desktop.openProjector(meetingId);
    if (!answer.ok) throw new ApiCallError(answer.error.code, answer.error.message);
    return;
  }
  const url = `${window.location.origin}${window.location.pathname}${projectorHash(meetingId)}`;
  const opened = window.open(url, PROJECTOR_WINDOW_NAME);
  if (!opened) throw new ApiCallError('FORBIDDEN', '浏览器拦截了投影窗口：请允许本页面打开弹出窗口后再点“投影模式”');
  opened.focus();
}
