// Builds the street hub (server/) into dist/server/main.cjs (and its benchmark, bench.cjs), with
// its migrations beside them.
// Packages stay in node_modules (PGlite loads its WebAssembly files from there).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/server');
await build({
  entryPoints: { main: path.join(root, 'server/main.ts'), bench: path.join(root, 'server/bench/hub.ts') },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
});
fs.rmSync(path.join(out, 'hub-migrations'), { recursive: true, force: true });
fs.cpSync(path.join(root, 'server/db/migrations'), path.join(out, 'hub-migrations'), { recursive: true });
