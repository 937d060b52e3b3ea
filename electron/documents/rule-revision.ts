// 修订对照稿: the newer text laid out like the 规约文本, with every change as a real Word revision
// (w:ins / w:del), so the township's reviewers can accept or reject each one in Word or WPS and
// "accept all" leaves the newer text. Paragraph marks carry revisions too: an inserted article's
// paragraphs vanish on "reject", a deleted article's on "accept".
import { DeletedTextRun, InsertedTextRun, TextRun, type IParagraphRunOptions, type ISectionOptions, type Paragraph, type ParagraphChild } from 'docx';
import type { RuleRevisionData } from '../../core/documents/rule-types';
import type { ArticleChange, ArticleComparison, ChapterComparison, TextPart } from '../../core/ruletext/types';
import { body, clean, kai, LINE, pack, section, STYLE, subtitle, title } from './layout';
import { articleParagraph, chapterHeading, LABEL_GAP } from './rule-text';

type Mark = 'ins' | 'del' | null;

/** Hands out the revision ids: every w:ins and w:del in the document needs its own. */
function reviser(author: string, date: string) {
  let next = 1;
  const attrs = () => ({ id: next++, author, date });
  return {
    run(text: string, mark: Mark, style?: string): ParagraphChild {
      const opts = { text: clean(text), style };
      if (mark === 'ins') return new InsertedTextRun({ ...attrs(), ...opts });
      if (mark === 'del') return new DeletedTextRun({ ...attrs(), ...opts });
      return new TextRun(opts);
    },
    mark(mark: Mark): IParagraphRunOptions | undefined {
      return mark === 'ins' ? { insertion: attrs() } : mark === 'del' ? { deletion: attrs() } : undefined;
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
  const lead = [...labelRuns(rev, change, before?.label, after?.label, STYLE.hei), rev.run(LABEL_GAP, whole)];
  const paras = layParts(rev, lead, partsOf(change, before?.text, after?.text, row.parts), whole);
  if (row.moved && before && after && !whole) {
    // A Word comment would be better, but pack() writes no comments part; an insertion the
    // reviewer rejects at the end is what WPS users know from paper markups.
    const from = before.chapterLabel && before.chapterLabel !== after.chapterLabel ? `${before.chapterLabel}${before.label}` : before.label;
    paras[paras.length - 1]!.children.push(rev.run(`（本条由原${from}移至此处）`, 'ins', STYLE.kai));
  }
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

export function ruleRevisionSections(d: RuleRevisionData): ISectionOptions[] {
  const rev = reviser(d.author, d.date);
  const from = d.fromName.trim();
  const to = d.toName.trim();
  const children: Paragraph[] = [
    title(d.title, { after: 0 }),
    subtitle(`修订对照稿（自《${from}》至《${to}》）`),
    body(
      [
        kai(
          `本稿以修订模式标出《${from}》至《${to}》的全部改动：新增的文字、删去的文字和条文序号的变化均为修订标记，在 Word 或 WPS 中可逐条接受或拒绝，全部接受后即为《${to}》条文。条文位置有调整的，在该条末尾以楷体括注说明，定稿时拒绝该处修订即可。`,
        ),
      ],
      { spacingAfter: LINE },
    ),
    ...textParagraphs(rev, d.comparison.articles, d.comparison.chapters),
  ];
  return [section({ children })];
}

export function buildRuleRevision(d: RuleRevisionData): Promise<Buffer> {
  return pack(ruleRevisionSections(d), { title: ruleRevisionTitle(d), creator: d.orgName, date: d.date.slice(0, 10), subject: `${d.fromName}至${d.toName}` });
}
