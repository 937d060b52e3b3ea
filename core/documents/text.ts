// Text helpers the Word files and the in-app preview share: no I/O, no docx.

/** Characters XML 1.0 cannot hold; a pasted speech may carry them. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function clean(text: string): string {
  return text.replace(INVALID_XML, '').replace(/\t/g, ' ');
}

/** Splits stored text into its paragraphs, dropping blank lines. */
export function lines(text: string | null | undefined): string[] {
  if (!text) return [];
  return clean(text)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Ends a sentence with 。 unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；：，、.!?;:][”’」』"']?$/.test(t) ? t : `${t}。`;
}

/** 09:05 → 9:05, as GB/T 9704 writes numbers without leading zeros. */
export function clock(time: string | null | undefined): string | null {
  if (!time) return null;
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  return m ? `${Number(m[1])}:${m[2]}` : time;
}

/**
 * A share as a percentage with one decimal, in integer arithmetic (round half up): 31 of 45 →
 * "68.9%". Null when there is nothing to divide by.
 */
export function percent(part: number, whole: number): string | null {
  if (!(whole > 0)) return null;
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** Width of text in body characters: CJK characters are one, ASCII ones half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** Days from one ISO date to another, both counted (1 June to 15 June is 15 days). */
export function inclusiveDays(from: string, to: string): number {
  const day = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  return day(to) - day(from) + 1;
}

/** 星期三 for an ISO date, computed from the date alone (no clock, no time zone). */
export function weekday(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `星期${'日一二三四五六'[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()]}`;
}

/** Underscores to sign on by hand. */
export const fillIn = (chars: number) => '＿'.repeat(chars);
