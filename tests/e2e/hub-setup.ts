import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { type ReportBody } from '../../exchange';

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

/** What a community's desktop would send: one finished meeting and a rule filed for review, with its 备案报告 file. */
export function sampleReport(): ReportBody {
  const file = Buffer.from('青石村村规民约备案报告（测试）', 'utf8');
  return {
    organization: { name: '青石村', kind: '村', committeeName: '青石村村民委员会', superiorName: '城关街道办事处' },
    sinceAcknowledged: 0,
    meetings: [
      {
        uid: 'meetings-1',
        title: '青石村2026年第十一次村民代表会议',
        typeName: '村民代表会议',
        date: '2026-11-20',
        status: '已结束',
        expected: 25,
        present: 21,
        finalizedAt: '2026-11-20T09:30:00.000Z',
        chairName: '王主任',
        outcomes: [{ title: '通过《青石村村规民约》', result: '通过', eligible: 25, voters: 21, for: 20, against: 0, abstain: 1 }],
      },
    ],
    resolutions: [
      {
        uid: 'resolutions-1',
        meetingUid: 'meetings-1',
        number: '青石决〔2026〕5号',
        title: '村道硬化工程',
        text: '硬化村东道路 800 米。',
        responsible: '李四',
        deadline: '2026-11-10',
        completedOn: null,
        result: null,
        progress: [{ date: '2026-11-05', percent: 40, text: '已完成招标' }],
      },
    ],
    topics: [
      {
        uid: 'topics-1',
        receivedOn: '2026-11-02',
        channel: '来访',
        category: null,
        title: '村口路灯不亮',
        status: '办理中',
        replyDueOn: null,
        closedOn: null,
        satisfaction: '满意',
      },
    ],
    summons: [
      // Reported within its 24 hours and resolved.
      {
        uid: 'summons-1',
        topicUid: 'topics-1',
        meetingUid: null,
        department: '城管科',
        summonedAt: '2026-11-03T01:00:00.000Z',
        reportWithinHours: 24,
        reportedAt: '2026-11-03T05:00:00.000Z',
        commitment: '三日内修复',
        deadline: null,
        result: null,
        resolved: true,
        evaluation: null,
        closedAt: null,
      },
      // Not reported yet: the 部门 account answers it on the street page.
      {
        uid: 'summons-2',
        topicUid: null,
        meetingUid: null,
        department: '城管科',
        summonedAt: '2026-11-12T01:00:00.000Z',
        reportWithinHours: 24,
        reportedAt: null,
        commitment: null,
        deadline: null,
        result: null,
        resolved: null,
        evaluation: null,
        closedAt: null,
      },
    ],
    matters: [
      // Step 2 skipped before step 3.
      {
        uid: 'matters-1',
        title: '修建村文化广场',
        category: null,
        createdOn: '2026-10-01',
        steps: [
          { step: 1, date: '2026-10-01', form: '会议', meetingUid: null, expected: 7, present: 7, content: '党支部提议' },
          { step: 3, date: '2026-10-15', form: '会议', meetingUid: null, expected: 40, present: 35, content: '党员大会审议' },
        ],
      },
    ],
    rules: [
      {
        uid: 'rule_documents-1',
        kind: '村规民约',
        title: '青石村村规民约',
        stage: '备案',
        adoptedOn: '2026-11-20',
        presentCount: 21,
        womenPresent: 8,
        delegationBasis: null,
        filingDue: '2026-12-20',
        filingAuthority: '城关街道办事处',
        filedOn: '2026-11-25',
        filingReceiptNo: null,
        publishedOn: null,
        steps: [
          { stage: '征集民意', date: '2026-10-08', note: '入户征求意见 120 户', opinion: null },
          { stage: '审议表决', date: '2026-11-20', note: '村民代表会议表决通过', opinion: null },
        ],
        text: '第一条 为了……',
      },
    ],
    documents: [
      {
        uid: 'rule-filing-1',
        recordUid: 'rule_documents-1',
        kind: '备案报告',
        fileName: '青石村村规民约备案报告.docx',
        sha256: createHash('sha256').update(file).digest('hex'),
        base64: file.toString('base64'),
      },
    ],
  };
}

/** The sample meeting's finalized minutes (会议记录), as a desktop sends them with a 已定稿 meeting. */
export function sampleMinutes(): ReportBody['documents'][number] {
  const file = Buffer.from('青石村村民代表会议记录（测试）', 'utf8');
  return {
    uid: 'document-minutes-1',
    recordUid: 'meetings-1',
    kind: '会议记录',
    fileName: '青石村2026年第十一次村民代表会议记录.docx',
    sha256: createHash('sha256').update(file).digest('hex'),
    base64: file.toString('base64'),
  };
}
