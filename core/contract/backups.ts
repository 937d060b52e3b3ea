import { z } from 'zod';
import { defineRead, defineWrite } from './define';
import { base64Schema, fileOutput, line } from './common';

/** A database of several years is a few MB; the limit stops a wrong file (a video …) early. */
export const BACKUP_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const contents = z.object({
  people: z.number(),
  meetings: z.number(),
  lastFinalized: z.object({ title: z.string(), date: z.string() }).nullable(),
  schemaVersion: z.number(),
  lastChange: z.string().nullable(),
  auditEntries: z.number(),
});

/** A backup listed in 设置 → 数据安全, or a copy the user picked (from a USB stick, another PC). */
export const backupSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('listed'), name: line('备份文件名', 255) }).strict(),
  z
    .object({
      kind: z.literal('file'),
      fileName: line('文件名', 255),
      dataBase64: base64Schema('备份文件', BACKUP_MAX_UPLOAD_BYTES),
    })
    .strict(),
]);

const preview = z.object({
  /** The file name the user knows it by. */
  name: z.string(),
  /** Local "YYYY-MM-DD HH:MM" from a listed backup's name; for an outside copy, its last change. */
  takenAt: z.string().nullable(),
  contents,
});

export const backupCalls = {
  'backups.list': defineRead({
    summary: '查看备份',
    input: z.object({}).strict(),
    output: z.object({
      folder: z.string(),
      items: z.array(
        z.object({
          name: z.string(),
          takenAt: z.string(),
          reason: z.string(),
          size: z.number(),
          contents: contents.nullable(),
          problem: z.string().nullable(),
        }),
      ),
    }),
  }),
  'backups.backupNow': defineRead({
    summary: '立即备份',
    input: z.object({}).strict(),
    output: fileOutput,
    producesFile: true,
  }),
  'backups.inspect': defineRead({
    summary: '检查备份文件',
    input: z.object({ source: backupSource }).strict(),
    output: preview,
  }),
  'backups.restore': defineWrite({
    summary: '从备份恢复',
    input: z.object({ source: backupSource }).strict(),
    output: preview.extend({
      /** The copy of the data as it was just before the restore. */
      savedCurrentAs: z.string().nullable(),
      /** What happens next: the desktop app restarts, the browser preview reloads the page. */
      restart: z.enum(['relaunch', 'reload', 'none']),
    }),
  }),
};
