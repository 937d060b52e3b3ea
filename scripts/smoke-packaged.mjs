#!/usr/bin/env node
/**
 * Smoke test of a PACKAGED 议事厅 (what a secretary installs), run by the release workflow on
 * each platform after the installer was built and installed or unpacked:
 *
 *   node scripts/smoke-packaged.mjs <path to the installed executable>
 *
 * The packaged binary has its fuses flipped (no --inspect), so Playwright's _electron cannot
 * attach to it. Chromium's own --remote-debugging-port still works; the script drives the
 * window over CDP and calls the app only through the page's preload bridge, as the renderer
 * does. The one native dialog (保存文件) is accepted with the Enter key: xdotool on Linux,
 * WScript.Shell on Windows.
 *
 * Steps: start on an empty data folder (the database is created), create a user, an
 * organization, two villagers and a meeting with one agenda item, export its 会议记录 through
 * the save dialog and check the .docx, quit, start again and find the meeting, quit, and check
 * that both runs exited with code 0 and the second start left a backup.
 *
 * Prints one line per step and exits non-zero on the first failure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const exe = process.argv[2];
if (!exe || !fs.existsSync(exe)) {
  console.error(`[smoke] 找不到安装后的程序：${exe ?? '(未指定)'}。用法：node scripts/smoke-packaged.mjs <程序路径>`);
  process.exit(2);
}

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-smoke-'));
const documents = path.join(os.homedir(), 'Documents');
fs.mkdirSync(documents, { recursive: true });
let step = 0;

function ok(what) {
  step++;
  console.log(`[smoke] ${String(step).padStart(2, '0')} ✓ ${what}`);
}

function fail(what, detail) {
  console.error(`[smoke] ✗ ${what}${detail ? `：${detail}` : ''}`);
  process.exit(1);
}

/** Starts the app with a DevTools port and returns the process and the CDP WebSocket URL. */
function start() {
  const args = ['--remote-debugging-port=0'];
  // Chromium refuses its OS sandbox as root (containers); the renderer sandbox stays on.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(exe, args, { env: { ...process.env, COUNCIL_HALL_USER_DATA: userData }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ws = new Promise((resolve, reject) => {
    let seen = '';
    const timer = globalThis.setTimeout(() => reject(new Error(`60 秒内没有启动。输出：${seen.slice(-2000)}`)), 60_000);
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        globalThis.clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`程序退出（代码 ${code}）。输出：${seen.slice(-2000)}`)));
  });
  return { child, exited, ws };
}

async function connect(run) {
  const browser = await chromium.connectOverCDP(await run.ws);
  const context = browser.contexts()[0] ?? (await browser.waitForEvent('context'));
  const page = context.pages().find((p) => !p.url().startsWith('devtools:')) ?? (await context.waitForEvent('page'));
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(() => typeof globalThis.councilHall?.invoke === 'function', null, { timeout: 30_000 });
  return { browser, page };
}

async function invoke(page, name, input) {
  const result = await page.evaluate(([n, i]) => globalThis.councilHall.invoke(n, i), [name, input]);
  if (!result?.ok) fail(name, JSON.stringify(result?.error ?? result));
  return result.value;
}

/** Presses Enter in the native 保存文件 dialog once it is open: the suggested name in Documents. */
async function acceptSaveDialog() {
  await sleep(1500);
  const [command, args] =
    process.platform === 'win32'
      ? [
          'powershell',
          [
            '-NoProfile',
            '-Command',
            "$s = New-Object -ComObject WScript.Shell; for ($i = 0; $i -lt 40; $i++) { if ($s.AppActivate('保存文件')) { Start-Sleep -Milliseconds 300; $s.SendKeys('{ENTER}'); exit 0 }; Start-Sleep -Milliseconds 250 }; exit 1",
          ],
        ]
      : ['xdotool', ['search', '--sync', '--name', '保存文件', 'windowactivate', '--sync', 'key', '--clearmodifiers', 'Return']];
  // Not spawnSync: the CDP connection must keep reading while the key is pressed.
  const child = spawn(command, args, { stdio: 'inherit' });
  const done = new Promise((resolve) => child.on('exit', (code) => resolve(code === 0)));
  return Promise.race([done, sleep(20_000).then(() => (child.kill(), false))]);
}

async function quit(run, browser, page) {
  await page.evaluate(() => globalThis.close()).catch(() => undefined);
  await browser.close().catch(() => undefined);
  const timeout = sleep(30_000).then(() => ({ code: 'timeout' }));
  return Promise.race([run.exited, timeout]);
}

const TITLE = '冒烟测试村民会议';

// First start: an empty folder, so the app creates its database.
const first = start();
const one = await connect(first).catch((err) => fail('第一次启动', err.message));
ok(`程序启动，窗口已打开（${one.page.url().split(':')[0]}）`);
const info = await invoke(one.page, 'system.info', {});
if (path.dirname(fs.realpathSync(info.databasePath)) !== fs.realpathSync(userData)) fail('数据文件位置', info.databasePath);
ok(`数据文件已创建：${info.databasePath}（数据结构版本 ${info.schemaVersion}）`);

await invoke(one.page, 'users.create', { name: '冒烟测试文书', role: '文书' });
const org = await invoke(one.page, 'organizations.create', { name: '冒烟村', kind: '村' });
for (const [i, name] of ['张三', '李四'].entries()) {
  await invoke(one.page, 'people.create', { orgId: org.id, name, gender: '男', birthDate: '1970-01-01', householdNo: String(i + 1), groupName: '第一组' });
}
const types = await invoke(one.page, 'meetingTypes.list', { orgId: org.id });
const type = types.items.find((t) => t.name === '村民会议');
if (!type) fail('会议类型', '没有“村民会议”');
const meeting = await invoke(one.page, 'meetings.create', {
  orgId: org.id,
  meetingTypeId: type.id,
  title: TITLE,
  date: '2026-12-01',
  startTime: '09:00',
  place: '村委会议室',
  basis: 'adults',
});
await invoke(one.page, 'agenda.add', { meetingId: meeting.id, title: '村道硬化工程', presenter: '王主任', description: '冒烟测试议题' });
ok(`会议已建立：${TITLE}`);

const accepted = acceptSaveDialog();
const exported = await invoke(one.page, 'documents.minutes', { meetingId: meeting.id, variant: '记录' });
if (!(await accepted)) fail('保存对话框', '没有找到“保存文件”对话框');
if (!exported.savedTo || !fs.existsSync(exported.savedTo)) fail('导出会议记录', JSON.stringify(exported));
const head = fs.readFileSync(exported.savedTo).subarray(0, 2).toString('latin1');
if (head !== 'PK') fail('导出会议记录', `${exported.savedTo} 不是 .docx 文件`);
ok(`会议记录已保存：${exported.savedTo}（${fs.statSync(exported.savedTo).size} 字节）`);

const firstExit = await quit(first, one.browser, one.page);
if (firstExit.code !== 0) fail('第一次退出', JSON.stringify(firstExit));
ok('第一次退出，代码 0');

// Second start: the same folder, the meeting is there, and the start backed the file up.
const second = start();
const two = await connect(second).catch((err) => fail('第二次启动', err.message));
const list = await invoke(two.page, 'meetings.list', { orgId: org.id });
const items = Array.isArray(list) ? list : (list.items ?? []);
if (!items.some((m) => m.title === TITLE)) fail('重启后找回会议', JSON.stringify(list).slice(0, 500));
ok('重启后会议还在');
const secondExit = await quit(second, two.browser, two.page);
if (secondExit.code !== 0) fail('第二次退出', JSON.stringify(secondExit));
ok('第二次退出，代码 0');
// Taken at the second start (in the background) and on close: both runs leave checked copies.
const backups = fs.existsSync(path.join(userData, 'backups')) ? fs.readdirSync(path.join(userData, 'backups')).filter((f) => f.endsWith('.sqlite')) : [];
if (backups.length === 0) fail('备份', '两次启动后备份文件夹里没有备份');
ok(`备份：${backups.join('、')}`);

fs.rmSync(userData, { recursive: true, force: true });
console.log(`[smoke] ${step} passed, 0 failed`);
