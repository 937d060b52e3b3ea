import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type z } from 'zod';
import { hubRoles, type HubRole } from '../db/schema';
import { zodMessage } from './validation';

export function refuse(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ ok: false, message });
}

/** A preHandler letting through only the given roles. */
export function allow(...roles: HubRole[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.user) return refuse(reply, 401, '请先登录');
    if (!roles.includes(req.user.role)) return refuse(reply, 403, `“${req.user.role}”账号不能做这件事，请找街道管理员`);
  };
}
export const anyUser = allow(...hubRoles);
export const adminOnly = allow('街道管理员');

export function parse<T extends z.ZodType>(schema: T, value: unknown, reply: FastifyReply): z.infer<T> | undefined {
  const r = schema.safeParse(value);
  if (!r.success) {
    void refuse(reply, 400, zodMessage(r.error));
    return undefined;
  }
  return r.data;
}
