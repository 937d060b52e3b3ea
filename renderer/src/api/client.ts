import { isWriteCall, type CallInput, type CallName, type CallOutput, type Envelope, type ErrorCode } from '../../../core/contract/index';
import { BRIDGE_KEY, TOKEN_HEADER, TOKEN_META, type CouncilHallBridge } from '../../../core/contract/bridge';
import type { FileOutput } from '../../../core/contract/common';

export const CONNECTION_LOST_MESSAGE = '无法连接议事厅服务，请关闭后重新打开软件';

/** A failed call: `code` is stable for the program, `message` is Chinese for the user. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

function bridge(): CouncilHallBridge | undefined {
  return (window as unknown as Record<string, CouncilHallBridge | undefined>)[BRIDGE_KEY];
}

function webToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
}

async function viaHttp(name: CallName, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: webToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiCallError('NETWORK', CONNECTION_LOST_MESSAGE);
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    throw new ApiCallError('NETWORK', `议事厅服务没有正常回应（${response.status}），请关闭后重新打开软件`);
  }
}

type WriteListener = (name: CallName) => void;
const writeListeners = new Set<WriteListener>();

/**
 * Tells `listener` after every write call that succeeded, whoever made it (the query cache
 * marks everything it holds as out of date). Returns the way to stop listening.
 */
export function onWrite(listener: WriteListener): () => void {
  writeListeners.add(listener);
  return () => {
    writeListeners.delete(listener);
  };
}

/** Tells the write listeners about a write made outside `call` (the desktop file picker's attachments.add). */
export function announceWrite(name: CallName): void {
  for (const listener of writeListeners) listener(name);
}

/** The desktop bridge, for the few file actions that go through the main process's dialogs. */
export function desktopBridge(): CouncilHallBridge | undefined {
  return bridge();
}

/** The browser preview's per-run token, for its few non-API routes (迁移包). */
export function webHostToken(): string {
  return webToken();
}

/** Calls the main process (Electron) or the web host (browser preview) by the contract. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let envelope: Envelope<unknown>;
  const desktop = bridge();
  if (desktop) {
    try {
      envelope = await desktop.invoke(name, input);
    } catch {
      throw new ApiCallError('NETWORK', CONNECTION_LOST_MESSAGE);
    }
  } else {
    envelope = await viaHttp(name, input);
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiCallError('INTERNAL', '议事厅服务返回了看不懂的结果，请关闭后重新打开软件');
  }
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  if (isWriteCall(name)) for (const listener of writeListeners) listener(name);
  return envelope.value as CallOutput<N>;
}

/** The Chinese sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return '出了点问题，操作没有完成。请再试一次；如果仍不行，请关闭后重新打开软件';
}

export type SaveResult = { status: 'saved'; path: string } | { status: 'downloaded'; fileName: string } | { status: 'cancelled' };

/**
 * Finishes a file a call produced. In Electron the main process already asked where to save
 * (savedTo: the path, or '' when the user cancelled); in the browser the bytes download.
 */
export function saveFile(output: FileOutput): SaveResult {
  if (output.savedTo !== undefined) {
    return output.savedTo ? { status: 'saved', path: output.savedTo } : { status: 'cancelled' };
  }
  const binary = atob(output.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: output.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = output.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 'downloaded', fileName: output.fileName };
}

/** True in the desktop app, where a saved file can be opened or shown in its folder. */
export function canOpenSavedFiles(): boolean {
  const desktop = bridge();
  return typeof desktop?.openSavedFile === 'function' && typeof desktop.showSavedFile === 'function';
}

async function viaSavedFileBridge(action: 'openSavedFile' | 'showSavedFile', path: string): Promise<void> {
  const desktop = bridge();
  if (!desktop || typeof desktop[action] !== 'function')
    throw new ApiCallError('FORBIDDEN', '浏览器预览里不能打开电脑上的文件，请到浏览器的“下载”文件夹里找到它');
  let envelope: Envelope<null>;
  try {
    envelope = await desktop[action](path);
  } catch {
    throw new ApiCallError('NETWORK', CONNECTION_LOST_MESSAGE);
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiCallError('INTERNAL', '议事厅服务返回了看不懂的结果，请关闭后重新打开软件');
  }
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
}

/** Opens a file this session saved with the system's program for it (WPS, Word, Excel). */
export function openSavedFile(path: string): Promise<void> {
  return viaSavedFileBridge('openSavedFile', path);
}

/** Shows a file this session saved in the system's file manager, selected where possible. */
export function showSavedFile(path: string): Promise<void> {
  return viaSavedFileBridge('showSavedFile', path);
}
