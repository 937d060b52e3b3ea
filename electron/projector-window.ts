import type { Rect } from './window-state';

/**
 * Where the 投影 window goes, and what the page may ask for. Pure: no 'electron' here, so the
 * choice is unit-tested under Node; electron/main.ts only feeds it `screen.getAllDisplays()`.
 */

export interface DisplayArea {
  id: number;
  /** The whole display (a full-screen window covers this). */
  bounds: Rect;
  /** The display without task bars and docks (a normal window is placed inside this). */
  workArea: Rect;
}

export type ProjectorPlacement =
  /** A second screen (the projector): the window covers it, full screen. */
  | { external: true; displayId: number; bounds: Rect }
  /** One screen only: a normal window the secretary can drag to the projector and make full screen. */
  | { external: false; displayId: number | null; bounds: Rect };

/** The projector's own resolution when it has no other: what the page is laid out for. */
export const PROJECTOR_WIDTH = 1024;
export const PROJECTOR_HEIGHT = 768;
/** How far the window sits from the work area's corner, so the main window's title bar stays visible. */
const OFFSET = 48;

function area(r: Rect): number {
  return r.width * r.height;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The display showing most of `windowBounds` (Electron's getDisplayMatching does the same); the first one when none does. */
export function displayOf(displays: readonly DisplayArea[], windowBounds: Rect | null): DisplayArea | null {
  if (displays.length === 0) return null;
  if (!windowBounds) return displays[0]!;
  let best = displays[0]!;
  let bestOverlap = -1;
  for (const d of displays) {
    const o = overlap(d.bounds, windowBounds);
    if (o > bestOverlap) {
      best = d;
      bestOverlap = o;
    }
  }
  return best;
}

/**
 * A display other than the one the main window is on gets the projector, full screen (the
 * largest such one when there are several: a projector or a big screen rather than a tablet's
 * panel). With one display, a 1024×768 window (smaller if the screen is), a little below and to
 * the right of the work area's corner.
 */
export function projectorPlacement(displays: readonly DisplayArea[], mainWindowBounds: Rect | null): ProjectorPlacement {
  const main = displayOf(displays, mainWindowBounds);
  const others = displays.filter((d) => d !== main && d.bounds.width > 0 && d.bounds.height > 0);
  if (others.length > 0) {
    const target = others.reduce((a, b) => (area(b.bounds) > area(a.bounds) ? b : a));
    return { external: true, displayId: target.id, bounds: { ...target.bounds } };
  }
  const work = main?.workArea ?? { x: 0, y: 0, width: PROJECTOR_WIDTH, height: PROJECTOR_HEIGHT };
  const width = Math.min(PROJECTOR_WIDTH, work.width);
  const height = Math.min(PROJECTOR_HEIGHT, work.height);
  const x = work.x + Math.min(OFFSET, work.width - width);
  const y = work.y + Math.min(OFFSET, work.height - height);
  return { external: false, displayId: main?.id ?? null, bounds: { x, y, width, height } };
}

/** The meeting the page asks to project: a positive whole number, or null for anything else. */
export function projectorMeetingId(input: unknown): number | null {
  return typeof input === 'number' && Number.isSafeInteger(input) && input > 0 ? input : null;
}

/** The projector page of one meeting under the app's index URL (a hash route of the same page). */
export function projectorUrl(indexUrl: string, meetingId: number): string {
  return `${indexUrl}#/projector/${meetingId}`;
}
