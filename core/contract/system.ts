import { z } from 'zod';
import { defineCall } from './define';

export const systemCalls = {
  'system.info': defineCall({
    summary: '查看软件信息',
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number(),
      lastBackupPath: z.string().nullable(),
    }),
  }),
  'system.verifyAudit': defineCall({
    summary: '核验操作记录',
    input: z.object({}).strict(),
    output: z.object({ entries: z.number(), ok: z.boolean(), brokenAt: z.number().nullable() }),
  }),
};
