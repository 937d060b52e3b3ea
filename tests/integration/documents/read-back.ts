// Assertions on what a reader gets back from our documents, shared by the document tests.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { expect } from 'vitest';
import { pageToPng, pdfInfo } from './docx-tools';

/** The text Word would show with every tracked change accepted, as mammoth reads it. */
export const textOf = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;

/** pdftotext and mammoth break lines and cells; compare without white space. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** Asserts the parts appear in this order and returns their positions. */
export function expectInOrder(text: string, parts: string[]): number[] {
  const at: number[] = [];
  let from = 0;
  for (const p of parts) {
    const i = text.indexOf(p, from);
    expect(i, `“${p}” after position ${from}`).toBeGreaterThanOrEqual(0);
    at.push(i);
    from = i + p.length;
  }
  return at;
}

/** Every rendered PDF is A4 and has between min and max pages. */
export function expectA4Pages(pdf: (name: string) => string, expected: Record<string, [number, number]>): void {
  for (const [name, [min, max]] of Object.entries(expected)) {
    const info = pdfInfo(pdf(name));
    expect(info.width, name).toBeCloseTo(595.3, 0);
    expect(info.height, name).toBeCloseTo(841.9, 0);
    expect(info.pages, name).toBeGreaterThanOrEqual(min);
    expect(info.pages, name).toBeLessThanOrEqual(max);
  }
}

/** With RENDER_DOC_SAMPLES=1, page 1 of each named PDF becomes docs/<name>.png for the README. */
export function writeDocSamples(pdf: (name: string) => string, names: string[]): void {
  if (process.env.RENDER_DOC_SAMPLES !== '1') return;
  const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
  mkdirSync(docs, { recursive: true });
  for (const name of names) pageToPng(pdf(name), `${docs}${name}.png`);
}
