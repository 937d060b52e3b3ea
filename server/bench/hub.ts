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
import { generateKeyPair, signPackage } from '../../exchange';
import { defaultMigrationsFolder, openHubDb, redactUrl, type OpenedHubDb } from '../db/open';
import { matterSteps } from '../db/queries/matters';
import { meetingList, meetingsPerMonth } from '../db/queries/meetings';
import { resolutionFollowUp } from '../db/queries/resolutions';
import { ruleFilings } from '../db/queries/rules';
import { summonsList, summonsRates } from '../db/queries/summons';
import { createCommunity, enroll } from '../enroll';
import { ensureIdentity, type HubIdentity } from '../identity';
import { ingestPackage } from '../ingest';
import { FIRST_YEAR, tenYears, YEARS } from './generate';

const COMMUNITIES = Number(process.env.BENCH_COMMUNITIES || 30);
const RUNS = 7;

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
    const request = signPackage(
      'enrollment',
      { communityId: null, hubId: null, sequence: 0, createdAt: new Date().toISOString() },
      { code: made.code, communityName: name, orgKind: '社区' },
      keys.privateKeyPem,
    );
    const enrolled = await enroll(opened.db, hub, request);
    if (!enrolled.ok) throw new Error(enrolled.message);
    const text = signPackage(
      'report',
      { communityId: enrolled.communityId, hubId: hub.hubId, sequence: 1, createdAt: new Date().toISOString() },
      tenYears(i, name),
      keys.privateKeyPem,
    );
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
    // The street page's lists open on their first page; a 街道 pages deep into ten years rarely.
    ['会议列表 第一页（全部，10 年）', () => meetingList(opened.db, { from, to, limit: 50, offset: 0 })],
    ['会议列表 第 20 页（全部，10 年）', () => meetingList(opened.db, { from, to, limit: 50, offset: 950 })],
    ['吹哨列表（全部，最新 200 条）', () => summonsList(opened.db, { limit: 200 })],
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
  const slow = columns.flatMap((c) =>
    c.timings
      .slice(1)
      .filter((t) => t.median >= 100)
      .map((t) => `${c.label}: ${t.label}`),
  );
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
