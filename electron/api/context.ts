import type { Clock } from '../../core/clock';
import type { CallName, CallOutput, ParsedInput, WriteCallName } from '../../core/contract';
import type { Db, Tx } from '../../db/client';
import type { AppLog } from '../log';
import type { Session } from './session';

/** What a transport gives dispatch: the open database, who is at the keyboard, the app's facts. */
export interface HandlerContext {
  db: Db;
  /** The installation user chosen at start: the actor of every write. */
  session: Session;
  info: { appVersion: string; databasePath: string; schemaVersion: number; lastBackupPath: string | null };
  /** The instant a call runs at; tests set it to try a call at 00:30 Beijing time. */
  now?: () => Date;
  /** The support log (electron/log.ts): failures by call name, code and duration, never inputs. */
  log?: AppLog;
  /** The backup folder and how this host restarts after a restore (electron/api/backups.ts). */
  backups?: BackupHost;
}

export interface BackupHost {
  dir: string;
  /** Migrations this version knows: a backup with more was written by a newer version. */
  maxSchemaVersion: number;
  nativeBinding?: string;
  /** How the app comes back on the restored data: the desktop relaunches, the web host reopens. */
  restart: 'relaunch' | 'reload';
  /** Set by backups.restore: the checked copy the transport puts in place once the call returned. */
  pendingRestore: string | null;
  /** The name the user knows the pending restore's source by (recorded in the restored file's trail). */
  pendingRestoreFrom?: string;
}

/** A call in progress: one clock for everything it records or judges by. */
export interface ReadContext extends HandlerContext {
  clock: Clock;
}

/** A write in progress: `tx` is the only handle db write functions accept. */
export interface WriteContext extends ReadContext {
  tx: Tx;
}

export type Handler<N extends CallName> = (
  ctx: N extends WriteCallName ? WriteContext : ReadContext,
  input: ParsedInput<N>,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerGroup<K extends CallName> = { [N in K]: Handler<N> };
