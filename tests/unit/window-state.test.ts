import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, MAX_SIZE, parseWindowState, serializeWindowState, type Rect } from '../../electron/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor: Rect = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('窗口位置文件解析', () => {
  it('reads back what it wrote', () => {
    const text = serializeWindowState({ x: 40, y: 30, width: 1200, height: 700 }, true);
    expect(parseWindowState(text)).toEqual({ x: 40, y: 30, width: 1200, height: 700, maximized: true });
  });

  it.each([
    ['missing file', null],
    ['empty file', ''],
    ['truncated JSON', '{"width": 1200, "hei'],
    ['not JSON at all', '\u0000\u0001garbage'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[1280, 800]'],
    ['a string', '"1280x800"'],
    ['sizes as strings', '{"width":"1280","height":"800"}'],
    ['NaN-like values', '{"width":null,"height":800}'],
    ['an absurdly long file', `{"width":1200,"height":700,"pad":"${'x'.repeat(20000)}"}`],
  ])('falls back to the defaults for %s', (_label, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('falls back to the defaults for negative or zero sizes', () => {
    expect(parseWindowState('{"width":-1280,"height":800}')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width":1280,"height":-5}')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width":0,"height":0}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('falls back to the defaults for sizes below the minimum window', () => {
    expect(parseWindowState('{"width":200,"height":100}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('falls back to the defaults for huge sizes', () => {
    expect(parseWindowState(`{"width":${MAX_SIZE + 1},"height":800}`)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width":1e308,"height":1e308}')).toEqual(DEFAULT_WINDOW_STATE);
    // JSON.parse turns 1e400 into Infinity.
    expect(parseWindowState('{"width":1e400,"height":800}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a valid size but drops a position that is half missing or absurd', () => {
    expect(parseWindowState('{"width":1100,"height":700,"x":10}')).toEqual({ width: 1100, height: 700, maximized: false });
    expect(parseWindowState('{"width":1100,"height":700,"x":1e9,"y":0}')).toEqual({ width: 1100, height: 700, maximized: false });
    expect(parseWindowState('{"width":1100,"height":700,"x":"10","y":"10"}')).toEqual({ width: 1100, height: 700, maximized: false });
  });

  it('only takes maximized when it is literally true', () => {
    expect(parseWindowState('{"width":1100,"height":700,"maximized":"yes"}').maximized).toBe(false);
    expect(parseWindowState('{"width":1100,"height":700,"maximized":1}').maximized).toBe(false);
  });

  it('rounds fractional pixels from high-DPI screens', () => {
    expect(parseWindowState('{"width":1100.6,"height":700.2,"x":10.5,"y":-3.4}')).toEqual({
      width: 1101,
      height: 700,
      x: 11,
      y: -3,
      maximized: false,
    });
  });
});

describe('窗口放到当前显示器上', () => {
  it('keeps a window that is on a connected display', () => {
    const state = { x: 1500, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('re-centres a window last seen on a monitor that is no longer attached', () => {
    const state = { x: 1500, y: 100, width: 1200, height: 700, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1200, height: 700, maximized: false });
  });

  it('re-centres a window whose title bar is above the top of every screen', () => {
    const state = { x: 100, y: -500, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [laptop]).x).toBeUndefined();
  });

  it('shrinks a window larger than every screen to the largest one', () => {
    const state = { width: 2560, height: 1600, maximized: true };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1366, height: 728, maximized: true });
  });

  it('leaves the state alone when no display is reported', () => {
    const state = { x: 5, y: 5, width: 1200, height: 700, maximized: false };
    expect(fitToDisplays(state, [])).toEqual(state);
  });
});
