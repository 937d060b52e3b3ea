// The page and type of GB/T 9704-2012 (党政机关公文格式), shared by every document we print.
// See ../shared/DOMAIN.md "GB/T 9704-2012 page and type". All lengths are in twips (1/20 pt)
// unless a name says otherwise; font sizes given to docx are in half-points.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TabStopType,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  HeightRule,
  type FileChild,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { clean, lines, textWidth } from '../../core/documents/text';

const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** A4: 210 × 297 mm. */
export const PAGE = { width: 11906, height: 16838 } as const;
/** Top 37, bottom 35, left (binding) 28, right 26 mm: a text block of 156 × 225 mm. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

/**
 * 22 lines a page: 225 mm / 22 = 28.99 pt; 28.95 pt (579 twips) is the value offices type into
 * Word, and 22 × 579 = 12,738 twips still fits the 12,756 of the text block while 23 lines do not.
 */
export const LINE = 579;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21 } as const;

/**
 * 28 characters of 16 pt need 448 pt, but the 156 mm text block is 442.2 pt: Word's own
 * template closes the gap with a character grid. A character grid renders differently in every
 * program (LibreOffice spreads the characters across the line), so each body character is
 * narrowed by 0.25 pt instead: 28 × 15.75 = 441 pt, the same 28 characters everywhere.
 */
export const CHAR_SPACING = -5;
/** One body character (16 pt less the narrowing) in twips. */
export const CHAR = 320 + CHAR_SPACING;
/** GB/T 9704 indents paragraphs and headings by two characters. */
export const INDENT = 2 * 320;

export interface FontSet {
  ascii: string;
  eastAsia: string;
  hAnsi: string;
  cs: string;
}

/**
 * The East Asian font is the one GB/T 9704 names; the Latin slots carry the name of the same
 * design that every Chinese Windows has, so digits and Latin text look right even where the
 * _GB2312 fonts are missing. fontTable.xml (below) gives Word and WPS the fallback for the
 * East Asian font itself.
 */
const fontSet = (eastAsia: string, latin: string): FontSet => ({ ascii: latin, eastAsia, hAnsi: latin, cs: latin });
export const FONT = {
  fangsong: fontSet('仿宋_GB2312', 'FangSong'),
  heiti: fontSet('黑体', 'SimHei'),
  kaiti: fontSet('楷体_GB2312', 'KaiTi'),
  songti: fontSet('宋体', 'SimSun'),
  xiaobiaosong: fontSet('方正小标宋简体', '方正小标宋简体'),
} as const;

/** name → the font Word substitutes when it is missing (w:altName), and its family. */
const FONT_TABLE: [name: string, altName: string, family: 'roman' | 'modern' | 'swiss' | 'script'][] = [
  ['仿宋_GB2312', '仿宋', 'modern'],
  ['FangSong', '仿宋', 'modern'],
  ['楷体_GB2312', '楷体', 'modern'],
  ['KaiTi', '楷体', 'modern'],
  ['黑体', 'SimHei', 'modern'],
  ['SimHei', '黑体', 'modern'],
  ['宋体', 'SimSun', 'roman'],
  ['SimSun', '宋体', 'roman'],
  ['方正小标宋简体', '宋体', 'roman'],
];

// ---------------------------------------------------------------------------------------------
// Text

export { clean, clock, fillIn, inclusiveDays, lines, percent, sentence, textWidth, weekday } from '../../core/documents/text';

// ---------------------------------------------------------------------------------------------
// Runs and paragraphs
//
// The formatting lives in styles (styles.xml), not on every run: the document defaults are 3号
// 仿宋 on the exact 28.95 pt line, "GBBody" adds the two-character indent, "GBHei" / "GBKai" are
// character styles, and Title / Heading1 / Heading2 carry 小标宋 / 黑体 / 楷体. A secretary who
// edits the file in Word keeps the look, and a 300-page record stays small and quick to write.

type RunStyle = Omit<IRunOptions, 'text' | 'children'>;

export const STYLE = { body: 'GBBody', table: 'GBTable', hei: 'GBHei', kai: 'GBKai' } as const;

/** A run of body text; only what differs from the defaults is written on it. */
export function run(text: string, style?: RunStyle): TextRun {
  return style ? new TextRun({ ...style, text: clean(text) }) : new TextRun(clean(text));
}
export const hei = (text: string, style: RunStyle = {}) => run(text, { style: STYLE.hei, ...style });
export const kai = (text: string, style: RunStyle = {}) => run(text, { style: STYLE.kai, ...style });

const EXACT = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

// ---------------------------------------------------------------------------------------------
// Keeping the end of the text with the sign-off
//
// A docx paragraph cannot be changed once made, so every paragraph and table made here remembers
// how to make itself again kept with what follows. section() uses that: the body above a sign-off
// (落款 and date, or signature lines) moves to the next page with it, so no page holds only the
// seal, the date or the signatures (GB/T 9704 §7.3.5: the sign-off never stands on a page alone).

type Block = Paragraph | Table;
const remade = new WeakMap<object, () => Paragraph>();
const tableSpecs = new WeakMap<object, TableSpec>();
const blanks = new WeakSet<object>();
const signOffLines = new WeakSet<object>();

/** A paragraph that section() can make again with keepNext (and widow control: two lines at least go along). */
function paragraph(options: IParagraphOptions): Paragraph {
  const p = new Paragraph(options);
  remade.set(p, () => new Paragraph({ ...options, keepNext: true, widowControl: true }));
  return p;
}

/** The block again, kept with the next; a block made elsewhere comes back as it was. */
const keptWithNext = (block: FileChild): FileChild => remade.get(block)?.() ?? block;

/**
 * For each sign-off (a run of paragraphs made by signOff() or with `signOff: true`): the empty
 * lines above it and the last block of text before them keep with it, and every line of the
 * sign-off but its last keeps with the next. A table made by table() right above (blank lines
 * aside) gives its last row to go with the sign-off.
 */
export function keepWithSignOff(children: readonly FileChild[]): FileChild[] {
  const out = [...children];
  const isSignOff = (i: number) => i >= 0 && i < children.length && signOffLines.has(children[i]!);
  // From the end, so that a table replaced by several blocks moves nothing still to be visited.
  for (let start = children.length - 1; start >= 0; start--) {
    if (!isSignOff(start) || isSignOff(start - 1)) continue;
    let end = start;
    while (isSignOff(end + 1)) end++;
    let lead = start - 1;
    while (lead >= 0 && blanks.has(children[lead]!)) lead--;
    const spec = lead >= 0 ? tableSpecs.get(children[lead]!) : undefined;
    if (spec) {
      out.splice(lead, end + 1 - lead, ...tableWithSignOff(spec, children.slice(lead + 1, end + 1) as Paragraph[]));
    } else {
      for (let k = Math.max(lead, 0); k < end; k++) out[k] = keptWithNext(children[k]!);
    }
  }
  return out;
}

export interface BodyOptions {
  /** First-line indent; two characters unless told otherwise. */
  indent?: number;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Left and hanging indent, for label lines whose wrapped lines start after the colon. */
  hanging?: { left: number; hanging: number };
  right?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  tabStop?: number;
  /** A line of a sign-off (signatures, date): the text above keeps with it (see section()). */
  signOff?: boolean;
}

/** A body paragraph: 3号 仿宋, justified, indented two characters, 28.95 pt exact (style GBBody). */
export function body(children: string | ParagraphChild[], opts: BodyOptions = {}): Paragraph {
  const indent = opts.hanging
    ? { left: opts.hanging.left, hanging: opts.hanging.hanging, right: opts.right }
    : opts.indent != null || opts.right != null
      ? { firstLine: opts.indent ?? INDENT, right: opts.right }
      : undefined;
  const spacing =
    opts.spacingBefore != null || opts.spacingAfter != null ? { ...EXACT, before: opts.spacingBefore ?? 0, after: opts.spacingAfter ?? 0 } : undefined;
  const p = paragraph({
    style: STYLE.body,
    children: typeof children === 'string' ? [run(children)] : children,
    alignment: opts.alignment,
    indent,
    spacing,
    keepNext: opts.keepNext,
    keepLines: opts.signOff || undefined,
    pageBreakBefore: opts.pageBreakBefore,
    tabStops: opts.tabStop != null ? [{ type: TabStopType.LEFT, position: opts.tabStop }] : undefined,
  });
  if (opts.signOff) signOffLines.add(p);
  return p;
}

/** Every paragraph of a stored text, the first one led by `lead` runs (a speaker's name). */
export function bodyText(text: string | null | undefined, lead: ParagraphChild[] = []): Paragraph[] {
  const parts = lines(text);
  if (parts.length === 0) return lead.length ? [body(lead)] : [];
  return parts.map((p, i) => body(i === 0 ? [...lead, run(p)] : [run(p)]));
}

/** The document title: 2号 小标宋, centred, with one empty line below (GB/T 9704 §7.3.1). */
export function title(text: string, opts: { pageBreakBefore?: boolean; after?: number } = {}): Paragraph {
  return paragraph({
    heading: HeadingLevel.TITLE,
    spacing: opts.after != null ? { ...TITLE_SPACING, after: opts.after } : undefined,
    pageBreakBefore: opts.pageBreakBefore,
    children: [run(text)],
  });
}

/** A line under the title, centred (a date in brackets, a subtitle). */
export function subtitle(text: string): Paragraph {
  return paragraph({ alignment: AlignmentType.CENTER, spacing: { ...EXACT, after: LINE }, children: [kai(text)] });
}

/** First-level heading "一、…": 3号 黑体, indented two characters, kept with what follows. */
export function heading1(text: string, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  return paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: opts.pageBreakBefore, children: [run(text)] });
}

/** Second-level heading "（一）…": 3号 楷体. */
export function heading2(text: string): Paragraph {
  return paragraph({ heading: HeadingLevel.HEADING_2, children: [run(text)] });
}

/**
 * "出席：张三、李四" — the label in 黑体, the names in 仿宋, wrapped lines aligned after the colon
 * (GB/T 9704 §10.3, used for the minutes' header block too). With `width` (in characters), the
 * value starts at that tab stop, so a column of labels of different lengths lines up.
 */
export function labelLine(label: string, value: string, opts: { indent?: number; labelFont?: 'hei' | 'fang'; width?: number } = {}): Paragraph {
  const start = opts.indent ?? INDENT;
  const labelWidth = Math.round(Math.max(textWidth(label), opts.width ?? 0) * CHAR);
  const labelRun = opts.labelFont === 'fang' ? run(label) : hei(label);
  const tab = opts.width != null && textWidth(label) < opts.width;
  return body(tab ? [labelRun, new TextRun({ children: [new Tab()] }), run(value)] : [labelRun, run(value)], {
    hanging: { left: start + labelWidth, hanging: labelWidth },
    tabStop: tab ? start + labelWidth : undefined,
  });
}

/** An empty line of body height. */
export function blank(): Paragraph {
  const p = paragraph({ children: [] });
  blanks.add(p);
  return p;
}

/**
 * Signature and date block at the end of a notice (GB/T 9704 §7.3.5): the organization above the
 * date, the date's first character two characters right of the organization's; both end two
 * characters from the right edge (four for the date when a seal goes over them). The text above
 * keeps with it: section() carries the last paragraph (and the empty lines) over to its page.
 */
export function signOff(org: string, isoDateText: string, opts: { seal?: boolean } = {}): Paragraph[] {
  const orgW = textWidth(org);
  const dateW = textWidth(isoDateText);
  let orgRight: number;
  let dateRight: number;
  if (opts.seal) {
    // §7.3.5.1: the date four characters from the right, the organization centred over it.
    dateRight = 4;
    orgRight = Math.max(0, dateRight + (dateW - orgW) / 2);
  } else {
    orgRight = 2;
    dateRight = orgRight + orgW - 2 - dateW;
    if (dateRight < 2) {
      dateRight = 2;
      orgRight = dateRight + dateW + 2 - orgW;
    }
  }
  const p = (text: string, right: number) => body(text, { alignment: AlignmentType.RIGHT, indent: 0, right: Math.round(right * CHAR), signOff: true });
  return [p(org, orgRight), p(isoDateText, dateRight)];
}

// ---------------------------------------------------------------------------------------------
// Tables: widths in DXA on the table, the grid and every cell, or WPS and LibreOffice lay them out wrong.

const line = (style: IBorderOptions['style'] = BorderStyle.SINGLE, size = 6): IBorderOptions => ({ style, size, color: '000000' });
export const borders = (style: IBorderOptions['style'] = BorderStyle.SINGLE, size = 6) => ({
  top: line(style, size),
  bottom: line(style, size),
  left: line(style, size),
  right: line(style, size),
  insideHorizontal: line(style, size),
  insideVertical: line(style, size),
});
export const noBorders = () => borders(BorderStyle.NONE, 0);

export interface CellText {
  text: string;
  font?: 'fang' | 'hei' | 'kai';
  align?: 'left' | 'center' | 'right';
  size?: number;
}

/** Line height for table text of a given size (half-points): 1.25 × the size, exact. */
const cellLine = (size: number) => ({ line: Math.round(size * 12.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/**
 * A paragraph for a table cell (style GBTable: 4号, centred, no indent, exact line height).
 * Only a different size or alignment is written on the paragraph itself.
 */
export function cellParagraph(c: CellText | string, defaults: { size?: number } = {}): Paragraph {
  const cell = typeof c === 'string' ? { text: c } : c;
  const size = cell.size ?? defaults.size ?? SIZE.si;
  const style: RunStyle | undefined = size === SIZE.si ? undefined : { size };
  const r = cell.font === 'hei' ? hei(cell.text, style) : cell.font === 'kai' ? kai(cell.text, style) : run(cell.text, style);
  return paragraph({
    style: STYLE.table,
    alignment: cell.align === 'left' ? AlignmentType.LEFT : cell.align === 'right' ? AlignmentType.RIGHT : undefined,
    spacing: size === SIZE.si ? undefined : cellLine(size),
    children: [r],
  });
}

export interface TableSpec {
  /** Column widths in twips; they should add up to the text width. */
  columns: number[];
  header?: (CellText | string)[];
  rows: (CellText | string | Paragraph[])[][];
  /** Row height in twips (at least). */
  rowHeight?: number;
  headerHeight?: number;
  size?: number;
  borderStyle?: IBorderOptions['style'];
}

/** A bordered table with a fixed layout and the header row repeated on every page. */
export function table(spec: TableSpec): Table {
  const t = tableOf(spec, spec.header, spec.rows);
  tableSpecs.set(t, spec);
  return t;
}

/**
 * A table and the sign-off under it. Word keeps a row with the next paragraph when its paragraphs
 * keep with the next, but LibreOffice ignores that and WPS need not follow it; a row that may
 * not split holds on every one. So the last row, the empty lines and the sign-off go into one
 * borderless row of their own that cannot split, right under the rest of the table.
 */
function tableWithSignOff(spec: TableSpec, after: Paragraph[]): Block[] {
  const rest = spec.rows.length > 1 ? [tableOf(spec, spec.header, spec.rows.slice(0, -1))] : [];
  const last = tableOf(spec, rest.length ? undefined : spec.header, spec.rows.slice(-1));
  const width = spec.columns.reduce((a, b) => a + b, 0);
  const holder = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: noBorders(),
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children: [last, ...after] })] })],
  });
  // Paragraphs of almost no height: one keeps the two tables apart (Word and LibreOffice would
  // join them into one, with the holder's margins), one after the last table, which Word needs.
  const hairline = () => new Paragraph({ spacing: { line: 2, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
  return [...rest, ...(rest.length ? [hairline()] : []), holder, hairline()];
}

function tableOf(spec: TableSpec, header: TableSpec['header'], body: TableSpec['rows']): Table {
  const width = spec.columns.reduce((a, b) => a + b, 0);
  const makeCell = (content: CellText | string | Paragraph[], i: number, isHeader: boolean) => {
    const children = Array.isArray(content)
      ? content
      : [cellParagraph(isHeader && typeof content === 'string' ? { text: content, font: 'hei' } : content, { size: spec.size })];
    return new TableCell({
      width: { size: spec.columns[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children,
    });
  };
  const rows: TableRow[] = [];
  if (header) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        height: { value: spec.headerHeight ?? spec.rowHeight ?? 567, rule: HeightRule.ATLEAST },
        children: header.map((h, i) => makeCell(h, i, true)),
      }),
    );
  }
  for (const r of body) {
    rows.push(
      new TableRow({
        cantSplit: true,
        height: { value: spec.rowHeight ?? 567, rule: HeightRule.ATLEAST },
        children: r.map((c, i) => makeCell(c, i, false)),
      }),
    );
  }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: spec.columns,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: borders(spec.borderStyle),
    margins: { left: 80, right: 80, top: 0, bottom: 0 },
    rows,
  });
}

// ---------------------------------------------------------------------------------------------
// Page numbers and the package

/**
 * "— 1 —" in 4号 半角 宋体, 7 mm below the text block; odd pages right and even pages left,
 * one character in from the edge (GB/T 9704 §7.5).
 */
function pageNumberFooter(odd: boolean): Footer {
  const style: RunStyle = { font: FONT.songti, size: SIZE.si, characterSpacing: 0 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [run('— ', style), new TextRun({ ...style, children: [PageNumber.CURRENT] }), run(' —', style)],
      }),
    ],
  });
}

/** The text block's top 7 mm above the page number: footer distance = 35 − 7 mm less the footer line. */
const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - 360;

export interface SectionSpec {
  children: ISectionOptions['children'];
  pageNumbers?: boolean;
}

export function section(spec: SectionSpec): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
      },
      // Records the line pitch (22 lines) for Word's page setup; with no grid type, nothing snaps
      // to it, and the exact line spacing of every paragraph does the work.
      grid: { linePitch: LINE },
    },
    footers: spec.pageNumbers === false ? undefined : { default: pageNumberFooter(true), even: pageNumberFooter(false) },
    children: keepWithSignOff(spec.children),
  };
}

export interface PackMeta {
  /** dc:title of the file. */
  title: string;
  /** dc:creator: the organization. */
  creator: string;
  /** The date the file's properties and zip entries carry (ISO YYYY-MM-DD), so output is reproducible. */
  date: string;
  subject?: string;
}

const esc = (s: string) => clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function coreXml(meta: PackMeta): string {
  const when = `${meta.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(meta.title)}</dc:title>` +
    (meta.subject ? `<dc:subject>${esc(meta.subject)}</dc:subject>` : '') +
    `<dc:creator>${esc(meta.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${esc(meta.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Tells Word and WPS which font to use where a GB/T 9704 font is not installed. */
function fontTableXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    FONT_TABLE.map(
      ([name, alt, family]) =>
        `<w:font w:name="${esc(name)}"><w:altName w:val="${esc(alt)}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`,
    ).join('') +
    '</w:fonts>'
  );
}

/**
 * The zip writer stamps every entry with the current time; set them all to the document's own
 * date so the same data always gives the same bytes. Only the stamp fields change (the CRCs
 * cover the contents, not the headers).
 */
export function stampZip(zip: Buffer, isoDate: string): Buffer {
  const [y, m, d] = isoDate.split('-').map(Number);
  const dosDate = ((Math.min(Math.max(y!, 1980), 2107) - 1980) << 9) | (m! << 5) | d!;
  const dosTime = 0;
  const out = Buffer.from(zip);
  // End of central directory: the last signature 0x06054b50.
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('stampZip: not a zip file');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('stampZip: broken central directory');
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('stampZip: broken local header');
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

const TITLE_SPACING = { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE } as const;

const headingStyle = (font: FontSet) => ({
  run: { font, size: SIZE.san, bold: false, italics: false, color: '000000' },
  paragraph: { spacing: EXACT, indent: { firstLine: INDENT }, keepNext: true, keepLines: true },
});

const STYLES = {
  default: {
    document: {
      run: { font: FONT.fangsong, size: SIZE.san, characterSpacing: CHAR_SPACING, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: EXACT },
    },
    title: {
      run: { font: FONT.xiaobiaosong, size: SIZE.er, characterSpacing: 0, bold: false, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: TITLE_SPACING, keepNext: true },
    },
    heading1: headingStyle(FONT.heiti),
    heading2: headingStyle(FONT.kaiti),
  },
  paragraphStyles: [
    {
      id: STYLE.body,
      name: 'GB Body Text',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: INDENT }, spacing: EXACT },
    },
    {
      id: STYLE.table,
      name: 'GB Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, spacing: cellLine(SIZE.si) },
      run: { size: SIZE.si, characterSpacing: 0 },
    },
  ],
  characterStyles: [
    { id: STYLE.hei, name: 'GB Hei', basedOn: 'DefaultParagraphFont', run: { font: FONT.heiti } },
    { id: STYLE.kai, name: 'GB Kai', basedOn: 'DefaultParagraphFont', run: { font: FONT.kaiti } },
  ],
};

/** Builds the .docx: GB/T 9704 styles, odd/even page-number footers, reproducible bytes. */
export async function pack(sections: ISectionOptions[], meta: PackMeta): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: STYLES,
    sections,
  });
  const zip = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(meta) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return stampZip(zip, meta.date);
}
