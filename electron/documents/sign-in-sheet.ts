// 签到表: printed before the meeting from the expected attendees; people sign on paper.
import { AlignmentType, type ISectionOptions, type Paragraph, type Table } from 'docx';
import { chineseDate } from '../../core/dates';
import { body, fillIn, hei, kai, labelLine, pack, run, section, SIZE, table, TEXT_WIDTH, title, weekday } from './layout';
import { timeSpan } from '../../core/documents/minutes-wording';
import type { SignInSheetData } from './types';

/**
 * 序号, 姓名, 身份, 小组/户号, 签名 (the widest: people write large), 备注 (blank, for the pen: a
 * late arrival's time) — in twips, summing to the text width.
 */
export const SIGN_IN_COLUMNS = [800, 1600, 1400, 1900, 1945, TEXT_WIDTH - 800 - 1600 - 1400 - 1900 - 1945];
/** The 列席 table: 身份 and 小组/户号 become one 单位或身份 column. */
export const OBSERVER_COLUMNS = [SIGN_IN_COLUMNS[0]!, SIGN_IN_COLUMNS[1]!, SIGN_IN_COLUMNS[2]! + SIGN_IN_COLUMNS[3]!, SIGN_IN_COLUMNS[4]!, SIGN_IN_COLUMNS[5]!];
/** Empty 列席 rows for those who come without being registered. */
export const SPARE_OBSERVER_ROWS = 3;

export function signInSheetTitle(d: SignInSheetData): string {
  return `${d.title}签到表`;
}

export function signInSheetSections(d: SignInSheetData): ISectionOptions[] {
  const span = timeSpan(d.startTime, d.endTime);
  const children: (Paragraph | Table)[] = [
    title(signInSheetTitle(d), { after: 0 }),
    body([kai(d.issuer)], { alignment: AlignmentType.CENTER, indent: 0 }),
    labelLine('会议时间：', `${chineseDate(d.date)}（${weekday(d.date)}）${span ?? ''}`, { indent: 0 }),
  ];
  if (d.place?.trim()) children.push(labelLine('会议地点：', d.place.trim(), { indent: 0 }));
  if (d.chairName?.trim()) children.push(labelLine('主持人：', d.chairName.trim(), { indent: 0, width: 5 }));
  const small = (text: string | null) => ({ text: text ?? '', size: SIZE.xiaosi });
  children.push(
    table({
      columns: SIGN_IN_COLUMNS,
      header: ['序号', '姓名', '身份', '小组/户号', '签名', '备注'],
      rows: d.rows.map((r, i) => [String(i + 1), r.name, small(r.role), small(r.groupOrHousehold), '', '']),
      rowHeight: 640,
      headerHeight: 600,
    }),
  );
  // Filled in by hand after the meeting.
  children.push(
    body([run(`应到${fillIn(3)}人\u3000实到${fillIn(3)}人\u3000请假${fillIn(3)}人\u3000缺席${fillIn(3)}人`)], {
      indent: 0,
      spacingBefore: 200,
      keepNext: true,
    }),
    body([run(`统计人（签字）：${fillIn(5)}\u3000核对人（签字）：${fillIn(5)}`)], { indent: 0, keepNext: true }),
    body([hei('注：'), run('请本人签名，不得代签；迟到的请在备注栏注明到会时间。')], { indent: 0 }),
  );
  // 列席: present without a vote, so not among 应到 above; blank rows for those not registered.
  const spare = Array.from({ length: SPARE_OBSERVER_ROWS }, () => ['', '', '', '', '']);
  children.push(
    body([hei('列席人员')], { indent: 0, alignment: AlignmentType.CENTER, spacingBefore: 300, keepNext: true }),
    table({
      columns: OBSERVER_COLUMNS,
      header: ['序号', '姓名', '单位或身份', '签名', '备注'],
      rows: [...d.observers.map((o, i) => [String(i + 1), o.name, small(o.unit), '', '']), ...spare],
      rowHeight: 640,
      headerHeight: 600,
    }),
    // Word needs a paragraph after a table.
    body('', { indent: 0 }),
  );
  return [section({ children })];
}

export function buildSignInSheet(d: SignInSheetData): Promise<Buffer> {
  return pack(signInSheetSections(d), { title: signInSheetTitle(d), creator: d.orgName, date: d.date, subject: d.title });
}
