// The ten-year bench (issue 15): bundles tests/bench/ten-year/main.ts with esbuild, as
// scripts/build.mjs bundles the app, and runs it under plain Node. Arguments pass through:
//   node scripts/bench.mjs [--years N] [--regenerate] [--quick] [--big] [--out bench-results.md]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.cache/bench/ten-year.cjs');
await build({
  entryPoints: [path.join(root, 'tests/bench/ten-year/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
});
const r = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, BENCH_ROOT: root },
});
process.exit(r.status ?? 1);
