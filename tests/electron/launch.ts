import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { CouncilHallBridge } from '../../core/contract/bridge';

/** Launching the desktop app under Playwright's _electron, shared by the Electron specs. */
export const root = path.resolve(__dirname, '..', '..');
export const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');
export const nativeBinding = path.join(root, '.cache', 'electron-native', 'better_sqlite3.node');

const NO_BINARY = 'Electron 二进制文件未安装（无法联网下载）：已跳过 Electron 端到端测试';
const NO_DISPLAY = '没有图形显示（DISPLAY 未设置）：已跳过 Electron 端到端测试；请在桌面环境或 xvfb-run 下运行';

/**
 * The executable if `npm install` managed to download it. Deliberately not require('electron'):
 * that module downloads the binary when it is missing, which here means hanging on the network.
 */
export function electronExecutable(): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const file = path.join(dir, 'dist', rel);
    return rel && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export function skipReason(): string | null {
  if (!electronExecutable()) return NO_BINARY;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return NO_DISPLAY;
  return null;
}

export async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  // Chromium refuses to run its OS sandbox as root (containers, CI); the renderer's own
  // `sandbox: true` is what these tests check, and it stays on.
  const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: electronExecutable()!,
    args: [...chromiumFlags, mainScript],
    cwd: root,
    env: { ...process.env, COUNCIL_HALL_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** Calls the bridge from inside the page, exactly as the renderer's client does. */
export function invoke(page: Page, name: string, input: unknown) {
  return page.evaluate(([n, i]) => (globalThis as unknown as { councilHall: CouncilHallBridge }).councilHall.invoke(n as string, i), [name, input] as const);
}

/** 打开文件 / 打开所在文件夹 through the bridge, as the export notice does. */
export function savedFile(page: Page, fn: 'openSavedFile' | 'showSavedFile', file: unknown) {
  return page.evaluate(([f, p]) => (globalThis as unknown as { councilHall: CouncilHallBridge }).councilHall[f](p as string), [fn, file] as const);
}

/**
 * A spec's beforeAll: skips the suite with its printed reason where Electron cannot run here;
 * otherwise checks the build is there (failing with the fix instead of waiting on a start-up
 * error dialog nobody can click) and launches the app on a fresh user-data folder.
 */
export async function startOrSkip(prefix: string): Promise<{ userData: string; app: ElectronApplication; page: Page } | null> {
  const reason = skipReason();
  if (reason) {
    console.log(reason);
    test.skip(true, reason);
    return null;
  }
  expect(fs.existsSync(mainScript), `找不到 ${mainScript}：请先运行 node scripts/build.mjs`).toBe(true);
  expect(fs.existsSync(nativeBinding), `找不到 ${nativeBinding}：请先运行 node scripts/electron-native.mjs`).toBe(true);
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { userData, ...(await launch(userData)) };
}
