import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True when `url` is our own renderer page (`indexFile` loaded over file://), whatever hash
 * route or query it shows. Anything else — another file on disk the window was somehow led to,
 * an http page, about:blank, a data: URL — must not reach the API, so the IPC handler refuses it.
 */
export function isAppPage(url: string, indexFile: string, platform: NodeJS.Platform = process.platform): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  parsed.hash = '';
  parsed.search = '';
  let pagePath: string;
  try {
    pagePath = fileURLToPath(parsed, { windows: platform === 'win32' });
  } catch {
    return false;
  }
  const p = platform === 'win32' ? path.win32 : path.posix;
  const a = p.normalize(pagePath);
  const b = p.normalize(indexFile);
  // Windows paths are case-insensitive and Chromium may report the drive letter in either case.
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
