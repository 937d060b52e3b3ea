import type { Locator, Page } from '@playwright/test';
import { createOrganizationOnWelcome, expect } from './fixtures';
import { api, commitRoster, representativesBody } from './votes-setup';

export { api };

export const RESIDENTS = ['张建国', '李秀英', '王德明'] as const;
export const MEETING = '2026年12月村民议事协商会';

export interface TopicsVillage {
  orgId: number;
  meetingId: number;
  people: { id: number; name: string }[];
}

/**
 * A village with three residents on the roster and one meeting in preparation (草稿), set up
 * through the API; the organization itself is made on the welcome screen.
 */
export async function topicsVillage(page: Page, baseUrl: string): Promise<TopicsVillage> {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  const orgId = (await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {})).currentId;
  const rows = RESIDENTS.map((name, i) => ({
    name,
    gender: i % 2 ? '女' : '男',
    birthDate: '1960-05-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1),
    groupName: '第一村民小组',
    tags: '',
    note: '',
  }));
  const people = await commitRoster(page, baseUrl, orgId, rows);
  expect(people.map((p) => p.name)).toEqual([...RESIDENTS]);
  const bodyId = await representativesBody(page, baseUrl, orgId, people);
  const type = (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId })).items.find(
    (t) => t.name === '村民代表会议',
  )!;
  const meeting = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: type.id,
    title: MEETING,
    date: '2026-12-10',
    startTime: '09:00',
    basis: 'body',
    bodyId,
  });
  return { orgId, meetingId: meeting.id, people };
}

/** A topic registered through the API (for the tests that are not about registering). */
export async function apiTopic(page: Page, baseUrl: string, orgId: number, title: string, extra: Record<string, unknown> = {}): Promise<{ id: number }> {
  return api(page, baseUrl, 'topics.create', {
    orgId,
    receivedOn: '2026-11-02',
    channel: '热线电话',
    raiserKind: 'name',
    raiserName: '老周',
    title,
    content: `${title}，请社区处理。`,
    ...extra,
  });
}

/** Picks an entry of an Ant Design Select, as a person clicks it in the open list. */
export async function pick(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
}
