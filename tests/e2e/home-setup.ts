import type { Page } from '@playwright/test';
import { addDays } from '../../core/dates';
import { api, commitRoster } from './votes-setup';

export { api };

const RULES_TEXT = `东风村村规民约
第一章 总则
第一条 为了建设文明和谐的新农村，根据有关法律法规，制定本村规民约。
第二条 本村规民约适用于本村全体村民。
第二章 村容村貌
第三条 爱护公共设施，不乱堆乱放。
第四条 垃圾分类投放，不随意焚烧秸秆。
第五条 本村规民约自村民会议通过之日起施行。`;

export interface HomeData {
  orgId: number;
  today: string;
  todayMeetingId: number;
  topicId: number;
  referredTopicId: number;
  resolution: { id: number; number: string };
  noticeId: number;
  ruleId: number | null;
}

/**
 * Everything the 首页 shows, made through the API with the page's token, relative to the app's
 * own "today" (clock.get: China Standard Time by default):
 * - a 村民会议 held twelve days ago, where a proposal passed (→ a resolution due in 3 days) and the
 *   村规民约 was adopted (→ awaiting filing, due ten days after: two days overdue);
 * - a meeting today at 14:30;
 * - a topic waiting for triage, and another referred to 供电所 five days ago that never reported;
 * - the resolution's notice, posted 9 days ago for 15 days (ends in 5 days).
 */
export async function homeData(page: Page, baseUrl: string, withRules = true): Promise<HomeData> {
  const orgId = (await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {})).currentId;
  const today = (await api<{ today: string }>(page, baseUrl, 'clock.get', {})).today;
  const rows = Array.from({ length: 10 }, (_, i) => ({
    name: `村民${i + 1}`,
    gender: i % 2 ? '男' : '女',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1).padStart(2, '0'),
    groupName: '第一组',
    tags: '',
    note: '',
  }));
  const people = await commitRoster(page, baseUrl, orgId, rows);
  const types = (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId })).items;
  const typeId = types.find((t) => t.name === '村民会议')!.id;

  // The rule document goes through its stages before the meeting that adopts it.
  let ruleDocId: number | null = null;
  if (withRules) {
    const split = await api<{ title: string; chapters: unknown[]; articles: unknown[] }>(page, baseUrl, 'rules.importPreview', { text: RULES_TEXT });
    const doc = await api<{ id: number }>(page, baseUrl, 'rules.create', {
      orgId,
      kind: '村规民约',
      title: split.title,
      date: addDays(today, -40),
      chapters: split.chapters,
      articles: split.articles,
    });
    await api(page, baseUrl, 'rules.advance', { id: doc.id, date: addDays(today, -35) });
    await api(page, baseUrl, 'rules.advance', { id: doc.id, date: addDays(today, -30) });
    await api(page, baseUrl, 'rules.recordReview', { id: doc.id, authority: '东风镇人民政府', date: addDays(today, -25), opinion: '同意提交村民会议表决。' });
    await api(page, baseUrl, 'rules.advance', { id: doc.id, date: addDays(today, -20) });
    ruleDocId = doc.id;
  }

  // The meeting twelve days ago.
  const held = addDays(today, -12);
  const m = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: typeId,
    title: '东风村村民会议',
    date: held,
    startTime: '09:00',
    basis: 'adults',
  });
  await api(page, baseUrl, 'meetings.notify', { id: m.id, noticeDate: addDays(held, -12) });
  await api(page, baseUrl, 'meetings.start', { id: m.id, startTime: '09:00' });
  for (const p of people.slice(0, 8)) await api(page, baseUrl, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
  const item = await api<{ id: number }>(page, baseUrl, 'agenda.add', { meetingId: m.id, title: '村道硬化工程' });
  const proposal = await api<{ id: number }>(page, baseUrl, 'proposals.create', {
    agendaItemId: item.id,
    title: '硬化三组村道',
    text: '硬化三组村道八百米，年底前完工。',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const confirmed = await vote(page, baseUrl, item.id, proposal.id, 7, 1);
  const resolution = confirmed.resolution!;
  await api(page, baseUrl, 'resolutions.update', { id: resolution.id, responsible: '村委会王主任', deadline: addDays(today, 3) });

  let ruleId: number | null = null;
  if (ruleDocId != null) {
    const { agendaItemId, proposalId } = await api<{ agendaItemId: number; proposalId: number }>(page, baseUrl, 'rules.adoption.propose', {
      docId: ruleDocId,
      meetingId: m.id,
    });
    const v = await vote(page, baseUrl, agendaItemId, proposalId, 8, 0);
    await api(page, baseUrl, 'rules.adopt', { docId: ruleDocId, voteId: v.id });
    ruleId = ruleDocId;
  }
  await api(page, baseUrl, 'meetings.end', { id: m.id, endTime: '11:00' });

  const todayMeeting = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: typeId,
    title: '冬季防火工作部署会',
    date: today,
    startTime: '14:30',
    place: '村委会会议室',
    basis: 'adults',
  });

  const topic = await api<{ id: number }>(page, baseUrl, 'topics.create', {
    orgId,
    receivedOn: addDays(today, -1),
    channel: '居民信箱',
    raiserKind: 'name',
    raiserName: '张大爷',
    title: '三组路灯不亮',
    content: '三组村道的路灯坏了半个月，晚上看不清路。',
    urgency: '较急',
  });
  const referred = await api<{ id: number }>(page, baseUrl, 'topics.create', {
    orgId,
    receivedOn: addDays(today, -6),
    channel: '热线电话',
    raiserKind: 'anonymous',
    title: '变压器噪音扰民',
    content: '村东变压器夜里嗡嗡响。',
  });
  await api(page, baseUrl, 'topics.refer', {
    id: referred.id,
    department: '供电所',
    contact: '李师傅',
    summonedAt: `${addDays(today, -5)}T02:00:00Z`,
    deadline: addDays(today, -1),
    date: addDays(today, -5),
  });

  const notice = await api<{ id: number }>(page, baseUrl, 'notices.create', {
    orgId,
    kind: '决议公开',
    resolutionId: resolution.id,
    title: '硬化三组村道决议公示',
    postedOn: addDays(today, -9),
    periodDays: 15,
    place: '村务公开栏',
  });

  return {
    orgId,
    today,
    todayMeetingId: todayMeeting.id,
    topicId: topic.id,
    referredTopicId: referred.id,
    resolution: { id: resolution.id, number: resolution.number },
    noticeId: notice.id,
    ruleId,
  };
}

/** A show of hands on one proposal, confirmed; the rest of those present abstain. */
async function vote(page: Page, baseUrl: string, agendaItemId: number, proposalId: number, yes: number, no: number) {
  const v = await api<{ id: number; eligible: number }>(page, baseUrl, 'votes.open', { agendaItemId, proposalIds: [proposalId], method: '举手' });
  await api(page, baseUrl, 'votes.record', { id: v.id, tally: { yes, no, abstain: v.eligible - yes - no } });
  return api<{ id: number; resolution: { id: number; number: string } | null }>(page, baseUrl, 'votes.confirm', { id: v.id });
}
