import { z } from 'zod';
import { fileOutput } from './common';
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
  /**
   * 设置 → 导出诊断信息: a .txt for whoever supports the installation — versions, platform, the
   * database's size and table counts, the audit chain's status and the recent support log. No
   * names, ID numbers or phones (tests/integration/diagnostics.test.ts checks).
   */
  'system.diagnostics': defineRead({
    summary: '导出诊断信息',
    input: z.object({}).strict(),
    output: fileOutput,
    producesFile: true,
  }),
};
