// 规约文本: a 村规民约 / 居民公约 as it is posted — title, the version or adoption line, chapters
// "第一章\u3000总则" centred in 黑体, and one indented paragraph per article and 款 (GB/T 9704 body).
import { AlignmentType, HeadingLevel, LineRuleType, Paragraph, type IParagraphRunOptions, type ISectionOptions, type ParagraphChild } from 'docx';
import type { RuleTextData } from '../../core/documents/rule-types';
import { body, hei, LINE, lines, pack, run, section, STYLE, subtitle, title } from './layout';

/** Between an article's label and its text. */
export const LABEL_GAP = '\u3000';

/**
 * A chapter heading: the Heading1 style (黑体 3号, kept with the next paragraph, in Word's
 * navigation pane), centred, with one line of space before it unless it opens the text.
 * `mark` marks the paragraph mark itself as inserted or deleted (a tracked change).
 */
export function chapterHeading(children: ParagraphChild[], first: boolean, mark?: IParagraphRunOptions): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: first ? undefined : { line: LINE, lineRule: LineRuleType.EXACT, before: LINE, after: 0 },
    run: mark,
    children,
  });
}

/** An article's paragraph (or one of its 款): GBBody, indented two characters. */
export function articleParagraph(children: ParagraphChild[], mark?: IParagraphRunOptions): Paragraph {
  return mark ? new Paragraph({ style: STYLE.body, run: mark, children }) : body(children);
}

/** The lines under the title: a draft names its version; an adopted text says when it was adopted. */
export function versionLines(versionName: string, adoptedNote: string | null): string[] {
  const out: string[] = [];
  const name = versionName.trim();
  if (name && name !== '正式稿') out.push(`（${name}）`);
  const note = adoptedNote?.trim();
  if (note) out.push(/^[（(]/.test(note) ? note : `（${note}）`);
  return out;
}

export function ruleTextSections(d: RuleTextData): ISectionOptions[] {
  const sub = versionLines(d.versionName, d.adoptedNote);
  const children: Paragraph[] = [title(d.title, sub.length ? { after: 0 } : {}), ...sub.map(subtitle)];
  const article = (a: RuleTextData['snapshot']['articles'][number]) => {
    const paras = lines(a.text);
    if (paras.length === 0) return [articleParagraph([hei(a.label)])];
    return paras.map((p, i) => articleParagraph(i === 0 ? [hei(a.label), run(LABEL_GAP + p)] : [run(p)]));
  };
  // Articles outside any known chapter (a text without chapters) come first, in their order.
  const chapterIds = new Set(d.snapshot.chapters.map((c) => c.id));
  for (const a of d.snapshot.articles) if (a.chapterId == null || !chapterIds.has(a.chapterId)) children.push(...article(a));
  d.snapshot.chapters.forEach((c, i) => {
    children.push(chapterHeading([run(`${c.label}${LABEL_GAP}${c.title.trim()}`)], i === 0 && children.length === 1 + sub.length));
    for (const a of d.snapshot.articles) if (a.chapterId === c.id) children.push(...article(a));
  });
  return [section({ children })];
}

export function buildRuleText(d: RuleTextData): Promise<Buffer> {
  return pack(ruleTextSections(d), { title: d.title, creator: d.orgName, date: d.date, subject: d.versionName });
}
