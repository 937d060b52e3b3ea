// Opening a file the way the app does and calling it the way its transports do. The bench runs
// as a plain Node script (scripts/bench.mjs bundles it), not under vitest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clockAt, DEFAULT_TIME_ZONE } from '../../../core/clock';
import { contract, type CallInput, type CallName, type CallOutput } from '../../../core/contract';
import type { Actor } from '../../../db/client';
import { openDatabase, startDatabase } from '../../../db/open';
import { createUser, listUsers } from '../../../db/users';
import { runWrite, writeNow } from '../../../db/write';
import { dispatch, handlers, Session, type HandlerContext } from '../../../electron/api/dispatch';
import type { WriteContext } from '../../../electron/api/context';

export const ROOT = path.resolve(process.env.BENCH_ROOT ?? process.cwd());
export const MIGRATIONS = path.join(ROOT, 'db/migrations');
export const BENCH_USER = { name: '基准书记员', role: '文书' } as const;

export type Ctx = HandlerContext & { actor: Actor; now: () => Date };

export function tempDir(prefix = 'council-hall-bench-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Opens `file` with the bench user signed in; `at` is the clock calls run at. `start` opens it the
 * way the app's window does (startDatabase: the quick and full checks and the startup backup run
 * in the background, see `maintenance`); otherwise the synchronous open with its backup first.
 */
export function openApp(file: string, at: Date, backupDir: string | null = path.join(path.dirname(file), 'backups'), start = false) {
  const options = { migrationsFolder: MIGRATIONS, ...(backupDir ? { backupDir } : {}) };
  const opened = start ? startDatabase(file, options) : { ...openDatabase(file, options), maintenance: null };
  const session = new Session();
  const user =
    listUsers(opened.db).find((u) => u.name === BENCH_USER.name) ??
    writeNow(opened.db, { name: BENCH_USER.name, userId: null }, clockAt(DEFAULT_TIME_ZONE, at), (tx) => createUser(tx, BENCH_USER));
  session.signIn(user);
  let now = at;
  const ctx: Ctx = {
    db: opened.db,
    session,
    actor: session.actor()!,
    now: () => now,
    info: { appVersion: '0.0.0-bench', databasePath: file, schemaVersion: opened.schemaVersion, lastBackupPath: opened.backupPath },
  };
  return { ...opened, ctx, setNow: (d: Date) => (now = d) };
}

/** One call through dispatch, as a screen makes it; throws on a refusal. */
export async function call<N extends CallName>(ctx: Ctx, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as CallOutput<N>;
}

export type BatchCall = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

/**
 * Many write calls in one transaction at one instant: each input is parsed by the contract and
 * run by the call's own handler, exactly as dispatch does, and the whole batch commits with its
 * audit rows. `tolerate` runs a call inside a savepoint and swallows a refusal.
 */
export async function batch<T>(ctx: Ctx, at: Date, fn: (call: BatchCall, tolerate: BatchCall) => Promise<T>): Promise<T> {
  const clock = clockAt(DEFAULT_TIME_ZONE, at);
  return runWrite(ctx.db, ctx.actor, clock, async (tx) => {
    const wctx: WriteContext = { ...ctx, clock, tx };
    const one: BatchCall = async (name, input) => {
      const parsed = contract[name].input.parse(input);
      const handler = handlers[name] as (c: WriteContext, i: unknown) => unknown;
      const t = performance.now();
      const v = (await handler(wctx, parsed)) as never;
      const s = spent.get(name) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += performance.now() - t;
      spent.set(name, s);
      return v;
    };
    const tolerate: BatchCall = async (name, input) => {
      tx.sqlite.exec('SAVEPOINT bench_try');
      try {
        const v = await one(name, input);
        tx.sqlite.exec('RELEASE bench_try');
        return v;
      } catch (err) {
        tx.sqlite.exec('ROLLBACK TO bench_try');
        tx.sqlite.exec('RELEASE bench_try');
        refusals.set(name, (refusals.get(name) ?? 0) + 1);
        if ((refusals.get(name) ?? 0) <= 2) console.warn(`  (跳过 ${name}: ${(err as Error).message.slice(0, 140)})`);
        return null as never;
      }
    };
    return fn(one, tolerate);
  });
}

export const refusals = new Map<string, number>();
/** Time spent in each write call while generating, to see where generation goes. */
export const spent = new Map<string, { n: number; ms: number }>();
