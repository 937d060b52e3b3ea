// No printed page holds only the 落款 and date, or only the signatures: every document that ends
// with a sign-off is built again and again with one text a line longer each time, so that the
// sign-off falls on every line of a page — across a page break among them — and LibreOffice lays
// each out. On the page of every sign-off line, pdftotext must find body text as well.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMinutes,
  buildNotice,
  buildPublicNotice,
  buildResolutionNotice,
  buildResultNotice,
  buildRuleFiling,
  buildRuleOpinions,
} from '../../../electron/documents/index';
import { pdfInfo, pdfText, renderSkipReason, soffice } from './docx-tools';
import { minutesData, noticeData, resolutionNoticeData } from './fixtures';
import { plainResultNoticeData } from './followup-fixtures';
import { filingData, opinionsData } from './rule-fixtures';
import { squash } from './read-back';

if (renderSkipReason) console.warn(`[documents/sign-off] skipped: ${renderSkipReason}`);

/** n lines of body text: 28 characters a line, no punctuation, so each 28 more is one line more. */
const SOURCE = '村民代表会议讨论了集体经济组织收益分配方案大家认为应当公开透明按程序办理';
const chars = (n: number) => SOURCE.repeat(Math.ceil(n / SOURCE.length) + 1).slice(0, n);
/**
 * Lengths two lines apart over a page and a line (12 builds): the sign-off block (the last line
 * of text, up to three empty lines, two to four sign-off lines) is at least three lines, so some
 * lengths put the page break inside it — and one LibreOffice render of each is still quick.
 */
const LENGTHS = Array.from({ length: 12 }, (_, i) => 2 * i);

interface Case {
  /** Builds the document with the varied text `k` lines longer. */
  build: (k: number) => Promise<Buffer>;
  /** The lines of the sign-off as printed, whole. */
  signOff: string[];
}

const minutes = { ...minutesData, items: minutesData.items.slice(2), attendeeSignatures: false, addenda: [] };
const opinionRow = opinionsData.rows[0]!;

const CASES: Record<string, Case> = {
  notice: {
    build: (k) => buildNotice({ ...noticeData, agenda: [...noticeData.agenda, `审议${chars(24 + 28 * k)}`] }),
    signOff: ['青石村村民委员会', '2026年11月20日'],
  },
  'public-notice': {
    build: (k) =>
      buildPublicNotice({
        orgName: '青石村村民委员会',
        title: '关于村东组道路硬化工程施工单位的公示',
        content: `经公开招标，${chars(300 + 28 * k)}。`,
        postFrom: '2026-12-01',
        postTo: '2026-12-15',
        minimumDays: 15,
        lawBasis: '《中华人民共和国村民委员会组织法》第三十五条',
        place: '青石村村务公开栏',
        issuedDate: '2026-12-01',
      }),
    signOff: ['青石村村民委员会（盖章）', '2026年12月1日'],
  },
  'resolution-notice': {
    build: (k) =>
      buildResolutionNotice({
        ...resolutionNoticeData,
        resolutions: resolutionNoticeData.resolutions.map((r, i) => (i === 1 ? { ...r, text: `${r.text}${chars(28 * k)}` } : r)),
      }),
    signOff: ['青石村村民委员会（盖章）', '2026年11月26日'],
  },
  'result-notice': {
    build: (k) => buildResultNotice({ ...plainResultNoticeData, result: `${plainResultNoticeData.result}${chars(28 * k)}` }),
    signOff: ['青石村村民委员会（盖章）', '2026年12月23日'],
  },
  'rule-filing': {
    build: (k) => buildRuleFiling({ ...filingData, lawBasis: `${filingData.lawBasis}${chars(200 + 28 * k)}` }),
    signOff: ['幸福里社区居民委员会', '2026年11月25日'],
  },
  // A table ends the text: one row more each time (a row is about one line high).
  'rule-opinions': {
    build: (k) =>
      buildRuleOpinions({ ...opinionsData, rows: Array.from({ length: 14 + k }, (_, i) => ({ ...opinionRow, seq: i + 1, content: '建议写明。' })) }),
    signOff: ['幸福里社区居民委员会', '2026年11月10日'],
  },
  minutes: {
    build: (k) =>
      buildMinutes({ ...minutes, resolutions: minutes.resolutions.map((r, i) => (i === 1 ? { ...r, text: `${r.text}${chars(28 * k)}` } : r)) }, '记录'),
    signOff: [`主持人（签字）：＿＿＿＿＿＿＿＿（${minutes.chairName}）`, `记录人（签字）：＿＿＿＿＿＿＿＿（${minutes.recorderName}）`, '2026年11月25日'],
  },
};

/**
 * renderPdfs (./docx-tools) in two LibreOffice processes at once, each with its own profile: a
 * few hundred short documents take a third less time than in one.
 */
async function renderInParallel(files: Record<string, Buffer>, processes = 2) {
  const dir = mkdtempSync(join(tmpdir(), 'council-sign-off-'));
  mkdirSync(join(dir, 'out'));
  const paths = Object.entries(files).map(([name, data]) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, data);
    return path;
  });
  const profiles: string[] = [];
  const run = (batch: string[]) =>
    new Promise<void>((resolve, reject) => {
      const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
      profiles.push(profile);
      const child = spawn(
        soffice!,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'out'), ...batch],
        { env: { ...process.env, FONTCONFIG_FILE: fileURLToPath(new URL('./fonts.conf', import.meta.url)), HOME: process.env.HOME ?? tmpdir() } },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`soffice failed (${code}): ${stderr}`))));
    });
  const batches = Array.from({ length: processes }, (_, i) => paths.filter((_, n) => n % processes === i)).filter((b) => b.length);
  await Promise.all(batches.map(run));
  return {
    pdf: (name: string) => join(dir, 'out', `${name}.pdf`),
    cleanup: () => [dir, ...profiles].forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}

const PAGE_NUMBER = /^—\d+—$/;

describe.skipIf(renderSkipReason != null)('the sign-off never stands on a page alone', () => {
  let rendered: Awaited<ReturnType<typeof renderInParallel>>;
  /** Per document and length: each page's lines, squashed, without the page number or empty lines. */
  const pages = new Map<string, string[][]>();

  beforeAll(async () => {
    const files: Record<string, Buffer> = {};
    for (const [name, c] of Object.entries(CASES)) for (const k of LENGTHS) files[`${name}-${k}`] = await c.build(k);
    rendered = await renderInParallel(files);
    for (const name of Object.keys(files)) {
      const count = pdfInfo(rendered.pdf(name)).pages;
      pages.set(
        name,
        Array.from({ length: count }, (_, p) =>
          pdfText(rendered.pdf(name), p + 1)
            .split('\n')
            .map(squash)
            .filter((l) => l !== '' && !PAGE_NUMBER.test(l)),
        ),
      );
    }
  }, 300_000);

  afterAll(() => rendered?.cleanup());

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: the page of every sign-off line holds body text too, whatever the length`, () => {
      const signOff = c.signOff.map(squash);
      const pageOf: number[] = [];
      for (const k of LENGTHS) {
        const doc = pages.get(`${name}-${k}`)!;
        for (const line of signOff) {
          const p = doc.findLastIndex((lines) => lines.includes(line));
          expect(p, `${name}-${k}: “${line}” is printed on a line of its own`).toBeGreaterThanOrEqual(0);
          const rest = doc[p]!.filter((l) => !signOff.includes(l));
          expect(rest.length, `${name}-${k}, page ${p + 1}: ${doc[p]!.join(' / ')}`).toBeGreaterThan(0);
        }
        pageOf.push(doc.findLastIndex((lines) => lines.includes(signOff[0]!)));
      }
      // The lengths moved the sign-off across a page break, so its boundary cases were all laid out.
      expect(new Set(pageOf).size, `${name}: sign-off pages ${pageOf.join(' ')}`).toBeGreaterThan(1);
    });
  }
});
