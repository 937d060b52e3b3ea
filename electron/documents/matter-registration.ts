// 四议两公开登记表: one major village matter through its six steps, one bordered block a step.
// The form is also printed empty and filled in by hand, so a step not yet done keeps its cells,
// blank. Two steps a page (1–2 under the matter's header, 3–4, 5–6): each page break is fixed,
// so a long entry pushes only its own page's second step on, never the order of the pages.
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  HeightRule,
  type ISectionOptions,
} from 'docx';
import { chineseDate } from '../../core/dates';
import { MATTER_STEP_NAMES, type MatterRegistrationData, type MatterStep } from '../../core/documents/followup-types';
import { chineseNumeral } from '../../core/documents/numerals';
import { borders, hei, lines, pack, run, section, SIZE, STYLE, TEXT_WIDTH, title } from './layout';

/**
 * Six columns — label, value, label, value, label, value — in twips. The first holds
 * "参会人员及职务" (7 characters of 小四) and the last a ratio like "31/45（68.9%）".
 */
const FIRST = [1860, 1260, 1200, 1400, 1200];
export const MATTER_COLUMNS = [...FIRST, TEXT_WIDTH - FIRST.reduce((a, b) => a + b, 0)];
const CELL_MARGIN = 60;

/**
 * The tall 内容 cell: shorter on page 1, which also carries the title and the matter. Two blocks
 * and the gaps fill each page's 12,756 twips with about 250 to spare (rows are "at least" high).
 */
const CONTENT_HEIGHT = { first: 1500, later: 3150 } as const;

const CONTENT_LABEL = ['提议内容', '商议情况', '审议情况', '决议情况', '公开内容', '公开内容'] as const;

/** '"两委"' as stored → '“两委”' as printed. */
const printed = (name: string) => name.replace(/"([^"]*)"/g, '“$1”');

interface Cell {
  text?: string | string[];
  label?: boolean;
  span?: number;
  align?: 'left' | 'center';
  top?: boolean;
}

/**
 * Every paragraph but those of the last row keeps with the next, so Word moves a step's block
 * to the next page whole rather than split it.
 */
function cellParagraphs(c: Cell, keepNext: boolean): Paragraph[] {
  const parts = Array.isArray(c.text) ? c.text : lines(c.text);
  return (parts.length ? parts : ['']).map(
    (t) =>
      new Paragraph({
        style: STYLE.table,
        alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: Math.round(SIZE.xiaosi * 12.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        keepNext,
        children: [c.label ? hei(t, { size: SIZE.xiaosi }) : run(t, { size: SIZE.xiaosi })],
      }),
  );
}

function formTable(rows: { cells: Cell[]; height: number; header?: boolean }[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: MATTER_COLUMNS,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: borders(),
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    rows: rows.map((r, i) => {
      let col = 0;
      return new TableRow({
        tableHeader: r.header,
        cantSplit: true,
        height: { value: r.height, rule: HeightRule.ATLEAST },
        children: r.cells.map((c) => {
          const span = c.span ?? 1;
          const width = MATTER_COLUMNS.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            verticalAlign: c.top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
            children: cellParagraphs(c, i < rows.length - 1),
          });
        }),
      });
    }),
  });
}

const label = (text: string | string[], span = 1): Cell => ({ text, label: true, span });
const value = (text: string | null | undefined, span = 1, align: Cell['align'] = 'center'): Cell => ({ text: text ?? '', span, align });
const date = (iso: string | null) => (iso ? chineseDate(iso) : '');
const people = (n: number | null) => (n != null ? `${n}人` : '');

/** A step as printed; a step missing from the data is a blank one, to be filled in by hand. */
function stepBlock(n: number, s: MatterStep | undefined, contentHeight: number): Table {
  const name = printed(s?.name ?? MATTER_STEP_NAMES[n - 1]!);
  const merged = n === 2 && s?.mergedWithPrevious ? '（与第一步合并召开）' : '';
  const notice = n >= 5;
  const rows: { cells: Cell[]; height: number; header?: boolean }[] = [
    { cells: [label('步骤'), { text: `第${chineseNumeral(n)}步\u3000${name}${merged}`, label: true, span: 5, align: 'left' }], height: 500, header: true },
    {
      cells: [label(notice ? '公开时间' : '日期'), value(date(s?.date ?? null), 2), label(notice ? '公开形式' : '形式'), value(s?.form, 2)],
      height: 520,
    },
  ];
  if (!notice) {
    rows.push({
      cells: [label('应到人数'), value(people(s?.expected ?? null)), label('实到人数'), value(people(s?.present ?? null)), label('比例'), value(s?.ratio)],
      height: 520,
    });
  }
  rows.push({ cells: [label(CONTENT_LABEL[n - 1]!), { ...value(s?.content, 5, 'left'), top: true }], height: contentHeight });
  rows.push(
    notice
      ? { cells: [label('群众反映情况'), { ...value(null, 5, 'left'), top: true }], height: 1100 }
      : { cells: [label(['乡镇（街道）', '参会人员及职务']), value(s?.townshipOfficials, 5, 'left')], height: 680 },
  );
  rows.push({
    cells: notice
      ? [label('经办人签字'), value(null, 2), label('审核人签字'), value(null, 2)]
      : [label('主持人签字'), value(null, 2), label('记录人签字'), value(null, 2)],
    height: 640,
  });
  return formTable(rows);
}

/** Space between blocks; with `pageBreak`, a line of almost no height that starts the next page. */
const gap = (pageBreak = false) =>
  new Paragraph({ pageBreakBefore: pageBreak, spacing: { line: pageBreak ? 20 : 240, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });

export function matterRegistrationTitle(): string {
  return '四议两公开登记表';
}

export function matterRegistrationSections(d: MatterRegistrationData): ISectionOptions[] {
  const byStep = new Map(d.steps.map((s) => [s.step, s] as const));
  const children: (Paragraph | Table)[] = [
    title(matterRegistrationTitle(), { after: 200 }),
    new Paragraph({
      style: STYLE.body,
      indent: { firstLine: 0 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [hei('填报单位：'), run(d.orgName.trim()), new TextRun({ children: [new Tab()] }), hei('填报日期：'), run(chineseDate(d.issuedDate))],
    }),
    gap(),
    formTable([
      { cells: [label('事项名称'), value(d.subject.trim(), 5, 'left')], height: 520 },
      { cells: [label('事项内容'), { ...value(d.content, 5, 'left'), top: true }], height: 900 },
    ]),
  ];
  for (let n = 1; n <= 6; n++) {
    children.push(gap(n === 3 || n === 5), stepBlock(n, byStep.get(n as MatterStep['step']), n <= 2 ? CONTENT_HEIGHT.first : CONTENT_HEIGHT.later));
  }
  // Word needs a paragraph after a final table; a tiny one, so it cannot spill onto a page of its own.
  children.push(gap());
  return [section({ children })];
}

export function buildMatterRegistration(d: MatterRegistrationData): Promise<Buffer> {
  return pack(matterRegistrationSections(d), {
    title: `${d.subject.trim()}${matterRegistrationTitle()}`,
    creator: d.orgName,
    date: d.issuedDate,
    subject: d.subject,
  });
}
