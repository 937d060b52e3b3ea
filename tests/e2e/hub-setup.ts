import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

// Starts the street hub as `npm run hub` does (dist/server/main.cjs, built by scripts/build.mjs)
// on a fresh PGlite data folder and a free loopback port, serving dist/hub-web, with one
// 街道管理员 made by the hub's own `--create-admin`.

const ROOT = path.resolve(__dirname, '..', '..');
const HUB_SCRIPT = path.join(ROOT, 'dist', 'server', 'main.cjs');
const WEB_ROOT = path.join(ROOT, 'dist', 'hub-web');
const START_TIMEOUT_MS = 60_000;

export interface RunningHub {
  child: ChildProcess;
  url: string;
  output: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startHub(dataDir: string, admin: { username: string; password: string }): Promise<RunningHub> {
  for (const needed of [HUB_SCRIPT, path.join(WEB_ROOT, 'index.html')]) {
    if (!fs.existsSync(needed)) throw new Error(`找不到 ${needed}：请先运行 node scripts/build.mjs`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_DATA: dataDir, HUB_WEB: WEB_ROOT, HUB_NAME: '城关街道办事处', HUB_TIME_ZONE: 'Asia/Shanghai' };
  delete env.DATABASE_URL;
  await promisify(execFile)(process.execPath, [HUB_SCRIPT, '--create-admin', admin.username], {
    cwd: ROOT,
    env: { ...env, HUB_ADMIN_PASSWORD: admin.password },
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [HUB_SCRIPT], { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => output.push(chunk));
  child.stderr!.on('data', (chunk: string) => output.push(chunk));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`集散中心启动失败（退出码 ${child.exitCode}）：\n${output.join('')}`);
    try {
      const response = await fetch(`${url}api/hub`);
      if (response.ok) return { child, url, output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`集散中心 ${START_TIMEOUT_MS} ms 内没有就绪：\n${output.join('')}`);
}

/** Stops the hub and waits until it has exited (and closed its PGlite folder). */
export async function stopHub(hub: RunningHub): Promise<void> {
  const { child } = hub;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
