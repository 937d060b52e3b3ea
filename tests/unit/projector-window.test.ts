import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppPage } from '../../electron/app-protocol';
import { displayOf, projectorMeetingId, projectorPlacement, projectorUrl, type DisplayArea } from '../../electron/projector-window';

const laptop: DisplayArea = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const projector: DisplayArea = { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 768 }, workArea: { x: 1366, y: 0, width: 1024, height: 768 } };
const bigScreen: DisplayArea = { id: 3, bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, workArea: { x: -1920, y: 0, width: 1920, height: 1040 } };

describe('投影窗口放在哪块屏幕', () => {
  it('puts the projector full screen on the display the main window is not on', () => {
    const onLaptop = { x: 100, y: 50, width: 1200, height: 650 };
    expect(projectorPlacement([laptop, projector], onLaptop)).toEqual({ external: true, displayId: 2, bounds: projector.bounds });
  });

  it('follows the main window: moved to the other screen, the laptop becomes the projector', () => {
    const onProjector = { x: 1400, y: 20, width: 960, height: 700 };
    expect(projectorPlacement([laptop, projector], onProjector)).toEqual({ external: true, displayId: 1, bounds: laptop.bounds });
  });

  it('judges a window across two screens by where most of it is', () => {
    const mostlyOnProjector = { x: 1000, y: 0, width: 1000, height: 700 };
    expect(displayOf([laptop, projector], mostlyOnProjector)?.id).toBe(2);
    expect(projectorPlacement([laptop, projector], mostlyOnProjector)).toMatchObject({ external: true, displayId: 1 });
  });

  it('chooses the largest of several other displays', () => {
    expect(projectorPlacement([laptop, projector, bigScreen], { x: 10, y: 10, width: 1000, height: 600 })).toMatchObject({ external: true, displayId: 3 });
  });

  it('with one display opens a 1024×768 window inside the work area, not full screen', () => {
    const wide: DisplayArea = { id: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 40, width: 1920, height: 1040 } };
    expect(projectorPlacement([wide], { x: 0, y: 40, width: 1920, height: 1040 })).toEqual({
      external: false,
      displayId: 7,
      bounds: { x: 48, y: 88, width: 1024, height: 768 },
    });
  });

  it('with one small display the window is no larger than the work area and stays on it', () => {
    const placed = projectorPlacement([laptop], null);
    expect(placed).toEqual({ external: false, displayId: 1, bounds: { x: 48, y: 0, width: 1024, height: 728 } });
  });

  it('with no display reported (a headless session) still gives a usable window', () => {
    expect(projectorPlacement([], null)).toEqual({ external: false, displayId: null, bounds: { x: 0, y: 0, width: 1024, height: 768 } });
  });
});

describe('投影请求的会议编号', () => {
  it('accepts a positive whole number', () => {
    expect(projectorMeetingId(12)).toBe(12);
  });

  it.each([0, -3, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '12', null, undefined, { meetingId: 12 }, [12]])('refuses %p', (input) => {
    expect(projectorMeetingId(input)).toBeNull();
  });

  it('makes the hash route of the same page', () => {
    expect(projectorUrl('app://council-hall/index.html', 12)).toBe('app://council-hall/index.html#/projector/12');
    // The main process trusts the projector's calls only from our own page: this URL must be one.
    expect(isAppPage(projectorUrl(APP_INDEX_URL, 12))).toBe(true);
  });
});
