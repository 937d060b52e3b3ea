import type { AttachmentTarget } from '../../../core/contract/attachments';
import type { CallOutput, Envelope } from '../../../core/contract/index';
import { announceWrite, ApiCallError, call, CONNECTION_LOST_MESSAGE, desktopBridge, saveFile } from '../api/client';

function unwrap<T>(envelope: Envelope<T> | undefined): T {
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiCallError('INTERNAL', '议事厅服务返回了看不懂的结果，请关闭后重新打开软件');
  }
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

/** True in the desktop app: 添加附件 opens the system's file picker and 打开 the system's program. */
export function desktopFiles(): boolean {
  const b = desktopBridge();
  return typeof b?.pickAttachment === 'function' && typeof b.openAttachment === 'function';
}

type Added = CallOutput<'attachments.add'>;

/** Desktop: the main process's file picker; the record's new list, or null when the user cancelled. */
export async function pickAttachmentOnDesktop(target: AttachmentTarget): Promise<string[] | null> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await desktopBridge()!.pickAttachment!(target);
  } catch {
    throw new ApiCallError('NETWORK', CONNECTION_LOST_MESSAGE);
  }
  const value = unwrap(envelope) as Added | null;
  if (value === null) return null;
  announceWrite('attachments.add');
  return value.attachments.map((a) => a.path);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Browser preview: the chosen file's bytes go up through the contract call. */
export async function uploadAttachment(target: AttachmentTarget, file: File): Promise<string[]> {
  if (file.size > 20 * 1024 * 1024) {
    throw new ApiCallError('INVALID_INPUT', `文件太大（${(file.size / 1024 / 1024).toFixed(1)} MB），附件不能超过 20 MB；请压缩照片或分页扫描后再添加`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const r = await call('attachments.add', { target, fileName: file.name, base64: toBase64(bytes) });
  return r.attachments.map((a) => a.path);
}

/** 打开: the system's program on the desktop; a download in the browser preview. */
export async function openAttachment(path: string): Promise<void> {
  const b = desktopBridge();
  if (b?.openAttachment) {
    let envelope: Envelope<null>;
    try {
      envelope = await b.openAttachment(path);
    } catch {
      throw new ApiCallError('NETWORK', CONNECTION_LOST_MESSAGE);
    }
    unwrap(envelope);
    return;
  }
  const file = await call('attachments.get', { path });
  saveFile({ fileName: file.fileName, mimeType: file.mimeType, base64: file.base64 });
}
