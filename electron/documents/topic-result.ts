// 办理结果告知单: what the resident gets back for a hotline ticket or any topic — the ticket, the
// caller by name (never the phone), the matter, the result or reply, then the committee's sign-off.
import { AlignmentType, type ISectionOptions } from 'docx';
import { chineseDate } from '../../core/dates';
import { blank, body, bodyText, hei, pack, run, section, signOff, title } from './layout';

export interface TopicResultData {
  /** The committee that answers and signs (本单位信息). */
  orgName: string;
  ticketNumber: string | null;
  /** 来电人, or the raiser's name; 匿名 when nobody was named. */
  callerName: string;
  receivedOn: string;
  channel: string;
  title: string;
  content: string;
  /** The result (办结) or the reply (答复). */
  result: string;
  resultKind: '办理结果' | '答复意见';
  /** The day the notice is issued. */
  issuedDate: string;
}

export const TOPIC_RESULT_TITLE = '办理结果告知单';

export function topicResultSections(d: TopicResultData): ISectionOptions[] {
  const org = d.orgName.trim();
  const caller = d.callerName.trim();
  const children = [
    // The organization's header over the title, as the notices of the committee carry it.
    body([hei(org)], { alignment: AlignmentType.CENTER, indent: 0 }),
    title(TOPIC_RESULT_TITLE),
    body(`${caller && caller !== '匿名' ? `${caller}：` : '您好：'}`, { indent: 0 }),
    body(`您于${chineseDate(d.receivedOn)}通过“${d.channel.trim()}”反映的事项，我们已办理。现将${d.resultKind}告知如下：`),
  ];
  if (d.ticketNumber?.trim()) children.push(body([hei('工单号：'), run(d.ticketNumber.trim())]));
  children.push(
    body([hei('反映事项：'), run(d.title.trim())]),
    ...bodyText(d.content, [hei('具体内容：')]),
    ...bodyText(d.result, [hei(`${d.resultKind}：`)]),
    body(`如对办理结果有意见，请向${org}反映。感谢您对社区（村）工作的关心和支持。`),
    blank(),
    blank(),
    ...signOff(`${org}（盖章）`, chineseDate(d.issuedDate), { seal: true }),
  );
  return [section({ children, pageNumbers: false })];
}

export async function buildTopicResult(d: TopicResultData): Promise<Buffer> {
  return pack(topicResultSections(d), { title: TOPIC_RESULT_TITLE, creator: d.orgName, date: d.issuedDate, subject: d.title });
}
