/**
 * The hub's HTTP JSON API (Fastify). Every answer is JSON { ok: true, … } or { ok: false,
 * message } with the message in Chinese saying what to do next; exports are .xlsx files.
 * Communities authenticate by their Ed25519 signatures (packages, pull requests); people by a
 * session cookie (HttpOnly, SameSite=Strict) or a bearer token, with a role check on every route.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayIn } from '../core/clock';
import { fingerprint } from '../exchange';
import {
  type CreatedCommunityBody,
  type EnrollCodeBody,
  type EnrolledAnswer,
  type HubInfoBody,
  type IngestBody,
  type LoginBody,
  type MeBody,
} from '../exchange/hub-api';
import { createUser, dropExpiredSessions, login, logout, sessionUser, setDisabled, setPassword, type SessionUser } from './auth';
import { type OpenedHubDb } from './db/open';
import { hubRoles } from './db/schema';
import { createCommunity, enroll, EnrollThrottle, reissueCode, requestReenrollment } from './enroll';
import { ensureIdentity, type HubIdentity } from './identity';
import { ingestPackage } from './ingest';
import { checkPullRequest, recordFilingReview, recordSummonsReply, replyPackagesAfter } from './replies';
import { registerDashboards } from './http/dashboards';
import { registerAdmin } from './http/admin';
import { adminOnly, allow, anyUser, parse, refuse } from './http/guard';

export const SESSION_COOKIE = 'hub_session';
/** A 10-year package with its documents' files fits well within this. */
export const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;

export interface HubConfig {
  name?: string | undefined;
  /** The zone local dates are judged in (a summons' month, "today"); China Standard Time by default. */
  timeZone?: string | undefined;
  /** Mark the cookie Secure (behind HTTPS). */
  secureCookie?: boolean | undefined;
  /** The street web page's built files (index.html …), served at /. */
  webRoot?: string | undefined;
  logger?: boolean | undefined;
}

export interface HubContext {
  db: OpenedHubDb['db'];
  hub: HubIdentity;
  timeZone: string;
  today(): string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

function cookieToken(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

export async function buildHub(opened: OpenedHubDb, config: HubConfig = {}): Promise<{ app: FastifyInstance; hub: HubIdentity; context: HubContext }> {
  const db = opened.db;
  const hub = await ensureIdentity(db, config.name);
  const timeZone = config.timeZone ?? 'Asia/Shanghai';
  const context: HubContext = { db, hub, timeZone, today: () => todayIn(timeZone) };
  const app = Fastify({ logger: config.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false });

  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    const token = cookieToken(req);
    if (token) {
      req.sessionToken = token;
      req.user = await sessionUser(db, token);
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
  });
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return refuse(reply, 413, '文件太大，集散中心收不下。请分几次报送或联系街道信息管理员。');
    if (status === 415) return refuse(reply, 415, '请求的内容类型不对，请用 JSON 发送');
    if (status >= 400 && status < 500) return refuse(reply, status, '请求的内容不对或不完整，请刷新页面后再试');
    app.log.error(error);
    console.error(error);
    return refuse(reply, 500, '集散中心出错了，这次没有保存任何改动。请稍后再试；如果一再出现，请联系街道信息管理员查看服务器日志。');
  });
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api/') && config.webRoot && req.method === 'GET') return sendWeb(config.webRoot, req, reply);
    return refuse(reply, 404, '没有这个地址');
  });

  // ── public: who the hub is, login ─────────────────────────────────────────────────────────
  app.get(
    '/api/hub',
    async () => ({ ok: true, hubId: hub.hubId, name: hub.name, publicKey: hub.publicKey, fingerprint: fingerprint(hub.publicKey) }) satisfies HubInfoBody,
  );

  app.post('/api/login', async (req, reply) => {
    const body = parse(z.object({ username: z.string().max(100), password: z.string().max(500), bearer: z.boolean().optional() }), req.body, reply);
    if (!body) return;
    const result = await login(db, body.username, body.password);
    if (!result.ok) return refuse(reply, 401, result.message);
    await dropExpiredSessions(db);
    const maxAge = Math.floor((Date.parse(result.expiresAt) - Date.now()) / 1000);
    reply.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=${encodeURIComponent(result.token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${config.secureCookie ? '; Secure' : ''}`,
    );
    return { ok: true, user: result.user, expiresAt: result.expiresAt, ...(body.bearer ? { token: result.token } : {}) } satisfies LoginBody;
  });

  app.post('/api/logout', async (req, reply) => {
    if (req.sessionToken) await logout(db, req.sessionToken);
    reply.header('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return { ok: true };
  });

  app.get('/api/me', { preHandler: anyUser }, async (req) => ({ ok: true, user: req.user!, hubName: hub.name, today: context.today() }) satisfies MeBody);

  // ── users (admins) ───────────────────────────────────────────────────────────────────────
  app.post('/api/users', { preHandler: adminOnly }, async (req, reply) => {
    const body = parse(
      z.object({
        username: z.string().max(100),
        password: z.string().max(500),
        role: z.enum(hubRoles, { error: '角色只能是街道管理员、部门或只读' }),
        department: z.string().max(200).nullish(),
      }),
      req.body,
      reply,
    );
    if (!body) return;
    const r = await createUser(db, body);
    return r.ok ? r : refuse(reply, 400, r.message);
  });
  app.post('/api/users/:id/password', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ id: z.coerce.number().int().positive() }), req.params, reply);
    const body = params && parse(z.object({ password: z.string().max(500) }), req.body, reply);
    if (!params || !body) return;
    const r = await setPassword(db, params.id, body.password);
    return r.ok ? r : refuse(reply, 400, r.message);
  });

  app.post('/api/users/:id/disable', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ id: z.coerce.number().int().positive() }), req.params, reply);
    const body = params && parse(z.object({ disabled: z.boolean() }), req.body, reply);
    if (!params || !body) return;
    if (params.id === req.user!.id && body.disabled) return refuse(reply, 400, '不能停用自己正在使用的账号');
    const r = await setDisabled(db, params.id, body.disabled);
    return r.ok ? r : refuse(reply, 404, r.message);
  });

  // ── communities and enrollment ─────────────────────────────────────────────────────────────
  app.post('/api/communities', { preHandler: adminOnly }, async (req, reply) => {
    const body = parse(z.object({ name: z.string().max(100), orgKind: z.enum(['村', '社区']).nullish() }), req.body, reply);
    if (!body) return;
    const r = await createCommunity(db, body);
    return r.ok ? (r satisfies CreatedCommunityBody) : refuse(reply, 400, r.message);
  });
  app.post('/api/communities/:communityId/code', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ communityId: z.string().max(64) }), req.params, reply);
    if (!params) return;
    const r = await reissueCode(db, params.communityId);
    return r.ok ? (r satisfies EnrollCodeBody) : refuse(reply, 400, r.message);
  });
  /** 重新登记（更换电脑）: a new one-time code; enrolling with it replaces the community's key. */
  app.post('/api/communities/:communityId/reenroll', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ communityId: z.string().max(64) }), req.params, reply);
    if (!params) return;
    const r = await requestReenrollment(db, params.communityId);
    return r.ok ? (r satisfies EnrollCodeBody) : refuse(reply, 400, r.message);
  });
  const throttle = new EnrollThrottle();

  // Raw bodies: package files are read byte for byte (exchange/ parses them).
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PACKAGE_BYTES }, (_req, body, done) => done(null, body));
    const bytesOf = (req: FastifyRequest): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

    // An enrollment request is a few hundred bytes: no need to accept more from anyone.
    // Ten failed attempts per address in 15 minutes, then refused: the codes cannot be guessed.
    raw.post('/api/enroll', { bodyLimit: 64 * 1024 }, async (req, reply) => {
      const address = req.socket.remoteAddress ?? req.ip;
      const blocked = throttle.check(address);
      if (blocked) return refuse(reply, 429, blocked);
      const r = await enroll(db, hub, bytesOf(req).toString('utf8'));
      if (!r.ok) throttle.fail(address);
      return r.ok ? (r satisfies EnrolledAnswer) : refuse(reply, 400, r.message);
    });
    raw.post('/api/admin/enroll', { preHandler: adminOnly }, async (req, reply) => {
      const r = await enroll(db, hub, bytesOf(req).toString('utf8'));
      return r.ok ? (r satisfies EnrolledAnswer) : refuse(reply, 400, r.message);
    });
    raw.post('/api/packages', async (req, reply) => {
      const r: IngestBody = await ingestPackage(db, hub, bytesOf(req), { source: '推送', timeZone });
      return r.ok ? r : reply.code(400).send(r);
    });
    raw.post('/api/admin/packages', { preHandler: adminOnly }, async (req, reply) => {
      const r: IngestBody = await ingestPackage(db, hub, bytesOf(req), { source: '上传', timeZone });
      return r.ok ? r : reply.code(400).send(r);
    });
  });

  // ── the return path ───────────────────────────────────────────────────────────────────────
  app.post('/api/rules/review', { preHandler: adminOnly }, async (req, reply) => {
    const body = parse(
      z.object({
        communityId: z.string().max(64),
        ruleUid: z.string().max(80),
        decision: z.enum(['同意备案', '退回'], { error: '审查意见只能是“同意备案”或“退回”' }),
        reasons: z.string().max(5000).nullish(),
        receiptNo: z.string().max(100).nullish(),
      }),
      req.body,
      reply,
    );
    if (!body) return;
    const r = await recordFilingReview(db, hub, req.user!, body, { timeZone });
    return r.ok ? r : refuse(reply, 400, r.message);
  });
  app.post('/api/summons/answer', { preHandler: allow('街道管理员', '部门') }, async (req, reply) => {
    const body = parse(
      z.object({
        communityId: z.string().max(64),
        summonsUid: z.string().max(80),
        reported: z.boolean().optional(),
        reportedAt: z.iso.datetime({ offset: true, error: '报到时间格式不对' }).nullish(),
        answer: z.string().max(5000).nullish(),
      }),
      req.body,
      reply,
    );
    if (!body) return;
    const r = await recordSummonsReply(db, req.user!, body);
    if (!r.ok) return refuse(reply, /不能代为/.test(r.message) ? 403 : 400, r.message);
    return r;
  });

  /** The community pulls its 回执包, signing { communityId, after, timestamp } (see server/README.md). */
  app.get('/api/replies', async (req, reply) => {
    const q = parse(
      z.object({ communityId: z.string().max(64), after: z.coerce.number().int().min(0), timestamp: z.string().max(40), signature: z.string().max(200) }),
      req.query,
      reply,
    );
    if (!q) return;
    const check = await checkPullRequest(db, q);
    if (!check.ok) return refuse(reply, 403, check.message);
    const r = await replyPackagesAfter(db, hub, q.communityId, q.after);
    return r.ok ? r : refuse(reply, 400, r.message);
  });

  registerAdmin(app, context);
  registerDashboards(app, context);
  return { app, hub, context };
}

// ── the street web page (built by its own helper; served when present) ────────────────────────

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function sendWeb(webRoot: string, req: FastifyRequest, reply: FastifyReply) {
  const root = path.resolve(webRoot);
  const wanted = decodeURIComponent(req.url.split('?')[0] ?? '/');
  let file = path.resolve(root, `.${wanted}`);
  if (!file.startsWith(root + path.sep) && file !== root) return refuse(reply, 404, '没有这个地址');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) return refuse(reply, 404, '没有这个地址');
  return reply
    .type(contentTypes[path.extname(file)] ?? 'application/octet-stream')
    .header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
    .send(fs.readFileSync(file));
}
