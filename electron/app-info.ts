import fs from 'node:fs';
import path from 'node:path';

/**
 * Start-up facts main.ts needs that do not depend on 'electron', so they are testable under Node.
 */

/** Where scripts/electron-native.mjs puts better-sqlite3 built for Electron's ABI. */
export function devNativeBindingPath(appRoot: string): string {
  return path.join(appRoot, '.cache', 'electron-native', 'better_sqlite3.node');
}

/**
 * In development node_modules holds better-sqlite3 built for Node (so `npm test` works), and the
 * Electron build lives beside it in .cache. A packaged app has no such folder: electron-builder
 * rebuilt the module inside the package, so the default lookup is right there.
 */
export function nativeBindingFor(appRoot: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const file = devNativeBindingPath(appRoot);
  return fs.existsSync(file) ? file : undefined;
}

/** Added to a start-up error that is really a native module built for the wrong runtime. */
export function nativeModuleHint(message: string, packaged: boolean): string {
  if (packaged || !/NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(message)) {
    return '';
  }
  return '\n\n开发提示：better-sqlite3 尚未为 Electron 编译。请运行 “node scripts/electron-native.mjs”（npm start 会自动运行）后重试。';
}

/**
 * The version from our package.json. Electron's app.getVersion() reports Electron's own version
 * when the app is started as `electron dist/electron/main.cjs` (as the Playwright tests do),
 * because then no package.json is read.
 */
export function readAppVersion(appRoot: string, fallback: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' && pkg.version.length > 0 ? pkg.version : fallback;
  } catch {
    return fallback;
  }
}
