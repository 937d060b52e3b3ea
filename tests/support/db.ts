import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clockAt, DEFAULT_TIME_ZONE } from '../../core/clock';
import type { Actor } from '../../db/client';
import { openDatabase } from '../../db/open';
import { createUser, listUsers } from '../../db/users';
import { writeNow } from '../../db/write';
import { Session, type HandlerContext } from '../../electron/api/dispatch';

export const MIGRATIONS = path.resolve(__dirname, '../../db/migrations');

/** The installation user every test's ctx is signed in as (tests/support/write.ts acts as them too). */
export const TEST_USER = { name: '测试书记员', role: '文书' } as const;

export function tempDir(prefix = 'council-hall-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A real database file in a fresh folder, migrated like the app does, with the test user
 * created (once per file) and signed in: `ctx.actor` is who the audit trail names.
 */
export function openTemp(file = path.join(tempDir(), 'test.sqlite')) {
  const opened = openDatabase(file, { migrationsFolder: MIGRATIONS, backupDir: path.join(path.dirname(file), 'backups') });
  const session = new Session();
  const user =
    listUsers(opened.db).find((u) => u.name === TEST_USER.name) ??
    writeNow(opened.db, { name: TEST_USER.name, userId: null }, clockAt(DEFAULT_TIME_ZONE, new Date()), (tx) => createUser(tx, TEST_USER));
  session.signIn(user);
  const actor: Actor = session.actor()!;
  const ctx: HandlerContext & { actor: Actor } = {
    db: opened.db,
    session,
    actor,
    info: { appVersion: '0.0.0-test', databasePath: file, schemaVersion: opened.schemaVersion, lastBackupPath: opened.backupPath },
  };
  return { ...opened, ctx, file };
}
