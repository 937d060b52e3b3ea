import { z } from 'zod';
import { fileOutput } from './common';
import { defineRead, defineWrite } from './define';

const integrityReport = z.object({
  guards: z.object({ message: z.string(), missing: z.array(z.string()), altered: z.array(z.string()), unexpected: z.array(z.string()) }).nullable(),
  audit: z.array(z.object({ at: z.string(), message: z.string() })),
  writesBlocked: z.string().nullable(),
  /**
   * The full check of the file and the startup backup, run after the window shows: `running`
   * while they work, `damage` (what was found and what to do) when the file is damaged.
   */
  fileCheck: z.object({ running: z.boolean(), damage: z.string().nullable(), lastFullCheck: z.string().nullable() }),
});

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
  'system.integrity': defineRead({
    summary: '查看数据文件检查结果',
    input: z.object({}).strict(),
    output: integrityReport,
  }),
  'system.repairGuards': defineWrite({
    summary: '修复数据保护规则',
    input: z.object({}).strict(),
    output: integrityReport,
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
