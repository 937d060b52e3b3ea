#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .cache/electron-native/better_sqlite3.node,
 * leaving node_modules alone: node_modules keeps the Node build that `npm test` loads, and the
 * app (electron/main.ts) passes this file to better-sqlite3 as its `nativeBinding`. So
 * `npm start` and `npm test` both work, in either order, after one `npm install`.
 *
 * Steps: skip if .cache/electron-native/stamp.json matches (Electron version, its ABI,
 * better-sqlite3 version, platform, arch); else copy node_modules/better-sqlite3 without its
 * build/ into a scratch folder under .cache, try the published prebuilt binary for this Electron
 * (prebuild-install, as better-sqlite3's own install does), fall back to compiling with node-gyp
 * against Electron's headers, smoke-test the result inside Electron when its binary is present,
 * and copy it into place with a new stamp.
 *
 * `--if-electron-installed` does nothing (exit 0) where the Electron binary was never downloaded:
 * for `npm test`, whose Electron tests skip themselves there anyway.
 *
 * Needs the network once (prebuilt binary or Electron headers). Offline, point
 * COUNCIL_HALL_ELECTRON_HEADERS at an unpacked node-v<version>-headers folder for this Electron
 * version; COUNCIL_HALL_ELECTRON_DIST_URL selects a headers mirror.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const cacheDir = path.join(root, '.cache');
const outDir = path.join(cacheDir, 'electron-native');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

function say(zh, en) {
  console.log(`[electron-native] ${zh} / ${en}`);
}

function fail(zh, en, detail) {
  console.error(`\n[electron-native] 失败：${zh}`);
  console.error(`[electron-native] Failed: ${en}`);
  if (detail) console.error(`[electron-native] ${detail}`);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// npm passes its config to scripts as npm_config_* variables, and node-gyp reads them. A
// `nodedir` there (Debian's npm sets nodedir=/usr) would make node-gyp compile against Node's
// headers while we ask for Electron's: the result loads in Node, not in Electron.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));

function run(label, args, cwd) {
  say(`运行 ${label}`, `running ${label}`);
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: childEnv });
  if (result.error) console.error(`[electron-native] ${result.error.message}`);
  return result.status === 0;
}

// --- what we are building for --------------------------------------------------------------

const electronDir = path.join(root, 'node_modules', 'electron');
let electronVersion;
let abi;
try {
  electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
} catch (err) {
  fail('找不到 node_modules/electron，请先运行 npm install。', 'node_modules/electron is missing; run npm install first.', err.message);
}

let sqliteDir;
let sqliteVersion;
try {
  sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
} catch (err) {
  fail('找不到 better-sqlite3，请先运行 npm install。', 'better-sqlite3 is missing; run npm install first.', err.message);
}

if (process.argv.includes('--if-electron-installed') && !electronExecutable()) {
  say('Electron 二进制文件未安装，无需编译', 'Electron binary not installed; nothing to build');
  process.exit(0);
}

const arch = process.arch;
const wanted = { electron: electronVersion, abi, betterSqlite3: sqliteVersion, platform: process.platform, arch };

let stamp = null;
try {
  stamp = readJson(stampFile);
} catch {
  // No stamp or an unreadable one: build.
}
const upToDate = stamp !== null && fs.existsSync(outFile) && Object.entries(wanted).every(([key, value]) => stamp[key] === value);
if (upToDate) {
  say(
    `better-sqlite3 ${sqliteVersion} 已为 Electron ${electronVersion}（ABI ${abi}，${process.platform}-${arch}）编译，无需重复`,
    `better-sqlite3 ${sqliteVersion} is already built for Electron ${electronVersion} (ABI ${abi}, ${process.platform}-${arch}); nothing to do`,
  );
  process.exit(0);
}

say(
  `为 Electron ${electronVersion}（ABI ${abi}，${process.platform}-${arch}）准备 better-sqlite3 ${sqliteVersion}`,
  `preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}, ${process.platform}-${arch})`,
);

// --- build in a scratch copy ----------------------------------------------------------------

fs.mkdirSync(cacheDir, { recursive: true });
const scratch = fs.mkdtempSync(path.join(cacheDir, 'electron-native-build-'));
const work = path.join(scratch, 'better-sqlite3');

function cleanUp() {
  fs.rmSync(scratch, { recursive: true, force: true });
}

try {
  // build/ holds the Node build; copying it would let node-gyp or prebuild-install mistake it for ours.
  fs.cpSync(sqliteDir, work, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(sqliteDir, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${path.sep}`);
    },
  });
  say('已复制源码到临时目录', `copied sources to ${path.relative(root, work)}`);

  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  let ok = false;

  if (!process.env.COUNCIL_HALL_ELECTRON_HEADERS) {
    let prebuildBin = null;
    try {
      prebuildBin = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] });
    } catch {
      say('未找到 prebuild-install，直接编译', 'prebuild-install not found; compiling instead');
    }
    if (prebuildBin) {
      say('尝试下载官方预编译文件', 'trying the published prebuilt binary');
      ok =
        run(
          'prebuild-install',
          [prebuildBin, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${process.platform}`, '--verbose'],
          work,
        ) && fs.existsSync(built);
      if (!ok) say('没有可用的预编译文件，改为本机编译', 'no prebuilt binary available; compiling locally');
    }
  }

  if (!ok) {
    let nodeGyp;
    try {
      nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    } catch (err) {
      throw new Error(`找不到 node-gyp（应随 @electron/rebuild 安装）/ node-gyp not found: ${err.message}`);
    }
    const headers = process.env.COUNCIL_HALL_ELECTRON_HEADERS;
    const source = headers
      ? [`--nodedir=${path.resolve(headers)}`]
      : [`--dist-url=${process.env.COUNCIL_HALL_ELECTRON_DIST_URL || 'https://electronjs.org/headers'}`];
    ok =
      run(
        'node-gyp rebuild',
        [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          ...source,
          `--arch=${arch}`,
          // Shared with @electron/rebuild (and so electron-builder): headers are fetched once.
          `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
        ],
        work,
      ) && fs.existsSync(built);
    if (!ok) {
      throw new Error(
        '编译失败。需要：能访问网络（下载 Electron 头文件），Python 3，以及 C++ 编译器（Windows：Visual Studio 生成工具“使用 C++ 的桌面开发”；Linux：build-essential）。' +
          '离线时可将 COUNCIL_HALL_ELECTRON_HEADERS 设为已解压的 Electron 头文件目录。\n' +
          'Build failed. Needs network access (Electron headers), Python 3 and a C++ toolchain (Windows: Visual Studio Build Tools ' +
          '"Desktop development with C++"; Linux: build-essential). Offline, set COUNCIL_HALL_ELECTRON_HEADERS to unpacked Electron headers.',
      );
    }
  }

  // Prove the file loads in Electron (as Node, via ELECTRON_RUN_AS_NODE) where the binary exists.
  const electronBinary = electronExecutable();
  if (electronBinary) {
    const probe =
      `const D = require(${JSON.stringify(path.join(sqliteDir, 'lib', 'index.js'))});` +
      `const db = new D(':memory:', { nativeBinding: ${JSON.stringify(built)} });` +
      `console.log('SQLite ' + db.prepare('select sqlite_version() as v').get().v); db.close();`;
    const result = spawnSync(electronBinary, ['-e', probe], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`编译结果无法在 Electron 中加载 / the build does not load in Electron:\n${result.stderr || result.error?.message}`);
    }
    say(`已在 Electron 中验证（${result.stdout.trim()}）`, `verified inside Electron (${result.stdout.trim()})`);
  } else {
    say('Electron 二进制文件未安装，跳过加载验证', 'Electron binary not installed; load check skipped');
  }

  fs.mkdirSync(outDir, { recursive: true });
  // Copy then rename, so an interrupted run never leaves half a module under the final name.
  fs.copyFileSync(built, `${outFile}.tmp`);
  fs.renameSync(`${outFile}.tmp`, outFile);
  fs.writeFileSync(stampFile, `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`);
  say(`完成：${path.relative(root, outFile)}`, `done: ${path.relative(root, outFile)}`);
} catch (err) {
  cleanUp();
  fail('无法为 Electron 准备 better-sqlite3。', 'could not prepare better-sqlite3 for Electron.', err.message);
}
cleanUp();

/** The Electron executable if it was downloaded; never require('electron'), which would download it. */
function electronExecutable() {
  try {
    const rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const file = path.join(electronDir, 'dist', rel);
    return rel && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}
