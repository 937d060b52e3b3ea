import { z } from 'zod';
import { defineRead } from './define';
import { fileOutput, id, isoDate } from './common';

/** The ledgers (台账) a 街道 collects each month, in the order the export card offers them. */
export const ledgerKinds = ['会议台账', '决议台账', '议题台账', '吹哨报到台账', '四议两公开台账', '村规民约备案台账'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export const ledgerCalls = {
  'ledgers.export': defineRead({
    summary: '导出台账',
    producesFile: true,
    input: z
      .object({
        orgId: id('议事主体'),
        kind: z.enum(ledgerKinds, { error: '请选择要导出的台账' }),
        from: isoDate('开始日期'),
        to: isoDate('结束日期'),
      })
      .strict()
      .refine((q) => q.from <= q.to, { error: '结束日期早于开始日期，请重新选择日期范围', path: ['to'] }),
    output: fileOutput,
  }),
};
