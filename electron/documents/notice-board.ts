// 打印张贴版: one A4 sheet for the notice board (公开栏), on the GB/T 9704 page. The title in 2号
// 小标宋, the resolution number under it, the text, 公示期 and place, where to object (with the
// committee's phone when it has one), and the committee and date at the bottom right.
//
// The sheet is always one page. Every line is of exact height, so the page can be planned here:
// the text is set in 3号 仿宋 and, when it does not fit, one step smaller at a time down to 小四
// (12 pt — still legible to someone standing at the board). When even 小四 does not hold it, the
// sheet keeps its head and its foot — the period, where to object, the committee and date under
// which the seal goes — and ends the text at a sentence with "……（全文见附页）"; the caller tells
// the user to print the full text (导出 Word) and post it beside the sheet. That is how a long
// notice is posted on a board: a sheet split over two pages loses its seal and its period from
// the page people read first, and a refusal would leave the office with nothing to post.
import { AlignmentType, LineRuleType, Paragraph, type ParagraphChild } from 'docx';
import { chineseDate } from '../../core/dates';
import { clean, lines, textWidth } from '../../core/documents/text';
import { FONT, LINE, pack, run, section, SIZE, STYLE, TEXT_HEIGHT, TEXT_WIDTH, title } from './layout';

export interface NoticeBoardData {
  /** The committee that posts and signs the notice. */
  orgName: string;
  title: string;
  /** "决议编号" for a notice of a resolution; null otherwise. */
  resolutionNumber: string | null;
  /** The text; paragraphs separated by "\n". */
  content: string;
  postFrom: string;
  /** Last day, inclusive (the app's noticeEndsOn). */
  postTo: string;
  days: number;
  place: string;
  /** The committee's phone (本单位信息), for 监督电话; null when none is kept. */
  phone: string | null;
  issuedDate: string;
}

/** Body sizes tried in turn (half-points): 3号, 小三, 4号, 小四. */
export const BOARD_SIZES = [SIZE.san, 30, SIZE.si, SIZE.xiaosi] as const;
export const BOARD_SIZE_NAMES: Record<number, string> = { 32: '三号', 30: '小三', 28: '四号', 24: '小四' };
export const SEE_ATTACHED = '……（全文见附页）';

/** The title line: 2号 with no narrowing is 20 characters on the 156 mm line; 19 leaves room for 避头尾. */
const TITLE_CHARS = Math.floor(TEXT_WIDTH / (SIZE.er * 10)) - 1;
const TITLE_LINE = 700;

/** Exact line height for a body size: 28.95 pt at 3号, in proportion below. */
const lineFor = (size: number) => Math.round((LINE * size) / SIZE.san);
/** Characters a line holds at a size, one kept back for punctuation moved by line-breaking rules. */
const charsFor = (size: number) => (size === SIZE.san ? 28 : Math.floor(TEXT_WIDTH / (size * 10))) - 1;
/** Lines a paragraph takes: its two-character indent and its text. */
const linesOf = (text: string, size: number, indent = 2) => Math.max(1, Math.ceil((indent + textWidth(text)) / charsFor(size)));

export interface BoardPlan {
  size: number;
  paragraphs: string[];
  /** True when the text was cut and ends with （全文见附页）. */
  truncated: boolean;
}

function fixedLines(d: NoticeBoardData, size: number): number {
  const [period, place, feedback] = tailTexts(d);
  let n = linesOf(period, size) + linesOf(place, size) + linesOf(feedback, size);
  if (d.resolutionNumber) n += 2; // the number and the line under it
  return n + 2 /* blank lines */ + 2; /* committee and date */
}

/** The height left for the text at a size, in lines. */
function budgetLines(d: NoticeBoardData, size: number): number {
  const titleHeight = Math.ceil(textWidth(d.title) / TITLE_CHARS) * TITLE_LINE + LINE;
  // One line of the page kept spare: rounding in the renderers never tips the sheet over.
  return Math.floor((TEXT_HEIGHT - titleHeight) / lineFor(size)) - fixedLines(d, size) - 1;
}

/** The text a paragraph may hold in `room` lines, ending at a sentence where one ends late enough, then （全文见附页）. */
function cut(text: string, room: number, size: number): string {
  const chars = Array.from(text);
  let keep = room * charsFor(size) - 2 - textWidth(SEE_ATTACHED);
  while (keep > 0 && textWidth(chars.slice(0, keep).join('')) > room * charsFor(size) - 2 - textWidth(SEE_ATTACHED)) keep--;
  let head = chars.slice(0, Math.max(0, keep)).join('');
  const stop = Math.max(...['。', '！', '？', '；'].map((p) => head.lastIndexOf(p)));
  if (stop >= head.length / 2) head = head.slice(0, stop + 1);
  return head.replace(/[，、：；。]+$/, '') + SEE_ATTACHED;
}

/** The size and the paragraphs of the text that fit one page. */
export function planBoard(d: NoticeBoardData): BoardPlan {
  const paragraphs = lines(d.content);
  for (const size of BOARD_SIZES) {
    const need = paragraphs.reduce((n, p) => n + linesOf(p, size), 0);
    if (need <= budgetLines(d, size)) return { size, paragraphs, truncated: false };
  }
  const size = BOARD_SIZES[BOARD_SIZES.length - 1]!;
  let room = budgetLines(d, size);
  const kept: string[] = [];
  for (const p of paragraphs) {
    const n = linesOf(p, size);
    if (n < room) {
      kept.push(p);
      room -= n;
      continue;
    }
    if (room >= 1) kept.push(cut(p, room, size));
    else if (kept.length) kept[kept.length - 1] = cut(kept[kept.length - 1]!, linesOf(kept[kept.length - 1]!, size), size);
    break;
  }
  return { size, paragraphs: kept, truncated: true };
}

function tailTexts(d: NoticeBoardData): [period: string, place: string, feedback: string] {
  const org = d.orgName.trim();
  return [
    `公示期：${chineseDate(d.postFrom)}至${chineseDate(d.postTo)}（共 ${d.days} 日）`,
    `公示地点：${d.place.trim()}`,
    d.phone?.trim() ? `意见反馈：公示期间如有异议，请向${org}反映。监督电话：${d.phone.trim()}` : `意见反馈：公示期间如有异议，请向${org}书面或当面反映。`,
  ];
}

function para(children: ParagraphChild[], size: number, opts: { align?: 'right' | 'center'; right?: number; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : undefined,
    spacing: { line: lineFor(size), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: opts.indent === false ? 0 : 2 * size * 10, right: opts.right },
    widowControl: false,
    children,
  });
}

export function noticeBoardSections(d: NoticeBoardData, plan: BoardPlan = planBoard(d)) {
  const size = plan.size;
  // 3号 keeps the document's narrowing (28 characters a line); smaller sizes set no narrowing.
  const style = size === SIZE.san ? undefined : { size, characterSpacing: 0 };
  const fang = (text: string) => run(text, style);
  const heiRun = (text: string) => run(text, { ...style, style: STYLE.hei });
  const labelled = (text: string) => {
    const i = text.indexOf('：');
    return para([heiRun(text.slice(0, i + 1)), fang(text.slice(i + 1))], size);
  };
  const org = clean(d.orgName.trim());
  const children: Paragraph[] = [title(d.title.trim())];
  if (d.resolutionNumber) {
    children.push(para([run(`决议编号：${d.resolutionNumber}`, { ...style, font: FONT.kaiti })], size, { align: 'center', indent: false }));
    children.push(para([], size));
  }
  for (const p of plan.paragraphs) children.push(para([fang(p)], size));
  for (const t of tailTexts(d)) children.push(labelled(t));
  children.push(para([], size), para([], size));
  // The committee and the date end four characters from the right edge, room for the seal over them.
  const right = 4 * size * 10;
  children.push(para([fang(`${org}（盖章）`)], size, { align: 'right', right, indent: false }));
  children.push(para([fang(chineseDate(d.issuedDate))], size, { align: 'right', right, indent: false }));
  return [section({ children, pageNumbers: false })];
}

/** The .docx of one sheet, the size its text is set in, and whether the text was cut. */
export async function buildNoticeBoard(d: NoticeBoardData): Promise<{ bytes: Buffer; plan: BoardPlan }> {
  const plan = planBoard(d);
  const bytes = await pack(noticeBoardSections(d, plan), { title: d.title, creator: d.orgName, date: d.issuedDate, subject: `${d.title}（张贴版）` });
  return { bytes, plan };
}
