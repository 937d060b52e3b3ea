import type Database from 'better-sqlite3';

/** What the background work at this start has found so far (system.integrity carries it to the banner). */
export interface FileCheckState {
  /** The full check or the startup backup is still running. */
  running: boolean;
  /** The file is damaged: what was found and what to do, in words; null when nothing was found. */
  damage: string | null;
  /** When the whole file was last found sound (instant), or null if never. */
  lastFullCheck: string | null;
}

const states = new WeakMap<Database.Database, FileCheckState>();

export function fileCheckOf(sqlite: Database.Database): FileCheckState {
  return states.get(sqlite) ?? { running: false, damage: null, lastFullCheck: null };
}

export function setFileCheck(sqlite: Database.Database, change: Partial<FileCheckState>): void {
  states.set(sqlite, { ...fileCheckOf(sqlite), ...change });
}
