import fs from 'node:fs';
import path from 'node:path';
import { zonedParts } from '../../core/clock';
import { ApiError, type ParsedInput } from '../../core/contract';
import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { BackupFileError, inspectDatabaseFile, type BackupContents } from '../../db/backups/inspect';
import { trailHeadOf } from '../../db/backups/head';
import { replaceDatabaseFile } from '../../db/backups/lifecycle';
import { removeReplacementNote, writeReplacementNote } from '../../db/integrity/replacement';
import { parseBackupName } from '../../db/backups/names';
import {
  defaultBackupDir,
  discardStaged,
  listBackups,
  listedBackupPath,
  stageCopy,
  stageFile,
  takeBackupAsync,
  takeBackupSync,
  zoneOf,
} from '../../db/backups/store';
import type { HandlerContext, HandlerGroup, ReadContext } from './context';

/**
 * 设置 → 数据安全: the list of backups, 立即备份, and restoring a listed backup or an outside copy.
 * A restore is a write (its audit row stays in the current file, which is saved as 恢复前 first);
 * the file itself is swapped by the transport once the call has returned (applyPendingRestore).
 */

function backupDir(ctx: HandlerContext): string {
  return ctx.backups?.dir ?? defaultBackupDir(ctx.db.file);
}

function stage(ctx: HandlerContext, source: ParsedInput<'backups.inspect'>['source']): { file: string; name: string; takenAt: string | null } {
  const dir = backupDir(ctx);
  if (source.kind === 'listed') {
    const listed = listedBackupPath(dir, source.name, zoneOf(ctx.db.sqlite));
    if (!listed) throw new ApiError('NOT_FOUND', `找不到备份“${source.name}”，它可能已被删除；请刷新备份列表后再选`);
    return { file: stageCopy(dir, listed), name: source.name, takenAt: parseBackupName(source.name, zoneOf(ctx.db.sqlite))?.local ?? null };
  }
  return { file: stageFile(dir, Buffer.from(source.dataBase64, 'base64'), 'incoming'), name: path.basename(source.fileName), takenAt: null };
}

function nativeOf(ctx: HandlerContext): { nativeBinding?: string } {
  return ctx.backups?.nativeBinding ? { nativeBinding: ctx.backups.nativeBinding } : {};
}

/** Checks a staged copy; a bad one is deleted and refused with what to do, the current data untouched. */
function check(ctx: HandlerContext, file: string): BackupContents {
  try {
    return inspectDatabaseFile(file, {
      normalize: true,
      ...(ctx.backups
        ? { maxSchemaVersion: ctx.backups.maxSchemaVersion, ...(ctx.backups.nativeBinding ? { nativeBinding: ctx.backups.nativeBinding } : {}) }
        : {}),
    });
  } catch (err) {
    discardStaged(file);
    if (err instanceof BackupFileError) throw new ApiError('INVALID_INPUT', `${err.message}。当前数据没有任何改动`);
    throw err;
  }
}

/** An outside copy's date: when its data last changed, in the user's zone. */
function localOf(ctx: ReadContext, instant: string | null): string | null {
  if (!instant) return null;
  const { date, time } = zonedParts(ctx.clock.timeZone, instant);
  return `${date} ${time}`;
}

export const backupHandlers: HandlerGroup<'backups.list' | 'backups.backupNow' | 'backups.inspect' | 'backups.restore'> = {
  'backups.list': (ctx) => {
    const dir = backupDir(ctx);
    return { folder: dir, items: listBackups(dir, ctx.clock.timeZone, ctx.backups?.nativeBinding) };
  },
  'backups.backupNow': async (ctx) => {
    // The online backup API copies page by page between turns of the event loop, so the window
    // keeps drawing its spinner on a large file. The copy is checked, then kept in the folder too.
    const taken = await takeBackupAsync(ctx.db.sqlite, backupDir(ctx), 'manual', {
      timeZone: ctx.clock.timeZone,
      now: new Date(ctx.clock.instant),
      ...(ctx.backups?.nativeBinding ? { nativeBinding: ctx.backups.nativeBinding } : {}),
    });
    return {
      fileName: path.basename(taken.path),
      mimeType: 'application/vnd.sqlite3',
      base64: fs.readFileSync(taken.path).toString('base64'),
    };
  },
  'backups.inspect': (ctx, input) => {
    if (input.source.kind === 'listed') {
      // A listed backup is checked where it lies, read-only: no copy of a large file just to look.
      const file = listedBackupPath(backupDir(ctx), input.source.name, zoneOf(ctx.db.sqlite));
      if (!file) throw new ApiError('NOT_FOUND', `找不到备份“${input.source.name}”，它可能已被删除；请刷新备份列表后再选`);
      try {
        const contents = inspectDatabaseFile(file, { ...(ctx.backups ? { maxSchemaVersion: ctx.backups.maxSchemaVersion } : {}), ...nativeOf(ctx) });
        return { name: input.source.name, takenAt: parseBackupName(input.source.name, zoneOf(ctx.db.sqlite))?.local ?? null, contents };
      } catch (err) {
        if (err instanceof BackupFileError) throw new ApiError('INVALID_INPUT', `${err.message}。当前数据没有任何改动`);
        throw err;
      }
    }
    const staged = stage(ctx, input.source);
    const contents = check(ctx, staged.file);
    discardStaged(staged.file);
    return { name: staged.name, takenAt: staged.takenAt ?? localOf(ctx, contents.lastChange), contents };
  },
  'backups.restore': (ctx, input) => {
    const staged = stage(ctx, input.source);
    const contents = check(ctx, staged.file);
    appendAudit(ctx.tx, {
      action: 'backup.restore',
      entity: 'database',
      entityId: null,
      before: null,
      after: { from: staged.name, takenAt: staged.takenAt, people: contents.people, meetings: contents.meetings },
    });
    const host = ctx.backups;
    if (host) {
      if (host.pendingRestore) discardStaged(host.pendingRestore);
      host.pendingRestore = staged.file;
      host.pendingRestoreFrom = staged.name;
    } else {
      discardStaged(staged.file);
    }
    return {
      name: staged.name,
      takenAt: staged.takenAt ?? localOf(ctx, contents.lastChange),
      contents,
      savedCurrentAs: null,
      restart: host?.restart ?? 'none',
    };
  },
};

/**
 * After a successful backups.restore: save the current file as 恢复前 (checked), close it, put the
 * restored copy in its place. Returns the 恢复前 path; on failure the current file is as it was
 * and `reopen` brings it back. Both transports call this; then the desktop relaunches and the
 * web host reopens the file in-process.
 */
export function applyPendingRestore(ctx: HandlerContext): { savedCurrentAs: string } {
  const host = ctx.backups;
  const staged = host?.pendingRestore;
  if (!host || !staged) throw new ApiError('INTERNAL', '没有待恢复的备份，请重新选择备份');
  host.pendingRestore = null;
  const from = host.pendingRestoreFrom ?? '备份';
  delete host.pendingRestoreFrom;
  const db: Db = ctx.db;
  let saved: string;
  try {
    saved = takeBackupSync(db.sqlite, host.dir, 'before-restore', {
      timeZone: zoneOf(db.sqlite),
      ...(host.nativeBinding ? { nativeBinding: host.nativeBinding } : {}),
    }).path;
  } catch {
    discardStaged(staged);
    throw new ApiError('DB_ERROR', '无法先保存当前数据，所以没有恢复；请检查磁盘空间后再试。当前数据没有改动');
  }
  // The 恢复前 copy now holds the newest trail; the note keeps the next start from taking the
  // restored (shorter) trail for a cut one (db/integrity/replacement.ts).
  const replaced = trailHeadOf(db.sqlite);
  db.sqlite.close();
  try {
    writeReplacementNote(db.file, { how: 'restore', from, savedAs: path.basename(saved), replaced });
    replaceDatabaseFile(db.file, staged, host.nativeBinding);
  } catch {
    removeReplacementNote(db.file);
    throw new ApiError('DB_ERROR', `恢复没有完成，当前数据没有改动（另存在 ${saved}）；请重新打开议事厅后再试`);
  } finally {
    discardStaged(staged);
  }
  return { savedCurrentAs: saved };
}
