import path from 'node:path';

/**
 * The renderer is served from app://council-hall/ (a privileged, secure, standard scheme) instead
 * of file://: the page gets a real origin, `'self'` in the CSP means our files only, and Electron's
 * extra file:// privileges can be switched off (fuse grantFileProtocolExtraPrivileges). Pure
 * functions here; electron/main.ts registers the scheme and answers requests with them.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'council-hall';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rendererRoot` that an app:// request names, or null for anything else: another
 * host, a path that climbs out of the folder (also percent-encoded), a NUL, a backslash.
 */
export function resolveAppRequest(url: string, rendererRoot: string, platform: NodeJS.Platform = process.platform): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const root = p.resolve(rendererRoot);
  const file = p.resolve(root, ...segments);
  return file.startsWith(root + p.sep) ? file : null;
}

/** True when `url` is our own page (whatever hash route or query it shows); anything else must not reach the API. */
export function isAppPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && (parsed.pathname === '/index.html' || parsed.pathname === '/');
}
