/**
 * Reading dates and times as people type them. One parser for every date field of the app:
 * 2026-11-05, 2026-11-5, 2026/11/5, 2026.11.5, 20261105, 2026年11月5日 (also 5号), with
 * full-width digits and punctuation (２０２６－１１－０５) read as their ASCII twins; times as
 * 09:30, 9:30, 9：30, 0930, 9点30, 9点半, 下午3点. What comes out is what the contract stores:
 * 'YYYY-MM-DD' and 'HH:mm'. Pure: no clock, no time zone.
 */
import { daysInMonth } from './contract/common';

/** What a date field holds after reading its text. */
export type DateReading = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; text: string };
/** What a time field holds after reading its text. */
export type TimeReading = { kind: 'empty' } | { kind: 'time'; hhmm: string } | { kind: 'invalid'; text: string };

/** The years a date field accepts: birth dates of the oldest villagers up to far deadlines. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Full-width digits and punctuation → ASCII, ideographic space → space, trimmed. */
export function normalizeTyped(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[。．]/g, '.')
    .replace(/[—–－]/g, '-')
    .trim();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** True when y-m-d is a real calendar day within the accepted years. */
function realDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const DATE_PATTERNS: RegExp[] = [
  // 2026-11-05, 2026-11-5, 2026/11/5, 2026.11.5 (the same separator twice)
  /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/,
  // 20261105
  /^(\d{4})(\d{2})(\d{2})$/,
  // 2026年11月5日, 2026年11月5号, 2026年11月5
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
];

/** Reads typed text as a date. Blank text is `empty`, not invalid (the field decides if it is required). */
export function readDate(text: string | null | undefined): DateReading {
  const raw = text ?? '';
  const s = normalizeTyped(raw);
  if (s === '') return { kind: 'empty' };
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(s);
    if (!m) continue;
    const nums = m
      .slice(1)
      .filter((g) => /^\d+$/.test(g))
      .map(Number);
    const [y, mo, d] = nums as [number, number, number];
    if (realDay(y, mo, d)) return { kind: 'date', iso: `${y}-${pad2(mo)}-${pad2(d)}` };
    return { kind: 'invalid', text: raw.trim() };
  }
  return { kind: 'invalid', text: raw.trim() };
}

/** The ISO date in `text`, or null when it is blank or not understood. */
export function parseDate(text: string | null | undefined): string | null {
  const r = readDate(text);
  return r.kind === 'date' ? r.iso : null;
}

/** True for a real calendar day written exactly as the contract stores it: YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return realDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

/** True for a time of day written as the contract stores it: HH:mm, 00:00–23:59. */
export function isHhmm(value: unknown): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 星期四 for 2026-11-05. */
export function weekdayOf(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

/** "2026年11月5日 星期四": what a date field says it understood. */
export function dateUnderstood(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日 ${weekdayOf(iso)}`;
}

/** The message for a date that could not be read. */
export function dateProblem(text: string): string {
  return `无法识别日期“${text.trim()}”，请按 2026-11-05 的格式填写`;
}

/** Reads typed text as a time of day. */
export function readTime(text: string | null | undefined): TimeReading {
  const raw = text ?? '';
  let s = normalizeTyped(raw).replace(/\s+/g, '');
  if (s === '') return { kind: 'empty' };
  const invalid: TimeReading = { kind: 'invalid', text: raw.trim() };
  let half: '' | 'am' | 'pm' | 'noon' = '';
  const prefix = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上)/.exec(s);
  if (prefix) {
    half = prefix[1] === '中午' ? 'noon' : ['下午', '傍晚', '晚上'].includes(prefix[1]!) ? 'pm' : 'am';
    s = s.slice(prefix[1]!.length);
  }
  let h: number;
  let min: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[:.](\d{2})$/.exec(s))) {
    h = Number(m[1]);
    min = Number(m[2]);
  } else if ((m = /^(\d{3,4})$/.exec(s))) {
    h = Number(m[1]!.slice(0, -2));
    min = Number(m[1]!.slice(-2));
  } else if ((m = /^(\d{1,2})$/.exec(s)) && half) {
    h = Number(m[1]);
    min = 0;
  } else if ((m = /^(\d{1,2})[点时](?:(\d{1,2})分?|(半)|整)?$/.exec(s))) {
    h = Number(m[1]);
    min = m[3] ? 30 : m[2] ? Number(m[2]) : 0;
  } else return invalid;
  if (half === 'pm' && h >= 1 && h < 12) h += 12;
  if (half === 'noon' && h >= 1 && h < 11) h += 12;
  if (half === 'am' && h > 12) return invalid;
  if (h > 23 || min > 59) return invalid;
  return { kind: 'time', hhmm: `${pad2(h)}:${pad2(min)}` };
}

/** The HH:mm time in `text`, or null when it is blank or not understood. */
export function parseTime(text: string | null | undefined): string | null {
  const r = readTime(text);
  return r.kind === 'time' ? r.hhmm : null;
}

/** "上午9:30" / "下午2:05": what a time field says it understood. */
export function timeUnderstood(hhmm: string): string {
  const h = Number(hhmm.slice(0, 2));
  const part = h < 6 ? '凌晨' : h < 12 ? '上午' : h < 13 ? '中午' : h < 18 ? '下午' : '晚上';
  const shown = h > 12 ? h - 12 : h;
  return `${part}${shown}:${hhmm.slice(3, 5)}`;
}

/** The message for a time that could not be read. */
export function timeProblem(text: string): string {
  return `无法识别时间“${text.trim()}”，请按 09:30 的格式填写`;
}
