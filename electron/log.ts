/**
 * The support log (issue 14 item 8): a small rotating text file in the data folder,
 * `logs/council-hall.log`, kept to a few hundred kilobytes (the current file and three older
 * ones). Our own writer rather than electron-log: it must run under plain Node for the web host
 * and the tests, and four dozen lines do it.
 *
 * No personal data, ever: lines carry call names, durations, error codes and error kinds. Error
 * messages are cut down (digits runs and quoted text replaced) because SQLite and JS messages
 * can quote a row's values; callers never pass inputs.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOG_FILE_NAME = 'council-hall.log';
const KEEP_OLD = 3;

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The last `count` lines, oldest first (from the older files too when the current one is short). */
  recentLines(count: number): string[];
  readonly file: string;
}

/** Removes what could be personal in an error message: long digit runs and quoted text. */
export function redact(message: string): string {
  return message
    .replace(/\d{6,}[\dXx]*/g, '<数字>')
    .replace(/“[^”]*”|"[^"]*"|'[^']*'|‘[^’]*’|「[^」]*」/g, '<…>')
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 300);
}

/** A log in `folder` (created if missing); never throws: a log that cannot be written is skipped. */
export function openLog(folder: string, options: { maxBytes?: number; now?: () => Date } = {}): AppLog {
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const now = options.now ?? (() => new Date());
  const file = path.join(folder, LOG_FILE_NAME);
  const rotate = () => {
    for (let i = KEEP_OLD - 1; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
  };
  const write = (level: LogLevel, message: string) => {
    try {
      fs.mkdirSync(folder, { recursive: true });
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      if (size > maxBytes) rotate();
      fs.appendFileSync(file, `${now().toISOString()} ${level} ${message.replace(/[\r\n]+/g, ' ')}\n`, 'utf8');
    } catch {
      // The log is for support; it must never stop the app.
    }
  };
  const readLines = (f: string) => {
    try {
      return fs.readFileSync(f, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  };
  return {
    file,
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m) => write('ERROR', m),
    recentLines(count) {
      let lines = readLines(file);
      for (let i = 1; i <= KEEP_OLD && lines.length < count; i++) lines = [...readLines(`${file}.${i}`), ...lines];
      return lines.slice(-count);
    },
  };
}

/** For the hosts: what the log says about a failure, without its data. */
export function describeError(err: unknown): string {
  const e = err as { name?: unknown; code?: unknown; message?: unknown };
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const code = typeof e?.code === 'string' ? ` ${e.code}` : '';
  const message = typeof e?.message === 'string' ? `: ${redact(e.message)}` : '';
  return `${name}${code}${message}`;
}
