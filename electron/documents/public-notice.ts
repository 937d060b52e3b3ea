// 公示 in the notice's own words, for notices that do not print a resolution: a 四议两公开
// matter's decision, a list, a plan. Same page, period and sign-off as the 决议公示.
import type { Paragraph } from 'docx';
import { chineseDate } from '../../core/dates';
import type { PublicNoticeData } from '../../core/documents/followup-types';
import { blank, body, bodyText, inclusiveDays, pack, section, signOff, title } from './layout';

export function publicNoticeSections(d: PublicNoticeData) {
  const org = d.orgName.trim();
  const children: Paragraph[] = [title(d.title.trim())];
  children.push(...bodyText(d.content.trim() || `现将${d.title.trim()}有关情况予以公示。`));
  children.push(
    body(
      `公示期自${chineseDate(d.postFrom)}起至${chineseDate(d.postTo)}止，共 ${inclusiveDays(d.postFrom, d.postTo)} 日${d.place ? `，公示地点：${d.place.trim()}` : ''}。`,
    ),
  );
  if (d.minimumDays != null) children.push(body(`依照${d.lawBasis ?? '有关法律规定'}，公示时间不少于 ${d.minimumDays} 日。`));
  children.push(body(`公示期间，对上述事项有异议的，请向${org}书面或当面反映。`));
  children.push(blank(), blank(), blank(), ...signOff(`${org}（盖章）`, chineseDate(d.issuedDate), { seal: true }));
  return [section({ children })];
}

export function buildPublicNotice(d: PublicNoticeData): Promise<Buffer> {
  return pack(publicNoticeSections(d), { title: d.title, creator: d.orgName, date: d.issuedDate, subject: d.title });
}
