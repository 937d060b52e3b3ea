// 实施结果公示 (实施结果公开, the sixth step of 四议两公开): the sibling of the 决议公示 — which
// resolution, what it decided, who carried it out, when, the result and the progress record,
// then the posting period and room for the seal.
import { LineRuleType, Paragraph, type ISectionOptions, type Table } from 'docx';
import { resolutionPhrase } from '../../core/documents/wording';
import { chineseDate } from '../../core/dates';
import type { ResultNoticeData } from '../../core/documents/followup-types';
import { level1 } from '../../core/documents/numerals';
import { blank, body, bodyText, heading1, hei, inclusiveDays, pack, run, section, signOff, SIZE, table, TEXT_WIDTH, title } from './layout';

/**
 * 日期, 进展情况, 完成比例 in twips. "2026年12月16日" in 小四 needs 2,500: LibreOffice puts a
 * space between Chinese and digits.
 */
export const PROGRESS_COLUMNS = [2500, TEXT_WIDTH - 2500 - 1300, 1300];

/** "关于《关于实施村东组道路硬化工程的决议》实施结果的公示"; 《》 hold the resolution's own title. */
export function resultNoticeTitle(d: ResultNoticeData): string {
  const t = d.resolution.title.trim();
  if (!t) return '实施结果公示';
  return t.endsWith('决议') ? `关于《${t}》实施结果的公示` : `关于《${t}》决议实施结果的公示`;
}

/**
 * A notice that says "not less than 15 days" above a shorter period contradicts itself on the
 * board, so the builder refuses it rather than print it; the caller checks first (issue 7).
 */
function postingDays(d: ResultNoticeData): number {
  const days = inclusiveDays(d.postFrom, d.postTo);
  if (days < 1) throw new RangeError(`公示截止日期（${chineseDate(d.postTo)}）早于开始日期（${chineseDate(d.postFrom)}）。`);
  if (d.minimumDays != null && days < d.minimumDays) throw new RangeError(`公示期共${days}日，少于规定的${d.minimumDays}日。`);
  return days;
}

/** "2026年12月22日（按期完成）" or "（逾期3日）" against the deadline. */
function completion(d: ResultNoticeData): string {
  const done = chineseDate(d.completedOn);
  if (!d.deadline) return done;
  const late = inclusiveDays(d.deadline, d.completedOn) - 1;
  return late > 0 ? `${done}（逾期${late}日）` : `${done}（按期完成）`;
}

const gap = () => new Paragraph({ spacing: { line: 200, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });

export function resultNoticeSections(d: ResultNoticeData): ISectionOptions[] {
  const org = d.orgName.trim();
  const r = d.resolution;
  const days = postingDays(d);
  let n = 0;
  const children: (Paragraph | Table)[] = [
    title(resultNoticeTitle(d)),
    body(
      `${chineseDate(r.meetingDate)}，${org}召开${r.meetingTitle.trim()}，作出${resolutionPhrase(r.title)}（${r.number.trim()}）。该决议已实施完毕，现将实施结果公示如下：`,
    ),
    heading1(`${level1(++n)}决议内容`),
    body([hei('决议编号：'), run(r.number.trim())]),
    ...bodyText(r.text, [hei('决议内容：')]),
    heading1(`${level1(++n)}实施情况`),
    body([hei('责任人（单位）：'), run(d.responsible.trim())]),
  ];
  if (d.deadline) children.push(body([hei('完成时限：'), run(chineseDate(d.deadline))]));
  children.push(body([hei('完成时间：'), run(completion(d))]), ...bodyText(d.result, [hei('实施结果：')]));
  if (d.progress.length) {
    // The sentence between heading and table is not only wording: LibreOffice drops the rows
    // after the page break of a table that follows a keep-with-next heading directly.
    children.push(
      heading1(`${level1(++n)}进展记录`),
      body('实施过程中的进展情况如下：'),
      table({
        columns: PROGRESS_COLUMNS,
        header: ['日期', '进展情况', '完成比例'],
        rows: d.progress.map((p) => [chineseDate(p.date), { text: p.text, align: 'left' }, `${p.percent}%`]),
        size: SIZE.xiaosi,
        rowHeight: 440,
        headerHeight: 480,
      }),
      gap(),
    );
  }
  children.push(heading1(`${level1(++n)}公示期限`));
  const minimum = d.minimumDays != null ? `依照${d.lawBasis?.trim() || '有关法律'}规定，公示期不少于${d.minimumDays}日。` : '';
  children.push(body(`公示期：${chineseDate(d.postFrom)}至${chineseDate(d.postTo)}（共${days}日）。${minimum}`));
  if (d.place?.trim()) children.push(body(`公示地点：${d.place.trim()}。`));
  children.push(body(`公示期内如有意见，请向${d.contact?.trim() || org}反映。`));
  // Room above the sign-off for the seal, which goes over the organization and the date.
  children.push(blank(), blank(), blank(), ...signOff(`${org}（盖章）`, chineseDate(d.issuedDate), { seal: true }));
  return [section({ children })];
}

/** Async so that a refused period comes back as a rejected promise, like any other failure. */
export async function buildResultNotice(d: ResultNoticeData): Promise<Buffer> {
  return pack(resultNoticeSections(d), { title: resultNoticeTitle(d), creator: d.orgName, date: d.issuedDate, subject: d.resolution.title });
}
