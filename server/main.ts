/**
 * The street hub: `npm run hub` starts it; `npm run hub -- --create-admin 用户名` adds a
 * 街道管理员 (asks for the password twice; or reads it from HUB_ADMIN_PASSWORD) and exits.
 * Configuration by environment: PORT (8787), HOST (0.0.0.0), HUB_DATA (PGlite data folder,
 * ./hub-data), DATABASE_URL (a PostgreSQL server instead of PGlite), HUB_NAME, HUB_TIME_ZONE,
 * HUB_WEB (the street page's built files), HUB_SECURE_COOKIE=1 behind HTTPS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { count } from 'drizzle-orm';
import { fingerprint } from '../exchange';
import { buildHub } from './app';
import { createUser } from './auth';
import { defaultMigrationsFolder, openHubDb, type OpenedHubDb } from './db/open';
import { users } from './db/schema';
import { ensureIdentity } from './identity';

const env = process.env;
const dataDir = path.resolve(env.HUB_DATA || 'hub-data');
const databaseUrl = env.DATABASE_URL || undefined;
const lockFile = path.join(dataDir, 'hub.pid');

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PGlite's folder is one process's at a time: a second start (or --create-admin) while it runs is refused. */
function takeLock(): void {
  if (databaseUrl) return;
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && pidAlive(pid)) {
      console.error(`集散中心已经在运行（进程 ${pid}，数据目录 ${dataDir}）。请先在它的窗口按 Ctrl+C 停止，再执行这条命令。`);
      process.exit(1);
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', release);
}

async function open(): Promise<OpenedHubDb> {
  try {
    return await openHubDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir, migrationsFolder: defaultMigrationsFolder() });
  } catch (e) {
    console.error(
      databaseUrl ? `连不上数据库（DATABASE_URL）或无法升级表结构：${(e as Error).message}` : `打开数据目录 ${dataDir} 失败：${(e as Error).message}`,
    );
    console.error('请检查设置后重试；数据没有被改动。');
    process.exit(1);
  }
}

function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    if (hidden) {
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function createAdmin(username: string | undefined): Promise<void> {
  if (!username) {
    console.error('请在 --create-admin 后面写上用户名，例如：npm run hub -- --create-admin 王芳');
    process.exit(1);
  }
  takeLock();
  const opened = await open();
  await ensureIdentity(opened.db, env.HUB_NAME);
  let password = env.HUB_ADMIN_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('请在终端里运行这条命令以便输入密码，或用环境变量 HUB_ADMIN_PASSWORD 提供密码。');
      process.exit(1);
    }
    password = await ask(`请为“${username}”设置密码（至少 8 位）：`, true);
    const again = await ask('请再输入一次密码：', true);
    if (again !== password) {
      console.error('两次输入的密码不一样，没有创建。请重新运行这条命令。');
      await opened.close();
      process.exit(1);
    }
  }
  const r = await createUser(opened.db, { username, password, role: '街道管理员' });
  await opened.close();
  if (!r.ok) {
    console.error(`没有创建：${r.message}`);
    process.exit(1);
  }
  console.log(`已创建街道管理员“${username}”。现在运行 npm run hub 启动集散中心，用这个账号登录。`);
}

function addresses(port: number): string[] {
  const list = [`http://localhost:${port}/`];
  for (const nets of Object.values(os.networkInterfaces())) {
    for (const n of nets ?? []) if (n.family === 'IPv4' && !n.internal) list.push(`http://${n.address}:${port}/`);
  }
  return list;
}

async function serve(): Promise<void> {
  takeLock();
  const opened = await open();
  const webRoot = env.HUB_WEB || [path.resolve('dist/hub-web'), path.join(__dirname, '../hub-web')].find((d) => fs.existsSync(path.join(d, 'index.html')));
  const { app, hub } = await buildHub(opened, {
    name: env.HUB_NAME,
    timeZone: env.HUB_TIME_ZONE,
    secureCookie: env.HUB_SECURE_COOKIE === '1',
    webRoot,
    logger: env.HUB_LOG === '1',
  });
  const port = Number(env.PORT || 8787);
  const host = env.HOST || '0.0.0.0';
  try {
    await app.listen({ port, host });
  } catch (e) {
    console.error(`无法在端口 ${port} 上启动：${(e as Error).message}。端口可能被占用，请用 PORT=其他端口 npm run hub 再试。`);
    await opened.close();
    process.exit(1);
  }
  const [{ n }] = (await opened.db.select({ n: count() }).from(users)) as [{ n: number }];
  console.log(`\n议事厅 街道集散中心“${hub.name}”已启动${hub.created ? '（首次启动，已生成本中心的密钥）' : ''}`);
  console.log(`  数据：${opened.driver === 'pglite' ? `内置数据库，目录 ${opened.location}` : `PostgreSQL ${opened.location}`}`);
  console.log(`  中心编号：${hub.hubId}`);
  console.log(`  公钥指纹：${fingerprint(hub.publicKey)}（村、社区登记时可电话核对）`);
  console.log('  访问地址：');
  for (const a of addresses(port)) console.log(`    ${a}`);
  if (Number(n) === 0) {
    console.log('\n还没有任何账号。请先按 Ctrl+C 停止，然后运行：');
    console.log('    npm run hub -- --create-admin 用户名');
    console.log('按提示设置密码后，再运行 npm run hub，用这个账号登录。');
  }
  console.log('\n按 Ctrl+C 停止。');
  const stop = async () => {
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

const args = process.argv.slice(2);
const at = args.indexOf('--create-admin');
if (at >= 0) void createAdmin(args[at + 1]);
else if (args.includes('--help') || args.includes('-h')) {
  console.log('npm run hub                          启动街道集散中心');
  console.log('npm run hub -- --create-admin 用户名  创建街道管理员（先停止集散中心）');
} else void serve();
