// Builds everything the app and the tests run: the node-side bundles (esbuild) and the renderer
// (vite) and the street hub's page (scripts/build-hub-web.mjs). `node scripts/build.mjs node` builds
// only the node side.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHubWeb } from './build-hub-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];

async function buildNode() {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // Native and Electron modules are loaded at run time, never bundled.
    external: ['electron', 'better-sqlite3'],
  };
  await esbuild({
    ...common,
    entryPoints: {
      main: path.join(root, 'electron/main.ts'),
      'web-host': path.join(root, 'electron/web-host.ts'),
      // Worker threads for the full check, the backup's check and audit verification (db/maintenance/runner.ts).
      'maintenance-worker': path.join(root, 'db/maintenance/worker.ts'),
    },
    outdir: path.join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
  });
  // The sandboxed preload may require nothing but 'electron': everything else is bundled in.
  await esbuild({
    ...common,
    entryPoints: { preload: path.join(root, 'electron/preload.ts') },
    outdir: path.join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  });
}

async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
if (only !== 'renderer') await buildNode();
if (only !== 'node') await buildRenderer();
if (only !== 'node' && only !== 'renderer') {
  // The street hub (dist/server) and its page (dist/hub-web): what `npm run hub` and the hub's e2e spec run.
  execFileSync(process.execPath, [path.join(root, 'scripts/build-hub.mjs')], { stdio: 'inherit' });
  await buildHubWeb();
}
console.log('构建完成 Build finished: dist/');
