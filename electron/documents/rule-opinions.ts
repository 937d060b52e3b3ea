// 意见采纳情况表: every opinion collected on the draft and what was done with it, as the township
// asks for it with the draft (提请审核). Portrait, with the table in 五号 so eight columns fit.
import { type ISectionOptions, type Paragraph, type Table } from 'docx';
import { chineseDate } from '../../core/dates';
import type { RuleOpinionRow, RuleOpinionsData } from '../../core/documents/rule-types';
import type { OpinionDisposition } from '../../core/ruletext/procedure';
import { blank, body, cellParagraph, lines, pack, section, signOff, SIZE, table, TEXT_WIDTH, title } from './layout';

/**
 * 序号, 提出人, 渠道, 日期, 涉及条款, 意见内容, 处理结果, 理由说明 — in twips, summing to the text
 * width. 处理结果 holds four 五号 characters (4 × 210 + the cell margins), 涉及条款 five ("第十二条",
 * "现第十三条"); the date goes on two lines, "2026年" and "10月18日", rather than break wherever it
 * happens to.
 */
const SHORT = [600, 820, 900, 1240, 1220];
const RESULT = 1020;
const CONTENT = 1640;
export const OPINION_COLUMNS = [...SHORT, CONTENT, RESULT, TEXT_WIDTH - SHORT.reduce((a, b) => a + b, 0) - CONTENT - RESULT];

export function ruleOpinionsTitle(d: RuleOpinionsData): string {
  return `《${d.title.trim()}》意见采纳情况表`;
}

/** "共收到意见 12 条，采纳 5 条、部分采纳 3 条、未采纳 2 条" (and 待处理 when any are left). */
export function opinionCounts(rows: RuleOpinionRow[]): string {
  const n = (d: OpinionDisposition) => rows.filter((r) => r.disposition === d).length;
  const pending = n('待处理');
  return `共收到意见 ${rows.length} 条，采纳 ${n('采纳')} 条、部分采纳 ${n('部分采纳')} 条、未采纳 ${n('未采纳')} 条${pending ? `，待处理 ${pending} 条` : ''}。`;
}

/** Stored text may hold several paragraphs; each becomes a left-aligned paragraph of the cell. */
const cellText = (text: string | null) => {
  const parts = lines(text);
  return (parts.length ? parts : ['']).map((t) => cellParagraph({ text: t, align: 'left' }, { size: SIZE.wu }));
};

/**
 * The article by the number it had when the opinion came in (the number the resident saw), and
 * under it in 楷体 where it stands today: "现第六条", or "已删除".
 */
const articleCell = (r: RuleOpinionRow) => {
  const then = r.articleLabel?.trim();
  if (!then) return [cellParagraph('全文', { size: SIZE.wu })];
  const now = r.currentLabel?.trim();
  const note = !now ? '已删除' : now !== then ? `现${now}` : null;
  return [cellParagraph(then, { size: SIZE.wu }), ...(note ? [cellParagraph({ text: note, font: 'kai' }, { size: SIZE.wu })] : [])];
};

const dateCell = (iso: string) => {
  const [year, rest] = chineseDate(iso).split('年');
  return [`${year}年`, rest!].map((t) => cellParagraph(t, { size: SIZE.wu }));
};

export function ruleOpinionsSections(d: RuleOpinionsData): ISectionOptions[] {
  const children: (Paragraph | Table)[] = [
    title(ruleOpinionsTitle(d)),
    body(opinionCounts(d.rows), { spacingAfter: 200 }),
    table({
      columns: OPINION_COLUMNS,
      header: ['序号', '提出人', '渠道', '日期', '涉及条款', '意见内容', '处理结果', '理由说明'],
      rows: d.rows.map((r) => [
        String(r.seq),
        r.name,
        r.channel,
        dateCell(r.receivedOn),
        articleCell(r),
        cellText(r.content),
        r.disposition,
        cellText(r.reason),
      ]),
      size: SIZE.wu,
      rowHeight: 420,
      headerHeight: 480,
    }),
  ];
  children.push(blank(), ...signOff(d.orgName.trim(), chineseDate(d.issuedDate)));
  return [section({ children })];
}

export function buildRuleOpinions(d: RuleOpinionsData): Promise<Buffer> {
  return pack(ruleOpinionsSections(d), { title: ruleOpinionsTitle(d), creator: d.orgName, date: d.issuedDate, subject: d.title });
}
