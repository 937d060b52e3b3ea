import { getOrgProfile } from '../../db/organizations';
import { ledgerSheets } from '../ledgers/sheets';
import { ledgerToXlsx } from '../ledgers/workbook';
import type { HandlerGroup } from './context';

export const ledgerHandlers: HandlerGroup<'ledgers.export'> = {
  'ledgers.export': async (ctx, input) => {
    // The header a 街道 files it under: the committee's full name from 本单位信息.
    const heading = getOrgProfile(ctx.db, input.orgId).committeeName;
    const bytes = await ledgerToXlsx(ledgerSheets(ctx.db, input, heading, ctx.clock), new Date(ctx.clock.instant));
    return {
      fileName: `${heading}-${input.kind}-${input.from}至${input.to}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: bytes.toString('base64'),
      kind: '台账' as const,
    };
  },
};
