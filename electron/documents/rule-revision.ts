// 修订对照稿: the newer text laid out like the 规约文本, with every change as a real Word revision
// (w:ins / w:del), so the township's reviewers can accept or reject each one in Word or WPS and
// "accept all" leaves exactly the newer text. Paragraph marks carry revisions too: an inserted
// article's paragraphs vanish on "reject", a deleted article's on "accept". Notes for the reader
// ("本条由原第五条移至此处") are Word comments (批注), not text, so they never end up in the rule.
// Every date in the file is the newer text's own (`date`, `fileDate`): the same record gives the
// same bytes whenever it is exported.
import { deflateRawSync, crc32, inflateRawSync } from 'node:zlib';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  InsertedTextRun,
  TextRun,
  type IParagraphRunOptions,
  type ISectionOptions,
  type Paragraph,
  type ParagraphChild,
} from 'docx';
import type { RuleRevisionData } from '../../core/documents/rule-types';
import type { ArticleChange, ArticleComparison, ChapterComparison, TextPart } from '../../core/ruletext/types';
import { body, clean, kai, LINE, pack, section, SIZE, stampZip, STYLE, subtitle, title } from './layout';
import { articleParagraph, chapterHeading, LABEL_GAP } from './rule-text';

type Mark = 'ins' | 'del' | null;

interface Note {
  id: number;
  text: string;
}

/**
 * Hands out the revision ids (every w:ins and w:del in the document needs its own) and collects
 * the comments, which have ids of their own.
 */
function reviser(author: string, date: string) {
  let next = 1;
  const notes: Note[] = [];
  const attrs = () => ({ id: next++, author, date });
  return {
    notes,
    run(text: string, mark: Mark, style?: string): ParagraphChild {
      const opts = { text: clean(text), style };
      if (mark === 'ins') return new InsertedTextRun({ ...attrs(), ...opts });
      if (mark === 'del') return new DeletedTextRun({ ...attrs(), ...opts });
      return new TextRun(opts);
    },
    mark(mark: Mark): IParagraphRunOptions | undefined {
      return mark === 'ins' ? { insertion: attrs() } : mark === 'del' ? { deletion: attrs() } : undefined;
    },
    /** `children` with a comment on them: the range, then the reference mark Word shows. */
    comment(text: string, children: ParagraphChild[]): ParagraphChild[] {
      const id = notes.length;
      notes.push({ id, text: clean(text) });
      return [new CommentRangeStart(id), ...children, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
    },
  };
}
type Reviser = ReturnType<typeof reviser>;

const kindOf = (p: TextPart): Mark => (p.added ? 'ins' : p.removed ? 'del' : null);

/** The diff to print; whole-text parts where the comparison gave none (or for a whole insert or delete). */
function partsOf(change: ArticleChange, before: string | undefined, after: string | undefined, parts: TextPart[]): TextPart[] {
  if (change === 'inserted') return [{ value: after ?? '', added: true }];
  if (change === 'deleted') return [{ value: before ?? '', removed: true }];
  if (parts.length) return parts;
  if (change === 'same' || before === after) return [{ value: after ?? before ?? '' }];
  return [
    { value: before ?? '', removed: true },
    { value: after ?? '', added: true },
  ];
}

/** "第四条" deleted and "第三条" inserted when the number changed; one run when it did not. */
function labelRuns(rev: Reviser, change: ArticleChange, before: string | undefined, after: string | undefined, style?: string): ParagraphChild[] {
  if (change === 'inserted') return [rev.run(after ?? '', 'ins', style)];
  if (change === 'deleted') return [rev.run(before ?? '', 'del', style)];
  if (before && after && before !== after) return [rev.run(before, 'del', style), rev.run(after, 'ins', style)];
  return [rev.run(after ?? before ?? '', null, style)];
}

interface Para {
  children: ParagraphChild[];
  mark: Mark;
}

/**
 * Splits the diff into paragraphs at "\n" (a 款). A paragraph ends with the mark of the part that
 * holds its "\n": an added 款 adds the mark before it, a removed one removes it.
 */
function layParts(rev: Reviser, lead: ParagraphChild[], parts: TextPart[], endMark: Mark): Para[] {
  const paras: Para[] = [];
  let current = lead;
  for (const p of parts) {
    p.value
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach((piece, i) => {
        if (i > 0) {
          paras.push({ children: current, mark: kindOf(p) });
          current = [];
        }
        if (piece) current.push(rev.run(piece, kindOf(p)));
      });
  }
  paras.push({ children: current, mark: endMark });
  return paras.filter((p) => p.children.length > 0 || p.mark != null);
}

const wholeMark = (change: ArticleChange): Mark => (change === 'inserted' ? 'ins' : change === 'deleted' ? 'del' : null);

function articleParagraphs(rev: Reviser, row: ArticleComparison): Paragraph[] {
  const { change, before, after } = row;
  const whole = wholeMark(change);
  let label = labelRuns(rev, change, before?.label, after?.label, STYLE.hei);
  if (row.moved && before && after && !whole) {
    // The move itself is not a revision (the article stays where the newer text has it); a
    // comment on its number says where it came from.
    const from = before.chapterLabel && before.chapterLabel !== after.chapterLabel ? `${before.chapterLabel}${before.label}` : before.label;
    label = rev.comment(`本条由原${from}移至此处。`, label);
  }
  const lead = [...label, rev.run(LABEL_GAP, whole)];
  const paras = layParts(rev, lead, partsOf(change, before?.text, after?.text, row.parts), whole);
  return paras.map((p) => articleParagraph(p.children, rev.mark(p.mark)));
}

function chapterParagraph(rev: Reviser, c: ChapterComparison, first: boolean): Paragraph {
  const whole = wholeMark(c.change);
  const children = [
    ...labelRuns(rev, c.change, c.before?.label, c.after?.label),
    rev.run(LABEL_GAP, whole),
    ...partsOf(c.change, c.before?.title, c.after?.title, c.parts).map((p) => rev.run(p.value.replace(/\s+/g, ' '), kindOf(p))),
  ];
  return chapterHeading(children, first, rev.mark(whole));
}

/**
 * Walks the articles in the newer text's order and puts each chapter heading before its first
 * article. A deleted article belongs to its old chapter, or to that chapter's successor when the
 * chapter itself survives. Chapters without articles go in where the chapter list has them.
 */
function textParagraphs(rev: Reviser, articles: ArticleComparison[], chapters: ChapterComparison[]): Paragraph[] {
  const out: Paragraph[] = [];
  const emitted = new Set<number>();
  const chapterOf = (row: ArticleComparison): number => {
    if (row.after) return row.after.chapterLabel == null ? -1 : chapters.findIndex((c) => c.after?.label === row.after!.chapterLabel);
    const old = row.before?.chapterLabel;
    if (old == null) return -1;
    const kept = chapters.findIndex((c) => c.before?.label === old && c.after != null);
    return kept >= 0 ? kept : chapters.findIndex((c) => c.after == null && c.before?.label === old);
  };
  const emitUpTo = (k: number) => {
    for (let j = 0; j <= k; j++) {
      if (emitted.has(j)) continue;
      emitted.add(j);
      out.push(chapterParagraph(rev, chapters[j]!, out.length === 0));
    }
  };
  for (const row of articles) {
    const k = chapterOf(row);
    if (k >= 0) emitUpTo(k);
    out.push(...articleParagraphs(rev, row));
  }
  emitUpTo(chapters.length - 1);
  return out;
}

export function ruleRevisionTitle(d: RuleRevisionData): string {
  return `${d.title}修订对照稿`;
}

/** The section and the comments its paragraphs point to. */
function revision(d: RuleRevisionData): { sections: ISectionOptions[]; notes: Note[] } {
  const rev = reviser(d.author, d.date);
  const from = d.fromName.trim();
  const to = d.toName.trim();
  const children: Paragraph[] = [
    title(d.title, { after: 0 }),
    subtitle(`修订对照稿（自《${from}》至《${to}》）`),
    body(
      [
        kai(
          `本稿以修订模式标出《${from}》至《${to}》的全部改动：新增的文字、删去的文字和条文序号的变化均为修订标记，在 Word 或 WPS 中可逐条接受或拒绝，全部接受后即为《${to}》条文。条文位置有调整的，以批注注明原来的位置；批注不是条文内容，定稿时删除批注即可。`,
        ),
      ],
      { spacingAfter: LINE },
    ),
    ...textParagraphs(rev, d.comparison.articles, d.comparison.chapters),
  ];
  return { sections: [section({ children })], notes: rev.notes };
}

export async function buildRuleRevision(d: RuleRevisionData): Promise<Buffer> {
  const { sections, notes } = revision(d);
  const docx = await pack(sections, { title: ruleRevisionTitle(d), creator: d.orgName, date: d.fileDate, subject: `${d.fromName}至${d.toName}` });
  return notes.length ? stampZip(withComments(docx, notes, d.author, d.date), d.fileDate) : docx;
}

// ---------------------------------------------------------------------------------------------
// Comments. pack() writes no comments part, so it is added to the package afterwards: the part
// itself, its relationship from the document and its content type.

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/comments.xml: each note one paragraph in 五号 on single spacing (the body's fixed 3号 pitch would not fit a balloon). */
function commentsXml(notes: Note[], author: string, date: string): string {
  const rPr = `<w:rPr><w:rStyle w:val="${STYLE.kai}"/><w:sz w:val="${SIZE.wu}"/><w:szCs w:val="${SIZE.wu}"/></w:rPr>`;
  const comments = notes.map(
    (n) =>
      `<w:comment w:id="${n.id}" w:author="${escapeXml(author)}" w:date="${escapeXml(date)}" w:initials="${escapeXml([...author][0] ?? '')}">` +
      `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>` +
      `<w:r>${rPr}<w:annotationRef/></w:r><w:r>${rPr}<w:t xml:space="preserve">${escapeXml(n.text)}</w:t></w:r></w:p></w:comment>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${comments.join('')}</w:comments>`
  );
}

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

function withComments(docx: Buffer, notes: Note[], author: string, date: string): Buffer {
  const entries = readZip(docx);
  const edit = (name: string, change: (xml: string) => string) => {
    const e = entries.find((x) => x.name === name);
    if (!e) throw new Error(`${name} is not in the package`);
    Object.assign(e, deflated(name, change(contentOf(e).toString('utf8'))));
  };
  edit('[Content_Types].xml', (xml) => xml.replace('</Types>', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`));
  edit('word/_rels/document.xml.rels', (xml) =>
    xml.replace('</Relationships>', `<Relationship Id="rIdComments" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`),
  );
  entries.push(deflated('word/comments.xml', commentsXml(notes, author, date)));
  return writeZip(entries);
}

// A zip read and written again with node:zlib (the package docx wrote: no zip64, no encryption).
// Entries keep their order and their compressed bytes unless replaced; dates are left to stampZip.

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const out: ZipEntry[] = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('broken central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({
      name: buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      flags: buf.readUInt16LE(p + 8) & ~0x0008,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      size: buf.readUInt32LE(p + 24),
      data: Buffer.from(buf.subarray(start, start + buf.readUInt32LE(p + 20))),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const contentOf = (e: ZipEntry): Buffer => (e.method === 0 ? e.data : inflateRawSync(e.data));

function deflated(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, flags: 0x0800, method: 8, crc: crc32(raw) >>> 0, size: raw.length, data: deflateRawSync(raw) };
}

function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
