/**
 * Browser preview and end-to-end test host: serves the built renderer and the same API the
 * desktop app has, over HTTP on 127.0.0.1 only. Not for production use: for development and tests.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApiError, type Envelope } from '../core/contract';
import { TOKEN_HEADER, TOKEN_META, WEB_MOVE_EXPORT, WEB_MOVE_IMPORT } from '../core/contract/bridge';
import { closeBackup } from '../db/backups/lifecycle';
import { discardStaged } from '../db/backups/store';
import { readJournal } from '../db/open';
import { applyPendingRestore } from './api/backups';
import { dispatch, Session, type HandlerContext } from './api/dispatch';
import { openLog } from './log';
import { openFailure, serveDatabase } from './database-start';
import { appRootFrom, migrationsFolder } from './paths';
import { handleMoveRequest } from './web-move';
import { CONTENT_SECURITY_POLICY } from './security';

const MAX_BODY_BYTES = 40 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHostOptions {
  databaseFile: string;
  port: number;
  rendererDir: string;
  migrations: string;
  appVersion: string;
}

export async function startWebHost(options: WebHostOptions): Promise<{ url: string; close: () => Promise<void>; ready: Promise<void> }> {
  const log = openLog(path.join(path.dirname(options.databaseFile), 'logs'));
  log.info(`start web host ${options.appVersion} node ${process.versions.node} on ${process.platform} ${process.arch}`);
  const backupDir = path.join(path.dirname(options.databaseFile), 'backups');
  // The server listens first; the database opens right after, and calls wait for it
  // (electron/database-start.ts). The backup and the full check follow in the background.
  let ctx: HandlerContext | null = null;
  const served = serveDatabase({
    file: options.databaseFile,
    open: { migrationsFolder: options.migrations, backupDir },
    log,
    context: (opened) =>
      (ctx = {
        db: opened.db,
        // One session for the host: whoever is chosen on the start screen acts for every tab.
        session: new Session(),
        info: {
          appVersion: options.appVersion,
          databasePath: options.databaseFile,
          schemaVersion: opened.schemaVersion,
          lastBackupPath: opened.backupPath,
        },
        log,
        backups: { dir: backupDir, maxSchemaVersion: readJournal(options.migrations).length, restart: 'reload', pendingRestore: null },
      }),
  });

  /**
   * After backups.restore: the current file is saved as 恢复前, the restored copy put in its place
   * and the database reopened in-process (migrated if it is older); the page then reloads. The
   * user chosen before may not exist in the restored data, so the start screen asks again.
   */
  async function restoreNow(ctx: HandlerContext, envelope: Envelope<unknown>): Promise<Envelope<unknown>> {
    // The background copy and check hold the file open; they stop before it is replaced.
    await served.stopBackground();
    let result = envelope;
    try {
      const { savedCurrentAs } = applyPendingRestore(ctx);
      result = { ok: true, value: { ...(envelope as { value: object }).value, savedCurrentAs } };
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError('INTERNAL', '恢复没有完成，当前数据没有改动；请重新打开议事厅后再试');
      result = { ok: false, error: { code: e.code, message: e.message } };
    }
    if (!ctx.db.sqlite.open) {
      const reopened = served.reopen(ctx);
      ctx.db = reopened.db;
      ctx.info = { ...ctx.info, schemaVersion: reopened.schemaVersion, lastBackupPath: reopened.backupPath };
      ctx.session.signOut();
    }
    return result;
  }

  const token = randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  let port = options.port;

  const securityHeaders = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };

  function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string) {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': type });
    res.end(body);
  }

  function tokenOk(req: http.IncomingMessage): boolean {
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  // A page on another site could point a hostname at 127.0.0.1 (DNS rebinding); only our own
  // Host names are served.
  function hostOk(req: http.IncomingMessage): boolean {
    return [`127.0.0.1:${port}`, `localhost:${port}`].includes(String(req.headers.host ?? ''));
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    if (req.method !== 'POST') return send(res, 405, '{}', 'application/json');
    if (!tokenOk(req)) {
      return send(
        res,
        403,
        JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '访问令牌无效，请刷新页面' } }),
        'application/json; charset=utf-8',
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        return send(res, 413, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '提交的内容太大' } }), 'application/json; charset=utf-8');
      }
      chunks.push(chunk as Buffer);
    }
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text ? JSON.parse(text) : {};
    } catch {
      return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '提交的内容格式不对' } }), 'application/json; charset=utf-8');
    }
    let ctx: HandlerContext;
    try {
      ctx = await served.contextFor(name);
    } catch (err) {
      // The page shows its 议事厅没有打开 screen with the same Chinese message.
      return send(res, 200, JSON.stringify(openFailure(err)), 'application/json; charset=utf-8');
    }
    let envelope = await dispatch(ctx, name, input);
    if (ctx.backups?.pendingRestore) {
      if (envelope.ok) {
        envelope = await restoreNow(ctx, envelope);
      } else {
        discardStaged(ctx.backups.pendingRestore);
        ctx.backups.pendingRestore = null;
      }
    }
    send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
  }

  async function moveRequest(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    let ctx: HandlerContext;
    try {
      ctx = await served.ready;
    } catch (err) {
      return send(res, 200, JSON.stringify(openFailure(err)), 'application/json; charset=utf-8');
    }
    // An import replaces the file: the background copy and check stop first.
    if (pathname === WEB_MOVE_IMPORT && tokenOk(req)) await served.stopBackground();
    return handleMoveRequest(ctx, req, res, { tokenOk: tokenOk(req), headers: securityHeaders, options });
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(options.rendererDir, rel);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, '未找到', 'text/plain; charset=utf-8');
    }
    let body: string | Buffer = fs.readFileSync(file);
    const ext = path.extname(file);
    if (ext === '.html') {
      body = body.toString('utf8').replace('</head>', `<meta name="${TOKEN_META}" content="${token}"></head>`);
    }
    send(res, 200, body, MIME[ext] ?? 'application/octet-stream');
  }

  const server = http.createServer((req, res) => {
    if (!hostOk(req)) return send(res, 421, '请通过 127.0.0.1 地址打开议事厅浏览器预览', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const api = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    const move = url.pathname === WEB_MOVE_EXPORT || url.pathname === WEB_MOVE_IMPORT;
    const work = api ? handleApi(req, res, api[1]!) : move ? moveRequest(req, res, url.pathname) : Promise.resolve(serveStatic(req, res, url.pathname));
    work.catch(() => {
      if (!res.headersSent)
        send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '服务出错，请重试' } }), 'application/json; charset=utf-8');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    ready: served.ready.then(() => undefined),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await served.ready.catch(() => null);
      await served.stopBackground();
      if (ctx?.db.sqlite.open) {
        // A copy on shutdown, like the desktop app's on quit.
        closeBackup(ctx.db.sqlite, backupDir);
        ctx.db.sqlite.close();
      }
      log.info('shutdown');
    },
  };
}

async function main() {
  const root = appRootFrom(__dirname);
  const databaseFile = path.resolve(process.env.COUNCIL_HALL_DB ?? path.join(root, '.cache', 'web-preview', 'council-hall.sqlite'));
  const port = Number(process.env.COUNCIL_HALL_PORT ?? 5178);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('找不到界面文件 dist/renderer/index.html，请先运行 npm run build');
    process.exit(1);
  }
  try {
    const host = await startWebHost({ databaseFile, port, rendererDir, migrations: migrationsFolder(root, false), appVersion: pkg.version });
    console.log('议事厅浏览器预览（仅供开发和测试使用）');
    console.log(`数据文件 Database: ${databaseFile}`);
    console.log(`COUNCIL_HALL_URL=${host.url}`);
    console.log(`请在浏览器中打开 Open in a browser: ${host.url}`);
    // The page shows the same message (议事厅没有打开); the host stays up so it can.
    host.ready.catch((err: unknown) => console.error(`议事厅浏览器预览无法打开数据文件：${(err as Error).message}`));
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`议事厅浏览器预览无法启动：${(err as Error).message}`);
    process.exit(1);
  }
}

if (typeof require !== 'undefined' && require.main === module) void main();
