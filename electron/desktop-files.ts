/**
 * The desktop app's file dialogs for attachments and the migration package, kept apart from
 * main.ts (which only wires them to Electron's dialog and shell): every input checked with zod,
 * every failure an envelope with a Chinese message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ApiError, type Envelope } from '../core/contract';
import { attachmentTarget, MAX_ATTACHMENT_BYTES } from '../core/contract/attachments';
import type { MoveExportOutcome, MoveImportOutcome } from '../core/contract/bridge';
import { existingStoredAttachment, resolveStoredAttachment } from '../db/attachments';
import type { HandlerContext } from './api/context';
import { dispatch } from './api/dispatch';
import { exportFromContext, importIntoContext, type MoveImportOptions } from './move-import';
import { defaultPackageName, MOVE_PACKAGE_EXTENSION } from './move-package';

type Filters = { name: string; extensions: string[] }[];

export interface DesktopDialogs<W> {
  /** An open dialog for one file; null when cancelled. */
  pickFile(win: W, title: string, filters: Filters): Promise<string | null>;
  /** A save dialog; null when cancelled. */
  saveFile(win: W, title: string, defaultName: string, filters: Filters): Promise<string | null>;
  /** shell.openPath: '' on success, else the system's error text. */
  openPath(file: string): Promise<string>;
}

const attachmentInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pick'), target: attachmentTarget }).strict(),
  z.object({ action: z.literal('open'), path: z.string().max(500) }).strict(),
]);

const moveInput = z.object({ action: z.enum(['export', 'import']) }).strict();

const ATTACHMENT_FILTERS: Filters = [
  { name: '照片、扫描件和文档', extensions: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'txt'] },
  { name: '所有文件', extensions: ['*'] },
];
/** A 公示's photos are shown as pictures: only the kinds the page can draw (the store checks the bytes too). */
const PHOTO_FILTERS: Filters = [{ name: '照片', extensions: ['jpg', 'jpeg', 'png', 'gif', 'webp'] }];
const MOVE_FILTERS: Filters = [{ name: '议事厅数据迁移包', extensions: [MOVE_PACKAGE_EXTENSION, 'zip'] }];

function fail(err: unknown): Envelope<never> {
  const e =
    err instanceof ApiError ? err : new ApiError('INTERNAL', `操作没有完成（${(err as Error)?.message ?? '未知错误'}），请重试；如仍出错，请联系技术人员`);
  return { ok: false, error: { code: e.code, message: e.message } };
}

const invalid: Envelope<never> = { ok: false, error: { code: 'INVALID_INPUT', message: '请求无效，请刷新页面后重试' } };

/** 添加附件: the chosen file goes through the same contract call as the browser's upload. 打开: only stored attachments. */
export async function attachmentAction<W>(ctx: HandlerContext, win: W, dialogs: DesktopDialogs<W>, raw: unknown): Promise<Envelope<unknown>> {
  const input = attachmentInput.safeParse(raw);
  if (!input.success) return invalid;
  try {
    if (input.data.action === 'open') {
      if (!resolveStoredAttachment(ctx.db.file, input.data.path)) {
        throw new ApiError('FORBIDDEN', '这是手工填写的文件位置（外部文件，未复制到议事厅），请到原来的位置打开它');
      }
      const file = existingStoredAttachment(ctx.db.file, input.data.path);
      if (!file) throw new ApiError('NOT_FOUND', '找不到这个附件的文件，它可能被移动或删除了；请从备份或数据迁移包恢复');
      const error = await dialogs.openPath(file);
      if (error) throw new ApiError('FILE_UNREADABLE', `无法打开附件（${error}）。请确认电脑上装有能打开这类文件的程序`);
      return { ok: true, value: null };
    }
    const photos = input.data.target.kind === 'noticePosted' || input.data.target.kind === 'noticeTakenDown';
    const picked = await dialogs.pickFile(win, photos ? '选择照片' : '选择附件', photos ? PHOTO_FILTERS : ATTACHMENT_FILTERS);
    if (!picked) return { ok: true, value: null };
    let size: number;
    try {
      size = fs.statSync(picked).size;
    } catch {
      throw new ApiError('FILE_UNREADABLE', '无法读取所选文件，请确认文件还在原处、没有被其他程序占用，然后重试');
    }
    if (size > MAX_ATTACHMENT_BYTES) {
      throw new ApiError('INVALID_INPUT', `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），附件不能超过 20 MB；请压缩照片或分页扫描后再添加`);
    }
    let base64: string;
    try {
      base64 = fs.readFileSync(picked).toString('base64');
    } catch {
      throw new ApiError('FILE_UNREADABLE', '无法读取所选文件，请确认文件还在原处、没有被其他程序占用，然后重试');
    }
    return await dispatch(ctx, 'attachments.add', { target: input.data.target, fileName: path.basename(picked), base64 });
  } catch (err) {
    return fail(err);
  }
}

/** 导出迁移包 / 导入迁移包 through the system's dialogs. */
export async function moveAction<W>(
  ctx: HandlerContext,
  win: W,
  dialogs: DesktopDialogs<W>,
  raw: unknown,
  options: MoveImportOptions,
): Promise<Envelope<MoveExportOutcome | MoveImportOutcome | null>> {
  const input = moveInput.safeParse(raw);
  if (!input.success) return invalid;
  try {
    if (input.data.action === 'export') {
      const target = await dialogs.saveFile(win, '导出数据迁移包', defaultPackageName(ctx.db), MOVE_FILTERS);
      if (!target) return { ok: true, value: null };
      const r = await exportFromContext(ctx, target);
      return { ok: true, value: { savedTo: r.file, files: r.files, attachments: r.attachments, bytes: r.bytes } };
    }
    const source = await dialogs.pickFile(win, '选择数据迁移包', MOVE_FILTERS);
    if (!source) return { ok: true, value: null };
    return { ok: true, value: await importIntoContext(ctx, source, options) };
  } catch (err) {
    return fail(err);
  }
}
