import type { z } from 'zod';
import { ApiError, contract, isCallName, type CallName, type Envelope } from '../../core/contract';
import { clockOf } from '../../db/clock';
import { hasUsers } from '../../db/users';
import { runRead, runWrite } from '../../db/write';
import { describeError } from '../log';
import type { HandlerContext, Handlers, ReadContext, WriteContext } from './context';
import { documentHandlers } from './documents';
import { followUpHandlers, homeHandlers, matterHandlers, noticeHandlers, summonsHandlers, topicHandlers } from './followup';
import { organizationHandlers } from './organizations';
import { peopleHandlers } from './people';
import { rosterHandlers } from './roster';
import { ruleHandlers } from './rules';
import { followUpDocumentHandlers } from './followup-documents';
import { topicDocumentHandlers } from './topic-documents';
import { backupHandlers } from './backups';
import { systemHandlers } from './system';
import { ALLOWED_WHILE_BLOCKED } from '../../db/integrity';
import { allowedWithoutUser, NOBODY, NOBODY_MESSAGE } from './session';
import { userHandlers } from './users';
import { attachmentHandlers } from './attachments';
import { ledgerHandlers } from './ledgers';
import { reminderHandlers } from './reminders';
import {
  agendaHandlers,
  attendanceHandlers,
  bodyHandlers,
  meetingHandlers,
  meetingTypeHandlers,
  proposalHandlers,
  resolutionHandlers,
  speechHandlers,
  voteHandlers,
} from './meetings';

export type { HandlerContext, ReadContext, WriteContext } from './context';
export { Session } from './session';

export const handlers: Handlers = {
  ...systemHandlers,
  ...userHandlers,
  ...organizationHandlers,
  ...peopleHandlers,
  ...rosterHandlers,
  ...meetingTypeHandlers,
  ...bodyHandlers,
  ...meetingHandlers,
  ...agendaHandlers,
  ...attendanceHandlers,
  ...speechHandlers,
  ...proposalHandlers,
  ...voteHandlers,
  ...resolutionHandlers,
  ...documentHandlers,
  ...ruleHandlers,
  ...followUpDocumentHandlers,
  ...topicDocumentHandlers,
  ...topicHandlers,
  ...summonsHandlers,
  ...followUpHandlers,
  ...noticeHandlers,
  ...matterHandlers,
  ...homeHandlers,
  ...backupHandlers,
  ...attachmentHandlers,
  ...ledgerHandlers,
  ...reminderHandlers,
};

/** Calls slower than this are noted in the support log (a big roster, a long document). */
const SLOW_CALL_MS = 2000;

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '输入有误，请检查后重试';
  const extra = error.issues.length > 1 ? `（另有 ${error.issues.length - 1} 处问题）` : '';
  return `输入有误：${first.message}${extra}`;
}

/** SQLite's own words mean nothing to a secretary; keep the code, say what to do. */
function describeUnexpected(err: unknown): ApiError {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new ApiError('DB_ERROR', '数据文件正被另一个程序使用，请稍等片刻再试');
  }
  // Our own triggers (locked meetings, append-only audit) already speak Chinese.
  const message = String((err as Error)?.message ?? '');
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && /[\u4e00-\u9fa5]/.test(message)) {
    return new ApiError('FORBIDDEN', `${message}，刚才的操作没有保存`);
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new ApiError('CONFLICT', '这项修改与已有数据冲突（可能是重复记录或已被锁定），没有保存；请刷新后重试');
  }
  if (typeof code === 'string' && code.startsWith('SQLITE')) {
    return new ApiError('DB_ERROR', '读写数据文件出错，刚才的操作没有保存；请重试，若反复出现请联系技术人员');
  }
  return new ApiError('INTERNAL', '软件内部出错，刚才的操作没有保存；请重试，若反复出现请联系技术人员');
}

/**
 * The one entry point both transports use (Electron IPC and the web host): look the call up,
 * validate the input, run the handler, and return an envelope. Never throws. A write runs
 * alone in one IMMEDIATE transaction that commits only with its audit rows; a read runs with
 * the database read-only (db/write.ts).
 */
export async function dispatch(ctx: HandlerContext, name: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_CALL', message: '软件版本不一致：不认识这个操作，请重新启动议事厅' } };
  }
  const spec = contract[name];
  let parsed: ReturnType<typeof spec.input.safeParse>;
  let refusal: string | null = null;
  try {
    parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) refusal = describeIssues(parsed.error);
  } catch (err) {
    // Input no page could send (an object that cannot even be turned into text) must not throw
    // past the transport: it is refused like any other malformed input.
    ctx.log?.warn(`call ${name} input could not be read: ${describeError(err)}`);
    return { ok: false, error: { code: 'INVALID_INPUT', message: '收到的内容无法识别，没有做任何改动。请刷新页面后重试；如仍出错，请联系技术人员。' } };
  }
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: refusal ?? '输入的内容不正确，请检查后重试' } };
  // Every write is someone's: the user chosen at start, never the computer account.
  const actor = spec.writes ? (ctx.session.actor() ?? (allowedWithoutUser(name, () => hasUsers(ctx.db)) ? NOBODY : null)) : null;
  if (spec.writes && !actor) return { ok: false, error: { code: 'FORBIDDEN', message: NOBODY_MESSAGE } };
  const started = performance.now();
  try {
    const clock = clockOf(ctx.db, ctx.now?.() ?? new Date());
    const value = actor
      ? await runWrite(
          ctx.db,
          actor,
          clock,
          (tx) => {
            const handler = handlers[name] as (ctx: WriteContext, input: unknown) => unknown;
            return handler({ ...ctx, clock, tx }, parsed.data);
          },
          { whileBlocked: ALLOWED_WHILE_BLOCKED.has(name) },
        )
      : await runRead(ctx.db, () => {
          const handler = handlers[name] as (ctx: ReadContext, input: unknown) => unknown;
          return handler({ ...ctx, clock }, parsed.data);
        });
    const ms = Math.round(performance.now() - started);
    if (ms >= SLOW_CALL_MS) ctx.log?.info(`call ${name} took ${ms} ms`);
    return { ok: true, value };
  } catch (err) {
    const apiError = err instanceof ApiError ? err : describeUnexpected(err);
    const ms = Math.round(performance.now() - started);
    try {
      if (!(err instanceof ApiError)) {
        // Log the kind of failure only: messages can quote row values, which may be personal data.
        console.error(`[议事厅] ${name as CallName} 失败：${String((err as Error)?.name ?? 'Error')} ${String((err as { code?: string })?.code ?? '')}`);
        ctx.log?.error(`call ${name} failed ${apiError.code} after ${ms} ms: ${describeError(err)}`);
      } else {
        // Our own messages may name a record ("张三已在名单中"): the code is enough for support.
        ctx.log?.warn(`call ${name} refused ${apiError.code} after ${ms} ms`);
      }
    } catch {
      // Something thrown that cannot even be described: the user still gets the envelope.
    }
    return { ok: false, error: { code: apiError.code, message: apiError.message } };
  }
}
