import { verifyAuditChain } from '../../db/audit';
import type { HandlerGroup } from './context';

export const systemHandlers: HandlerGroup<'system.info' | 'system.verifyAudit'> = {
  'system.info': (ctx) => ({
    appVersion: ctx.info.appVersion,
    databasePath: ctx.info.databasePath,
    schemaVersion: ctx.info.schemaVersion,
    lastBackupPath: ctx.info.lastBackupPath,
  }),
  'system.verifyAudit': (ctx) => verifyAuditChain(ctx.db),
};
