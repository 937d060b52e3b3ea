import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import type { ParsedInput } from '../core/contract';
import {
  ATTACHMENTS_DIR,
  attachmentEntries,
  attachmentName,
  isStoredAttachment,
  type AttachmentEntry,
  type AttachmentTarget,
} from '../core/contract/attachments';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { assertNotFinalized, findMeeting } from './meetings';
import { agendaItems, notices, topics } from './schema';
import { findTopic } from './topic-events';

/** The attachments folder of a database: beside the file, in the data folder. */
export function attachmentsFolder(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), ATTACHMENTS_DIR);
}

/**
 * The absolute file of a stored attachment path, or null when the path is not one the app
 * wrote (typed locations, "..", anything outside the attachments folder).
 */
export function resolveStoredAttachment(databaseFile: string, stored: string): string | null {
  if (!isStoredAttachment(stored)) return null;
  const folder = attachmentsFolder(databaseFile);
  const file = path.resolve(path.dirname(folder), ...stored.split('/'));
  if (!file.startsWith(folder + path.sep)) return null;
  return file;
}

/**
 * The stored attachment as a regular file really inside the attachments folder (no link leading
 * out of it), or null: what 打开 and the browser's download may hand over.
 */
export function existingStoredAttachment(databaseFile: string, stored: string): string | null {
  const file = resolveStoredAttachment(databaseFile, stored);
  if (!file) return null;
  try {
    const real = fs.realpathSync(file);
    const folder = fs.realpathSync(attachmentsFolder(databaseFile));
    return real.startsWith(folder + path.sep) && fs.lstatSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** A file name safe on Windows and Linux: no folders, no reserved characters, at most 80 characters, extension kept. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (!clean) clean = '附件';
  const chars = Array.from(clean);
  if (chars.length > 80) {
    const ext = path.extname(clean);
    const keep = Array.from(ext).length <= 10 ? ext : '';
    clean = chars.slice(0, 80 - Array.from(keep).length).join('') + keep;
  }
  return clean;
}

function readPaths(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

interface Holder {
  paths: string[];
  save(tx: Tx, paths: string[]): void;
  entity: 'topic' | 'agendaItem' | 'notice';
  /** Only photos (JPEG, PNG, GIF, WebP) may be added: a 公示's photos are shown as pictures. */
  photosOnly?: boolean;
}

/** True when the bytes are a JPEG, PNG, GIF or WebP picture, whatever the file is called. */
function isPhoto(bytes: Buffer): boolean {
  const hex = bytes.subarray(0, 4).toString('hex');
  return (
    hex.startsWith('ffd8ff') ||
    hex === '89504e47' ||
    bytes.subarray(0, 4).toString('latin1') === 'GIF8' ||
    (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
  );
}

/**
 * A 公示's photos. Photos of the posting may be added at any time (taken on the day, uploaded
 * later, even after it came down); photos of the taking-down only once 撤下 is registered.
 * Every change is audited on the notice.
 */
function noticeHolder(db: Db, target: Extract<AttachmentTarget, { kind: 'noticePosted' | 'noticeTakenDown' }>, what: string): Holder {
  const n = db.orm.select().from(notices).where(eq(notices.id, target.id)).get();
  if (!n) throw new ApiError('NOT_FOUND', `找不到编号为 ${target.id} 的公示，请刷新后重试`);
  const posted = target.kind === 'noticePosted';
  if (!posted && !n.takenDownOn && what === '添加附件') {
    throw new ApiError('FORBIDDEN', `公示“${n.title}”还没有登记撤下：请先点“撤下”登记撤下日期，再上传撤下照片`);
  }
  return {
    photosOnly: true,
    paths: readPaths(posted ? n.postedPhotos : n.takenDownPhotos),
    entity: 'notice',
    save: (tx, paths) =>
      tx.orm
        .update(notices)
        .set({ [posted ? 'postedPhotos' : 'takenDownPhotos']: JSON.stringify(paths), updatedAt: tx.clock.instant })
        .where(eq(notices.id, target.id))
        .run(),
  };
}

function holder(db: Db, target: AttachmentTarget, what: string): Holder {
  if (target.kind === 'noticePosted' || target.kind === 'noticeTakenDown') return noticeHolder(db, target, what);
  if (target.kind === 'topic') {
    const t = findTopic(db, target.id);
    return {
      paths: readPaths(t.attachments),
      entity: 'topic',
      save: (tx, paths) =>
        tx.orm
          .update(topics)
          .set({ attachments: JSON.stringify(paths), updatedAt: tx.clock.instant })
          .where(eq(topics.id, target.id))
          .run(),
    };
  }
  const item = db.orm.select().from(agendaItems).where(eq(agendaItems.id, target.id)).get();
  if (!item) throw new ApiError('NOT_FOUND', `找不到编号为 ${target.id} 的议程事项，可能已被删除，请刷新后重试`);
  assertNotFinalized(findMeeting(db, item.meetingId), what);
  return {
    paths: readPaths(item.attachments),
    entity: 'agendaItem',
    save: (tx, paths) =>
      tx.orm
        .update(agendaItems)
        .set({ attachments: JSON.stringify(paths), updatedAt: tx.clock.instant })
        .where(eq(agendaItems.id, target.id))
        .run(),
  };
}

/** Writes bytes under a temporary name, then renames: a crash leaves no half file under the real name. */
function writeFileAtomically(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Copies the file into <data folder>/attachments/<year>/<first 16 hex of sha256>-<name> and
 * names it in the record. The same bytes under the same name are stored once. The file is
 * written before the transaction commits; if the write is refused the file stays unreferenced,
 * which loses nothing.
 */
export function addAttachment(
  tx: Tx,
  input: ParsedInput<'attachments.add'>,
): { added: AttachmentEntry; sha256: string; size: number; attachments: AttachmentEntry[] } {
  const h = holder(tx, input.target, '添加附件');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw new ApiError('INVALID_INPUT', '这个文件是空的（0 字节），请选择其他文件');
  if (h.photosOnly && (!isPhoto(bytes) || !/\.(jpe?g|png|gif|webp)$/i.test(input.fileName))) {
    throw new ApiError('INVALID_INPUT', `“${input.fileName}”不是照片：这里只能上传 JPG、PNG、GIF 或 WebP 格式的照片，请选择手机或相机拍的照片`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = `${ATTACHMENTS_DIR}/${tx.clock.today.slice(0, 4)}/${sha256.slice(0, 16)}-${safeFileName(input.fileName)}`;
  const same = h.paths.find((p) => isStoredAttachment(p) && p.slice(p.lastIndexOf('/') + 1).startsWith(`${sha256.slice(0, 16)}-`));
  if (same) throw new ApiError('CONFLICT', `这个文件已经作为附件“${attachmentName(same)}”添加过了，不用重复添加`);
  if (h.paths.length >= 50) throw new ApiError('FORBIDDEN', '附件最多 50 个，请先移除不需要的附件');
  const file = resolveStoredAttachment(tx.file, stored);
  if (!file) throw new ApiError('INVALID_INPUT', '文件名无效，请把文件改名后重新添加');
  const existing = fs.existsSync(file) ? fs.readFileSync(file) : null;
  if (!existing || createHash('sha256').update(existing).digest('hex') !== sha256) {
    try {
      writeFileAtomically(file, bytes);
    } catch (err) {
      throw new ApiError(
        'FILE_UNREADABLE',
        `无法把附件保存到数据文件夹（${(err as NodeJS.ErrnoException).code ?? '写入失败'}）。请检查磁盘空间和文件夹权限后重试`,
      );
    }
  }
  const paths = [...h.paths, stored];
  h.save(tx, paths);
  appendAudit(tx, {
    action: 'attachments.add',
    entity: h.entity,
    entityId: input.target.id,
    after: { path: stored, sha256, size: bytes.length, fileName: input.fileName, ...(h.entity === 'notice' ? { role: input.target.kind } : {}) },
  });
  const entries = attachmentEntries(paths);
  return { added: entries[entries.length - 1]!, sha256, size: bytes.length, attachments: entries };
}

/** Takes a path out of the record; the file itself stays (older audit rows and backups name it). */
export function removeAttachment(tx: Tx, input: ParsedInput<'attachments.remove'>): { attachments: AttachmentEntry[] } {
  const h = holder(tx, input.target, '移除附件');
  if (!h.paths.includes(input.path)) throw new ApiError('NOT_FOUND', `这条记录没有附件“${attachmentName(input.path)}”，请刷新后重试`);
  const paths = h.paths.filter((p) => p !== input.path);
  h.save(tx, paths);
  appendAudit(tx, {
    action: 'attachments.remove',
    entity: h.entity,
    entityId: input.target.id,
    before: { path: input.path, ...(h.entity === 'notice' ? { role: input.target.kind } : {}) },
  });
  return { attachments: attachmentEntries(paths) };
}

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.txt': 'text/plain',
};

/** The bytes of a stored attachment, for the browser preview's download. */
export function readAttachment(db: Db, stored: string) {
  if (!resolveStoredAttachment(db.file, stored)) throw new ApiError('FORBIDDEN', '这是手工填写的文件位置（外部文件，未复制到议事厅），请到原来的位置打开它');
  const file = existingStoredAttachment(db.file, stored);
  let bytes: Buffer;
  try {
    if (!file) throw new Error('missing');
    bytes = fs.readFileSync(file);
  } catch {
    throw new ApiError('NOT_FOUND', `找不到附件“${attachmentName(stored)}”的文件，它可能被移动或删除了；请从备份或数据迁移包恢复`);
  }
  return {
    fileName: attachmentName(stored),
    mimeType: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  };
}
