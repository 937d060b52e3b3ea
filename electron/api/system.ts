import { runTask } from '../../db/maintenance/runner';
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
  // The whole chain, from the first entry, in a worker thread with its own read-only connection:
  // on a trail of years the window keeps answering meanwhile.
  'system.verifyAudit': (ctx) =>
    runTask({ kind: 'verifyAudit', file: ctx.db.file, ...(ctx.backups?.nativeBinding ? { nativeBinding: ctx.backups.nativeBinding } : {}) }),
  'system.integrity': (ctx) => integrityReport(ctx.db),
  'system.repairGuards': (ctx) => repairGuards(ctx.tx),
  'system.diagnostics': (ctx) => buildDiagnostics(ctx),
};
