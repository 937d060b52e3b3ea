import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/open';
import type { HandlerContext } from '../../electron/api/dispatch';

export const MIGRATIONS = path.resolve(__dirname, '../../db/migrations');

export function tempDir(prefix = 'council-hall-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real database file in a fresh folder, migrated like the app does. */
export function openTemp(file = path.join(tempDir(), 'test.sqlite')) {
  const opened = openDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: path.join(path.dirname(file), 'backups') });
  const ctx: HandlerContext = {
    db: opened.db,
    actor: { name: '测试书记员' },
    info: { appVersion: '0.0.0-test', databasePath: file, schemaVersion: opened.schemaVersion, lastBackupPath: opened.backupPath },
  };
  return { ...opened, ctx, file };
}
