import { verifyAuditChain } from '../../db/audit';
import { integrityReport, repairGuards } from '../../db/integrity';
import type { HandlerGroup } from './context';
import { buildDiagnostics } from './diagnostics';

export const systemHandlers: HandlerGroup<'system.info' | 'system.verifyAudit' | 'system.integrity' | 'system.repairGuards' | 'system.diagnostics'> = {
  'system.info': (ctx) => ({
    appVersion: ctx.info.appVersion,
    databasePath: ctx.info.databasePath,
    schemaVersion: ctx.info.schemaVersion,
    lastBackupPath: ctx.info.lastBackupPath,
  }),
  'system.verifyAudit': (ctx) => verifyAuditChain(ctx.db),
  'system.integrity': (ctx) => integrityReport(ctx.db),
  'system.repairGuards': (ctx) => repairGuards(ctx.tx),
  'system.diagnostics': (ctx) => buildDiagnostics(ctx),
};
