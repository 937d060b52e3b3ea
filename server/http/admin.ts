/** Lists and files for signed-in users: communities, the ingest log, users, reply files, documents, summons to answer. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type HubContext } from '../app';
import { adminOnly, anyUser, parse, refuse } from './guard';
import { rows } from '../db/open';
import * as t from '../db/schema';
import { replyFileName, replyPackagesAfter } from '../replies';
import { isoDate } from './validation';

/** RFC 5987 attachment header for a Chinese file name. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerAdmin(app: FastifyInstance, { db, hub }: HubContext) {
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
    return { ok: true, items: list };
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
      })
      .from(t.communities)
      .orderBy(asc(t.communities.name));
    return { ok: true, items: list };
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
    return { ok: true, items: list };
  });

  /** The 回执包 after `after` for an admin to hand over as files (builds the next one when something is new). */
  app.get('/api/communities/:communityId/replies', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ communityId: z.string().max(64) }), req.params, reply);
    const q = params && parse(z.object({ after: z.coerce.number().int().min(0).default(0) }), req.query, reply);
    if (!params || !q) return;
    const r = await replyPackagesAfter(db, hub, params.communityId, q.after);
    if (!r.ok) return refuse(reply, 400, r.message);
    return { ok: true, items: r.packages.map(({ text: _text, ...p }) => p) };
  });
  app.get('/api/communities/:communityId/replies/:sequence', { preHandler: adminOnly }, async (req, reply) => {
    const params = parse(z.object({ communityId: z.string().max(64), sequence: z.coerce.number().int().min(1) }), req.params, reply);
    if (!params) return;
    const [found] = await db
      .select({ text: t.replyPackages.text, name: t.communities.name })
      .from(t.replyPackages)
      .innerJoin(t.communities, eq(t.communities.communityId, t.replyPackages.communityId))
      .where(and(eq(t.replyPackages.communityId, params.communityId), eq(t.replyPackages.sequence, params.sequence)));
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

  /** Summons to report to or answer; a 部门 account sees its own department's only. */
  app.get('/api/summons', { preHandler: anyUser }, async (req, reply) => {
    const q = parse(
      z.object({
        communityId: z.string().max(64).optional(),
        department: z.string().max(200).optional(),
        from: isoDate('开始日期').optional(),
        to: isoDate('结束日期').optional(),
        openOnly: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      req.query,
      reply,
    );
    if (!q) return;
    const department = req.user!.role === '部门' ? req.user!.department! : q.department;
    const list = await rows<Record<string, unknown>>(
      db,
      sql`select s.community_id as "communityId", c.name as "communityName", s.uid, s.department, s.summoned_at as "summonedAt",
            s.report_within_hours as "reportWithinHours", s.reported_at as "reportedAt", s.resolved, s.data->>'commitment' as commitment,
            s.data->>'result' as result, t.title as "topicTitle",
            (select i.data from ${t.replyItems} i where i.community_id = s.community_id and i.target_uid = s.uid and i.kind = '报到答复'
              order by i.created_at desc limit 1) as "latestReply"
          from ${t.summons} s join ${t.communities} c on c.community_id = s.community_id
          left join ${t.topics} t on t.community_id = s.community_id and t.uid = s.topic_uid
          where true
            ${q.communityId ? sql` and s.community_id = ${q.communityId}` : sql``}
            ${department ? sql` and s.department = ${department}` : sql``}
            ${q.from ? sql` and s.summoned_on >= ${q.from}` : sql``}
            ${q.to ? sql` and s.summoned_on <= ${q.to}` : sql``}
            ${q.openOnly === 'true' ? sql` and s.data->>'closedAt' is null` : sql``}
          order by s.summoned_at desc
          limit ${q.limit}`,
    );
    return { ok: true, items: list };
  });
}
