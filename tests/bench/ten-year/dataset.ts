// The generated history, cached under .cache/bench/<key>/ where the key is the schema (the
// migration journal) and the generator's version: a second run starts at once.
import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, openApp, refusals, ROOT, spent } from './app';
import { addDays, FIRST_YEAR, generate, GENERATOR_VERSION } from './generate';

/** The years kept as snapshots, for the growth exponent. */
export const SNAPSHOT_YEARS = [1, 3, 5, 10];

export interface DatasetMeta {
  years: number;
  orgId: number;
  generationSeconds: number;
  snapshots: { year: number; file: string; bytes: number; rows: Record<string, number> }[];
  refusals: Record<string, number>;
}

export const COUNTED_TABLES = [
  'people',
  'households',
  'meetings',
  'agenda_items',
  'attendance',
  'attendance_changes',
  'speeches',
  'proposals',
  'votes',
  'resolutions',
  'resolution_progress',
  'topics',
  'topic_events',
  'summons',
  'notices',
  'matters',
  'rule_documents',
  'audit_log',
];

export function cacheDir(years: number): string {
  const journal = fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'));
  const key = crypto.createHash('sha256').update(journal).update(`generator ${GENERATOR_VERSION} years ${years}`).digest('hex').slice(0, 16);
  return path.join(ROOT, '.cache/bench', key);
}

/** The instant "now" is at the end of year `n` of the history: 22:00 Beijing time on 31 December. */
export function endOfYear(n: number): Date {
  return new Date(`${FIRST_YEAR + n - 1}-12-31T22:00:00+08:00`);
}
export const todayAtEndOfYear = (n: number) => `${FIRST_YEAR + n - 1}-12-31`;
export { addDays };

function countRows(sqlite: Database.Database): Record<string, number> {
  const names = new Set((sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).map(String));
  const rows: Record<string, number> = {};
  for (const t of COUNTED_TABLES) if (names.has(t)) rows[t] = sqlite.prepare(`select count(*) from ${t}`).pluck().get() as number;
  return rows;
}

export async function dataset(years: number, regenerate: boolean): Promise<DatasetMeta> {
  const dir = cacheDir(years);
  const metaFile = path.join(dir, 'meta.json');
  if (!regenerate && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as DatasetMeta;
    if (meta.snapshots.every((s) => fs.existsSync(path.join(dir, s.file)))) {
      console.log(`数据集：使用缓存 ${path.relative(ROOT, dir)}（生成于上次运行，用时 ${meta.generationSeconds} s）`);
      return meta;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const work = path.join(dir, 'work.sqlite');
  console.log(`数据集：生成 ${years} 年的历史到 ${path.relative(ROOT, dir)} …`);
  const started = performance.now();
  const app = openApp(work, new Date(`${FIRST_YEAR - 1}-12-01T09:00:00+08:00`), null);
  // Durability is not what is measured here: the rows are the same with or without an fsync per commit.
  app.db.sqlite.pragma('synchronous = OFF');
  const snapshots: DatasetMeta['snapshots'] = [];
  const keep = new Set(SNAPSHOT_YEARS.filter((y) => y < years).concat(years));
  const world = await generate(app.ctx, {
    years,
    progress: (line) => {
      console.log(`  ${line}`);
      if (process.env.BENCH_PROFILE) {
        const top = [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
        console.log('   ' + top.map(([n, s]) => `${n} ${Math.round(s.ms)}ms/${s.n}`).join('; '));
        spent.clear();
      }
    },
    afterYear: (year) => {
      if (!keep.has(year)) return;
      app.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const file = `year-${year}.sqlite`;
      fs.copyFileSync(work, path.join(dir, file));
      snapshots.push({ year, file, bytes: fs.statSync(work).size, rows: countRows(app.db.sqlite) });
    },
  });
  app.db.sqlite.close();
  fs.rmSync(work, { force: true });
  for (const ext of ['-wal', '-shm']) fs.rmSync(work + ext, { force: true });
  const meta: DatasetMeta = {
    years,
    orgId: world.orgId,
    generationSeconds: Math.round((performance.now() - started) / 1000),
    snapshots,
    refusals: Object.fromEntries(refusals),
  };
  fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  console.log(`数据集：生成完毕，用时 ${meta.generationSeconds} s`);
  void addDays;
  return meta;
}
