/**
 * The main window's remembered size and place, read from `<userData>/window-state.json`.
 * Pure: no 'electron' here, so it is unit-tested under Node. A hand-edited, truncated or
 * foreign file must never stop the app from opening, so anything doubtful falls back to the
 * defaults instead of throwing.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent when the window should be centred by the system. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
// Larger than any real screen (8K is 7680 wide); beyond this the file is garbage, not a wish.
export const MAX_SIZE = 16384;
// Coordinates beyond this are not a monitor arrangement anyone has.
const MAX_COORDINATE = 100000;
// How much of the title bar must lie on a display for the user to grab and move the window.
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 40;

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({
  width: 1280,
  height: 800,
  maximized: false,
});

function isSize(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= MAX_SIZE;
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

/** Turns the file's text into a state; garbage of any kind gives the defaults. */
export function parseWindowState(text: string | null | undefined): WindowState {
  if (typeof text !== 'string' || text.length === 0 || text.length > 10_000) return { ...DEFAULT_WINDOW_STATE };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_WINDOW_STATE };
  const r = raw as Record<string, unknown>;
  if (!isSize(r.width, MIN_WIDTH) || !isSize(r.height, MIN_HEIGHT)) return { ...DEFAULT_WINDOW_STATE };

  const state: WindowState = {
    width: Math.round(r.width),
    height: Math.round(r.height),
    maximized: r.maximized === true,
  };
  // A position is only meaningful as a pair.
  if (isCoordinate(r.x) && isCoordinate(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  const state: WindowState = {
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    maximized,
  };
  return JSON.stringify(state, null, 2);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Makes a remembered state fit the displays attached now (their work areas, primary first):
 * a window last seen on a monitor that has since been unplugged is re-centred, and one larger
 * than every screen shrinks to the largest, so the secretary never faces an invisible window.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const usable = workAreas.filter((a) => a.width > 0 && a.height > 0);
  if (usable.length === 0) return { ...state };
  const maxWidth = Math.max(...usable.map((a) => a.width));
  const maxHeight = Math.max(...usable.map((a) => a.height));
  const fitted: WindowState = {
    width: Math.min(state.width, maxWidth),
    height: Math.min(state.height, maxHeight),
    maximized: state.maximized,
  };
  if (state.x === undefined || state.y === undefined) return fitted;

  // Only the strip along the top edge matters: that is where the window is grabbed.
  const titleBar: Rect = { x: state.x, y: state.y, width: fitted.width, height: MIN_VISIBLE_HEIGHT };
  const visible = usable.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE_WIDTH, fitted.width) && o.height >= MIN_VISIBLE_HEIGHT;
  });
  if (visible) {
    fitted.x = state.x;
    fitted.y = state.y;
  }
  return fitted;
}
