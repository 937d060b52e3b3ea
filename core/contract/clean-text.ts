/**
 * What every text the app accepts goes through (issue 14 item 7). Text arrives from typing,
 * pasting out of WeChat or a web page, and roster files; the same name must be stored the same
 * way every time, and nothing invisible may change how a name reads or sorts.
 *
 * - NFC: a character typed precomposed and one pasted as base + combining mark become the same.
 * - Lone surrogates (half of a character, left by a broken copy or file) are refused.
 * - Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) can make a name read
 *   differently from what is stored; zero-width characters (U+200B–U+200D, U+2060, U+FEFF)
 *   make two identical-looking names differ. Refused in names, stripped from other text.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE_FORMAT = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_FORMAT_ALL = new RegExp(INVISIBLE_FORMAT.source, 'g');

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** Bidi controls or zero-width characters: refused in names. */
export function hasInvisibleFormat(s: string): boolean {
  return INVISIBLE_FORMAT.test(s);
}

/** NFC with bidi controls and zero-width characters removed. */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE_FORMAT_ALL, '').normalize('NFC');
}

/** NFC only (names: invisible characters are refused, not silently removed). */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

export const LONE_SURROGATE_MESSAGE = '含有无法识别的字符（可能是复制或导入时损坏的半个字），请删除后重新输入';
export const INVISIBLE_IN_NAME_MESSAGE = '含有看不见的格式字符（零宽字符或文字方向控制符，常随复制粘贴带入），请删除后重新输入';
