import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The maintenance worker bundled as scripts/build.mjs bundles it, so tests run the same worker
 * threads the app does. Written inside the checkout (.cache) so it finds better-sqlite3 there.
 */
export function bundledWorker(): string {
  const out = path.join(ROOT, '.cache', 'test-worker', `maintenance-worker-${process.pid}.cjs`);
  if (fs.existsSync(out)) return out;
  buildSync({
    entryPoints: [path.join(ROOT, 'db/maintenance/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  return out;
}
