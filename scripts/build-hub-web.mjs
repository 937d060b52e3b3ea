// Builds the street's web page (hub-web/) into dist/hub-web/: one bundle (esbuild) and its
// index.html. The hub serves that folder. `node scripts/build.mjs` calls this too.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildHubWeb() {
  const outdir = path.join(root, 'dist/hub-web');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { app: path.join(root, 'hub-web/src/main.tsx') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    outdir,
  });
  fs.copyFileSync(path.join(root, 'hub-web/index.html'), path.join(outdir, 'index.html'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildHubWeb();
  console.log('构建完成 Build finished: dist/hub-web/');
}
