import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { invoke, launch, savedFile, startOrSkip } from './launch';

test.describe('Electron 桌面程序', () => {
  test.describe.configure({ mode: 'serial' });

  let userData = '';
  let app: ElectronApplication | null = null;
  let page: Page;

  test.beforeAll(async () => {
    const started = await startOrSkip('council-hall-electron-');
    if (!started) return;
    ({ userData, app, page } = started);
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  test('窗口标题为“议事厅”', async () => {
    const title = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('议事厅');
  });

  test('窗口的安全设置：上下文隔离、沙盒、无 Node 集成', async () => {
    const prefs = await app!.evaluate(({ BrowserWindow }) => {
      // Undocumented, hence missing from electron.d.ts, but it is what Electron's own tests use:
      // the preferences the renderer actually received, defaults filled in.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const p = contents?.getLastWebPreferences?.();
      return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity } : null;
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  test('页面里没有 Node：require 与 process 都不存在，桥只有这几个函数', async () => {
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return {
        require: typeof g.require,
        process: typeof g.process,
        bridgeKeys: Object.keys(g.councilHall as object),
      };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridgeKeys: ['invoke', 'openSavedFile', 'showSavedFile', 'pickAttachment', 'openAttachment', 'movePackage', 'openProjector', 'onShowHome'],
    });
  });

  test('点今日提醒的桌面通知（主进程发来的事件）回到首页', async () => {
    await page.evaluate("window.location.hash = '#/settings'");
    await expect.poll(() => page.evaluate('window.location.hash')).toBe('#/settings');
    // What the notification's click handler sends (electron/main.ts showReminder).
    await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.send('council-hall:show-home', 'ignored'));
    await expect.poll(() => page.evaluate('window.location.hash')).toBe('#/home');
  });

  test('通过预加载桥调用 system.info，数据文件在本次的用户数据目录里', async () => {
    const result = await invoke(page, 'system.info', {});
    expect(result.ok).toBe(true);
    const info = (result as { ok: true; value: { databasePath: string; schemaVersion: number } }).value;
    const rel = path.relative(fs.realpathSync(userData), fs.realpathSync(info.databasePath));
    expect(rel).toBe('council-hall.sqlite');
    expect(info.schemaVersion).toBeGreaterThan(0);
  });

  test('拒绝不在约定里的调用名，也拒绝不合格的输入', async () => {
    const unknown = await invoke(page, 'system.dropEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });

    const badInput = await invoke(page, 'system.info', { extra: 'x'.repeat(100_000) });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('导出的文件：只有本次保存的才能打开；每类文书的保存对话框从上次的文件夹开始', async () => {
    // Files the app did not save are refused, whatever the page asks.
    const outside = path.join(userData, '别人的文件.docx');
    fs.writeFileSync(outside, 'x');
    expect(await savedFile(page, 'openSavedFile', outside)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await savedFile(page, 'showSavedFile', 'relative.docx')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await savedFile(page, 'openSavedFile', 42)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    expect(await invoke(page, 'users.create', { name: '测试文书', role: '文书' })).toMatchObject({ ok: true });
    const org = await invoke(page, 'organizations.create', { name: '青石村', kind: '村' });
    expect(org).toMatchObject({ ok: true });
    const orgId = (org as { ok: true; value: { id: number } }).value.id;

    // The test answers the save dialog (there is nobody to click it) and notes where it opened.
    const folder = path.join(userData, '名册存放处');
    fs.mkdirSync(folder);
    const target = path.join(folder, '名册.txt');
    await app!.evaluate(({ dialog }, filePath) => {
      const seen: string[] = [];
      (globalThis as unknown as { dialogDefaults: string[] }).dialogDefaults = seen;
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        seen.push(String((args[args.length - 1] as { defaultPath?: string }).defaultPath ?? ''));
        return { canceled: false, filePath };
      }) as typeof dialog.showSaveDialog;
    }, target);

    const first = await invoke(page, 'roster.export', { orgId });
    expect(first).toMatchObject({ ok: true, value: { savedTo: target, base64: '', kind: '人员名册' } });
    expect(fs.existsSync(target)).toBe(true);
    const fileName = (first as { ok: true; value: { fileName: string } }).value.fileName;

    // Saved this session, but not a document: it may be shown, not opened.
    const notDocument = await savedFile(page, 'openSavedFile', target);
    expect(notDocument).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(notDocument)).toContain('不是 Word');
    // Moved away after saving: the app says so instead of opening whatever is there.
    fs.rmSync(target);
    expect(await savedFile(page, 'showSavedFile', target)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The second 人员名册 starts in the folder the first went to; the choice is kept on disk.
    expect(await invoke(page, 'roster.export', { orgId })).toMatchObject({ ok: true });
    const defaults = await app!.evaluate(() => (globalThis as unknown as { dialogDefaults: string[] }).dialogDefaults);
    expect(path.dirname(defaults[0]!)).not.toBe(folder);
    expect(defaults[1]).toBe(path.join(folder, fileName));
    const remembered = JSON.parse(fs.readFileSync(path.join(userData, 'save-folders.json'), 'utf8')) as Record<string, string>;
    expect(remembered).toEqual({ 人员名册: folder });
  });

  test('记住窗口大小，重启后仍用同一个数据文件', async () => {
    const area = await app!.evaluate(({ screen }) => screen.getPrimaryDisplay().workAreaSize);
    test.skip(area.width < 1111 || area.height < 777, `屏幕太小（${area.width}×${area.height}），无法检验窗口大小；xvfb-run 请加 -s "-screen 0 1920x1080x24"`);
    await app!.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      win.unmaximize();
      win.setBounds({ width: 1111, height: 777 });
    });
    await app!.close();
    app = null;

    const saved = JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8')) as { width: number; height: number };
    expect(saved).toMatchObject({ width: 1111, height: 777 });

    ({ app, page } = await launch(userData));
    const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    expect({ width: bounds.width, height: bounds.height }).toEqual({ width: 1111, height: 777 });

    const again = await invoke(page, 'system.info', {});
    expect(again).toMatchObject({ ok: true });
    // The second start backed up the file the first one created.
    const backup = (again as { ok: true; value: { lastBackupPath: string | null } }).value.lastBackupPath;
    expect(backup).not.toBeNull();
    expect(path.basename(path.dirname(backup!))).toBe('backups');
    expect(fs.existsSync(backup!)).toBe(true);
  });
});
