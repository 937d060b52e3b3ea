/** Why the database could not be opened; the message names the file and what to do. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'DB_TOO_NEW' | 'DB_MIGRATION_FAILED' | 'DB_CORRUPT' | 'DB_UNREADABLE' | 'DB_NOT_OURS' | 'DB_READ_ONLY',
    message: string,
    readonly file: string,
    readonly backupPath: string | null,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
