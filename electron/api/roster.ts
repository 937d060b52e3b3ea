import { getOrganization } from '../../db/organizations';
import { peopleForExport } from '../../db/people';
import { checkImportRows, commitImport } from '../../db/roster-import';
import { rosterToXlsx } from '../roster/export';
import { parseRosterFile } from '../roster/parse';
import { skippedRowsToXlsx } from '../roster/skipped';
import type { HandlerGroup } from './context';

export const rosterHandlers: HandlerGroup<'roster.parseFile' | 'roster.check' | 'roster.commit' | 'roster.export' | 'roster.skippedRows'> = {
  'roster.parseFile': (_ctx, input) => parseRosterFile(input.fileName, Buffer.from(input.dataBase64, 'base64')),
  'roster.check': (ctx, input) => ({
    rows: checkImportRows(ctx.db, input.orgId, input.rows, ctx.clock.today).map((r) => ({
      errors: r.errors,
      derived: r.normalized.derived,
      duplicateOf: r.duplicateOf,
    })),
  }),
  'roster.commit': (ctx, input) => commitImport(ctx.tx, input),
  'roster.skippedRows': async (ctx, input) => {
    const stem = input.fileName?.replace(/\.(xlsx|csv)$/i, '').trim() || '名册';
    return {
      fileName: `${stem}-未导入的行-${ctx.clock.today}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: (await skippedRowsToXlsx(input.headers, input.rows, new Date(ctx.clock.instant))).toString('base64'),
      // Saved where the roster files go: it is fixed and imported again from there.
      kind: '人员名册' as const,
    };
  },
  'roster.export': async (ctx, input) => {
    const org = getOrganization(ctx.db, input.orgId);
    const rows = peopleForExport(ctx.db, input.orgId, input.status);
    const bytes = await rosterToXlsx(org.name, rows, input.includePersonalData, new Date(ctx.clock.instant));
    return {
      fileName: `${org.name}-人员名册-${ctx.clock.today}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: bytes.toString('base64'),
      kind: '人员名册' as const,
    };
  },
};
