import { z } from 'zod';
import { base64Schema, fileOutput, id, requiredLine } from './common';
import { defineRead, defineWrite } from './define';

/** The largest file one attachment may be (a phone photo or a scanned sign-in sheet fits easily). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Where new attachments live, relative to the data folder: attachments/2026/<hash>-照片.jpg. */
export const ATTACHMENTS_DIR = 'attachments';

/**
 * A record that holds attachments: an agenda item (议程中的议题), a topic (议题征集), or a 公示's
 * photos — of it on the board (noticePosted) and of the board once it came down (noticeTakenDown).
 */
export const attachmentTarget = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('topic'), id: id('议题') }).strict(),
    z.object({ kind: z.literal('agendaItem'), id: id('议程事项') }).strict(),
    z.object({ kind: z.literal('noticePosted'), id: id('公示') }).strict(),
    z.object({ kind: z.literal('noticeTakenDown'), id: id('公示') }).strict(),
  ],
  { error: '附件所属的记录类别不对，请刷新后重试' },
);
export type AttachmentTarget = z.infer<typeof attachmentTarget>;

/** A stored path as kept in a record: "attachments/2026/…" for copied files; anything else was typed by hand. */
const storedPath = requiredLine('附件位置', 500);

export const attachmentEntry = z.object({
  /** As kept in the record. */
  path: z.string(),
  /** The name to show: the original file name for copied files, the typed text otherwise. */
  name: z.string(),
  /** True for a file copied into the data folder; false for an old typed location (外部文件（未复制）). */
  stored: z.boolean(),
});
export type AttachmentEntry = z.infer<typeof attachmentEntry>;

/** True for a path the app copied into its attachments folder. */
export function isStoredAttachment(p: string): boolean {
  return /^attachments\/\d{4}\/[0-9a-f]{16}-[^/\\]+$/.test(p);
}

/** The original file name of a stored attachment, or the typed text of an external one. */
export function attachmentName(p: string): string {
  if (!isStoredAttachment(p)) return p;
  return p.slice(p.lastIndexOf('/') + 1).replace(/^[0-9a-f]{16}-/, '');
}

export function attachmentEntries(paths: string[]): AttachmentEntry[] {
  return paths.map((p) => ({ path: p, name: attachmentName(p), stored: isStoredAttachment(p) }));
}

export const attachmentCalls = {
  'attachments.add': defineWrite({
    summary: '添加附件',
    input: z
      .object({
        target: attachmentTarget,
        fileName: requiredLine('文件名', 200),
        base64: base64Schema('附件', MAX_ATTACHMENT_BYTES),
      })
      .strict(),
    output: z.object({ added: attachmentEntry, sha256: z.string(), size: z.number(), attachments: z.array(attachmentEntry) }),
  }),
  'attachments.remove': defineWrite({
    summary: '移除附件',
    input: z.object({ target: attachmentTarget, path: storedPath }).strict(),
    output: z.object({ attachments: z.array(attachmentEntry) }),
  }),
  'attachments.get': defineRead({
    summary: '取出附件',
    input: z.object({ path: storedPath }).strict(),
    output: fileOutput.extend({ sha256: z.string(), size: z.number() }),
  }),
};
