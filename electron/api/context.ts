import type { CallName, CallOutput, ParsedInput } from '../../core/contract';
import type { Actor, Db } from '../../db/client';

export interface HandlerContext {
  db: Db;
  actor: Actor;
  info: { appVersion: string; databasePath: string; schemaVersion: number; lastBackupPath: string | null };
}

export type Handler<N extends CallName> = (ctx: HandlerContext, input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerGroup<K extends CallName> = { [N in K]: Handler<N> };
