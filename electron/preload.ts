import { contextBridge, ipcRenderer } from 'electron';
import { isCallName } from '../core/contract';
import type { Envelope } from '../core/contract';
import { ATTACHMENT_CHANNEL, BRIDGE_KEY, IPC_CHANNEL, MOVE_CHANNEL, PROJECTOR_CHANNEL, SAVED_FILE_CHANNEL, SHOW_HOME_CHANNEL } from '../core/contract/bridge';
import type { CouncilHallBridge } from '../core/contract/bridge';

/**
 * The page gets a few narrow functions and nothing of Node or of ipcRenderer. Names are checked here
 * against the contract so a compromised or buggy page cannot even reach the main process with
 * an invented channel; the main process checks again (sender frame, name, input) regardless.
 *
 * The promises never reject: like every other failure, an unknown name or a value that cannot
 * cross the process boundary comes back as `{ ok: false, error }`, which the renderer's client
 * already knows how to show.
 */

function notDelivered(err: unknown): Envelope<never> {
  // Mostly structured clone refusing functions or DOM nodes in the input before sending.
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `无法把请求交给程序处理（${(err as Error).message}）。请刷新页面后重试。` },
  };
}

/** One channel for both file actions; the main process opens only files it saved this session. */
async function savedFile(action: 'open' | 'folder', path: unknown): Promise<Envelope<null>> {
  if (typeof path !== 'string') return { ok: false, error: { code: 'INVALID_INPUT', message: '文件位置无效' } };
  try {
    return (await ipcRenderer.invoke(SAVED_FILE_CHANNEL, { action, path })) as Envelope<null>;
  } catch (err) {
    return notDelivered(err);
  }
}

/** Attachments and the migration package: the main process shows the dialogs and checks every input. */
async function viaChannel<T>(channel: string, input: unknown): Promise<Envelope<T>> {
  try {
    return (await ipcRenderer.invoke(channel, input)) as Envelope<T>;
  } catch (err) {
    return notDelivered(err);
  }
}

const bridge = {
  async invoke(name: string, input: unknown): Promise<Envelope<unknown>> {
    if (!isCallName(name)) {
      const message = typeof name === 'string' ? `没有名为“${name.slice(0, 80)}”的操作` : '操作名称无效';
      return { ok: false, error: { code: 'UNKNOWN_CALL', message } };
    }
    try {
      return (await ipcRenderer.invoke(IPC_CHANNEL, name, input)) as Envelope<unknown>;
    } catch (err) {
      return notDelivered(err);
    }
  },
  openSavedFile: (path: string) => savedFile('open', path),
  showSavedFile: (path: string) => savedFile('folder', path),
  pickAttachment: (target: unknown) => viaChannel<unknown>(ATTACHMENT_CHANNEL, { action: 'pick', target }),
  openAttachment: (path: string) => viaChannel<null>(ATTACHMENT_CHANNEL, { action: 'open', path }),
  movePackage: (action: 'export' | 'import') => viaChannel<unknown>(MOVE_CHANNEL, { action }),
  openProjector: (meetingId: number) => viaChannel<null>(PROJECTOR_CHANNEL, meetingId),
  onShowHome(listener: () => void) {
    if (typeof listener !== 'function') return () => {};
    // Only the main process sends on this channel; whatever arrives with it is ignored, and the
    // page's function is called with nothing (the ipc event never reaches the page).
    const handler = () => listener();
    ipcRenderer.on(SHOW_HOME_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(SHOW_HOME_CHANNEL, handler);
    };
  },
} satisfies CouncilHallBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
