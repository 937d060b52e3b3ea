import { contract, isCallName, type Envelope } from '../core/contract';
import type { Maintenance } from '../db/maintenance/background';
import { startDatabase, type StartedDatabase, type StartOptions } from '../db/open';
import type { HandlerContext } from './api/context';
import { describeError, type AppLog } from './log';

/**
 * How both transports open the database (the desktop window, the web host's server): the
 * window or server comes first, the database opens on the next turn of the event loop, and
 * every call that arrives before it is ready waits on one promise — the page shows its normal
 * loading state. The full check and the startup backup then run in the background.
 */
/** Tiny writes that only record who is at the keyboard: the start screen never waits for the check. */
const SIGN_IN: ReadonlySet<string> = new Set(['users.signIn', 'users.signOut']);

export interface ServedDatabase {
  /** The context once the file is open; rejects with the Chinese DatabaseOpenError. */
  ready: Promise<HandlerContext>;
  /**
   * The context for one call: reads as soon as the file is open; writes also wait for the quick
   * check (seconds on a file of gigabytes), except choosing the user at the start screen.
   */
  contextFor(name: unknown): Promise<HandlerContext>;
  /** The background work of the file now open (a reopen replaces it). */
  maintenance(): Maintenance | null;
  /** Stops the background work before the file is closed or replaced (restore, import, quit). */
  stopBackground(): Promise<void>;
  /** Opens the file again after a restore put another in place, with its own background work. */
  reopen(ctx: HandlerContext): StartedDatabase;
}

export interface ServeOptions {
  file: string;
  open: StartOptions;
  /** The transport's context for the opened file. */
  context(opened: StartedDatabase): HandlerContext;
  log?: AppLog;
}

export function serveDatabase(options: ServeOptions): ServedDatabase {
  let current: Maintenance | null = null;

  const follow = (ctx: HandlerContext, opened: StartedDatabase) => {
    current = opened.maintenance;
    void opened.maintenance.done.then((result) => {
      if (result.stopped) return;
      options.log?.info(
        `background: full check ${result.fullCheck}, ${result.backupPath ? 'startup backup taken' : 'no startup backup'}${result.damage ? ', file damaged' : ''}`,
      );
      // The file may have been replaced (a restore) while the copy was made: its info is not ours to change.
      if (result.backupPath && ctx.db === opened.db) ctx.info = { ...ctx.info, lastBackupPath: result.backupPath };
    });
  };

  const ready = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    let opened: StartedDatabase;
    try {
      opened = startDatabase(options.file, options.open);
    } catch (err) {
      options.log?.error(`start-up failed: ${describeError(err)}`);
      throw err;
    }
    options.log?.info(`database open, schema ${opened.schemaVersion}`);
    const ctx = options.context(opened);
    follow(ctx, opened);
    return ctx;
  });
  // Whoever awaits `ready` sees the failure; this only keeps it from counting as unhandled.
  ready.catch(() => {});

  return {
    ready,
    contextFor: async (name) => {
      const ctx = await ready;
      if (isCallName(name) && contract[name].writes && !SIGN_IN.has(name)) await current?.checked;
      return ctx;
    },
    maintenance: () => current,
    stopBackground: async () => {
      await current?.stop();
    },
    reopen: (ctx) => {
      const opened = startDatabase(options.file, options.open);
      follow(ctx, opened);
      return opened;
    },
  };
}

/** The envelope a call gets when the file could not be opened: the same Chinese message the dialog shows. */
export function openFailure(err: unknown): Envelope<never> {
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'DB_ERROR', message } };
}
