/**
 * `#/projector/12`: the projector page of meeting 12, opened in its own window (the desktop
 * app's second window, or a browser window in the preview). It has none of the app's chrome.
 */
export function projectorMeetingId(hash: string): number | null {
  const match = /^#\/projector\/(\d{1,9})\/?$/.exec(hash);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function projectorHash(meetingId: number): string {
  return `#/projector/${meetingId}`;
}
