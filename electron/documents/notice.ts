// 会议通知: to residents or members — time, place, agenda, who attends; dated by the notice date.
import { AlignmentType, type ISectionOptions, type Paragraph } from 'docx';
import { chineseDate } from '../../core/dates';
import { blank, body, clock, heading1, lines, pack, run, section, sentence, signOff, title, weekday } from './layout';
import { arabicItem, numeral, timeSpan } from '../../core/documents/minutes-wording';
import type { NoticeData } from './types';

export function noticeTitle(d: NoticeData): string {
  return `关于召开${d.title.trim()}的通知`;
}

/** "上午9:00" / "下午2:30" from 24-hour clock text, as a notice reads. */
function dayPart(time: string | null): string {
  const c = clock(time);
  if (!c) return '';
  const hour = Number(c.split(':')[0]);
  return hour < 12 ? `上午${c}` : hour < 13 ? `中午${c}` : hour < 18 ? `下午${c}` : `晚上${c}`;
}

export function noticeSections(d: NoticeData): ISectionOptions[] {
  const place = d.place?.trim();
  const when = `${chineseDate(d.date)}（${weekday(d.date)}）${dayPart(d.startTime)}`;
  const children: Paragraph[] = [
    title(noticeTitle(d)),
    // 主送: flush left, ending with a full-width colon (GB/T 9704 §7.3.2).
    body(`${d.audience.trim()}：`, { indent: 0, alignment: AlignmentType.LEFT }),
    body(`经研究，定于${when}${place ? `在${place}` : ''}召开${d.title.trim()}。现将有关事项通知如下：`),
  ];
  if (d.urgentReason?.trim()) {
    // A meeting called at short notice says why (the agenda normally goes out days ahead).
    children.push(body([run('本次会议为临时召开。'), run(`特殊情况说明：${sentence(d.urgentReason.trim())}`)]));
  }
  let n = 0;
  const heading = (text: string) => heading1(`${numeral(++n)}、${text}`);

  children.push(heading('会议时间'));
  const span = timeSpan(d.startTime, d.endTime);
  children.push(body(`${chineseDate(d.date)}（${weekday(d.date)}）${span ?? ''}。`));
  if (place) children.push(heading('会议地点'), body(sentence(place)));
  children.push(heading('参会人员'), body(sentence(d.audience.trim())));
  const agenda = d.agenda.map((a) => lines(a).join(' ')).filter((a) => a !== '');
  if (agenda.length) {
    children.push(heading('会议议程'));
    agenda.forEach((a, i) => children.push(body(sentence(`${arabicItem(i + 1)}${a}`))));
  }
  children.push(heading('有关要求'));
  const phone = d.phone?.trim() ? `（联系电话：${d.phone.trim()}）` : '';
  children.push(body(`请参会人员准时出席。因故不能参加的，请于会前向${d.issuer.trim()}请假${phone}。`));
  if (d.chairName?.trim()) children.push(body(`会议由${d.chairName.trim()}主持。`));
  children.push(blank(), blank(), ...signOff(d.issuer.trim(), chineseDate(d.noticeDate)));
  return [section({ children })];
}

export function buildNotice(d: NoticeData): Promise<Buffer> {
  return pack(noticeSections(d), { title: noticeTitle(d), creator: d.issuer, date: d.noticeDate, subject: d.title });
}
