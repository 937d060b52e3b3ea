import type { Page } from '@playwright/test';
import { createOrganizationOnWelcome, expect } from './fixtures';
import { api, commitRoster, representativesBody } from './votes-setup';

export { api };

export const MEMBERS = ['张三', '李四', '王五', '赵六', '钱七', '孙八'] as const;

export interface FollowUpVillage {
  orgId: number;
  /** The meeting of 2026-03-15 that passed both proposals. */
  heldId: number;
  /** A later meeting (2026-06-15), still a draft: its agenda is where 跟进事项 are offered. */
  nextId: number;
  /** 〔2026〕1号 村道硬化方案 and 〔2026〕2号 增设路灯方案. */
  resolutions: { id: number; number: string; title: string }[];
}

/**
 * 东风村 with six representatives: a 村民代表会议 held on 2026-03-15 through the API (five signed
 * in, two proposals passed by a show of hands, 4 : 1 : 0), and a second meeting planned for June.
 * The organization is made on the welcome screen, as a secretary would.
 */
export async function followUpVillage(page: Page, baseUrl: string): Promise<FollowUpVillage> {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  const orgId = (await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {})).currentId;
  const rows = MEMBERS.map((name, i) => ({
    name,
    gender: i % 2 ? '女' : '男',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1),
    groupName: '第一组',
    tags: '',
    note: '',
  }));
  const people = await commitRoster(page, baseUrl, orgId, rows);
  expect(people).toHaveLength(MEMBERS.length);
  const bodyId = await representativesBody(page, baseUrl, orgId, people);
  const type = (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId })).items.find(
    (t) => t.name === '村民代表会议',
  )!;
  const meeting = (title: string, date: string) =>
    api<{ id: number }>(page, baseUrl, 'meetings.create', {
      orgId,
      meetingTypeId: type.id,
      title,
      date,
      startTime: '09:00',
      basis: 'body',
      bodyId,
      chairName: '王主任',
      recorderName: '李文书',
    });

  const held = await meeting('2026年第一季度村民代表会议', '2026-03-15');
  const item = await api<{ id: number }>(page, baseUrl, 'agenda.add', { meetingId: held.id, title: '村内公共设施' });
  await api(page, baseUrl, 'meetings.start', { id: held.id, startTime: '09:00' });
  for (const p of people.slice(0, 5)) await api(page, baseUrl, 'attendance.signIn', { meetingId: held.id, personId: p.id, time: '08:55' });
  const resolutions: FollowUpVillage['resolutions'] = [];
  for (const [title, text] of [
    ['村道硬化方案', '硬化村东道路1.2公里。'],
    ['增设路灯方案', '在村主干道增设路灯20盏。'],
  ] as const) {
    const proposal = await api<{ id: number }>(page, baseUrl, 'proposals.create', {
      agendaItemId: item.id,
      title,
      text,
      proposerKind: 'body',
      proposerName: '村党支部',
    });
    const vote = await api<{ id: number }>(page, baseUrl, 'votes.open', { agendaItemId: item.id, proposalIds: [proposal.id], method: '举手' });
    await api(page, baseUrl, 'votes.record', { id: vote.id, tally: { yes: 4, no: 1, abstain: 0 } });
    const confirmed = await api<{ resolution: { id: number; number: string } }>(page, baseUrl, 'votes.confirm', { id: vote.id });
    resolutions.push({ ...confirmed.resolution, title });
  }
  await api(page, baseUrl, 'meetings.end', { id: held.id, endTime: '11:00' });
  const next = await meeting('2026年第二季度村民代表会议', '2026-06-15');
  return { orgId, heldId: held.id, nextId: next.id, resolutions };
}
