// The four documents of a rule text (规约文本, 修订对照稿, 意见采纳情况表, 备案报告), read back by
// mammoth, from their XML and, where installed, by LibreOffice and poppler. The 修订对照稿 is
// checked the way a reviewer uses it: "accept all" (mammoth) gives the newer text, "reject all"
// the older one's wording, and LibreOffice reads the marks as revisions, not as plain text.
// RENDER_DOC_SAMPLES=1 also writes page 1 of the rule text and the revision to docs/*.png.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuleFiling, buildRuleOpinions, buildRuleRevision, buildRuleText } from '../../../electron/documents/index';
import { eastAsiaFontOf, pdfText, renderPdfs, renderSkipReason, soffice, xmlOf } from './docx-tools';
import { expectA4Pages, expectInOrder, squash, textOf, writeDocSamples } from './read-back';
import {
  ACCEPTED,
  adoptedTextData,
  ARTICLES,
  CHANGED_TEXT,
  filingData,
  flatTextData,
  INSERTED_TEXT,
  MOVED_NOTE,
  opinionsData,
  revisionData,
  ruleTextData,
  TITLE,
} from './rule-fixtures';

const LABELS = ['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条'];

/** The body's paragraphs as XML, in order. */
const paragraphs = (doc: string) => [...doc.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
const runs = (p: string) => [...p.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => m[1]!);
const textIn = (xml: string) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');

/**
 * What Word shows after "reject all changes": inserted runs dropped, deleted runs kept, and a
 * paragraph whose mark was inserted joined to the next.
 */
function rejectAll(doc: string): string[] {
  const out: string[] = [];
  let carry = '';
  for (const p of paragraphs(doc)) {
    const pPr = /<w:pPr>.*?<\/w:pPr>/s.exec(p)?.[0] ?? '';
    carry += textIn(p.replace(pPr, '').replace(/<w:ins [^>]*[^/]>.*?<\/w:ins>/gs, ''));
    if (/<w:rPr>.*?<w:ins /s.test(pPr)) continue;
    out.push(carry);
    carry = '';
  }
  return carry ? [...out, carry] : out;
}

describe('规约文本', () => {
  let buf: Buffer;
  let text: string;
  beforeAll(async () => {
    buf = await buildRuleText(ruleTextData);
    text = await textOf(buf);
  });

  it('prints the title, the version line, the chapters and every article with its label, in order', () => {
    expectInOrder(text, [
      TITLE,
      '（征求意见稿）',
      '第一章\u3000总则',
      `第一条\u3000${ARTICLES[0]}`,
      `第二条\u3000${ARTICLES[1]}`,
      '第三条\u3000居民享有对社区事务的知情权、参与权、表达权和监督权。',
      '居民应当遵守法律法规和本公约，履行应尽的义务。',
      '第二章\u3000社区生活',
      ...ARTICLES.slice(3).map((a, i) => `${LABELS[i + 3]}\u3000${a}`),
    ]);
  });

  it('gives each 款 a paragraph of its own, indented like the article', () => {
    const paras = paragraphs(xmlOf(buf, 'word/document.xml'));
    const second = paras.find((p) => textIn(p) === '居民应当遵守法律法规和本公约，履行应尽的义务。');
    expect(second).toContain('<w:pStyle w:val="GBBody"/>');
    expect(text).toContain('监督权。\n\n居民应当遵守');
  });

  it('sets chapter headings centred in 黑体, a line of space before all but the first; labels in 黑体, text in 仿宋', () => {
    const doc = xmlOf(buf, 'word/document.xml');
    const styles = xmlOf(buf, 'word/styles.xml');
    const headings = paragraphs(doc).filter((p) => /第[一二]章/.test(textIn(p)));
    expect(headings).toHaveLength(2);
    for (const h of headings) {
      expect(h).toContain('<w:jc w:val="center"/>');
      expect(eastAsiaFontOf(styles, h, runs(h)[0]!)).toBe('黑体');
    }
    expect(headings[0]).not.toMatch(/w:before="[1-9]/);
    expect(headings[1]).toMatch(/w:before="579"/);
    const article = paragraphs(doc).find((p) => textIn(p).startsWith('第五条'))!;
    const [label, body] = runs(article);
    expect(textIn(label!)).toBe('第五条');
    expect(eastAsiaFontOf(styles, article, label!)).toBe('黑体');
    expect(eastAsiaFontOf(styles, article, body!)).toBe('仿宋_GB2312');
  });

  it('prints only the adoption line on the 正式稿', async () => {
    const adopted = await textOf(await buildRuleText(adoptedTextData));
    expectInOrder(adopted, [TITLE, '（2026年11月20日幸福里社区居民会议表决通过）', '第一章\u3000总则']);
    expect(adopted).not.toContain('正式稿');
  });

  it('lists the articles alone when the text has no chapters', async () => {
    const flat = await textOf(await buildRuleText(flatTextData));
    expectInOrder(flat, ['（表决稿）', '第一条\u3000', '第二条\u3000', '第三条\u3000']);
    expect(flat).not.toContain('章');
  });

  it('gives the same bytes for the same data', async () => {
    expect((await buildRuleText(ruleTextData)).equals(buf)).toBe(true);
  });
});

describe('修订对照稿', () => {
  let buf: Buffer;
  let doc: string;
  let accepted: string;
  beforeAll(async () => {
    buf = await buildRuleRevision(revisionData);
    doc = xmlOf(buf, 'word/document.xml');
    accepted = await textOf(buf);
  });

  it('reads, with every change accepted (mammoth), as the 表决稿 with its new numbers', () => {
    expectInOrder(accepted, [
      TITLE,
      '修订对照稿（自《征求意见稿》至《表决稿》）',
      '在 Word 或 WPS 中可逐条接受或拒绝',
      '第一章\u3000总则',
      `第一条\u3000${ACCEPTED[0]}`,
      '第二条\u3000居民享有对社区事务的知情权',
      `第三条\u3000${CHANGED_TEXT.split('\n')[0]}`,
      CHANGED_TEXT.split('\n')[1]!,
      '第二章\u3000社区公共生活',
      `第四条\u3000${INSERTED_TEXT}`,
      `第五条\u3000${ACCEPTED[4]}`,
      `第六条\u3000${ACCEPTED[5]}${MOVED_NOTE}`,
      `第七条\u3000${ACCEPTED[6]}`,
      `第八条\u3000${ACCEPTED[7]}`,
    ]);
    // the deleted article, the deleted word and the old numbers are gone
    expect(accepted).not.toContain(ARTICLES[1]!);
    expect(accepted).not.toContain('不私拉电线为电动自行车');
    expect(accepted).not.toContain('第二章\u3000社区生活');
    for (const n of LABELS) expect(accepted.split(`${n}\u3000`).length - 1, n).toBe(1);
  });

  it('reads, with every change rejected, as the 征求意见稿’s wording and numbers (a move stays where it went)', () => {
    const rejected = rejectAll(doc);
    const articles = rejected.filter((p) => /^第[一二三四五六七八]条\u3000/.test(p));
    expect(articles).toEqual([0, 1, 2, 3, 5, 4, 6, 7].map((i) => `${LABELS[i]}\u3000${ARTICLES[i]!.split('\n')[0]}`));
    expect(rejected).toContain('第二章\u3000社区生活');
    expect(rejected).toContain('居民应当遵守法律法规和本公约，履行应尽的义务。');
    expect(rejected.join('')).not.toContain(INSERTED_TEXT);
    expect(rejected.join('')).not.toContain('损坏公共设施');
  });

  it('marks changes as w:ins and w:del with author, date and a unique id; deleted text in w:delText only', () => {
    const marks = [...doc.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)];
    expect(marks.some((m) => m[1] === 'ins')).toBe(true);
    expect(marks.some((m) => m[1] === 'del')).toBe(true);
    for (const [, , attrs] of marks) {
      expect(attrs).toContain(`w:author="${revisionData.author}"`);
      expect(attrs).toContain(`w:date="${revisionData.date}"`);
    }
    const ids = marks.map((m) => /w:id="(\d+)"/.exec(m[2]!)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    // (a paragraph mark's <w:ins/> or <w:del/> is empty and self-closing)
    const deletions = [...doc.matchAll(/<w:del [^>]*[^/]>(.*?)<\/w:del>/gs)].map((m) => m[1]!);
    for (const d of deletions) expect(d).not.toMatch(/<w:t[ >]/);
    expect(deletions.map(textIn)).toEqual(expect.arrayContaining(['第二条', ARTICLES[1]!, '为', '第四条', '第五条']));
    const insertions = [...doc.matchAll(/<w:ins [^>]*[^/]>(.*?)<\/w:ins>/gs)].map((m) => textIn(m[1]!));
    expect(insertions).toEqual(expect.arrayContaining(['第三条', '，不将', '推入楼道或者入户', '公共', INSERTED_TEXT, MOVED_NOTE]));
  });

  it('marks the paragraph marks of the deleted article as deleted, of the inserted article and 款 as inserted', () => {
    const paras = paragraphs(doc);
    const mark = (p: string) => /<w:pPr>.*?<w:rPr>.*?<w:(ins|del) /s.exec(p)?.[1] ?? null;
    expect(mark(paras.find((p) => textIn(p).includes(ARTICLES[1]!))!)).toBe('del');
    expect(mark(paras.find((p) => textIn(p).includes(INSERTED_TEXT))!)).toBe('ins');
    // the added 款 starts after an inserted mark at the end of the article's first paragraph
    expect(mark(paras.find((p) => textIn(p).includes('推入楼道或者入户充电。'))!)).toBe('ins');
    expect(mark(paras.find((p) => textIn(p).startsWith('损坏公共设施的'))!)).toBeNull();
  });
});

describe('意见采纳情况表', () => {
  let buf: Buffer;
  let text: string;
  beforeAll(async () => {
    buf = await buildRuleOpinions(opinionsData);
    text = await textOf(buf);
  });

  it('has the title, the counts, the columns and every opinion with its result, then the sign-off', () => {
    expectInOrder(text, [
      `《${TITLE}》意见采纳情况表`,
      '共收到意见 5 条，采纳 2 条、部分采纳 1 条、未采纳 1 条，待处理 1 条。',
      ...['序号', '提出人', '渠道', '日期', '涉及条款', '意见内容', '处理结果', '理由说明'],
      ...['1', '王建国', '座谈会', '2026年', '10月18日', '第四条', '电动自行车推进楼道充电', '采纳', '已在第三条中写明'],
      ...['2', '匿名', '意见箱', '全文', '建议增加高空抛物的条款。', '采纳'],
      ...['4', '张志强', '入户走访', '第五条', '未采纳', '居民公约不得设定罚款等处罚'],
      ...['5', '刘海燕', '调解不成的可以请社区法律顾问帮助。', '建议公布法律顾问的联系方式。', '待处理'],
      '幸福里社区居民委员会',
      '2026年11月10日',
    ]);
  });

  it('repeats the header row on every page, and the columns fill the text block in DXA', () => {
    const tbl = /<w:tbl>(.*?)<\/w:tbl>/s.exec(xmlOf(buf, 'word/document.xml'))![1]!;
    const rows = [...tbl.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
    // The header and opinions 1–4: the last row is a table of its own that keeps with the sign-off (layout.ts).
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    expect(grid).toHaveLength(8);
    expect(tbl).toMatch(
      new RegExp(`<w:tblW w:type="dxa" w:w="${grid.reduce((a, b) => a + b, 0)}"/>|<w:tblW w:w="${grid.reduce((a, b) => a + b, 0)}" w:type="dxa"/>`),
    );
    expect(grid.reduce((a, b) => a + b, 0)).toBeGreaterThan(8800);
  });
});

describe('备案报告', () => {
  let buf: Buffer;
  let text: string;
  beforeAll(async () => {
    buf = await buildRuleFiling(filingData);
    text = await textOf(buf);
  });

  it('reports the meeting, attendance with the share of women, the vote, the law and the attachments', () => {
    expectInOrder(text, [
      `关于《${TITLE}》的备案报告`,
      '幸福街道办事处：',
      '我社区于2026年11月20日召开幸福里社区居民会议，应到120人，实到93人，其中女性42人（占到会人数的45.2%）。',
      `会议以赞成85票、反对3票、弃权5票审议通过了《${TITLE}》。`,
      `${filingData.lawBasis}，现将有关材料报送备案，请予审查。`,
      '附件：1．幸福里社区居民公约（正式稿）',
      '2．幸福里社区居民会议记录（复印件）',
      `3．《${TITLE}》意见采纳情况表`,
      '幸福里社区居民委员会',
      '2026年11月25日',
    ]);
  });

  it('sets the addressee flush left and the attachment numbers under one another', () => {
    const paras = paragraphs(xmlOf(buf, 'word/document.xml'));
    const addressee = paras.find((p) => textIn(p) === '幸福街道办事处：')!;
    expect(addressee).toMatch(/<w:ind w:firstLine="0"\/>/);
    const left = (p: string) => Number(/w:left="(\d+)"/.exec(p)?.[1]);
    const hanging = (p: string) => Number(/w:hanging="(\d+)"/.exec(p)?.[1]);
    const [a1, a2, a3] = ['附件：1．', '2．', '3．'].map((s) => paras.find((p) => textIn(p).startsWith(s))!);
    expect(left(a1!)).toBe(left(a2!));
    expect(left(a2!)).toBe(left(a3!));
    // "1．" starts where "2．" does: both the same distance before the names
    expect(left(a1!) - hanging(a1!)).toBeLessThan(left(a2!) - hanging(a2!));
  });

  it('says 我村 for a village meeting and leaves the share out when no one was present', async () => {
    const village = await textOf(
      await buildRuleFiling({
        ...filingData,
        kind: '村规民约',
        meetingKind: '村民代表会议',
        meetingTitle: '青石村2026年第三次村民代表会议',
        present: 0,
        womenPresent: 0,
      }),
    );
    expect(village).toContain('我村于2026年11月20日召开青石村2026年第三次村民代表会议，应到120人，实到0人，其中女性0人。');
  });
});

// ---------------------------------------------------------------------------------------------

/** Converts one .docx to LibreOffice's own flat XML (.fodt), in a fresh profile. */
function toFodt(docx: string, outDir: string): string {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    const r = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'fodt', '--outdir', outDir, docx], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOME: process.env.HOME ?? tmpdir() },
    });
    if (r.status !== 0) throw new Error(`soffice failed (${r.status ?? r.signal}): ${r.stderr}`);
    return readFileSync(join(outDir, docx.replace(/^.*\//, '').replace(/\.docx$/, '.fodt')), 'utf8');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The text of each tracked change in an ODF document, by kind. LibreOffice 7 keeps deleted text
 * in the body between change-start and change-end; older versions inside the text:deletion.
 */
function trackedChanges(fodt: string): { insertion: string[]; deletion: string[] } {
  const strip = (xml: string) => xml.replace(/<office:change-info>.*?<\/office:change-info>/gs, '').replace(/<[^>]+>/g, '');
  const out = { insertion: [] as string[], deletion: [] as string[] };
  const body = /<office:text[ >].*<\/office:text>/s.exec(fodt)?.[0] ?? '';
  for (const m of fodt.matchAll(/<text:changed-region [^>]*text:id="([^"]+)"[^>]*>(.*?)<\/text:changed-region>/gs)) {
    const [, id, region] = m;
    const kind = /<text:(insertion|deletion)>/.exec(region!)?.[1] as 'insertion' | 'deletion' | undefined;
    if (!kind) continue;
    const span = new RegExp(`<text:change-start text:change-id="${id}"/>(.*?)<text:change-end text:change-id="${id}"/>`, 's').exec(body)?.[1] ?? '';
    out[kind].push(strip(span) + strip(region!));
  }
  return out;
}

describe.skipIf(renderSkipReason != null)('rule documents rendered by LibreOffice', () => {
  let rendered: ReturnType<typeof renderPdfs>;
  let pdf: (name: string) => string;
  const manyOpinions = {
    ...opinionsData,
    rows: Array.from({ length: 30 }, (_, i) => ({ ...opinionsData.rows[i % opinionsData.rows.length]!, seq: i + 1 })),
  };

  beforeAll(async () => {
    rendered = renderPdfs({
      'rule-text': await buildRuleText(ruleTextData),
      'rule-revision': await buildRuleRevision(revisionData),
      'rule-opinions': await buildRuleOpinions(manyOpinions),
      'rule-filing': await buildRuleFiling(filingData),
    });
    pdf = rendered.pdf;
    writeDocSamples(pdf, ['rule-text', 'rule-revision']);
  }, 240_000);

  afterAll(() => rendered?.cleanup());

  it('prints all four on A4 with a plausible number of pages', () => {
    const expected: Record<string, [number, number]> = { 'rule-text': [1, 3], 'rule-revision': [2, 3], 'rule-opinions': [3, 8], 'rule-filing': [1, 1] };
    expectA4Pages(pdf, expected);
  });

  it('lays the rule text out with its chapters and articles in order', () => {
    const text = squash(pdfText(pdf('rule-text')));
    expectInOrder(text, [TITLE, '（征求意见稿）', '第一章总则', '第一条', '第三条', '第二章社区生活', ...LABELS.slice(3)].map(squash));
  });

  it('shows both the inserted and the deleted text of the revision', () => {
    const text = squash(pdfText(pdf('rule-revision')));
    for (const part of [INSERTED_TEXT, ARTICLES[1]!, '不私拉电线为，不将电动自行车推入楼道或者入户充电', '损坏公共设施的', '第四条第三条', MOVED_NOTE])
      expect(text).toContain(squash(part));
  });

  it('reads the revision marks as tracked changes (ODF text:tracked-changes), not as plain text', () => {
    const fodt = toFodt(join(rendered.dir, 'rule-revision.docx'), join(rendered.dir, 'out'));
    expect(fodt).toContain('<text:tracked-changes');
    const changes = trackedChanges(fodt);
    expect(changes.insertion.length).toBeGreaterThan(0);
    expect(changes.deletion.length).toBeGreaterThan(0);
    const inserted = changes.insertion.join('|');
    const deleted = changes.deletion.join('|');
    for (const part of [INSERTED_TEXT, '推入楼道或者入户', '损坏公共设施的', MOVED_NOTE]) expect(inserted, part).toContain(part);
    for (const part of [ARTICLES[1]!]) expect(deleted, part).toContain(part);
    expect(deleted).not.toContain(INSERTED_TEXT);
    expect(inserted).not.toContain(ARTICLES[1]!);
    expect(fodt).toContain(`<dc:creator>${revisionData.author}</dc:creator>`);
  });

  it('repeats the opinion table’s header on page 2', () => {
    const page2 = pdfText(pdf('rule-opinions'), 2);
    const header = page2.split('\n').find((l) => l.includes('提出人'));
    expect(header, page2.slice(0, 400)).toBeDefined();
    for (const col of ['序号', '提出人', '渠道', '日期', '意见内容', '理由说明']) expect(header).toContain(col);
  });

  it('fits the filing report on one page with the sign-off', () => {
    const text = squash(pdfText(pdf('rule-filing')));
    for (const part of ['幸福街道办事处：', '占到会人数的45.2%', '附件：1．', '幸福里社区居民委员会', '2026年11月25日']) expect(text).toContain(squash(part));
  });
});
