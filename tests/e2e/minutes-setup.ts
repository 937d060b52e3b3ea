import type { Page } from '@playwright/test';
import { TOKEN_HEADER, TOKEN_META } from '../../core/contract/bridge';
import { createOrganizationOnWelcome, expect } from './fixtures';
import { commitRoster, representativesBody } from './votes-setup';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Calls the web host's API as the page does, with the page's token; returns the envelope. */
export async function tryApi<T = any>(page: Page, baseUrl: string, name: string, input: unknown): Promise<Envelope<T>> {
  const token = await page.locator(`meta[name="${TOKEN_META}"]`).getAttribute('content');
  const response = await page.request.post(`${baseUrl}api/${name}`, { headers: { [TOKEN_HEADER]: token ?? '' }, data: input });
  return (await response.json()) as Envelope<T>;
}

export async function api<T = any>(page: Page, baseUrl: string, name: string, input: unknown): Promise<T> {
  const body = await tryApi<T>(page, baseUrl, name, input);
  if (!body.ok) throw new Error(`${name}: ${body.error.code} ${body.error.message}`);
  return body.value;
}

export const MEMBERS = ['张三', '李四', '王五', '赵六', '钱七', '孙八'] as const;

export interface HeldMeeting {
  orgId: number;
  meetingId: number;
  itemId: number;
  voteId: number;
}

/**
 * A small 村民代表会议 held to the end through the API: six representatives, five signed in and
 * one on leave, a 列席 guest, one agenda item with a speech and a proposal passed by a show of
 * hands (4 : 1 : 0). The organization is made on the welcome screen, as a secretary would.
 */
export async function heldMeeting(page: Page, baseUrl: string): Promise<HeldMeeting> {
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
  expect(people.map((p) => p.name)).toEqual([...MEMBERS]);
  const bodyId = await representativesBody(page, baseUrl, orgId, people);
  const type = (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId })).items.find(
    (t) => t.name === '村民代表会议',
  )!;
  const meeting = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: type.id,
    title: '2026年第一季度村民代表会议',
    date: '2026-03-15',
    startTime: '09:00',
    place: '村委会议室',
    chairName: '王主任',
    recorderName: '李文书',
    basis: 'body',
    bodyId,
  });
  const item = await api<{ id: number }>(page, baseUrl, 'agenda.add', {
    meetingId: meeting.id,
    title: '村道硬化工程',
    presenter: '王主任',
    description: '村东道路雨天泥泞，群众多次反映。',
  });
  await api(page, baseUrl, 'meetings.start', { id: meeting.id, startTime: '09:00' });
  for (const p of people.slice(0, 5)) await api(page, baseUrl, 'attendance.signIn', { meetingId: meeting.id, personId: p.id, time: '08:55' });
  await api(page, baseUrl, 'attendance.setStatus', { meetingId: meeting.id, personId: people[5]!.id, status: '请假', reason: '外出务工' });
  await api(page, baseUrl, 'attendance.addObserver', { meetingId: meeting.id, name: '刘干事', unit: '镇政府' });
  await api(page, baseUrl, 'speeches.add', { agendaItemId: item.id, speakerName: '张三', content: '同意硬化，建议先修东段。' });
  const proposal = await api<{ id: number }>(page, baseUrl, 'proposals.create', {
    agendaItemId: item.id,
    title: '村道硬化方案',
    text: '硬化村东道路1.2公里。',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const vote = await api<{ id: number }>(page, baseUrl, 'votes.open', { agendaItemId: item.id, proposalIds: [proposal.id], method: '举手' });
  await api(page, baseUrl, 'votes.record', { id: vote.id, tally: { yes: 4, no: 1, abstain: 0 } });
  await api(page, baseUrl, 'votes.confirm', { id: vote.id });
  await api(page, baseUrl, 'meetings.end', { id: meeting.id, endTime: '11:00' });
  return { orgId, meetingId: meeting.id, itemId: item.id, voteId: vote.id };
}
