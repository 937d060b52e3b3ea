import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { CouncilHallBridge } from '../../core/contract/bridge';
import { invoke, startOrSkip } from './launch';

/** 投影模式 through the bridge, as the meeting header's button does. */
function openProjector(page: Page, meetingId: unknown) {
  return page.evaluate((id) => (globalThis as unknown as { councilHall: CouncilHallBridge }).councilHall.openProjector!(id as number), meetingId);
}

async function value<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await invoke(page, name, input);
  expect(result, `${name}`).toMatchObject({ ok: true });
  return (result as { ok: true; value: T }).value;
}

/**
 * The projector's own window: openProjector opens one (full screen on a second display when
 * there is one), shows the meeting there, reuses it on a second click, and lets it only read.
 */
test.describe('Electron 投影窗口', () => {
  test.describe.configure({ mode: 'serial' });

  let userData = '';
  let app: ElectronApplication | null = null;
  let page: Page;
  let projector: Page;
  let meetingId = 0;

  test.beforeAll(async () => {
    const started = await startOrSkip('council-hall-electron-projector-');
    if (!started) return;
    ({ userData, app, page } = started);

    // A meeting with two agenda items, made through the bridge as the page would.
    await value(page, 'users.create', { name: '测试文书', role: '文书' });
    const org = await value<{ id: number }>(page, 'organizations.create', { name: '青石村', kind: '村' });
    await value(page, 'roster.commit', {
      orgId: org.id,
      rows: [
        { name: '代表01', gender: '男', birthDate: '1970-01-01', idNumber: '', phone: '', householdNo: 'H001', groupName: '第一村民小组', tags: '', note: '' },
      ],
    });
    const people = await value<{ items: { id: number }[] }>(page, 'people.list', { orgId: org.id, pageSize: 50 });
    const body = await value<{ id: number }>(page, 'bodies.create', { orgId: org.id, name: '村民代表会议', kind: '村民代表会议' });
    await value(page, 'bodies.addMembers', { bodyId: body.id, personIds: people.items.map((p) => p.id), role: '村民代表' });
    const types = await value<{ items: { id: number; name: string }[] }>(page, 'meetingTypes.list', { orgId: org.id });
    const meeting = await value<{ id: number }>(page, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: types.items.find((t) => t.name === '村民代表会议')!.id,
      title: '青石村第一次村民代表会议',
      date: '2026-03-15',
      basis: 'body',
      bodyId: body.id,
    });
    meetingId = meeting.id;
    await value(page, 'agenda.add', { meetingId, title: '村道硬化工程' });
    await value(page, 'agenda.add', { meetingId, title: '修建文化广场' });
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  test('openProjector 打开第二个窗口，显示这次会议，安全设置与主窗口相同', async () => {
    const opened = app!.waitForEvent('window');
    expect(await openProjector(page, meetingId)).toEqual({ ok: true, value: null });
    projector = await opened;
    await projector.waitForLoadState('domcontentloaded');
    expect(projector.url()).toBe(`app://council-hall/index.html#/projector/${meetingId}`);
    await expect(projector.getByRole('heading', { name: '青石村第一次村民代表会议' })).toBeVisible();
    await expect(projector.getByRole('region', { name: '当前议题' })).toContainText('村道硬化工程');

    const windows = await app!.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => {
        const p = (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
        return { url: w.webContents.getURL(), contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
      }),
    );
    expect(windows).toHaveLength(2);
    for (const w of windows) expect(w).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });

    // On a second display it covers that screen; with one it is a window to drag there.
    const placed = await app!.evaluate(({ BrowserWindow, screen }) => {
      const all = BrowserWindow.getAllWindows();
      const win = all.find((w) => w.webContents.getURL().includes('#/projector/'))!;
      const main = all.find((w) => w !== win)!;
      return {
        displays: screen.getAllDisplays().length,
        fullScreen: win.isFullScreen(),
        sameDisplay: screen.getDisplayMatching(win.getBounds()).id === screen.getDisplayMatching(main.getBounds()).id,
      };
    });
    if (placed.displays > 1) expect(placed).toMatchObject({ fullScreen: true, sameDisplay: false });
    else expect(placed).toMatchObject({ fullScreen: false, sameDisplay: true });

    // Dragged to the projector, its 全屏 button fills that screen: the one permission the app grants, to this window only.
    await projector.getByRole('button', { name: /全屏/ }).click();
    await expect.poll(() => projector.evaluate('document.fullscreenElement !== null')).toBe(true);
    await projector.keyboard.press('f');
    await expect.poll(() => projector.evaluate('document.fullscreenElement !== null')).toBe(false);
  });

  test('再点一次投影模式不会多开窗口', async () => {
    expect(await openProjector(page, meetingId)).toEqual({ ok: true, value: null });
    expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
  });

  test('投影窗口只能读：修改记录被拒绝，也不能再开投影', async () => {
    expect(await invoke(projector, 'meetings.get', { id: meetingId })).toMatchObject({ ok: true });
    const write = await invoke(projector, 'agenda.add', { meetingId, title: '投影窗口加的议题' });
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(write)).toContain('投影窗口只能显示');
    expect(await openProjector(projector, meetingId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nothing was added; the main window still writes.
    const items = await value<{ items: { title: string }[] }>(page, 'agenda.list', { meetingId });
    expect(items.items.map((i) => i.title)).toEqual(['村道硬化工程', '修建文化广场']);
    expect(await invoke(page, 'agenda.add', { meetingId, title: '其他事项' })).toMatchObject({ ok: true });
  });

  test('会议编号在主进程里检查', async () => {
    for (const bad of [0, -1, 1.5, '12', null, { meetingId }]) {
      expect(await openProjector(page, bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  test('关闭主窗口时投影窗口一起关闭', async () => {
    const closed = app!.waitForEvent('close');
    // Closing the main window as its close button does; the app quits once no window is left.
    await app!.evaluate(({ BrowserWindow }) => {
      const main = BrowserWindow.getAllWindows().find((w) => !w.webContents.getURL().includes('#/projector/'))!;
      setTimeout(() => main.close(), 0);
    });
    await closed;
    app = null;
  });
});
