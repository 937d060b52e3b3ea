/**
 * The browser preview's 导出迁移包 (POST, the package comes back as a download) and 导入迁移包
 * (POST the package's bytes; verified, then the host reopens in-process on the imported data).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ApiError, type Envelope } from '../core/contract';
import { WEB_MOVE_EXPORT } from '../core/contract/bridge';
import { openDatabase } from '../db/open';
import type { HandlerContext } from './api/context';
import { exportFromContext, importIntoContext } from './move-import';
import { defaultPackageName, MOVE_PACKAGE_EXTENSION } from './move-package';

/** A package larger than this is refused before it is read (the preview holds one in memory to unzip it). */
const MAX_PACKAGE_BYTES = 2 * 1024 * 1024 * 1024;

interface MoveRequestOptions {
  tokenOk: boolean;
  headers: Record<string, string>;
  options: { databaseFile: string; migrations: string };
}

function json(res: http.ServerResponse, headers: Record<string, string>, status: number, body: Envelope<unknown>) {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function failure(err: unknown): Envelope<never> {
  const code = (err as NodeJS.ErrnoException)?.code;
  const e = err instanceof ApiError ? err : new ApiError('INTERNAL', `操作没有完成${code ? `（${code}）` : ''}，请重试；如仍出错，请联系技术人员`);
  return { ok: false, error: { code: e.code, message: e.message } };
}

export async function handleMoveRequest(ctx: HandlerContext, req: http.IncomingMessage, res: http.ServerResponse, o: MoveRequestOptions): Promise<void> {
  if (req.method !== 'POST') return json(res, o.headers, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '请求方式无效' } });
  if (!o.tokenOk) return json(res, o.headers, 403, { ok: false, error: { code: 'FORBIDDEN', message: '访问令牌无效，请刷新页面' } });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-move-'));
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === WEB_MOVE_EXPORT) {
      for await (const _ of req) void _;
      const name = defaultPackageName(ctx.db);
      const file = path.join(work, name);
      await exportFromContext(ctx, file);
      res.writeHead(200, {
        ...o.headers,
        'Content-Type': 'application/zip',
        'Content-Length': String(fs.statSync(file).size),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
      await new Promise<void>((resolve, reject) => fs.createReadStream(file).on('error', reject).on('end', resolve).pipe(res));
      return;
    }
    const file = path.join(work, `upload-${randomBytes(4).toString('hex')}.${MOVE_PACKAGE_EXTENSION}`);
    const out = fs.createWriteStream(file);
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_PACKAGE_BYTES) {
        out.destroy();
        return json(res, o.headers, 413, {
          ok: false,
          error: { code: 'INVALID_INPUT', message: '迁移包太大（超过 2 GB），浏览器预览无法导入；请在桌面版中导入' },
        });
      }
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    const result = await importIntoContext(ctx, file, {
      migrationsFolder: o.options.migrations,
      backupDir: path.join(path.dirname(o.options.databaseFile), 'backups'),
      reopen: () =>
        openDatabase(o.options.databaseFile, { migrationsFolder: o.options.migrations, backupDir: path.join(path.dirname(o.options.databaseFile), 'backups') }),
    });
    return json(res, o.headers, 200, { ok: true, value: result });
  } catch (err) {
    if (!res.headersSent) return json(res, o.headers, 200, failure(err));
    res.destroy();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
