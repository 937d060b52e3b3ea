import type { z } from 'zod';

interface CallSpecBase<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** What the call does, in Chinese, for the audit trail and error messages. */
  summary: string;
  /** The output is a file to save: the Electron shell shows a save dialog for it. */
  producesFile?: boolean;
}

/** A call that only reads: dispatch runs it with the database set to read-only. */
export interface ReadSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> extends CallSpecBase<I, O> {
  writes: false;
}

/**
 * A call that changes the record: dispatch runs it alone, inside one IMMEDIATE transaction,
 * and refuses to commit it unless it left an audit row. Its sample input, used by the
 * contract-wide write test, lives in `core/contract/samples/`.
 */
export interface WriteSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> extends CallSpecBase<I, O> {
  writes: true;
}

export type CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = ReadSpec<I, O> | WriteSpec<I, O>;

export function defineRead<I extends z.ZodType, O extends z.ZodType>(spec: CallSpecBase<I, O>): ReadSpec<I, O> {
  return { ...spec, writes: false };
}

export function defineWrite<I extends z.ZodType, O extends z.ZodType>(spec: CallSpecBase<I, O>): WriteSpec<I, O> {
  return { ...spec, writes: true };
}

export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CALL',
  'FORBIDDEN',
  'FILE_UNREADABLE',
  'IMPORT_HAS_ERRORS',
  'DB_ERROR',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** An error meant for the user: a stable code and a Chinese message that says what to do. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
