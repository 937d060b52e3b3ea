/**
 * The child of the crash trials (crash.test.ts): opens the database the way the app does and
 * writes through dispatch as fast as it can until it is killed with SIGKILL. After each write
 * dispatch acknowledged, it prints one line on stdout — only then does the parent count on it:
 *
 *   ACK C <personId> <seq>          people.create 村民<seq>, note "seq:<seq>"
 *   ACK U <personId> <seq>          people.update of that person's note to "seq:<seq>"
 *   ACK B <seq> <rows>              roster.commit of <rows> rows in 批次<seq> (all or nothing)
 *
 * Usage: node crash-child.cjs <database file> <migrations folder> <first seq>
 */
import path from 'node:path';
import { clockAt, DEFAULT_TIME_ZONE } from '../../core/clock';
import { openDatabase } from '../../db/open';
import { createUser, listUsers } from '../../db/users';
import { writeNow } from '../../db/write';
import { dispatch, Session, type HandlerContext } from '../../electron/api/dispatch';

const BATCH_ROWS = 20;

async function main() {
  const [file, migrations, firstSeq] = process.argv.slice(2);
  if (!file || !migrations) throw new Error('usage: crash-child <file> <migrations> <first seq>');
  const opened = openDatabase(file, { migrationsFolder: migrations, backupDir: path.join(path.dirname(file), 'backups') });
  const session = new Session();
  const user =
    listUsers(opened.db).find((u) => u.name === '试验员') ??
    writeNow(opened.db, { name: '试验员', userId: null }, clockAt(DEFAULT_TIME_ZONE, new Date()), (tx) => createUser(tx, { name: '试验员', role: '文书' }));
  session.signIn(user);
  const ctx: HandlerContext = {
    db: opened.db,
    session,
    info: { appVersion: 'trial', databasePath: file, schemaVersion: opened.schemaVersion, lastBackupPath: null },
  };
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as { id: number; items?: { id: number; name: string }[]; currentId?: number | null };
  };
  const orgs = await call('organizations.list', {});
  const orgId = orgs.items?.[0]?.id ?? (await call('organizations.create', { name: '试验村', kind: '村' })).id;
  process.stdout.write('READY\n');

  const mine: number[] = [];
  let seq = Number(firstSeq ?? 1);
  for (;;) {
    seq++;
    const pick = seq % 10;
    if (pick < 6 || mine.length === 0) {
      const p = await call('people.create', { orgId, name: `村民${seq}`, note: `seq:${seq}`, householdNo: String(seq % 500) });
      mine.push(p.id);
      process.stdout.write(`ACK C ${p.id} ${seq}\n`);
    } else if (pick < 9) {
      const id = mine[seq % mine.length]!;
      await call('people.update', { id, note: `seq:${seq}` });
      process.stdout.write(`ACK U ${id} ${seq}\n`);
    } else {
      const rows = Array.from({ length: BATCH_ROWS }, (_, i) => ({
        name: `批量${seq}-${i}`,
        gender: i % 2 ? '女' : '男',
        birthDate: '1970-01-01',
        idNumber: '',
        phone: '',
        householdNo: '',
        groupName: `批次${seq}`,
        tags: '',
        note: '',
      }));
      await call('roster.commit', { orgId, rows });
      process.stdout.write(`ACK B ${seq} ${BATCH_ROWS}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-child failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(2);
});
