import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../core/contract/define';
import type { OpenResult } from '../db/open';
import { trailHeadOf } from '../db/backups/head';
import { removeReplacementNote, writeReplacementNote } from '../db/integrity/replacement';
import { runExclusive } from '../db/write';
import type { HandlerContext } from './api/context';
import {
  applyStagedPackage,
  exportMovePackage,
  saveCurrentBeforeImport,
  stageMovePackage,
  type MoveManifest,
  type MoveSummary,
  type StagedPackage,
} from './move-package';

export interface MoveImportOptions {
  migrationsFolder: string;
  backupDir: string;
  nativeBinding?: string;
  /** Opens the database file again (openDatabase with the transport's own options). */
  reopen(): OpenResult;
}

export interface MoveImportResult {
  backupPath: string;
  createdAt: string;
  appVersion: string;
  files: number;
}

/** Exports the data behind a transport's context into `outFile`. */
export function exportFromContext(ctx: HandlerContext, outFile: string): Promise<MoveSummary & { manifest: MoveManifest }> {
  return exportMovePackage(ctx.db, { appVersion: ctx.info.appVersion, schemaVersion: ctx.info.schemaVersion }, outFile);
}

/**
 * Replaces the data behind a transport's context with a package and reopens in-process:
 * verify everything in a staging folder (a damaged package changes nothing), save the current
 * database as a backup, close it, put the package's files in place, open the new file and hand
 * it to the context. Nobody is signed in afterwards: the users are the package's.
 */
export async function importIntoContext(ctx: HandlerContext, packageFile: string, options: MoveImportOptions): Promise<MoveImportResult> {
  const databaseFile = ctx.db.file;
  const staged = await stageMovePackage(packageFile, databaseFile, options);
  return runExclusive(ctx.db, () => replaceAndReopen(ctx, staged, options));
}

async function replaceAndReopen(ctx: HandlerContext, staged: StagedPackage, options: MoveImportOptions): Promise<MoveImportResult> {
  const databaseFile = ctx.db.file;
  let backupPath: string;
  try {
    backupPath = saveCurrentBeforeImport(ctx.db, options.backupDir, options.nativeBinding);
  } catch (err) {
    staged.discard();
    throw new ApiError('FILE_UNREADABLE', `导入前无法备份当前数据（${(err as NodeJS.ErrnoException).code ?? '写入失败'}），没有导入。请检查磁盘空间后重试`);
  }
  const replaced = trailHeadOf(ctx.db.sqlite);
  ctx.db.sqlite.close();
  let opened: OpenResult;
  try {
    writeReplacementNote(databaseFile, {
      how: 'import',
      from: `迁移包（${staged.manifest.createdAt.slice(0, 10)} 导出）`,
      savedAs: path.basename(backupPath),
      replaced,
    });
    applyStagedPackage(staged, databaseFile);
    opened = options.reopen();
  } catch (err) {
    removeReplacementNote(databaseFile);
    // Put the saved copy back and open it, so the program keeps working on what it had.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
    fs.copyFileSync(backupPath, databaseFile);
    const back = options.reopen();
    ctx.db = back.db;
    const reason = err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? `（${err.message}）` : '';
    throw new ApiError('INTERNAL', `迁移包中的数据无法打开${reason}，已恢复为导入前的数据（备份在 ${backupPath}）。请联系技术人员`);
  }
  ctx.db = opened.db;
  ctx.info = { ...ctx.info, schemaVersion: opened.schemaVersion, lastBackupPath: backupPath };
  ctx.session.signOut();
  return { backupPath, createdAt: staged.manifest.createdAt, appVersion: staged.manifest.appVersion, files: staged.manifest.files.length };
}
