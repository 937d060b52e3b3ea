import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, screen, session, shell } from 'electron';
import type { IpcMainInvokeEvent, MenuItemConstructorOptions, MessageBoxOptions, WebContents, WebFrameMain } from 'electron';
import { contract, isCallName } from '../core/contract';
import type { Envelope } from '../core/contract';
import { ATTACHMENT_CHANNEL, IPC_CHANNEL, MOVE_CHANNEL, PROJECTOR_CHANNEL, SAVED_FILE_CHANNEL, SHOW_HOME_CHANNEL } from '../core/contract/bridge';
import { DEFAULT_TIME_ZONE } from '../core/clock';
import type { FileOutput } from '../core/contract/common';
import type { Db } from '../db/client';
import { closeBackup } from '../db/backups/lifecycle';
import { discardStaged } from '../db/backups/store';
import { openDatabase, readJournal } from '../db/open';
import { applyPendingRestore } from './api/backups';
import { dispatch, Session } from './api/dispatch';
import type { HandlerContext } from './api/dispatch';
import { nativeBindingFor, nativeModuleHint, readAppVersion } from './app-info';
import { openFailure, serveDatabase, type ServedDatabase } from './database-start';
import { isFileOutput, saveProduced } from './file-output';
import { appRootFrom, linuxIconFile, migrationsFolder } from './paths';
import { attachmentAction, moveAction, type DesktopDialogs } from './desktop-files';
import { SAVE_FOLDERS_FILE, SaveFolders } from './save-folders';
import { openResult, SavedFiles } from './saved-files';
import { CONTENT_SECURITY_POLICY } from './security';
import { describeError, openLog, type AppLog } from './log';
import { APP_INDEX_URL, APP_SCHEME, contentTypeOf, isAppPage, resolveAppRequest } from './app-protocol';
import { fitToDisplays, MIN_HEIGHT, MIN_WIDTH, parseWindowState, serializeWindowState } from './window-state';
import { projectorMeetingId, projectorPlacement, projectorUrl } from './projector-window';
import { readReminderSnapshot, ReminderScheduler } from './reminder-schedule';

const APP_TITLE = '议事厅';
// esbuild puts this file at <appRoot>/dist/electron/main.cjs, in development and inside app.asar alike.
const appRoot = appRootFrom(__dirname);
const preloadFile = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(appRoot, 'dist', 'renderer');
const indexFile = path.join(rendererRoot, 'index.html');
const appVersion = readAppVersion(appRoot, app.getVersion());

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用' },
};

/** 投影 may read what the room should see; it never changes the record or saves files. */
const PROJECTOR_READ_ONLY: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '投影窗口只能显示，不能修改记录或导出文件；请在主窗口里操作' },
};

let mainWindow: BrowserWindow | null = null;
/** The one 投影 window (electron/projector-window.ts decides where it goes). */
let projectorWindow: BrowserWindow | null = null;
let database: Db | null = null;
/** The database as the API sees it: opened after the window, calls wait for it (electron/database-start.ts). */
let served: ServedDatabase | null = null;
/** Every file written this session: the only ones "打开文件" / "打开所在文件夹" may touch. */
const savedFiles = new SavedFiles();
let saveFolders: SaveFolders | null = null;
/** The support log in <userData>/logs (electron/log.ts). */
let log: AppLog | null = null;
/** 今日提醒 as a desktop notification: at start, every morning, on waking (electron/reminder-schedule.ts). */
let reminders: ReminderScheduler | null = null;
/** Held so the shown notification (and its click handler) is not garbage-collected. */
let reminderNotification: Notification | null = null;

// Before anything asks for a path: tests give each run its own folder, and the single-instance
// lock lives in userData, so the override must come before requestSingleInstanceLock too.
const userDataOverride = process.env.COUNCIL_HALL_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Every renderer sandboxed, even one we did not mean to create.
app.enableSandbox();

// The page is served from app://council-hall/ (electron/app-protocol.ts): a secure, standard
// origin of its own, so file:// needs no extra privileges. Must be declared before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file and one window-state.json would fight; the first
  // instance is told through 'second-instance' and comes to the front instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    log?.info('shutdown');
    reminders?.stop();
    // The background copy stops between two steps (its half file is removed at the next start).
    void served?.stopBackground();
    // A checked copy on every quit (synchronous VACUUM INTO: the window is already gone), then
    // closing checkpoints the WAL into the main file, so a copied .sqlite is complete.
    if (database?.sqlite.open) closeBackup(database.sqlite, path.join(app.getPath('userData'), 'backups'), nativeBindingFor(appRoot, app.isPackaged));
    database?.sqlite.close();
    database = null;
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  try {
    hardenSession();
    serveAppProtocol();
    const userData = app.getPath('userData');
    log = openLog(path.join(userData, 'logs'));
    log.info(`start 议事厅 ${appVersion} electron ${process.versions.electron} on ${process.platform} ${process.arch}`);
    const migrations = migrationsFolder(appRoot, app.isPackaged, process.resourcesPath);
    const backupDir = path.join(userData, 'backups');
    const nativeBinding = nativeBindingFor(appRoot, app.isPackaged);
    const appLog = log;
    // The window comes first; the database opens while the page loads (a quick check, an upgrade
    // with its backup), and the full check and the startup backup follow in the background.
    served = serveDatabase({
      file: path.join(userData, 'council-hall.sqlite'),
      open: { migrationsFolder: migrations, backupDir, ...(nativeBinding ? { nativeBinding } : {}) },
      log: appLog,
      context: (opened) => ({
        db: opened.db,
        // Nobody until the start screen chooses a user (renderer: 选择使用人).
        session: new Session(),
        info: {
          appVersion,
          databasePath: opened.db.file,
          schemaVersion: opened.schemaVersion,
          lastBackupPath: opened.backupPath,
        },
        log: appLog,
        backups: { dir: backupDir, maxSchemaVersion: readJournal(migrations).length, restart: 'relaunch', pendingRestore: null, nativeBinding },
      }),
    });
    saveFolders = new SaveFolders(path.join(userData, SAVE_FOLDERS_FILE), documentsFolder);
    registerSavedFileHandler();
    registerApiHandler(served);
    registerAttachmentAndMoveHandlers(served, userData);
    registerProjectorHandler();
    Menu.setApplicationMenu(buildMenu());
    // createMainWindow makes the window synchronously; the file opens on the next turn.
    const opening = served.ready.then((ctx) => {
      database = ctx.db;
    });
    await Promise.all([opening, createMainWindow()]);
    startReminders(served);
  } catch (err) {
    failStartup(err);
  }
}

/**
 * 今日提醒 on the desktop: once the database is open and the window shown, then every morning
 * (08:00 in the user's zone setting) and on waking from sleep, at most once a day. Clicking it
 * brings the window to the front on the 首页.
 */
function startReminders(served: ServedDatabase): void {
  if (!Notification.isSupported()) {
    log?.info('reminders: desktop notifications not supported here');
    return;
  }
  const scheduler = new ReminderScheduler(
    {
      read: async () => readReminderSnapshot(await served.contextFor('reminders.today')),
      show: showReminder,
      now: () => new Date(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
      onError: (err) => log?.error(`reminders failed: ${describeError(err)}`),
    },
    DEFAULT_TIME_ZONE,
  );
  reminders = scheduler;
  // Windows shows notifications only for an app with an id (the installer's; set here for development too).
  if (process.platform === 'win32') app.setAppUserModelId('cn.councilhall.app');
  powerMonitor.on('resume', () => void scheduler.check('resume'));
  void scheduler.check('start');
}

function showReminder(notice: { title: string; body: string }): void {
  // Yesterday's, if still in the notification area, gives way to today's.
  reminderNotification?.close();
  const n = new Notification({ title: notice.title, body: notice.body });
  n.on('click', () => {
    focusMainWindow();
    const win = mainWindow;
    if (win && !win.isDestroyed()) win.webContents.send(SHOW_HOME_CHANNEL);
  });
  reminderNotification = n;
  n.show();
  log?.info(`reminders: ${notice.title}`);
}

/** A clear Chinese dialog, then quit: never a blank window, never a deleted or replaced file. */
function failStartup(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error('[议事厅] 启动失败:', message);
  log?.error(`start-up failed: ${describeError(err)}`);
  dialog.showErrorBox('议事厅无法启动', message + nativeModuleHint(message, app.isPackaged));
  app.quit();
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // Camera, microphone, notifications, geolocation…: a minutes book needs none of them. The one
  // exception is full screen for the projector window (its 全屏 button, when dragged to the projector).
  const projectorFullScreen = (contents: WebContents | null, permission: string) =>
    permission === 'fullscreen' && contents !== null && projectorWindow !== null && !projectorWindow.isDestroyed() && contents === projectorWindow.webContents;
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(projectorFullScreen(contents, permission)));
  ses.setPermissionCheckHandler((contents, permission) => projectorFullScreen(contents, permission));
  // file:// responses may not pass through here on every platform, which is why index.html
  // carries the same policy in a meta tag; the header covers everything that does.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) return callback({});
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** Answers app:// requests from the renderer folder only (inside app.asar when packaged), with the CSP as a header. */
function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.promises.readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The app is one page with hash routes (which do not fire will-navigate); any real
  // navigation — a dropped file, a link to a website — would leave our CSP and preload behind.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function isTrustedFrame(frame: WebFrameMain | null, win: BrowserWindow): boolean {
  if (!frame) return false;
  try {
    const main = win.webContents.mainFrame;
    return !frame.isDestroyed() && frame.parent === null && frame.processId === main.processId && frame.frameToken === main.frameToken && isAppPage(frame.url);
  } catch {
    // A frame torn down mid-call throws on property access; it is not a caller we trust.
    return false;
  }
}

/** The main window, when `event` came from its own page's top frame; null for anyone else. */
function trustedWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  const win = mainWindow;
  if (!win || win.isDestroyed() || event.sender.id !== win.webContents.id || !isTrustedFrame(event.senderFrame, win)) return null;
  return win;
}

/** The 投影 window, when `event` came from its own page's top frame; null for anyone else. */
function trustedProjector(event: IpcMainInvokeEvent): BrowserWindow | null {
  const win = projectorWindow;
  if (!win || win.isDestroyed() || event.sender.id !== win.webContents.id || !isTrustedFrame(event.senderFrame, win)) return null;
  return win;
}

/**
 * The API channel. Like the saved-file channel below, every call goes through the sender check:
 * the main window may make any call, the 投影 window only reads that produce no file.
 */
function registerApiHandler(served: ServedDatabase): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const main = trustedWindow(event);
    const win = main ?? trustedProjector(event);
    if (!win) return FORBIDDEN;
    if (!main && isCallName(name) && (contract[name].writes || contract[name].producesFile === true)) return PROJECTOR_READ_ONLY;
    let ctx: HandlerContext;
    try {
      ctx = await served.contextFor(name);
    } catch (err) {
      // failStartup shows the dialog; the page meanwhile says the same.
      return openFailure(err);
    }
    try {
      const result = await dispatch(ctx, name, input);
      if (ctx.backups?.pendingRestore) return await restoreAndRelaunch(ctx, result);
      if (!result.ok || !isCallName(name) || contract[name].producesFile !== true || !isFileOutput(result.value)) {
        return result;
      }
      return await saveProducedFile(win, result.value);
    } catch (err) {
      console.error('[议事厅] 调用出错:', err);
      log?.error(`ipc call ${isCallName(name) ? name : '?'} failed: ${describeError(err)}`);
      return { ok: false, error: { code: 'INTERNAL', message: `操作没有完成：${(err as Error).message}。请重试；如仍出错，请联系技术人员。` } };
    }
  });
}

/**
 * After backups.restore: save the current file as 恢复前, put the restored copy in its place
 * (electron/api/backups.ts), then start again on it — the window closes and reopens.
 */
async function restoreAndRelaunch(ctx: HandlerContext, result: Envelope<unknown>): Promise<Envelope<unknown>> {
  const staged = ctx.backups!.pendingRestore!;
  if (!result.ok) {
    discardStaged(staged);
    ctx.backups!.pendingRestore = null;
    return result;
  }
  // The background copy and check hold the file open; they stop before it is replaced.
  await served?.stopBackground();
  let answer: Envelope<unknown>;
  try {
    const { savedCurrentAs } = applyPendingRestore(ctx);
    answer = { ok: true, value: { ...(result.value as object), savedCurrentAs } };
  } catch (err) {
    answer = { ok: false, error: { code: 'DB_ERROR', message: (err as Error).message } };
  }
  if (!ctx.db.sqlite.open) {
    database = null;
    // Give the renderer a moment to show 正在重新启动, then start again on the file now in place.
    setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, 800);
  }
  return answer;
}

/**
 * "打开文件" / "打开所在文件夹" next to a saved file's path. The input is checked (zod) and the
 * path must be one this session wrote (SavedFiles); the page never names an arbitrary file.
 */
function registerSavedFileHandler(): void {
  ipcMain.handle(SAVED_FILE_CHANNEL, async (event, input: unknown): Promise<Envelope<null>> => {
    if (!trustedWindow(event)) return FORBIDDEN;
    const checked = savedFiles.check(input);
    if (!checked.ok) return checked;
    try {
      if (checked.action === 'open') return openResult(checked.path, await shell.openPath(checked.path));
      shell.showItemInFolder(checked.path);
      return { ok: true, value: null };
    } catch (err) {
      return openResult(checked.path, (err as Error).message || '系统没有回应');
    }
  });
}

/**
 * 添加附件 (a file picker here, then attachments.add with the chosen file), 打开附件 (only files
 * inside the attachments folder), 导出迁移包 and 导入迁移包 (which reopens on the imported data).
 */
function registerAttachmentAndMoveHandlers(served: ServedDatabase, userData: string): void {
  const dialogs: DesktopDialogs<BrowserWindow> = {
    pickFile: async (win, title, filters) => {
      const r = await dialog.showOpenDialog(win, { title, buttonLabel: '选择', filters, properties: ['openFile'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    saveFile: async (win, title, defaultName, filters) => {
      const r = await dialog.showSaveDialog(win, {
        title,
        buttonLabel: '保存',
        defaultPath: path.join(documentsFolder() ?? userData, defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    openPath: (file) => shell.openPath(file),
  };
  const reopen = () =>
    openDatabase(path.join(userData, 'council-hall.sqlite'), {
      migrationsFolder: migrationsFolder(appRoot, app.isPackaged, process.resourcesPath),
      backupDir: path.join(userData, 'backups'),
      nativeBinding: nativeBindingFor(appRoot, app.isPackaged),
    });
  ipcMain.handle(ATTACHMENT_CHANNEL, async (event, input: unknown) => {
    const win = trustedWindow(event);
    if (!win) return FORBIDDEN;
    const ctx = await served.ready.catch(() => null);
    return ctx ? attachmentAction(ctx, win, dialogs, input) : FORBIDDEN;
  });
  ipcMain.handle(MOVE_CHANNEL, async (event, input: unknown) => {
    const win = trustedWindow(event);
    if (!win) return FORBIDDEN;
    const ctx = await served.ready.catch(() => null);
    if (!ctx) return FORBIDDEN;
    // An import replaces the file: the background copy and check stop first.
    if ((input as { action?: unknown } | null)?.action === 'import') await served.stopBackground();
    const result = await moveAction(ctx, win, dialogs, input, {
      migrationsFolder: migrationsFolder(appRoot, app.isPackaged, process.resourcesPath),
      backupDir: path.join(userData, 'backups'),
      nativeBinding: nativeBindingFor(appRoot, app.isPackaged),
      reopen,
    });
    database = ctx.db;
    return result;
  });
}

/** Documents, where the first file of each kind is offered; some Linux desktops define none. */
function documentsFolder(): string | null {
  try {
    return app.getPath('documents');
  } catch {
    return null;
  }
}

/**
 * Files are saved here, not in the renderer: the page has no file-system access. The returned
 * value never carries the bytes back; `savedTo` is the written path, or '' when the user
 * cancelled the dialog (so the renderer can say "已取消" rather than "已保存").
 */
async function saveProducedFile(win: BrowserWindow, value: FileOutput): Promise<Envelope<unknown>> {
  const folders = saveFolders ?? new SaveFolders(path.join(app.getPath('userData'), SAVE_FOLDERS_FILE), documentsFolder);
  return saveProduced(
    value,
    async (defaultPath, filters) => {
      const { canceled, filePath } = await dialog.showSaveDialog(win, {
        title: '保存文件',
        buttonLabel: '保存',
        defaultPath,
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return canceled || !filePath ? null : filePath;
    },
    folders,
    savedFiles,
  );
}

function readTextOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function saveWindowState(file: string, win: BrowserWindow): void {
  try {
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, serializeWindowState(win.getNormalBounds(), win.isMaximized()));
    // Rename so a crash mid-write leaves the old file, not half a file.
    fs.renameSync(tmp, file);
  } catch (err) {
    // Losing the window size is harmless; it must not stop the app from closing.
    console.warn('[议事厅] 无法保存窗口位置:', (err as Error).message);
  }
}

async function createMainWindow(): Promise<void> {
  for (const required of [indexFile, preloadFile]) {
    if (!fs.existsSync(required)) {
      throw new Error(`找不到程序文件 ${required}。开发环境请先运行 “npm start”（会自动构建）；安装版请重新安装议事厅。`);
    }
  }
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const state = fitToDisplays(parseWindowState(readTextOrNull(stateFile)), workAreas);

  const win = new BrowserWindow({
    title: APP_TITLE,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#f5f5f5',
    // Windows takes the icon from the .exe; Linux docks (UOS, Kylin) need it on the window.
    ...(process.platform === 'linux' ? { icon: linuxIconFile(appRoot, app.isPackaged, process.resourcesPath) } : {}),
    webPreferences: secureWebPreferences(),
  });
  mainWindow = win;
  if (state.maximized) win.maximize();

  // The window always reads 议事厅, whatever <title> a page sets.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(stateFile, win));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The projector is part of the main window's work: it goes with it, and the app can quit.
    if (projectorWindow && !projectorWindow.isDestroyed()) projectorWindow.close();
  });

  await win.loadURL(APP_INDEX_URL);
}

/** Every window of ours: the same preload, isolated, sandboxed, no Node. */
function secureWebPreferences(): Electron.WebPreferences {
  return {
    preload: preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** 投影模式 from the main window only: opens (or shows again) the projector of that meeting. */
function registerProjectorHandler(): void {
  ipcMain.handle(PROJECTOR_CHANNEL, (event, input: unknown): Envelope<null> => {
    if (!trustedWindow(event)) return FORBIDDEN;
    const meetingId = projectorMeetingId(input);
    if (meetingId === null) return { ok: false, error: { code: 'INVALID_INPUT', message: '要投影的会议编号无效' } };
    openProjectorWindow(meetingId);
    return { ok: true, value: null };
  });
}

/**
 * One projector window: on a second display it covers that screen; with one display it is a
 * normal window to drag to the projector. A second click brings it back (on the meeting asked
 * for) instead of opening another. The secretary keeps working in the main window.
 */
function openProjectorWindow(meetingId: number): void {
  const url = projectorUrl(APP_INDEX_URL, meetingId);
  const existing = projectorWindow;
  if (existing && !existing.isDestroyed()) {
    if (existing.webContents.getURL() !== url) void existing.loadURL(url);
    if (existing.isMinimized()) existing.restore();
    // On its own screen it only needs to be seen; in a window it comes to the front to be dragged.
    if (existing.isFullScreen()) existing.showInactive();
    else {
      existing.show();
      existing.focus();
    }
    return;
  }
  const main = mainWindow && !mainWindow.isDestroyed() ? mainWindow.getBounds() : null;
  const place = projectorPlacement(
    screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea })),
    main,
  );
  const win = new BrowserWindow({
    title: `${APP_TITLE} · 投影`,
    ...place.bounds,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#141414',
    ...(process.platform === 'linux' ? { icon: linuxIconFile(appRoot, app.isPackaged, process.resourcesPath) } : {}),
    webPreferences: secureWebPreferences(),
  });
  projectorWindow = win;
  // No menu bar on the wall; the keys and buttons of the page are enough.
  win.setMenu(null);
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    // Full screen after the window stands on its display: set at creation, some Linux window
    // managers would make it full screen on the primary display instead.
    // The focus stays in the main window, where the secretary works; a click on the projector gives it the keys.
    if (place.external) {
      win.setFullScreen(true);
      win.showInactive();
    } else win.show();
  });
  win.on('closed', () => {
    if (projectorWindow === win) projectorWindow = null;
  });
  void win.loadURL(url);
}

function focusMainWindow(): void {
  const win = mainWindow;
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

function openDataFolder(): void {
  void shell.openPath(app.getPath('userData')).then((error) => {
    if (error) dialog.showErrorBox('无法打开数据文件夹', `${app.getPath('userData')}：${error}`);
  });
}

function showAbout(): void {
  const options: MessageBoxOptions = {
    type: 'info',
    title: '关于议事厅',
    message: `议事厅 ${appVersion}`,
    detail:
      '街乡议事厅会议、表决、村规民约与会议记录的离线桌面应用。\n' +
      `数据只保存在本机：${path.join(app.getPath('userData'), 'council-hall.sqlite')}\n` +
      `Electron ${process.versions.electron}`,
    buttons: ['确定'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function buildMenu(): Menu {
  const developer: MenuItemConstructorOptions[] = app.isPackaged ? [] : [{ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ label: '打开数据文件夹', click: openDataFolder }, { type: 'separator' }, { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { type: 'separator' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        ...developer,
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于议事厅', click: showAbout }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
