// 签到表: printed before the meeting from the expected attendees; people sign on paper.
import { AlignmentType, type ISectionOptions, type Paragraph, type Table } from 'docx';
import { chineseDate } from '../../core/dates';
import { body, fillIn, hei, kai, labelLine, pack, run, section, SIZE, table, TEXT_WIDTH, title, weekday } from './layout';
import { timeSpan } from '../../core/documents/minutes-wording';
import type { SignInSheetData } from './types';

/** 序号, 姓名, 小组/户号, 签名 (the widest: people write large), 备注 — in twips, summing to the text width. */
export const SIGN_IN_COLUMNS = [800, 1800, 2300, 2645, TEXT_WIDTH - 800 - 1800 - 2300 - 2645];

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
  children.push(
    table({
      columns: SIGN_IN_COLUMNS,
      header: ['序号', '姓名', '小组/户号', '签名', '备注'],
      rows: d.rows.map((r, i) => [String(i + 1), r.name, { text: r.groupOrHousehold ?? '', size: SIZE.xiaosi }, '', { text: r.note ?? '', size: SIZE.xiaosi }]),
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
  return [section({ children })];
}

export function buildSignInSheet(d: SignInSheetData): Promise<Buffer> {
  return pack(signInSheetSections(d), { title: signInSheetTitle(d), creator: d.orgName, date: d.date, subject: d.title });
}
