import { underOrg } from '../../core/documents/wording';
// 选票: N ballots per A4 page inside dashed cut lines, then a 计票单 for the counters.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { chineseDate } from '../../core/dates';
import { blank, body, borders, fillIn, FONT, labelLine, noBorders, pack, run, section, SIZE, table, TEXT_HEIGHT, TEXT_WIDTH, title } from './layout';
import type { BallotData } from './types';

export const PROPOSAL_CHOICES = ['赞成', '反对', '弃权'] as const;

export const PROPOSAL_INSTRUCTIONS =
  '请在“赞成”“反对”“弃权”中选择一项，在其后的方框内划“√”。只能划一项，多划的为无效票；不划的视为弃权。请勿在选票上书写其他内容。';
export const OPTIONS_INSTRUCTIONS = '请在所选方案前的方框内划“√”。只能选择一个方案，多选的为无效票；一个都不选的视为弃权。请勿在选票上书写其他内容。';
/** On a 记名 ballot the voter signs: the last sentence says so. */
const NAMED_INSTRUCTIONS = '除投票人签名外，请勿在选票上书写其他内容。';

/** The instructions printed on a ballot of this kind and method. */
export function ballotInstructions(d: Pick<BallotData, 'kind' | 'method'>): string {
  const text = d.kind === 'proposal' ? PROPOSAL_INSTRUCTIONS : OPTIONS_INSTRUCTIONS;
  return d.method === '记名' ? text.replace('请勿在选票上书写其他内容。', NAMED_INSTRUCTIONS) : text;
}

interface Scale {
  head: number;
  title: number;
  text: number;
  box: number;
  note: number;
}
// Half-points: a half-page ballot uses the body sizes; a quarter-page one is set smaller.
const SCALE: Record<BallotData['perPage'], Scale> = {
  2: { head: SIZE.si, title: SIZE.er, text: SIZE.san, box: SIZE.er, note: SIZE.xiaosi },
  4: { head: SIZE.wu, title: 36, text: SIZE.si, box: SIZE.san, note: 18 },
};

function line(
  text: string,
  size: number,
  opts: { font?: keyof typeof FONT; align?: 'left' | 'center'; before?: number; after?: number; indent?: number } = {},
) {
  return new Paragraph({
    alignment: opts.align === 'left' ? AlignmentType.LEFT : opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.BOTH,
    indent: opts.indent ? { left: opts.indent } : undefined,
    spacing: { line: Math.round(size * 15), lineRule: LineRuleType.EXACT, before: opts.before ?? 0, after: opts.after ?? 0 },
    children: [run(text, { size, font: FONT[opts.font ?? 'fangsong'], characterSpacing: 0 })],
  });
}

const box = (s: Scale) => run('□', { size: s.box, font: FONT.songti, characterSpacing: 0 });

/**
 * 赞成 □ 反对 □ 弃权 □ on one line, each choice in a cell of its own: a narrow ballot cannot
 * wrap a box away from its word, or a word in two.
 */
function proposalChoices(s: Scale, width: number): Table {
  const cell = Math.floor(width / PROPOSAL_CHOICES.length);
  const widths = PROPOSAL_CHOICES.map((_, i) => (i === PROPOSAL_CHOICES.length - 1 ? width - cell * i : cell));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders(),
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: PROPOSAL_CHOICES.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  spacing: { line: Math.round(s.box * 16), lineRule: LineRuleType.EXACT, before: 120, after: 120 },
                  children: [run(`${c}\u00a0`, { size: s.text, characterSpacing: 0 }), box(s)],
                }),
              ],
            }),
        ),
      }),
    ],
  });
}

function ballotContent(d: BallotData, s: Scale, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    line(underOrg(d.orgName, d.meetingTitle), s.head, { font: 'kaiti', align: 'center', before: 120 }),
    line(d.kind === 'proposal' ? '表  决  票' : '选      票', s.title, { font: 'xiaobiaosong', align: 'center', before: 60 }),
    line(chineseDate(d.date), s.head, { align: 'center', after: 120 }),
    line(`表决事项：${d.subject.trim()}`, s.text, { after: 120 }),
  ];
  if (d.kind === 'proposal') {
    out.push(proposalChoices(s, width));
  } else {
    // One option a line, the box first; a long option wraps under its own text, not under the box.
    const hang = Math.round(s.box * 10 + s.text * 5);
    for (const o of d.options) {
      out.push(
        new Paragraph({
          spacing: { line: Math.round(s.box * 15), lineRule: LineRuleType.EXACT, before: 40, after: 40 },
          indent: { left: 240 + hang, hanging: hang },
          children: [box(s), run(`\u00a0${o.trim()}`, { size: s.text, characterSpacing: 0 })],
        }),
      );
    }
  }
  if (d.method === '记名') out.push(line(`投票人（签名）：${fillIn(d.perPage === 4 ? 5 : 8)}`, s.text, { before: 160 }));
  out.push(line(`说明：${ballotInstructions(d)}`, s.note, { font: 'kaiti', before: 120 }));
  return out;
}

/** The ballot pages: a table whose dashed lines are the cut lines, one ballot per cell. */
function ballotPages(d: BallotData): Table {
  const cols = d.perPage === 4 ? 2 : 1;
  const colWidth = Math.floor(TEXT_WIDTH / cols);
  const columnWidths = Array.from({ length: cols }, (_, i) => (i === cols - 1 ? TEXT_WIDTH - colWidth * (cols - 1) : colWidth));
  // Two rows to a page; a little under half the text block, so borders never push a row over.
  const rowHeight = Math.floor(TEXT_HEIGHT / 2) - 120;
  const s = SCALE[d.perPage];
  const margin = 240;
  const count = Math.max(0, Math.floor(d.count));
  const rows: TableRow[] = [];
  for (let first = 0; first < count; first += cols) {
    rows.push(
      new TableRow({
        cantSplit: true,
        height: { value: rowHeight, rule: HeightRule.ATLEAST },
        children: columnWidths.map(
          (w, c) =>
            new TableCell({
              width: { size: w, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: { left: margin, right: margin, top: 120, bottom: 120 },
              // A cell ends with a paragraph (the instructions), as Word asks.
              children: first + c < count ? ballotContent(d, s, w - 2 * margin) : [new Paragraph({ children: [] })],
            }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: borders(BorderStyle.DASHED, 6),
    rows,
  });
}

function tallySheet(d: BallotData) {
  const choices = d.kind === 'proposal' ? [...PROPOSAL_CHOICES] : d.options.map((o) => o.trim());
  const columns = [2600, 4245, TEXT_WIDTH - 2600 - 4245];
  return [
    title('计  票  单', { pageBreakBefore: true, after: 0 }),
    body(underOrg(d.orgName, d.meetingTitle), { alignment: AlignmentType.CENTER, indent: 0 }),
    blank(),
    labelLine('表决事项：', d.subject.trim(), { indent: 0 }),
    labelLine('表决日期：', chineseDate(d.date), { indent: 0 }),
    table({
      columns,
      header: [d.kind === 'proposal' ? '表决意见' : '方案', '计票（划“正”字）', '票数'],
      rows: [...choices.map((c) => [c, '', '']), [{ text: '合计', font: 'hei' as const }, '', '']],
      rowHeight: choices.length > 4 ? 700 : 900,
    }),
    body(`发出选票 ${d.count} 张，收回${fillIn(2)}张，有效票${fillIn(2)}张，无效票${fillIn(2)}张。`, { indent: 0, spacingBefore: 200 }),
    ...(d.tellers?.trim() ? [labelLine('监票人：', d.tellers.trim(), { indent: 0 })] : []),
    ...(d.counters?.trim() ? [labelLine('计票人：', d.counters.trim(), { indent: 0 })] : []),
    body(`监票人（签字）：${fillIn(12)}`, { indent: 0, spacingBefore: 300, signOff: true }),
    body(`计票人（签字）：${fillIn(12)}`, { indent: 0, signOff: true }),
    body(`${chineseDate(d.date)}`, { alignment: AlignmentType.RIGHT, indent: 0, right: 4 * 315, signOff: true }),
  ];
}

export function ballotsTitle(d: BallotData): string {
  return `${d.meetingTitle}${d.kind === 'proposal' ? '表决票' : '选票'}`;
}

export function ballotSections(d: BallotData): ISectionOptions[] {
  // No ballots to print (count 0): the tally sheet alone, on the first page.
  const pages = d.count >= 1 ? [ballotPages(d)] : [];
  const sheet = tallySheet(d);
  if (!pages.length) sheet[0] = title('计  票  单', { after: 0 });
  return [section({ children: [...pages, ...sheet] })];
}

export function buildBallots(d: BallotData): Promise<Buffer> {
  return pack(ballotSections(d), { title: ballotsTitle(d), creator: d.orgName, date: d.date, subject: d.subject });
}
