import { WEB_MOVE_EXPORT, WEB_MOVE_IMPORT, type MoveExportOutcome, type MoveImportOutcome } from '../../../../core/contract/bridge';
import type { Envelope } from '../../../../core/contract/index';
import { ApiCallError, CONNECTION_LOST_MESSAGE, desktopBridge, webHostToken } from '../../api/client';
import { TOKEN_HEADER } from '../../../../core/contract/bridge';

export type ExportResult = { kind: 'saved'; outcome: MoveExportOutcome } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

function unwrap<T>(envelope: Envelope<T> | undefined): T {
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiCallError('INTERNAL', '议事厅服务返回了看不懂的结果，请关闭后重新打开软件');
  }
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

/** True in the desktop app (dialogs in the main process); false in the browser preview (download and upload). */
export function desktopMove(): boolean {
  return typeof desktopBridge()?.movePackage === 'function';
}

async function desktop(action: 'export' | 'import'): Promise<unknown> {
  try {
    return unwrap(await desktopBridge()!.movePackage!(action));
  } catch (e) {
    if (e instanceof ApiCallError) throw e;
    throw new ApiCallError('NETWORK', CONNECTION_LOST_MESSAGE);
  }
}

async function post(route: string, body?: Blob): Promise<Response> {
  try {
    return await fetch(route, { method: 'POST', headers: { [TOKEN_HEADER]: webHostToken() }, ...(body ? { body } : {}) });
  } catch {
    throw new ApiCallError('NETWORK', CONNECTION_LOST_MESSAGE);
  }
}

function fileNameOf(response: Response): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '');
  return m ? decodeURIComponent(m[1]!) : '议事厅数据迁移包.chmove';
}

/** 导出迁移包: a save dialog on the desktop; a download in the browser preview. */
export async function exportMovePackage(): Promise<ExportResult> {
  if (desktopMove()) {
    const outcome = (await desktop('export')) as MoveExportOutcome | null;
    return outcome ? { kind: 'saved', outcome } : { kind: 'cancelled' };
  }
  const response = await post(WEB_MOVE_EXPORT);
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
    unwrap((await response.json()) as Envelope<unknown>);
    throw new ApiCallError('INTERNAL', '导出没有完成，请重试');
  }
  const blob = await response.blob();
  const fileName = fileNameOf(response);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { kind: 'downloaded', fileName };
}

/** 导入迁移包 on the desktop: the open dialog, then verify, replace and reopen; null when cancelled. */
export async function importOnDesktop(): Promise<MoveImportOutcome | null> {
  return (await desktop('import')) as MoveImportOutcome | null;
}

/** 导入迁移包 in the browser preview: the chosen file is uploaded, verified, and the host reopens on it. */
export async function importUpload(file: File): Promise<MoveImportOutcome> {
  const response = await post(WEB_MOVE_IMPORT, file);
  let envelope: Envelope<MoveImportOutcome>;
  try {
    envelope = (await response.json()) as Envelope<MoveImportOutcome>;
  } catch {
    throw new ApiCallError('NETWORK', `议事厅服务没有正常回应（${response.status}），请重试`);
  }
  return unwrap(envelope);
}
