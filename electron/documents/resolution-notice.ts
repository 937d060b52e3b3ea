// 决议公示: for the notice board — the resolutions with their numbers and vote figures, the
// posting period, the organization and date, and room for the seal.
import { type ISectionOptions, type Paragraph } from 'docx';
import { chineseDate } from '../../core/dates';
import { blank, body, bodyText, heading1, hei, inclusiveDays, lines, pack, run, section, signOff, title } from './layout';
import { numeral } from '../../core/documents/minutes-wording';
import { about } from '../../core/documents/wording';
import type { ResolutionNoticeData } from './types';

export function resolutionNoticeTitle(d: ResolutionNoticeData): string {
  return `${about(d.meetingTitle)}决议事项的公示`;
}

export function resolutionNoticeSections(d: ResolutionNoticeData): ISectionOptions[] {
  const org = d.orgName.trim();
  const days = inclusiveDays(d.postFrom, d.postTo);
  const children: Paragraph[] = [
    title(resolutionNoticeTitle(d)),
    body(
      `${chineseDate(d.meetingDate)}，${org}召开${d.meetingTitle.trim()}，${d.resolutions.length ? `形成决议 ${d.resolutions.length} 项` : '未形成决议'}。现将有关情况公示如下：`,
    ),
  ];
  d.resolutions.forEach((r, i) => {
    children.push(heading1(`${numeral(i + 1)}、${lines(r.title).join(' ')}`));
    children.push(body([hei('决议编号：'), run(r.number)]));
    children.push(...bodyText(r.text, [hei('决议内容：')]));
    children.push(...bodyText(r.explanation, [hei('表决情况：')]));
  });
  children.push(heading1(`${numeral(d.resolutions.length + 1)}、公示期限`));
  children.push(body(`公示期自${chineseDate(d.postFrom)}起至${chineseDate(d.postTo)}止，共 ${days} 日。`));
  if (d.minimumDays != null) children.push(body(`依照${d.lawBasis?.trim() || '有关法律规定'}，公示时间不少于 ${d.minimumDays} 日。`));
  children.push(body(`公示期间，对上述事项有异议的，请向${org}书面或当面反映。`));
  // Room above the sign-off for the seal, which goes over the organization and the date.
  children.push(blank(), blank(), blank(), ...signOff(`${org}（盖章）`, chineseDate(d.issuedDate), { seal: true }));
  return [section({ children })];
}

export function buildResolutionNotice(d: ResolutionNoticeData): Promise<Buffer> {
  return pack(resolutionNoticeSections(d), { title: resolutionNoticeTitle(d), creator: d.orgName, date: d.issuedDate, subject: d.meetingTitle });
}
