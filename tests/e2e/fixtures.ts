import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TOKEN_HEADER, TOKEN_META } from '../../core/contract/bridge';
import { defaultCommitteeName, defaultPartyOrgName } from '../../core/documents/issuer';

const ROOT = path.resolve(__dirname, '..', '..');
const HOST_SCRIPT = path.join(ROOT, 'dist', 'electron', 'web-host.cjs');
const START_TIMEOUT_MS = 30_000;

interface RunningHost {
  child: ChildProcess;
  url: string;
  output: string[];
}

/** Starts `node dist/electron/web-host.cjs` on the given database and waits for its URL line. */
function startHost(dbPath: string): Promise<RunningHost> {
  if (!fs.existsSync(HOST_SCRIPT)) {
    throw new Error(`找不到 ${HOST_SCRIPT}：请先运行 node scripts/build.mjs`);
  }
  const child = spawn(process.execPath, [HOST_SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, COUNCIL_HALL_DB: dbPath, COUNCIL_HALL_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web host did not print COUNCIL_HALL_URL within ${START_TIMEOUT_MS} ms:\n${output.join('')}`));
    }, START_TIMEOUT_MS);
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output.push(chunk);
      buffered += chunk;
      const match = /^COUNCIL_HALL_URL=(\S+)\s*$/m.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output });
      }
    });
    child.stderr!.on('data', (chunk: string) => output.push(chunk));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (code ${code}, signal ${signal}) before it was ready:\n${output.join('')}`));
    });
  });
}

/** Stops the host and waits until it has exited (and closed the database). */
async function stopHost(host: RunningHost): Promise<void> {
  const { child } = host;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** The installation user every test works as, unless it asks for a first start (`seedUser: false`). */
export const E2E_USER = { name: '测试文书', role: '文书' } as const;

/** Calls the host's API the way the page does, with the token from its page. */
async function hostCall(url: string, name: string, input: unknown): Promise<any> {
  const html = await (await fetch(url)).text();
  const token = new RegExp(`<meta name="${TOKEN_META}" content="([0-9a-f]+)">`).exec(html)?.[1] ?? '';
  const response = await fetch(`${url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
  return envelope.value;
}

/**
 * Who is at the keyboard: the one user, made on first start and chosen again after a restart
 * (the page would choose them too: a single user without a PIN is chosen automatically).
 */
async function signInTestUser(url: string): Promise<void> {
  const { items } = (await hostCall(url, 'users.list', {})) as { items: { id: number; name: string }[] };
  const existing = items.find((u) => u.name === E2E_USER.name);
  if (existing) await hostCall(url, 'users.signIn', { id: existing.id });
  else await hostCall(url, 'users.create', E2E_USER);
}

export interface HostFixtures {
  /** Whether the host starts with the test user made and chosen (true), or as a first start. */
  seedUser: boolean;
  /** The URL of this test's own web host, e.g. http://127.0.0.1:41234/ */
  baseUrl: string;
  /** The database file this test's host uses (fresh for every test). */
  dbPath: string;
  /** Stops the host and starts a new one on the same database file; returns the new URL. */
  restartHost: () => Promise<string>;
}

interface InternalFixtures {
  hostState: { current: RunningHost; dbPath: string };
}

async function startSeeded(dbPath: string, seed: boolean): Promise<RunningHost> {
  const host = await startHost(dbPath);
  if (seed) {
    try {
      await signInTestUser(host.url);
    } catch (err) {
      await stopHost(host);
      throw err;
    }
  }
  return host;
}

export const test = base.extend<HostFixtures & InternalFixtures>({
  seedUser: [true, { option: true }],
  hostState: async ({ seedUser }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-e2e-'));
    const dbPath = path.join(dir, 'test.sqlite');
    const state = { current: await startSeeded(dbPath, seedUser), dbPath };
    try {
      await use(state);
    } finally {
      await stopHost(state.current);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('web-host-output', { body: state.current.output.join(''), contentType: 'text/plain' });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  baseUrl: async ({ hostState }, use) => {
    await use(hostState.current.url);
  },
  dbPath: async ({ hostState }, use) => {
    await use(hostState.dbPath);
  },
  restartHost: async ({ hostState, seedUser }, use) => {
    await use(async () => {
      await stopHost(hostState.current);
      hostState.current = await startSeeded(hostState.dbPath, seedUser);
      return hostState.current.url;
    });
  },
});

export { expect };

/** First run: the welcome screen asks for the 议事主体; fills it in as a secretary would. */
export async function createOrganizationOnWelcome(page: Page, name: string, kind: '社区' | '村' | '街道' | '乡镇' = '社区'): Promise<void> {
  await expect(page.getByRole('heading', { name: '欢迎使用议事厅' })).toBeVisible();
  await page.getByLabel('议事主体名称').fill(name);
  await chooseRadio(page, kind);
  // 本单位信息 is filled in from the name and kind, for her to check: the documents sign with it.
  await expect(page.getByLabel('村（居）民委员会全称')).toHaveValue(defaultCommitteeName(name, kind));
  await expect(page.getByLabel('党组织全称')).toHaveValue(defaultPartyOrgName(name));
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('heading', { name: `您好，这里是${name}的议事厅` })).toBeVisible();
}

/** GB 11643 check character, so tests can write valid (and deliberately wrong) ID numbers. */
export function idWithCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** Ant Design's button-style radios hide the input: click its label, as a person would. */
export async function chooseRadio(scope: Page | Locator, name: string) {
  const radio = scope.getByRole('radio', { name, exact: true });
  await radio.locator('xpath=ancestor::label[1]').click();
  await expect(radio).toBeChecked();
}
