/**
 * `npm run bench:hub`: 30 communities × 10 years of generated packages. Times the ingest of each
 * community's 10-year package and each dashboard query (across all communities and for one) on
 * PGlite and, when DATABASE_URL is set, on that PostgreSQL server (in a scratch database made and
 * dropped here; the role needs CREATEDB). Goal (issue 18): each query under 100 ms, a 10-year
 * ingest under a minute.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPair, signPackage, type ReportBody } from '../../exchange';
import { defaultMigrationsFolder, openHubDb, redactUrl, type OpenedHubDb } from '../db/open';
import { matterSteps } from '../db/queries/matters';
import { meetingsPerMonth } from '../db/queries/meetings';
import { resolutionFollowUp } from '../db/queries/resolutions';
import { ruleFilings } from '../db/queries/rules';
import { summonsRates } from '../db/queries/summons';
import { createCommunity, enroll } from '../enroll';
import { ensureIdentity, type HubIdentity } from '../identity';
import { ingestPackage } from '../ingest';

const COMMUNITIES = Number(process.env.BENCH_COMMUNITIES || 30);
const YEARS = Number(process.env.BENCH_YEARS || 10);
const FIRST_YEAR = 2017;
const RUNS = 7;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const departments = ['城管执法中队', '住建办', '派出所', '市场监管所', '环卫所', '供电所', '水务站', '民政科'];
const satisfactions = ['满意', '基本满意', '不满意', null] as const;

/** One community's ten years: ~24 meetings, 30 resolutions, 40 topics, 30 summons and 6 matters a year; a rule; a small file per finalized meeting. */
export function tenYears(index: number, name: string): ReportBody {
  const r = rng(index + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const body: ReportBody = {
    organization: { name, kind: index % 3 === 0 ? '村' : '社区', committeeName: null, superiorName: null },
    sinceAcknowledged: 0,
    meetings: [],
    resolutions: [],
    topics: [],
    summons: [],
    matters: [],
    rules: [],
    documents: [],
  };
  for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
    for (let i = 0; i < 24; i++) {
      const date = `${y}-${pad(Math.floor(i / 2) + 1)}-${pad(1 + Math.floor(r() * 27))}`;
      const uid = `meeting-${y}-${i}`;
      const expected = 20 + Math.floor(r() * 60);
      body.meetings.push({
        uid,
        title: `${pick(['居民代表会议', '两委联席会议', '党员大会', '居民议事会'])}（${date}）`,
        typeName: pick(['居民代表会议', '两委联席会议', '党员大会']),
        date,
        status: r() < 0.85 ? '已定稿' : '已结束',
        expected,
        present: Math.floor(expected * (0.6 + r() * 0.4)),
        finalizedAt: `${date}T10:00:00.000Z`,
        chairName: '主持人',
        outcomes: [{ title: '议题表决', result: '通过', eligible: expected, voters: expected - 3, for: expected - 5, against: 1, abstain: 1 }],
      });
      if (i % 4 === 0) {
        const bytes = crypto.randomBytes(6000);
        body.documents.push({ uid: `doc-${y}-${i}`, recordUid: uid, kind: '会议记录', fileName: `会议记录-${date}.docx`, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64') });
      }
    }
    for (let i = 0; i < 30; i++) {
      const month = 1 + Math.floor(r() * 12);
      const deadline = `${y}-${pad(month)}-${pad(1 + Math.floor(r() * 27))}`;
      const done = r() < 0.8;
      body.resolutions.push({
        uid: `resolution-${y}-${i}`,
        meetingUid: `meeting-${y}-${Math.floor(r() * 24)}`,
        number: `〔${y}〕${i + 1}号`,
        title: `决议事项 ${y}-${i + 1}`,
        text: '决议内容'.repeat(20),
        responsible: '责任人',
        deadline,
        completedOn: done ? deadline : null,
        result: done ? '已完成' : null,
        progress: [{ date: deadline, percent: done ? 100 : Math.floor(r() * 90), text: '进展' }],
      });
    }
    for (let i = 0; i < 40; i++) {
      body.topics.push({
        uid: `topic-${y}-${i}`,
        receivedOn: `${y}-${pad(1 + (i % 12))}-10`,
        channel: '走访',
        category: null,
        title: `议题 ${y}-${i}`,
        status: '已办结',
        replyDueOn: null,
        closedOn: null,
        satisfaction: pick(satisfactions),
      });
    }
    for (let i = 0; i < 30; i++) {
      const at = Date.parse(`${y}-${pad(1 + (i % 12))}-${pad(1 + Math.floor(r() * 27))}T0${Math.floor(r() * 9)}:00:00.000Z`);
      const reported = r() < 0.9 ? new Date(at + Math.floor(r() * 48) * 3_600_000).toISOString() : null;
      body.summons.push({
        uid: `summons-${y}-${i}`,
        topicUid: `topic-${y}-${i}`,
        meetingUid: null,
        department: pick(departments),
        summonedAt: new Date(at).toISOString(),
        reportWithinHours: 24,
        reportedAt: reported,
        commitment: null,
        deadline: null,
        result: null,
        resolved: reported ? r() < 0.8 : null,
        evaluation: null,
        closedAt: null,
      });
    }
    for (let i = 0; i < 6; i++) {
      const steps = [1, 2, 3, 4, 5, 6].filter(() => r() < 0.9).map((step) => ({
        step,
        date: `${y}-${pad(2 * i + 1)}-${pad(step * 3)}`,
        form: step >= 5 ? ('公示' as const) : ('会议' as const),
        meetingUid: null,
        expected: null,
        present: null,
        content: '',
      }));
      body.matters.push({ uid: `matter-${y}-${i}`, title: `重大事项 ${y}-${i}`, category: null, createdOn: `${y}-${pad(2 * i + 1)}-01`, steps });
    }
  }
  body.rules.push({
    uid: 'rule-1',
    kind: '居民公约',
    title: `${name}居民公约`,
    stage: '备案',
    adoptedOn: `${FIRST_YEAR + YEARS - 1}-03-01`,
    presentCount: 40,
    womenPresent: 14,
    delegationBasis: null,
    filingDue: `${FIRST_YEAR + YEARS - 1}-03-11`,
    filingAuthority: '街道办事处',
    filedOn: index % 2 === 0 ? `${FIRST_YEAR + YEARS - 1}-03-08` : null,
    filingReceiptNo: null,
    publishedOn: null,
    steps: [],
    text: '第一条 ……'.repeat(200),
  });
  return body;
}

interface Timing {
  label: string;
  median: number;
  max: number;
}

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm: plans and caches, as on a running server
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { label, median: ms[Math.floor(ms.length / 2)]!, max: ms.at(-1)! };
}

async function populate(opened: OpenedHubDb, hub: HubIdentity): Promise<{ ingest: number[]; bytes: number[]; oneCommunity: string }> {
  const ingest: number[] = [];
  const bytes: number[] = [];
  let oneCommunity = '';
  for (let i = 0; i < COMMUNITIES; i++) {
    const name = `第${i + 1}社区`;
    const made = await createCommunity(opened.db, { name });
    if (!made.ok) throw new Error(made.message);
    const keys = generateKeyPair();
    const request = signPackage('enrollment', { communityId: null, hubId: null, sequence: 0, createdAt: new Date().toISOString() }, { code: made.code, communityName: name, orgKind: '社区' }, keys.privateKeyPem);
    const enrolled = await enroll(opened.db, hub, request);
    if (!enrolled.ok) throw new Error(enrolled.message);
    const text = signPackage('report', { communityId: enrolled.communityId, hubId: hub.hubId, sequence: 1, createdAt: new Date().toISOString() }, tenYears(i, name), keys.privateKeyPem);
    const t0 = performance.now();
    const r = await ingestPackage(opened.db, hub, Buffer.from(text), { source: '上传' });
    ingest.push(performance.now() - t0);
    bytes.push(text.length);
    if (!r.ok) throw new Error(r.message);
    if (i === 0) oneCommunity = enrolled.communityId;
    process.stdout.write(`\r  已导入 ${i + 1}/${COMMUNITIES} 个村（社区）`);
  }
  process.stdout.write('\n');
  return { ingest, bytes, oneCommunity };
}

async function benchOn(label: string, opened: OpenedHubDb): Promise<Timing[]> {
  console.log(`\n== ${label}`);
  const hub = await ensureIdentity(opened.db, '基准测试街道');
  const { ingest, bytes, oneCommunity } = await populate(opened, hub);
  const sorted = [...ingest].sort((a, b) => a - b);
  const mb = (bytes.reduce((a, b) => a + b, 0) / bytes.length / 1024 / 1024).toFixed(1);
  const last = `${FIRST_YEAR + YEARS - 1}`;
  const from = `${FIRST_YEAR}-01-01`;
  const to = `${last}-12-31`;
  const timings: Timing[] = [{ label: `导入一个 ${YEARS} 年报送包（约 ${mb} MB）`, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! }];
  const one = { communityId: oneCommunity };
  const cases: [string, () => Promise<unknown>][] = [
    ['会议召开情况（全部，10 年）', () => meetingsPerMonth(opened.db, { from, to })],
    ['会议召开情况（一个社区，10 年）', () => meetingsPerMonth(opened.db, { ...one, from, to })],
    ['决议与逾期督办（全部）', () => resolutionFollowUp(opened.db, { asOf: `${last}-06-30` })],
    ['决议与逾期督办（一个社区）', () => resolutionFollowUp(opened.db, { ...one, asOf: `${last}-06-30` })],
    ['吹哨报到 三率（全部，一年）', () => summonsRates(opened.db, { from: `${last}-01-01`, to })],
    ['吹哨报到 三率（全部，10 年）', () => summonsRates(opened.db, { from, to })],
    ['吹哨报到 三率（一个社区，10 年）', () => summonsRates(opened.db, { ...one, from, to })],
    ['四议两公开（全部，一年）', () => matterSteps(opened.db, { from: `${last}-01-01`, to })],
    ['四议两公开（一个社区，10 年）', () => matterSteps(opened.db, { ...one, from, to })],
    ['备案审查 待审查（全部）', () => ruleFilings(opened.db, { status: '待审查' })],
  ];
  for (const [name, fn] of cases) timings.push(await time(name, RUNS, fn));
  return timings;
}

function printTable(columns: { label: string; timings: Timing[] }[]) {
  const rows = columns[0]!.timings.map((t) => t.label);
  const width = Math.max(...rows.map((r) => r.length)) + 4;
  const cell = (t: Timing | undefined) => (t ? `${t.median.toFixed(1)} / ${t.max.toFixed(1)} ms`.padStart(24) : ''.padStart(24));
  console.log(`\n${COMMUNITIES} 个村（社区）× ${YEARS} 年；中位数 / 最大值（查询各 ${RUNS} 次；导入为各社区一次）`);
  console.log(`${''.padEnd(width)}${columns.map((c) => c.label.padStart(24)).join('')}`);
  for (const [i, r] of rows.entries()) console.log(`${r.padEnd(width)}${columns.map((c) => cell(c.timings[i])).join('')}`);
  const slow = columns.flatMap((c) => c.timings.slice(1).filter((t) => t.median >= 100).map((t) => `${c.label}: ${t.label}`));
  console.log(slow.length ? `\n超过 100 ms：${slow.join('；')}` : '\n每个查询的中位数都在 100 ms 以内。');
}

async function main() {
  const columns: { label: string; timings: Timing[] }[] = [];
  const migrationsFolder = defaultMigrationsFolder();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  const lite = await openHubDb({ dataDir: dir, migrationsFolder });
  try {
    columns.push({ label: 'PGlite', timings: await benchOn('PGlite（内置）', lite) });
  } finally {
    await lite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Client } = await import('pg');
    const name = `hub_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    const pg = await openHubDb({ databaseUrl: scratch.toString(), migrationsFolder });
    try {
      columns.push({ label: 'PostgreSQL', timings: await benchOn(`PostgreSQL ${redactUrl(url)}`, pg) });
    } finally {
      await pg.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  } else {
    console.log('\n（未设置 DATABASE_URL：只测 PGlite。设置后同时测 PostgreSQL。）');
  }
  printTable(columns);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
