import type { Envelope } from './define';

/**
 * What the preload exposes as `window.councilHall` — narrow functions, nothing else of Node.
 * The browser preview has no bridge at all (its files download).
 */
export interface CouncilHallBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Opens a file this session saved with the system's default program (WPS, Word, Excel). */
  openSavedFile(path: string): Promise<Envelope<null>>;
  /** Shows a file this session saved in the system's file manager. */
  showSavedFile(path: string): Promise<Envelope<null>>;
}

export const BRIDGE_KEY = 'councilHall';
export const IPC_CHANNEL = 'council-hall:invoke';
/** "打开文件" / "打开所在文件夹" after an export: `{ action: 'open' | 'folder', path }`. */
export const SAVED_FILE_CHANNEL = 'council-hall:saved-file';
/** The web host puts its per-run token in this meta tag and expects it back in this header. */
export const TOKEN_META = 'council-hall-token';
export const TOKEN_HEADER = 'x-council-hall-token';
