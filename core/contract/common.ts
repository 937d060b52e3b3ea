import { z } from 'zod';
import { cleanText, hasInvisibleFormat, hasLoneSurrogate, INVISIBLE_IN_NAME_MESSAGE, LONE_SURROGATE_MESSAGE, nfc } from './clean-text';

// Chinese default messages for every schema, so even an unexpected wrong type reads in Chinese.
z.config(z.locales.zhCN());

// Tabs and newlines are fine in long text; other C0 controls and DEL come only from broken
// files or pasted garbage and would print as boxes in Word.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_CHARS_WITH_NEWLINES = /[\u0000-\u001F\u007F]/;

/**
 * Every accepted text: a string without half characters (lone surrogates), NFC-normalized. Names
 * refuse bidi controls and zero-width characters; other text has them stripped (clean-text.ts).
 */
function text(label: string, kind: 'name' | 'text') {
  const base = z.string({ error: `${label}应为文字` }).refine((s) => !hasLoneSurrogate(s), { error: `${label}${LONE_SURROGATE_MESSAGE}`, abort: true });
  return kind === 'name'
    ? base.refine((s) => !hasInvisibleFormat(s), { error: `${label}${INVISIBLE_IN_NAME_MESSAGE}`, abort: true }).overwrite(nfc)
    : base.overwrite(cleanText);
}

function singleLine(label: string, max: number, kind: 'name' | 'text') {
  return text(label, kind)
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((s) => !CONTROL_CHARS_WITH_NEWLINES.test(s), {
      error: `${label}含有不可见的控制字符，请删除后重新输入`,
    });
}

/** A single-line text field with a Chinese label used in every message. */
export function line(label: string, max: number) {
  return singleLine(label, max, 'text');
}

export function requiredLine(label: string, max: number) {
  return line(label, max).refine((s) => s.length > 0, { error: `请填写${label}` });
}

/** A person's, user's or organization's name: invisible format characters are refused, not stripped. */
export function nameLine(label: string, max: number) {
  return singleLine(label, max, 'name');
}

export function requiredName(label: string, max: number) {
  return nameLine(label, max).refine((s) => s.length > 0, { error: `请填写${label}` });
}

/** Multi-line text (notes, minutes): newlines and tabs allowed. */
export function paragraph(label: string, max: number) {
  return text(label, 'text')
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((s) => !CONTROL_CHARS.test(s), {
      error: `${label}含有不可见的控制字符，请删除后重新输入`,
    });
}

export function id(label: string) {
  return z
    .number({ error: `${label}编号应为数字` })
    .int({ error: `${label}编号应为整数` })
    .positive({ error: `${label}编号无效` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label}编号无效` });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (no 2月30日). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function isoDate(label: string) {
  return z.string({ error: `${label}应为日期` }).refine(isRealIsoDate, { error: `${label}不是有效日期，请按“2026-01-05”的格式填写` });
}

export const genderSchema = z.enum(['男', '女'], { error: '性别只能是“男”或“女”' });
export type Gender = z.infer<typeof genderSchema>;

/** Bytes crossing the boundary as base64 (IPC and JSON both carry strings well). */
export const base64Schema = (label: string, maxBytes: number) =>
  z
    .string({ error: `${label}应为文件内容` })
    .max(Math.ceil((maxBytes * 4) / 3) + 4, {
      error: `${label}太大，不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`,
    })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: `${label}内容已损坏，请重新选择文件` });

/**
 * The kinds of file the app produces. The desktop app remembers, per kind, the folder the last
 * one was saved in, so the save dialog for the next 签到表 opens where the last 签到表 went.
 */
export const fileKinds = [
  '会议记录',
  '会议纪要',
  '签到表',
  '选票',
  '会议通知',
  '决议公示',
  '规约文本',
  '修订对照稿',
  '意见采纳情况表',
  '备案报告',
  '实施结果公示',
  '四议两公开登记表',
  '公示',
  '人员名册',
  '台账',
  '办理结果告知单',
  '公示张贴版',
] as const;
export type FileKind = (typeof fileKinds)[number];

/** A file a handler produces: the client saves (Electron: save dialog) or downloads it. */
export const fileOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  /** What kind of document this is (for the save dialog's remembered folder). */
  kind: z.enum(fileKinds).optional(),
  /** Set by the Electron shell once the user picked a place and the file was written. */
  savedTo: z.string().optional(),
  /** A finalized record's file checked against the sha256 kept at finalization: what to tell the user. */
  check: z.object({ ok: z.boolean(), message: z.string() }).optional(),
});
export type FileOutput = z.infer<typeof fileOutput>;

/** An instant with its offset (2026-11-25T09:30:00+08:00 or …Z); stored normalized to UTC. */
export function isoDateTime(label: string) {
  return z.iso.datetime({ offset: true, error: `${label}不是有效的时间，请按“2026-01-05T09:30:00+08:00”的格式填写` });
}

/** YYYY-MM, for month filters. */
export function isoMonth(label: string) {
  return z.string({ error: `${label}应为月份` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label}请按“2026-01”的格式填写` });
}
