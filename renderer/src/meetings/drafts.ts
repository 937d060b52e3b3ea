/**
 * A copy of every speech as it is typed, kept in the browser's storage until the server has it:
 * if the window closes (or the power goes) mid-sentence, the text comes back on the next open.
 */
const PREFIX = 'council-hall.speech-draft.';

export interface Draft {
  content: string;
  /** When it was typed (ISO), compared with the server's updatedAt. */
  at: string;
}

export function readDraft(speechId: number): Draft | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + speechId);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    return typeof d.content === 'string' && typeof d.at === 'string' ? { content: d.content, at: d.at } : null;
  } catch {
    return null;
  }
}

export function writeDraft(speechId: number, content: string): void {
  try {
    window.localStorage.setItem(PREFIX + speechId, JSON.stringify({ content, at: new Date().toISOString() } satisfies Draft));
  } catch {
    // Storage full or disabled: the server copy is still saved every few hundred milliseconds.
  }
}

export function clearDraft(speechId: number): void {
  try {
    window.localStorage.removeItem(PREFIX + speechId);
  } catch {
    // Nothing to do.
  }
}

/** The draft to restore: only one typed after the server's last save and different from it. */
export function newerDraft(speechId: number, serverContent: string, serverUpdatedAt: string): Draft | null {
  const d = readDraft(speechId);
  if (!d) return null;
  if (d.content === serverContent || Date.parse(d.at) <= Date.parse(serverUpdatedAt)) {
    clearDraft(speechId);
    return null;
  }
  return d;
}
