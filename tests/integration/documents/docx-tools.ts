// Readers no one here wrote: a zip read with node:zlib, LibreOffice for the layout, poppler for
// the PDF. Nothing in here looks at the builders' own objects.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip file, by name, decompressed. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('broken central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function xmlOf(buf: Buffer, path: string): string {
  const entry = unzip(buf).get(path);
  if (!entry) throw new Error(`${path} is not in the package`);
  return entry.toString('utf8');
}

/** Every footer part's XML, joined. */
export function footersXml(buf: Buffer): string[] {
  return [...unzip(buf)].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, data]) => data.toString('utf8'));
}

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

export const soffice = which('soffice') ?? which('libreoffice');
export const poppler = which('pdftotext') && which('pdfinfo') && which('pdftoppm') ? true : false;
export const renderSkipReason = !soffice
  ? 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui'
  : !poppler
    ? 'poppler-utils (pdftotext, pdfinfo, pdftoppm) is not installed: apt-get install poppler-utils'
    : null;

/**
 * Renders .docx files to PDF in one LibreOffice run, with a fresh profile (no lock shared with
 * another run) and a font configuration that maps the GB/T 9704 font names to the Noto CJK fonts
 * installed here — the names in the file stay the official ones.
 */
export function renderPdfs(files: Record<string, Buffer>): { dir: string; pdf: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'council-docs-'));
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  mkdirSync(join(dir, 'out'));
  const paths = Object.entries(files).map(([name, data]) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, data);
    return path;
  });
  const r = spawnSync(
    soffice!,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'out'), ...paths],
    {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: fileURLToPath(new URL('./fonts.conf', import.meta.url)), HOME: process.env.HOME ?? tmpdir() },
    },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status ?? r.signal}): ${r.stderr}`);
  return {
    dir,
    pdf: (name) => join(dir, 'out', `${name}.pdf`),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const out = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export function pdfText(pdf: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return spawnSync('pdftotext', ['-layout', ...range, pdf, '-'], { encoding: 'utf8' }).stdout;
}

export function pdfFonts(pdf: string): string {
  return spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
}

/** Page 1 as a PNG at 60 dpi, written to `outFile` (…/minutes.png). */
export function pageToPng(pdf: string, outFile: string): void {
  const base = outFile.replace(/\.png$/, '');
  const r = spawnSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, base], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
}

/** A style's XML from styles.xml by id, or the document defaults for null. */
export function styleXml(styles: string, id: string | null): string {
  if (id == null) return /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)?.[0] ?? '';
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  if (!m) throw new Error(`style ${id} is not in styles.xml`);
  return m[0];
}

/**
 * The East Asian font a run is shown in, resolved as Word does: the run's own rFonts, its
 * character style, its paragraph's style (and what that is based on), then the document defaults.
 */
export function eastAsiaFontOf(styles: string, paragraph: string, run: string): string | null {
  const font = (xml: string) => /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(/<w:rPr>.*?<\/w:rPr>/s.exec(xml)?.[0] ?? '')?.[1] ?? null;
  const chain = (id: string | null): string | null => {
    if (id == null) return font(styleXml(styles, null));
    const xml = styleXml(styles, id);
    return font(xml) ?? chain(/<w:basedOn w:val="([^"]+)"/.exec(xml)?.[1] ?? null);
  };
  const direct = font(run);
  if (direct) return direct;
  const rStyle = /<w:rStyle w:val="([^"]+)"/.exec(run)?.[1];
  const fromRunStyle = rStyle ? font(styleXml(styles, rStyle)) : null;
  if (fromRunStyle) return fromRunStyle;
  const pStyle = /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1] ?? 'Normal';
  return chain(pStyle);
}
