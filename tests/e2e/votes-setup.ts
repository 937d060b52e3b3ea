import type { Page } from '@playwright/test';
import { createOrganizationOnWelcome, expect } from './fixtures';

/** Calls the web host's API as the page would, with the page's token. */
export async function api<T = any>(page: Page, baseUrl: string, name: string, input: unknown): Promise<T> {
  const token = await page.locator('meta[name="council-hall-token"]').getAttribute('content');
  const response = await page.request.post(`${baseUrl}api/${name}`, { headers: { 'x-council-hall-token': token ?? '' }, data: input });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error.code} ${body.error.message}`);
  return body.value;
}

/** Commits roster rows through the API and returns the people in household order. */
export async function commitRoster(page: Page, baseUrl: string, orgId: number, rows: Record<string, string>[]): Promise<{ id: number; name: string }[]> {
  await api(page, baseUrl, 'roster.commit', { orgId, rows });
  return (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'people.list', { orgId, pageSize: 500, sortField: 'householdNo' })).items;
}

/** A 村民代表会议 body with every one of `people` as a representative; returns its id. */
export async function representativesBody(page: Page, baseUrl: string, orgId: number, people: { id: number }[], name = '第三届村民代表会议'): Promise<number> {
  const body = await api<{ id: number }>(page, baseUrl, 'bodies.create', { orgId, name, kind: '村民代表会议' });
  await api(page, baseUrl, 'bodies.addMembers', { bodyId: body.id, personIds: people.map((p) => p.id), role: '村民代表' });
  return body.id;
}

export interface VoteMeeting {
  orgId: number;
  meetingId: number;
  itemId: number;
  people: { id: number; name: string }[];
}

/**
 * The setting: a village with a 村民代表会议 of 45 representatives, a meeting on
 * 2026-03-15 with one agenda item, started, with `present` of them signed in. The organization is
 * made on the welcome screen; the rest through the API to keep the test fast.
 */
export async function villageMeeting(page: Page, baseUrl: string, present: number, options: { start?: boolean } = {}): Promise<VoteMeeting> {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  const orgs = await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {});
  const orgId = orgs.currentId;
  const rows = Array.from({ length: 45 }, (_, i) => ({
    name: `代表${String(i + 1).padStart(2, '0')}`,
    gender: i % 2 ? '女' : '男',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: `H${String(i + 1).padStart(3, '0')}`,
    groupName: '第一村民小组',
    tags: '',
    note: '',
  }));
  const people = await commitRoster(page, baseUrl, orgId, rows);
  expect(people).toHaveLength(45);
  const bodyId = await representativesBody(page, baseUrl, orgId, people, '村民代表会议');
  const types = await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId });
  const type = types.items.find((t) => t.name === '村民代表会议')!;
  const meeting = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: type.id,
    title: '2026年第一季度村民代表会议',
    date: '2026-03-15',
    startTime: '09:00',
    basis: 'body',
    bodyId,
  });
  const item = await api<{ id: number }>(page, baseUrl, 'agenda.add', { meetingId: meeting.id, title: '村道硬化工程' });
  if (options.start !== false) {
    await api(page, baseUrl, 'meetings.start', { id: meeting.id, startTime: '09:00' });
    await Promise.all(people.slice(0, present).map((p) => api(page, baseUrl, 'attendance.signIn', { meetingId: meeting.id, personId: p.id, time: '08:50' })));
  }
  return { orgId, meetingId: meeting.id, itemId: item.id, people };
}

/** Opens a meeting's 表决 tab (the workspace route `#/meetings/<id>/votes`). */
export async function openVotesTab(page: Page, baseUrl: string, meetingId: number) {
  await page.goto(`${baseUrl}#/meetings/${meetingId}/votes`);
  await expect(page.getByRole('tab', { name: '表决', selected: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '提出议案' }).or(page.getByText('会议已定稿，表决记录只能查看'))).toBeVisible();
}
