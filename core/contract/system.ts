import { z } from 'zod';
import { defineRead } from './define';

export const systemCalls = {
  'system.info': defineRead({
    summary: '查看软件信息',
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number(),
      lastBackupPath: z.string().nullable(),
    }),
  }),
  'system.verifyAudit': defineRead({
    summary: '核验操作记录',
    input: z.object({}).strict(),
    output: z.object({ entries: z.number(), ok: z.boolean(), brokenAt: z.number().nullable() }),
  }),
};
