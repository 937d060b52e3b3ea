#!/usr/bin/env node
/**
 * `npm run dist [-- electron-builder args]`: build, package with electron-builder, and — whether
 * packaging worked or not — give node_modules back the Node build of better-sqlite3.
 * electron-builder rebuilds it for Electron's ABI in place (npmRebuild); an npm `postdist` script
 * would not run after a failed `dist`, leaving `npm test` unable to load SQLite.
 */
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args) {
  const r = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

let status = run(process.execPath, ['scripts/build.mjs']);
if (status === 0) status = run(npx, ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
const restored = run(npm, ['rebuild', 'better-sqlite3']);
if (restored !== 0)
  console.error('[dist] 未能恢复 Node 版本的 better-sqlite3：请运行 npm rebuild better-sqlite3 / could not restore the Node build of better-sqlite3');
process.exit(status !== 0 ? status : restored);
