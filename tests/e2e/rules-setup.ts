import type { Page } from '@playwright/test';
import { addDays } from '../../core/dates';
import { api } from './votes-setup';

export { api };

export const CONVENTION = `幸福里社区居民公约
第一章 总则
第一条 为了建设和谐社区，根据有关法律法规，制定本公约。
第二条 本公约适用于本社区全体居民。
第三条 居民应当遵守第二条的规定，参加社区事务。
第二章 公共秩序
第四条 爱护公共设施，不私搭乱建。
第五条 文明养犬，及时清理犬只粪便。
第六条 违反第四条、第五条规定的，由居委会劝导改正。
第七条 婚丧嫁娶从简，不大操大办。
第八条 本公约自居民会议通过之日起施行。`;

/** Today as the page sees it (the browser runs in Asia/Shanghai, the test runner may not). */
export const today = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

/** Ten residents, 居民1…居民10; the odd-numbered ones (居民1, 居民3, …) are women. */
export async function addResidents(page: Page, baseUrl: string, orgId: number) {
  const rows = Array.from({ length: 10 }, (_, i) => ({
    name: `居民${i + 1}`,
    gender: i % 2 ? '男' : '女',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1).padStart(2, '0'),
    groupName: '',
    tags: '',
    note: '',
  }));
  await api(page, baseUrl, 'roster.commit', { orgId, rows });
  return (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'people.list', { orgId, pageSize: 500, sortField: 'householdNo' })).items;
}

/** A meeting of the named type today, started, with the first `present` residents signed in. */
export async function startedMeeting(page: Page, baseUrl: string, orgId: number, people: { id: number }[], typeName: string, present: number, title: string) {
  const types = (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId })).items;
  const type = types.find((t) => t.name === typeName)!;
  let extra: Record<string, unknown> = { basis: 'adults' };
  if (typeName.includes('代表') || typeName.includes('两委')) {
    const kind = typeName.includes('两委') ? '两委班子' : typeName;
    const body = await api<{ id: number }>(page, baseUrl, 'bodies.create', { orgId, name: title, kind });
    await api(page, baseUrl, 'bodies.addMembers', {
      bodyId: body.id,
      personIds: people.map((p) => p.id),
      role: typeName.includes('两委') ? '委员' : '居民代表',
    });
    extra = { basis: 'body', bodyId: body.id };
  }
  const date = await today(page);
  const m = await api<{ id: number; title: string }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: type.id,
    title,
    date,
    startTime: '09:00',
    ...extra,
  });
  await api(page, baseUrl, 'meetings.notify', { id: m.id, noticeDate: addDays(date, -12) });
  await api(page, baseUrl, 'meetings.start', { id: m.id, startTime: '09:00' });
  for (const p of people.slice(0, present)) await api(page, baseUrl, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
  return m;
}

/** Runs the show of hands on the proposal the rules page put on the meeting's agenda, and confirms it. */
export async function voteOnRules(page: Page, baseUrl: string, meetingId: number, yes: number, no: number) {
  const proposals = (await api<{ items: { id: number; agendaItemId: number; title: string }[] }>(page, baseUrl, 'proposals.list', { meetingId })).items;
  const proposal = proposals.find((p) => p.title.includes('居民公约'))!;
  let v = await api<{ id: number; eligible: number }>(page, baseUrl, 'votes.open', {
    agendaItemId: proposal.agendaItemId,
    proposalIds: [proposal.id],
    method: '举手',
  });
  v = await api(page, baseUrl, 'votes.record', { id: v.id, tally: { yes, no, abstain: v.eligible - yes - no } });
  return api<{ id: number }>(page, baseUrl, 'votes.confirm', { id: v.id });
}
