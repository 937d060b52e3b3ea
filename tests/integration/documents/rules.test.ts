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
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRuleFiling, buildRuleOpinions, buildRuleRevision, buildRuleText } from '../../../electron/documents/index';
import { openTemp } from '../../support/db';
import { value, type Ctx } from '../../support/village';
import type { RuleSnapshot } from '../../../core/ruletext/types';
import { eastAsiaFontOf, pdfText, renderPdfs, renderSkipReason, soffice, unzip, xmlOf } from './docx-tools';
import { expectA4Pages, expectInOrder, squash, textOf, writeDocSamples } from './read-back';
import {
  ACCEPTED,
  adoptedTextData,
  ARTICLES,
  CHANGED_TEXT,
  CHAPTER_MOVE_NOTE,
  filingData,
  flatTextData,
  INSERTED_TEXT,
  MOVED_NOTE,
  opinionsData,
  revisionData,
  ruleTextData,
  snapshot,
  TITLE,
  votingSnapshot,
} from './rule-fixtures';

const LABELS = ['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条'];

/** The body's paragraphs as XML, in order. */
const paragraphs = (doc: string) => [...doc.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
const runs = (p: string) => [...p.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => m[1]!);
const textIn = (xml: string) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');

/** Comment ranges and the runs that hold a comment's reference mark: no text of the rule. */
const withoutComments = (xml: string) =>
  xml.replace(/<w:commentRange(?:Start|End) [^>]*\/>/g, '').replace(/<w:r>(?:(?!<\/w:r>).)*?<w:commentReference [^>]*\/>(?:(?!<\/w:r>).)*?<\/w:r>/gs, '');

/**
 * The text of each paragraph after Word's "accept all changes" (or "reject all" with `reject`)
 * and "delete all comments": the runs of the rejected kind dropped with their content, those of
 * the other kind unwrapped, and a paragraph whose mark goes joined to the next.
 */
function resolveAll(doc: string, reject = false): string[] {
  const [drop, keep] = reject ? ['ins', 'del'] : ['del', 'ins'];
  const out: string[] = [];
  let carry = '';
  for (const p of paragraphs(doc)) {
    const pPr = /<w:pPr>.*?<\/w:pPr>/s.exec(p)?.[0] ?? '';
    const content = withoutComments(p.replace(pPr, ''))
      .replace(new RegExp(`<w:${drop} [^>]*[^/]>.*?</w:${drop}>`, 'gs'), '')
      .replace(new RegExp(`<w:${keep} [^>]*[^/]>(.*?)</w:${keep}>`, 'gs'), '$1');
    expect(content).not.toMatch(/<w:(?:ins|del|commentReference|commentRange\w*) /);
    if (!reject) expect(content).not.toContain('w:delText');
    carry += textIn(content);
    if (new RegExp(`<w:rPr>.*?<w:${drop} `, 's').test(pPr)) continue;
    out.push(carry);
    carry = '';
  }
  return carry ? [...out, carry] : out;
}
const rejectAll = (doc: string) => resolveAll(doc, true);

/** A text's paragraphs as the 规约文本 prints them: chapter headings, then "第一条\u3000…" and one paragraph per further 款. */
function textParagraphs(s: RuleSnapshot): string[] {
  const article = (a: RuleSnapshot['articles'][number]) => a.text.split('\n').map((p, i) => (i === 0 ? `${a.label}\u3000${p}` : p));
  const out = s.articles.filter((a) => a.chapterId == null).flatMap(article);
  for (const c of s.chapters) out.push(`${c.label}\u3000${c.title}`, ...s.articles.filter((a) => a.chapterId === c.id).flatMap(article));
  return out;
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
      `第六条\u3000${ACCEPTED[5]}`,
      `第七条\u3000${ACCEPTED[6]}`,
      `第八条\u3000${ACCEPTED[7]}`,
    ]);
    // the deleted article, the deleted word and the old numbers are gone
    expect(accepted).not.toContain(ARTICLES[1]!);
    expect(accepted).not.toContain('不私拉电线为电动自行车');
    expect(accepted).not.toContain('第二章\u3000社区生活');
    for (const n of LABELS) expect(accepted.split(`${n}\u3000`).length - 1, n).toBe(1);
    expect(accepted).not.toContain(MOVED_NOTE);
  });

  it('gives, with every change accepted and the comments deleted, exactly the 表决稿’s paragraphs', () => {
    const paras = resolveAll(doc);
    expect(paras.slice(0, 3)).toEqual([
      TITLE,
      '修订对照稿（自《征求意见稿》至《表决稿》）',
      expect.stringContaining('全部接受后即为《表决稿》条文。条文位置有调整的，以批注注明原来的位置'),
    ]);
    expect(paras.slice(3)).toEqual(textParagraphs(votingSnapshot));
  });

  it('gives, with every change rejected, exactly the 征求意见稿’s paragraphs, but for the moved articles, which stay where they went', () => {
    const [title, sub, note, ...rest] = rejectAll(doc);
    expect([title, sub, note!.slice(0, 9)]).toEqual([TITLE, '修订对照稿（自《征求意见稿》至《表决稿》）', '本稿以修订模式标出']);
    // A move is told by a comment, not tracked: 第五条 stays after 第六条, and 第四条 in 第一章.
    const order = [101, 102, 103, 104, 106, 105, 107, 108].map((id) => snapshot.articles.find((a) => a.id === id)!);
    expect(rest).toEqual(textParagraphs({ ...snapshot, articles: order.map((a) => (a.id === 104 ? { ...a, chapterId: 1 } : a)) }));
  });

  it('notes the move as a Word comment (批注) on the article’s number, in its own part, dated like the changes', () => {
    const parts = unzip(buf);
    const comments = parts.get('word/comments.xml')!.toString('utf8');
    const notes = [...comments.matchAll(/<w:comment ([^>]*)>(.*?)<\/w:comment>/gs)];
    expect(notes.map((n) => textIn(n[2]!))).toEqual([CHAPTER_MOVE_NOTE, MOVED_NOTE]);
    for (const [, attrs] of notes) {
      expect(attrs).toContain(`w:author="${revisionData.author}"`);
      expect(attrs).toContain(`w:date="${revisionData.date}"`);
    }
    expect(parts.get('[Content_Types].xml')!.toString('utf8')).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    expect(parts.get('word/_rels/document.xml.rels')!.toString('utf8')).toMatch(/Type="[^"]+\/comments" Target="comments\.xml"/);
    // each range covers the moved article's number: the old one deleted, the new one inserted
    const ranges = notes.map(([, attrs]) => {
      const id = /w:id="(\d+)"/.exec(attrs!)![1];
      expect(doc).toContain(`<w:commentReference w:id="${id}"/>`);
      return textIn(new RegExp(`<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`, 's').exec(doc)![1]!);
    });
    expect(ranges).toEqual(['第四条第三条', '第五条第六条']);
    expect(doc).not.toContain('移至此处');
  });

  it('gives the same bytes for the same data, whatever the clock says', async () => {
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    try {
      expect((await buildRuleRevision(revisionData)).equals(buf)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const core = xmlOf(buf, 'docProps/core.xml');
    expect(core).toContain('2026-11-18');
    expect(core).not.toMatch(/2031|20\d\d-\d\d-\d\dT(?!00:00:00)/);
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
    expect(insertions).toEqual(expect.arrayContaining(['第三条', '，不将', '推入楼道或者入户', '公共', INSERTED_TEXT]));
    expect(insertions.join('')).not.toContain('移至此处');
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
      ...['1', '王建国', '座谈会', '2026年', '10月18日', '第四条\n\n现第三条', '电动自行车推进楼道充电', '采纳', '已在第三条中写明'],
      ...['2', '匿名', '意见箱', '全文', '建议增加高空抛物的条款。', '采纳'],
      ...['3', '李秀英', '微信群', '第二条\n\n已删除', '适用范围已在总则中体现'],
      ...['4', '张志强', '入户走访', '第五条\n\n现第六条', '未采纳', '居民公约不得设定罚款等处罚'],
      ...['5', '刘海燕', '座谈会', '第六条\n\n现第五条', '调解不成的可以请社区法律顾问帮助。', '建议公布法律顾问的联系方式。', '待处理'],
      '幸福里社区居民委员会',
      '2026年11月10日',
    ]);
  });

  it('prints the article once when its number has not changed since the opinion came in, and 全文 for the whole text', async () => {
    const same = await textOf(await buildRuleOpinions({ ...opinionsData, rows: opinionsData.rows.map((r) => ({ ...r, currentLabel: r.articleLabel })) }));
    expect(same).not.toMatch(/现第|已删除/);
    expectInOrder(same, ['第四条', '电动自行车', '全文', '建议增加', '第二条', '适用范围']);
  });

  it('sets today’s number under the old one in 楷体, inside the 涉及条款 cell', () => {
    const doc = xmlOf(buf, 'word/document.xml');
    const cell = [...doc.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => m[1]!).find((c) => textIn(c).startsWith('第五条'))!;
    const [then, now] = paragraphs(cell);
    expect(textIn(then!)).toBe('第五条');
    expect(textIn(now!)).toBe('现第六条');
    expect(eastAsiaFontOf(xmlOf(buf, 'word/styles.xml'), now!, runs(now!)[0]!)).toBe('楷体_GB2312');
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

describe('from the database (rules.export)', () => {
  const CONVENTION = `幸福里社区居民公约
第一章 总则
第一条 为了建设和谐社区，根据有关法律法规，制定本公约。
第二条 本公约适用于本社区全体居民。
第二章 公共秩序
第三条 爱护公共设施，不私搭乱建。
第四条 文明养犬，及时清理犬只粪便。
第五条 婚丧嫁娶从简，不大操大办。`;

  /** A 居民公约 saved as 征求意见稿 at `at`; `ctx.now` is the clock of every later call. */
  async function drafted(at: string) {
    const t = openTemp();
    const ctx: Ctx & { now?: () => Date } = t.ctx;
    let now = new Date(at);
    ctx.now = () => now;
    const tick = (iso: string) => (now = new Date(iso));
    const org = await value(ctx, 'organizations.create', { name: '幸福里社区', kind: '社区' });
    const split = await value(ctx, 'rules.importPreview', { text: CONVENTION });
    const doc = await value(ctx, 'rules.create', { orgId: org.id, kind: '居民公约', title: split.title, date: '2026-09-01', ...split });
    const v1 = await value(ctx, 'rules.versions.create', { docId: doc.id, name: '征求意见稿' });
    return { ctx, doc, v1, tick, articles: doc.text.articles as { id: number; chapterId: number; label: string }[] };
  }
  const bytes = async (ctx: Ctx, input: Record<string, unknown>) => Buffer.from((await value(ctx, 'rules.export', input)).base64, 'base64');

  afterEach(() => vi.useRealTimers());

  it('dates the 修订对照稿 by the newer text, so exporting it again later gives the same bytes', async () => {
    const { ctx, doc, v1, tick, articles } = await drafted('2026-09-10T02:00:00.123Z');
    tick('2026-09-20T03:30:00Z');
    await value(ctx, 'rules.articles.update', { id: articles[3]!.id, text: '文明养犬，出门拴绳，及时清理犬只粪便。' });
    tick('2026-09-21T16:45:00Z'); // 00:45 on the 22nd in China
    await value(ctx, 'rules.articles.move', { id: articles[1]!.id, chapterId: articles[2]!.chapterId, afterArticleId: articles[2]!.id });
    tick('2026-09-25T01:00:00Z');
    const v2 = await value(ctx, 'rules.versions.create', { docId: doc.id, name: '表决稿' });

    tick('2026-10-01T08:00:00Z');
    vi.setSystemTime(new Date('2026-10-01T08:00:00Z'));
    const saved = await bytes(ctx, { docId: doc.id, document: '修订对照稿', from: v1.id, to: v2.id });
    const current = await bytes(ctx, { docId: doc.id, document: '修订对照稿', from: v1.id, to: 'current' });
    // A week later, an opinion logged in between (not a change of the text), the computer's clock elsewhere.
    tick('2026-10-08T09:00:00Z');
    await value(ctx, 'rules.opinions.add', { docId: doc.id, articleId: null, name: '居民甲', channel: '意见箱', receivedOn: '2026-10-08', content: '赞成。' });
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    expect((await bytes(ctx, { docId: doc.id, document: '修订对照稿', from: v1.id, to: v2.id })).equals(saved)).toBe(true);
    expect((await bytes(ctx, { docId: doc.id, document: '修订对照稿', from: v1.id, to: 'current' })).equals(current)).toBe(true);

    // The marks and comments carry the 表决稿's moment; the file's date is that day in China.
    const doc2 = xmlOf(saved, 'word/document.xml');
    const dates = new Set([...doc2.matchAll(/<w:(?:ins|del) [^>]*w:date="([^"]+)"/g)].map((m) => m[1]));
    expect([...dates]).toEqual([new Date(v2.createdAt).toISOString().replace(/\.\d+Z$/, 'Z')]);
    expect(xmlOf(saved, 'word/comments.xml')).toContain('本条由原第一章第二条移至此处。');
    // the working text was last changed at 2026-09-21T16:45Z: that is 2026-09-22 in China
    expect(new Set([...xmlOf(current, 'word/document.xml').matchAll(/w:date="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(['2026-09-21T16:45:00Z']));
    expect(xmlOf(current, 'docProps/core.xml')).toContain('2026-09-22');

    // An edit of the text is a new record: the working text's revision is dated anew.
    tick('2026-10-09T09:00:00Z');
    await value(ctx, 'rules.articles.update', { id: articles[4]!.id, text: '婚丧嫁娶从简。' });
    const later = await bytes(ctx, { docId: doc.id, document: '修订对照稿', from: v1.id, to: 'current' });
    expect(later.equals(current)).toBe(false);
    expect(xmlOf(later, 'word/document.xml')).toContain('w:date="2026-10-09T09:00:00Z"');
  });

  it('reads, with every change accepted, as the text it was compared to', async () => {
    const { ctx, doc, v1, tick, articles } = await drafted('2026-09-10T02:00:00Z');
    tick('2026-09-20T03:30:00Z');
    await value(ctx, 'rules.articles.remove', { id: articles[0]!.id });
    await value(ctx, 'rules.articles.add', { docId: doc.id, chapterId: articles[2]!.chapterId, afterArticleId: null, text: '垃圾分类投放。\n不乱扔乱倒。' });
    await value(ctx, 'rules.articles.move', { id: articles[4]!.id, chapterId: articles[0]!.chapterId, afterArticleId: null });
    await value(ctx, 'rules.chapters.rename', { id: articles[2]!.chapterId, title: '公共秩序与环境' });
    const revision = await bytes(ctx, { docId: doc.id, document: '修订对照稿', from: v1.id, to: 'current' });
    const now = (await value(ctx, 'rules.get', { id: doc.id })).text as RuleSnapshot;
    const then = (await value(ctx, 'rules.versions.get', { id: v1.id })).text as RuleSnapshot;
    const xml = xmlOf(revision, 'word/document.xml');
    expect(resolveAll(xml).slice(3)).toEqual(textParagraphs(now));
    // rejected, the old wording and numbers; the moved 第五条 stays where it went, in 第一章
    const rejected = rejectAll(xml).slice(3);
    const moved = '第五条\u3000婚丧嫁娶从简，不大操大办。';
    expect(rejected.filter((p) => p !== moved)).toEqual(textParagraphs({ ...then, articles: then.articles.filter((a) => a.id !== articles[4]!.id) }));
    expect(rejected.indexOf(moved)).toBeLessThan(rejected.indexOf('第二章\u3000公共秩序'));
  });

  it('names in the 意见采纳情况表 the article as numbered when the opinion came in, and its number today', async () => {
    const { ctx, doc, tick, articles } = await drafted('2026-09-10T02:00:00Z');
    const opinion = (articleId: number | null, content: string) =>
      value(ctx, 'rules.opinions.add', { docId: doc.id, articleId, name: '居民乙', channel: '座谈会', receivedOn: '2026-09-12', content });
    await opinion(articles[3]!.id, '养犬要拴绳。'); // on 第四条
    await opinion(articles[1]!.id, '本条可删。'); // on 第二条
    await opinion(articles[0]!.id, '写明依据的法律。'); // on 第一条, which keeps its number
    await opinion(null, '总体赞成。');
    tick('2026-09-20T03:30:00Z');
    await value(ctx, 'rules.articles.remove', { id: articles[1]!.id });
    await value(ctx, 'rules.articles.add', { docId: doc.id, chapterId: articles[3]!.chapterId, afterArticleId: articles[3]!.id, text: '垃圾分类投放。' });
    const table = await textOf(await bytes(ctx, { docId: doc.id, document: '意见采纳情况表' }));
    expectInOrder(table, ['第四条\n\n现第三条\n\n', '养犬要拴绳。', '第二条\n\n已删除\n\n', '本条可删。', '第一条\n\n写明依据的法律。', '全文\n\n总体赞成。']);
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
    for (const part of [
      INSERTED_TEXT,
      ARTICLES[1]!,
      '不私拉电线为，不将电动自行车推入楼道或者入户充电',
      '损坏公共设施的',
      '第四条第三条',
      '第五条第六条垃圾分类投放',
    ])
      expect(text).toContain(squash(part));
    // a comment is not printed with the text
    expect(text).not.toContain(squash(MOVED_NOTE));
  });

  it('reads the revision marks as tracked changes (ODF text:tracked-changes), not as plain text', () => {
    const fodt = toFodt(join(rendered.dir, 'rule-revision.docx'), join(rendered.dir, 'out'));
    expect(fodt).toContain('<text:tracked-changes');
    const changes = trackedChanges(fodt);
    expect(changes.insertion.length).toBeGreaterThan(0);
    expect(changes.deletion.length).toBeGreaterThan(0);
    const inserted = changes.insertion.join('|');
    const deleted = changes.deletion.join('|');
    for (const part of [INSERTED_TEXT, '推入楼道或者入户', '损坏公共设施的']) expect(inserted, part).toContain(part);
    expect(inserted).not.toContain(MOVED_NOTE);
    for (const part of [ARTICLES[1]!]) expect(deleted, part).toContain(part);
    expect(deleted).not.toContain(INSERTED_TEXT);
    expect(inserted).not.toContain(ARTICLES[1]!);
    expect(fodt).toContain(`<dc:creator>${revisionData.author}</dc:creator>`);
    // the move's note is a comment (office:annotation) by the same author, on the same day
    const annotations = [...fodt.matchAll(/<office:annotation[ >].*?<\/office:annotation>/gs)].map((m) => m[0]);
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toContain(CHAPTER_MOVE_NOTE);
    expect(annotations[1]).toContain(MOVED_NOTE);
    for (const a of annotations) {
      expect(a).toContain(`<dc:creator>${revisionData.author}</dc:creator>`);
      expect(a).toContain(`<dc:date>${revisionData.date.slice(0, 10)}`);
    }
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
