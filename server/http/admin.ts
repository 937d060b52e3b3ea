/** Lists and files for signed-in users: communities, the ingest log, users, reply files, documents, summons to answer. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type HubContext } from '../app';
import { adminOnly, anyUser, parse, refuse } from './guard';
import { localDateTime } from '../../core/clock';
import { type CommunitiesBody, type IngestLogBody, type RepliesBody, type SummonsBody, type SummonsRowBody, type UsersBody } from '../../exchange/hub-api';
import { summonsList } from '../db/queries/summons';
import { workbook, type Sheet } from '../xlsx';
import * as t from '../db/schema';
import { replyFileName, replyPackagesAfter } from '../replies';
import { isoDate } from './validation';

/** RFC 5987 attachment header for a Chinese file name. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const SUMMONS_LIST_MAX = 10_000;

export function registerAdmin(app: FastifyInstance, { db, hub, timeZone, today }: HubContext) {
  app.get('/api/users', { preHandler: adminOnly }, async () => {
    const list = await db
      .select({
        id: t.users.id,
        username: t.users.username,
        role: t.users.role,
        department: t.users.department,
        disabled: t.users.disabled,
        createdAt: t.users.createdAt,
      })
      .from(t.users)
      .orderBy(asc(t.users.username));
    return { ok: true, items: list } satisfies UsersBody;
  });

  app.get('/api/communities', { preHandler: anyUser }, async () => {
    const list = await db
      .select({
        communityId: t.communities.communityId,
        name: t.communities.name,
        orgKind: t.communities.orgKind,
        enrolled: sql<boolean>`${t.communities.publicKey} is not null`,
        fingerprint: t.communities.fingerprint,
        enrolledAt: t.communities.enrolledAt,
        codeExpiresAt: t.communities.enrollCodeExpiresAt,
        lastSequence: t.communities.lastSequence,
        lastReceivedAt: t.communities.lastReceivedAt,
        keyEpoch: t.communities.keyEpoch,
        reenrollRequestedAt: t.communities.reenrollRequestedAt,
      })
      .from(t.communities)
      .orderBy(asc(t.communities.name));
    return { ok: true, items: list } satisfies CommunitiesBody;
  });

  app.get('/api/ingest-log', { preHandler: anyUser }, async (req, reply) => {
    const q = parse(z.object({ communityId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }), req.query, reply);
    if (!q) return;
    const list = await db
      .select()
      .from(t.ingestLog)
      .where(q.communityId ? eq(t.ingestLog.communityId, q.communityId) : undefined)
      .orderBy(desc(t.ingestLog.id))
      .limit(q.limit);
    return { ok: true, items: list } satisfies IngestLogBody;
  });

  /** The 回执包 after `after` for an admin to hand over as files (builds the next one when something is new). */
  app.get('/api/communities/:communityId/replies', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ communityId: z.string().max(64) }), req.params, reply);
    const q = params && parse(z.object({ after: z.coerce.number().int().min(0).default(0) }), req.query, reply);
    if (!params || !q) return;
    const r = await replyPackagesAfter(db, hub, params.communityId, q.after);
    if (!r.ok) return refuse(reply, 400, r.message);
    return { ok: true, items: r.packages.map(({ text: _text, ...p }) => p) } satisfies RepliesBody;
  });
  app.get('/api/communities/:communityId/replies/:sequence', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ communityId: z.string().max(64), sequence: z.coerce.number().int().min(1) }), req.params, reply);
    if (!params) return;
    const [found] = await db
      .select({ text: t.replyPackages.text, name: t.communities.name })
      .from(t.replyPackages)
      .innerJoin(t.communities, eq(t.communities.communityId, t.replyPackages.communityId))
      .where(
        and(
          eq(t.replyPackages.communityId, params.communityId),
          eq(t.replyPackages.epoch, t.communities.keyEpoch),
          eq(t.replyPackages.sequence, params.sequence),
        ),
      );
    if (!found) return refuse(reply, 404, `没有第 ${params.sequence} 号回执包，请先在列表里生成`);
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', attachment(replyFileName(found.name, params.sequence)))
      .send(found.text);
  });

  app.get('/api/documents/:communityId/:uid', { preHandler: anyUser }, async (req, reply) => {
    const params = parse(z.object({ communityId: z.string().max(64), uid: z.string().max(80) }), req.params, reply);
    if (!params) return;
    const [found] = await db
      .select({ fileName: t.documents.fileName, bytes: t.files.bytes })
      .from(t.documents)
      .innerJoin(t.files, eq(t.files.sha256, t.documents.sha256))
      .where(and(eq(t.documents.communityId, params.communityId), eq(t.documents.uid, params.uid)));
    if (!found) return refuse(reply, 404, '没有找到这个文件');
    const type = found.fileName.endsWith('.docx')
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : found.fileName.endsWith('.pdf')
        ? 'application/pdf'
        : 'application/octet-stream';
    return reply.type(type).header('Content-Disposition', attachment(found.fileName)).send(Buffer.from(found.bytes));
  });

  /** Summons to report to or answer; a 部门 account sees its own department's only. Also as .xlsx. */
  const summonsQuery = z.object({
    communityId: z.string().max(64).optional(),
    department: z.string().max(200).optional(),
    from: isoDate('开始日期').optional(),
    to: isoDate('结束日期').optional(),
    openOnly: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(SUMMONS_LIST_MAX).optional(),
  });
  const summonsOf = async (req: FastifyRequest, reply: FastifyReply, asXlsx: boolean) => {
    const q = parse(summonsQuery, req.query, reply);
    if (!q) return undefined;
    const department = req.user!.role === '部门' ? req.user!.department! : q.department;
    const items = await summonsList(db, { ...q, department, openOnly: q.openOnly === 'true', limit: q.limit ?? (asXlsx ? SUMMONS_LIST_MAX : 200) });
    return { q: { ...q, department }, items };
  };
  app.get('/api/summons', { preHandler: anyUser }, async (req, reply) => {
    const found = await summonsOf(req, reply, false);
    if (!found) return;
    return { ok: true, items: found.items } satisfies SummonsBody;
  });
  app.get('/api/summons.xlsx', { preHandler: anyUser }, async (req, reply) => {
    const found = await summonsOf(req, reply, true);
    if (!found) return;
    const { q, items } = found;
    const bytes = await workbook([
      {
        name: '吹哨记录',
        notes: [
          `吹哨记录 ${q.from ?? '最早'} 至 ${q.to ?? '今天'}`,
          `范围：${q.communityId ? `村（社区）编号 ${q.communityId}` : '全部村（社区）'}${q.department ? `，部门 ${q.department}` : ''}${q.openOnly === 'true' ? '，只列未办结' : ''}`,
          '时间均为北京时间',
        ],
        columns: [
          { header: '村（社区）', width: 20, value: (r: SummonsRowBody) => r.communityName },
          { header: '部门', width: 18, value: (r) => r.department },
          { header: '议题', width: 30, value: (r) => r.topicTitle },
          { header: '吹哨时间', width: 18, value: (r) => localDateTime(timeZone, r.summonedAt) },
          { header: '报到时限（小时）', value: (r) => r.reportWithinHours },
          {
            header: '报到时间',
            width: 18,
            value: (r) => {
              const at = r.reportedAt ?? r.latestReply?.reportedAt ?? null;
              return at ? localDateTime(timeZone, at) : '未报到';
            },
          },
          { header: '承诺', width: 30, value: (r) => r.commitment },
          { header: '答复', width: 30, value: (r) => r.latestReply?.answer ?? r.result },
          { header: '是否解决', value: (r) => (r.resolved == null ? '' : r.resolved ? '已解决' : '未解决') },
        ],
        rows: items,
      } satisfies Sheet<SummonsRowBody>,
    ]);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', attachment(`吹哨记录-${today()}.xlsx`))
      .send(bytes);
  });
}
