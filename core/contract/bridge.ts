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
  /** Desktop: a file picker in the main process, then `attachments.add` with the chosen file; value null when cancelled. */
  pickAttachment?(target: unknown): Promise<Envelope<unknown>>;
  /** Desktop: opens a stored attachment (only files inside the attachments folder) with the system's program. */
  openAttachment?(path: string): Promise<Envelope<null>>;
  /** Desktop: 导出迁移包 (save dialog) or 导入迁移包 (open dialog, verify, replace, reopen); value null when cancelled. */
  movePackage?(action: 'export' | 'import'): Promise<Envelope<unknown>>;
  /** Desktop: 投影模式 in its own window (full screen on a second display when there is one); reuses the open one. */
  openProjector?(meetingId: number): Promise<Envelope<null>>;
  /** Desktop: calls `listener` when the user clicks the 今日提醒 notification (open the 首页); returns the unsubscribe. */
  onShowHome?(listener: () => void): () => void;
}

/** What 导出迁移包 reports back. */
export interface MoveExportOutcome {
  savedTo: string;
  files: number;
  attachments: number;
  bytes: number;
}

/** What 导入迁移包 reports back (the app reopens on the imported data). */
export interface MoveImportOutcome {
  backupPath: string;
  createdAt: string;
  appVersion: string;
  files: number;
}

export const BRIDGE_KEY = 'councilHall';
export const IPC_CHANNEL = 'council-hall:invoke';
/** "打开文件" / "打开所在文件夹" after an export: `{ action: 'open' | 'folder', path }`. */
export const SAVED_FILE_CHANNEL = 'council-hall:saved-file';
/** The web host puts its per-run token in this meta tag and expects it back in this header. */
export const TOKEN_META = 'council-hall-token';
export const TOKEN_HEADER = 'x-council-hall-token';
/** 添加附件 (pick) / 打开附件 (open) in the desktop app: `{ action: 'pick', target }` or `{ action: 'open', path }`. */
export const ATTACHMENT_CHANNEL = 'council-hall:attachment';
/** 导出迁移包 / 导入迁移包 in the desktop app: `{ action: 'export' | 'import' }`. */
export const MOVE_CHANNEL = 'council-hall:move';
/** 投影模式 in the desktop app: the meeting's id (a positive whole number). */
export const PROJECTOR_CHANNEL = 'council-hall:projector';
/** Main → page, no payload: the 今日提醒 notification was clicked, show the 首页. */
export const SHOW_HOME_CHANNEL = 'council-hall:show-home';
/** The web host's routes for the same: POST the package's bytes to import, POST to export (download). */
export const WEB_MOVE_EXPORT = '/move/export';
export const WEB_MOVE_IMPORT = '/move/import';
