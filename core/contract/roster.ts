import { z } from 'zod';
import { defineRead, defineWrite } from './define';
import { base64Schema, fileOutput, id, line } from './common';
import { importFields, optionalImportFields, type ImportField } from '../roster/fields';

/** Rosters of a whole township are a few thousand rows; the limits stop a wrong file early. */
export const ROSTER_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ROSTER_MAX_ROWS = 20000;

const cell = z.string().max(1000, { error: '单元格内容太长（超过 1000 个字）' });
const importRowSchema = z
  .object(Object.fromEntries(importFields.map((f) => [f, cell])) as Record<ImportField, typeof cell>)
  .partial(Object.fromEntries(optionalImportFields.map((f) => [f, true])) as { address: true; relation: true })
  .strict();
const importRows = z
  .array(importRowSchema)
  .min(1, { error: '没有要导入的行' })
  .max(ROSTER_MAX_ROWS, { error: `一次最多导入 ${ROSTER_MAX_ROWS} 行，请把文件分成几份` });

const issueSchema = z.object({ field: z.enum(importFields), message: z.string() });

export const rosterCalls = {
  'roster.parseFile': defineRead({
    summary: '读取名册文件',
    input: z
      .object({
        fileName: line('文件名', 255).refine((n) => /\.(xlsx|csv)$/i.test(n), {
          error: '只能导入 .xlsx 或 .csv 文件；旧版 .xls 请先在 Excel 或 WPS 中“另存为” .xlsx',
        }),
        dataBase64: base64Schema('名册文件', ROSTER_MAX_FILE_BYTES),
      })
      .strict(),
    output: z.object({
      sheetName: z.string().nullable(),
      encoding: z.enum(['UTF-8', 'GBK']).nullable(),
      headers: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      mapping: z.partialRecord(z.enum(importFields), z.number()),
    }),
  }),
  'roster.check': defineRead({
    summary: '检查导入名册',
    input: z.object({ orgId: id('议事主体'), rows: importRows }).strict(),
    output: z.object({
      rows: z.array(
        z.object({
          errors: z.array(issueSchema),
          derived: z.array(z.enum(importFields)),
          duplicateOf: z.object({ id: z.number(), name: z.string() }).nullable(),
        }),
      ),
    }),
  }),
  'roster.commit': defineWrite({
    summary: '导入名册',
    input: z.object({ orgId: id('议事主体'), rows: importRows }).strict(),
    output: z.object({ inserted: z.number(), householdsCreated: z.number() }),
  }),
  'roster.skippedRows': defineRead({
    summary: '下载未导入的行',
    producesFile: true,
    input: z
      .object({
        fileName: line('原文件名', 255).optional(),
        headers: z.array(cell).max(200, { error: '列数太多（超过 200 列）' }),
        rows: z
          .array(
            z.object({
              rowNumber: z.number().int().min(1).max(1_000_000),
              cells: z.array(cell).max(200, { error: '列数太多（超过 200 列）' }),
              reason: z.string().max(2000, { error: '原因太长' }),
            }),
          )
          .min(1, { error: '没有未导入的行' })
          .max(ROSTER_MAX_ROWS, { error: `一次最多 ${ROSTER_MAX_ROWS} 行` }),
      })
      .strict(),
    output: fileOutput,
  }),
  'roster.export': defineRead({
    summary: '导出人员名册',
    producesFile: true,
    input: z
      .object({
        orgId: id('议事主体'),
        includePersonalData: z.boolean().default(false),
        status: z.enum(['在册', '迁出', '全部']).default('在册'),
      })
      .strict(),
    output: fileOutput,
  }),
};
