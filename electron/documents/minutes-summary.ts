// 会议纪要: the short form of GB/T 9704 §10.3 — a dated title, the matters and what was decided,
// then 出席：/请假：/列席： lines with the label in 黑体 and the names in 仿宋.
import { type ISectionOptions, type Paragraph } from 'docx';
import { chineseDate } from '../../core/dates';
import { blank, body, bodyText, clock, heading1, hei, labelLine, lines, pack, run, section, sentence, subtitle, title } from './layout';
import {
  absentNames,
  arabicItem,
  attendeeListOf,
  attendanceLine,
  departmentNames,
  joinNames,
  leaveNames,
  numeral,
  observerNames,
  quorumSentence,
  titleWith,
  voteSentence,
} from '../../core/documents/minutes-wording';
import type { MinutesData, MinutesItem } from './types';

function opening(d: MinutesData): Paragraph {
  const when = `${chineseDate(d.date)}${clock(d.startTime) ? ` ${clock(d.startTime)}` : ''}`;
  const where = d.place?.trim() ? `在${d.place.trim()}` : '';
  const chair = d.chairName?.trim() ? `会议由${d.chairName.trim()}主持，` : '';
  const source = d.ruleSource.trim();
  // A law is cited as the basis; local rules say so in their own sentence (core/rules/citation.ts).
  const basis = !source ? '' : source.startsWith('《') ? `会议依据${source}召开。` : `${source}。`;
  return body(
    `${when}，${d.issuer}${where}召开${d.title}。${chair}${attendanceLine(d)}，${quorumSentence({ ...d, quorum: { ...d.quorum, citation: '' } }).replace(/^实到 \d+ 人[，；]/, '')}。${basis}会议研究了以下事项：`,
  );
}

function item(it: MinutesItem, n: number): Paragraph[] {
  const out: Paragraph[] = [heading1(`${numeral(n)}、${lines(it.title).join(' ')}`)];
  if (it.presenter?.trim()) out.push(body(`${it.presenter.trim()}就该议题作了说明。`));
  out.push(...bodyText(it.description));
  if (it.speeches.length) {
    const speakers = [...new Set(it.speeches.map((s) => s.speaker.trim()).filter(Boolean))];
    out.push(body(`会议进行了讨论，${speakers.join('、')}${it.speeches.length > 1 ? `等共 ${it.speeches.length} 人次` : ''}发言。`));
  }
  for (const v of it.votes) {
    const subject = lines(v.subject).join(' ');
    out.push(body(sentence(`对“${subject}”${voteSentence(v).replace(/。$/, '')}`)));
  }
  return out;
}

export function minutesSummarySections(d: MinutesData): ISectionOptions[] {
  const children: Paragraph[] = [title(titleWith(d.title, '纪要'), { after: 0 }), subtitle(`（${chineseDate(d.date)}）`), opening(d)];
  d.items.forEach((it, i) => children.push(...item(it, i + 1)));
  if (d.resolutions.length) {
    children.push(heading1('会议议定事项'));
    d.resolutions.forEach((r, i) => {
      children.push(body([hei(`${arabicItem(i + 1)}${r.title.trim()}`), run(`（决议编号：${r.number}）`)]));
      children.push(...bodyText(r.text));
    });
  }
  // §10.3: one empty line after the body, then the attendance lines.
  children.push(blank());
  // A summary has no room for a grid: a large meeting refers to the signed sheet.
  const names = attendeeListOf(d) === '名单' ? joinNames(d.attendees.map((a) => a.name)) : `共 ${d.attendees.length} 人，名单见会议签到表`;
  children.push(labelLine('出席：', names));
  children.push(labelLine('请假：', leaveNames(d)));
  if (d.absent.length) children.push(labelLine('缺席：', absentNames(d)));
  const observers = [d.observers.length ? observerNames(d) : null, d.departments.length ? departmentNames(d) : null].filter((x): x is string => x != null);
  if (observers.length) children.push(labelLine('列席：', observers.join('；')));
  return [section({ children })];
}

export function buildMinutesSummary(d: MinutesData): Promise<Buffer> {
  return pack(minutesSummarySections(d), { title: titleWith(d.title, '纪要'), creator: d.issuer, date: d.date, subject: d.title });
}
