import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { invoke, startOrSkip } from './launch';

/**
 * The Electron security checklist, tried against the running app: only the app's own page may
 * call the API, it cannot be navigated away or open windows, its content security policy is in
 * force, and it is served from the app:// protocol rather than file://.
 */
test.describe('Electron 安全', () => {
  test.describe.configure({ mode: 'serial' });

  let userData = '';
  let app: ElectronApplication | null = null;
  let page: Page;

  test.beforeAll(async () => {
    const started = await startOrSkip('council-hall-electron-security-');
    if (!started) return;
    ({ userData, app, page } = started);
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  test('另一个窗口（同一个预加载脚本、别的页面）调用接口被拒绝', async () => {
    const result = await app!.evaluate(async ({ BrowserWindow }) => {
      const main = BrowserWindow.getAllWindows()[0]!;
      const preload = main.webContents.session.getPreloadScripts?.()[0]?.filePath;
      const other = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          // The app's own preload, so the page has the same bridge: the main process must still refuse it.
          preload: preload ?? (main.webContents as unknown as { getLastWebPreferences(): { preload: string } }).getLastWebPreferences().preload,
        },
      });
      try {
        await other.loadURL('data:text/html;charset=utf-8,<p>别人的页面</p>');
        return await other.webContents.executeJavaScript(
          "globalThis.councilHall ? globalThis.councilHall.invoke('system.info', {}) : { ok: false, error: { code: 'NO_BRIDGE' } }",
        );
      } finally {
        other.destroy();
      }
    });
    expect(result).toMatchObject({ ok: false });
    expect(['FORBIDDEN', 'NO_BRIDGE']).toContain((result as { error: { code: string } }).error.code);
    // The app's own page still works.
    expect(await invoke(page, 'system.info', {})).toMatchObject({ ok: true });
  });

  test('页面内的子框架没有接口', async () => {
    // Page-side code as a string: this project's Node typings have no DOM.
    const bridgeInFrame = await page.evaluate(`(async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>子框架</p>';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.appendChild(frame);
      await loaded;
      const seen = typeof frame.contentWindow.councilHall;
      frame.remove();
      return seen;
    })()`);
    expect(bridgeInFrame).toBe('undefined');
  });

  test('不能跳转到别的网址，也不能打开新窗口', async () => {
    const before = page.url();
    await page.evaluate("location.href = 'https://example.com/'");
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
    const opened = await page.evaluate("window.open('https://example.com/') === null");
    expect(opened).toBe(true);
    expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('内容安全策略生效：内联脚本和外部连接都被拦下', async () => {
    const outcome = (await page.evaluate(`(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'globalThis.__injected = true;';
      document.head.appendChild(script);
      let fetched = 'no';
      try {
        await fetch('https://example.com/');
        fetched = 'yes';
      } catch {
        fetched = 'blocked';
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { injected: globalThis.__injected === true, fetched, violations };
    })()`)) as { injected: boolean; fetched: string; violations: string[] };
    expect(outcome.injected).toBe(false);
    expect(outcome.fetched).toBe('blocked');
    expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(outcome.violations.some((v) => v.startsWith('connect-src'))).toBe(true);
  });

  test('页面从 app:// 协议加载，不是 file://', async () => {
    expect(page.url()).toMatch(/^app:\/\//);
  });
});
