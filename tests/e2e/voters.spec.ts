import type { Page } from '@playwright/test';
import { chooseRadio, createOrganizationOnWelcome, expect, test } from './fixtures';
import { api, commitRoster } from './votes-setup';

// Issue 12: every line present is a voter (the 更正 path with households), and a 党员大会 whose
// 预备党员 attend without a vote.
test.describe.configure({ timeout: 180_000 });

const row = (name: string, householdNo: string, birthDate = '1970-05-01', tags = '') => ({
  name,
  gender: '',
  birthDate,
  idNumber: '',
  phone: '',
  householdNo,
  groupName: '',
  tags,
  note: '',
});

async function orgWith(page: Page, baseUrl: string, rows: Record<string, string>[]) {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  const orgId = (await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {})).currentId;
  const people = await commitRoster(page, baseUrl, orgId, rows);
  const types = await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId });
  return { orgId, people, typeId: (name: string) => types.items.find((t) => t.name === name)!.id };
}

async function openTab(page: Page, baseUrl: string, meetingId: number, tab: 'signin' | 'votes', name: RegExp | string) {
  await page.goto(`${baseUrl}#/meetings/${meetingId}/${tab}`);
  await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
}

test('村民会议按户：签到表“更正”为出席的户都算表决人，7 户到会 2 票赞成未通过', async ({ page, baseUrl }) => {
  const rows = Array.from({ length: 9 }, (_, i) => row(`户主${i + 1}`, String(101 + i)));
  rows.push(row('小明', '101', '2014-01-01'));
  const { orgId, people, typeId } = await orgWith(page, baseUrl, rows);
  const m = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: typeId('村民会议'),
    title: '三月村民会议',
    date: '2026-03-15',
    startTime: '09:00',
    basis: 'households',
  });
  await api(page, baseUrl, 'agenda.add', { meetingId: m.id, title: '村道硬化' });
  await api(page, baseUrl, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
  await api(page, baseUrl, 'meetings.start', { id: m.id });
  const sheet = await api<{ expected: { householdId: number; householdNo: string }[] }>(page, baseUrl, 'attendance.sheet', { meetingId: m.id });
  const household = (no: string) => sheet.expected.find((e) => e.householdNo === no)!.householdId;
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  await api(page, baseUrl, 'attendance.signIn', { meetingId: m.id, personId: person('户主1'), time: '08:50' });
  await api(page, baseUrl, 'attendance.signIn', { meetingId: m.id, personId: person('户主2'), time: '08:52' });
  for (const no of ['103', '104', '105', '106', '107'])
    await api(page, baseUrl, 'attendance.setStatus', { meetingId: m.id, householdId: household(no), status: '请假', reason: '外出务工' });

  await openTab(page, baseUrl, m.id, 'signin', /^签到/);
  const board = page.getByRole('region', { name: '到会人数' });
  await expect(board.locator('.quorum-number').nth(1)).toHaveText('2');
  // The secretary corrects five households from 请假 to 出席; one names its representative, the others not.
  for (const no of ['103', '104', '105', '106', '107']) {
    await page.getByRole('button', { name: `更正：${no}户` }).click();
    const dialog = page.getByRole('dialog', { name: /更正签到/ });
    await dialog.getByRole('combobox', { name: '改为' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('出席', { exact: true }).click();
    if (no === '103') {
      await dialog.getByRole('combobox', { name: '户代表' }).click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('户主3', { exact: true }).click();
    }
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(board.locator('.quorum-number').nth(1)).toHaveText('7');
  await expect(page.getByRole('row', { name: /103户/ })).toContainText('户主3签到');
  // A child is never offered as a household's representative.
  await page.getByRole('button', { name: '更正：101户' }).click();
  const fix = page.getByRole('dialog', { name: /更正签到/ });
  await fix.getByRole('combobox', { name: '户代表' }).click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option-disabled')).toContainText('小明（未满十八周岁）');
  await page.keyboard.press('Escape');
  await fix.getByRole('button', { name: '取消' }).click();

  // The vote counts all seven: 2 ayes are not more than half of 7.
  await openTab(page, baseUrl, m.id, 'votes', '表决');
  await page.getByRole('button', { name: '提出议案' }).click();
  const propose = page.getByRole('dialog', { name: '提出议案' });
  await propose.getByLabel('议案名称').fill('村道硬化方案');
  await propose.getByLabel('议案内容').fill('硬化村道 2 公里');
  await chooseRadio(propose, '组织（如村党支部）');
  await propose.getByRole('combobox', { name: '提议组织' }).fill('村民委员会');
  await propose.getByRole('button', { name: '提出' }).click();
  await expect(propose).toBeHidden();
  await page.getByRole('button', { name: '开始表决' }).click();
  const open = page.getByRole('dialog', { name: '开始表决' });
  await open.getByRole('checkbox', { name: '村道硬化方案' }).check();
  await chooseRadio(open, '举手表决');
  await open.getByRole('button', { name: '开始表决' }).click();
  await expect(open).toBeHidden();
  const panel = page.locator('.counting-panel');
  await expect(panel).toContainText('有表决权的到会人数 7 人');
  await panel.getByRole('spinbutton', { name: '赞成', exact: true }).fill('2');
  await panel.getByRole('spinbutton', { name: '反对', exact: true }).fill('0');
  await panel.getByRole('spinbutton', { name: '弃权', exact: true }).fill('0');
  await expect(panel.getByText('按现在的数字：未通过')).toBeVisible();
  await panel.getByRole('button', { name: '保存计票' }).click();
  await panel.getByRole('button', { name: '确认结果' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认结果' }).click();
  const result = page.getByRole('status', { name: '表决结果' });
  await expect(result).toContainText('未通过');
  await expect(result).toContainText('实到 7 人，赞成 2 票');
});

test('党员大会：预备党员签到列席，不计入应到，不参加表决；恰好半数到会可以表决', async ({ page, baseUrl }) => {
  const rows = [
    ...Array.from({ length: 8 }, (_, i) => row(`党员${i + 1}`, String(200 + i), '1970-01-01', '中共党员')),
    row('预备甲', '300', '1995-01-01', '中共预备党员'),
    row('预备乙', '301', '1996-01-01', '中共预备党员'),
  ];
  const { orgId, people, typeId } = await orgWith(page, baseUrl, rows);
  const body = await api<{ id: number }>(page, baseUrl, 'bodies.create', { orgId, name: '村党支部', kind: '党支部' });
  await api(page, baseUrl, 'bodies.addMembers', { bodyId: body.id, personIds: people.filter((p) => p.name.startsWith('党员')).map((p) => p.id), role: '党员' });
  await api(page, baseUrl, 'bodies.addMembers', {
    bodyId: body.id,
    personIds: people.filter((p) => p.name.startsWith('预备')).map((p) => p.id),
    role: '预备党员',
  });
  const m = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: typeId('党员大会'),
    title: '三月党员大会',
    date: '2026-03-08',
    startTime: '19:00',
    basis: 'body',
    bodyId: body.id,
  });
  await api(page, baseUrl, 'agenda.add', { meetingId: m.id, title: '审议村道硬化方案' });
  await api(page, baseUrl, 'meetings.start', { id: m.id });
  for (const p of people.filter((x) => ['党员1', '党员2', '党员3', '党员4'].includes(x.name)))
    await api(page, baseUrl, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '18:50' });

  await openTab(page, baseUrl, m.id, 'signin', /^签到/);
  const board = page.getByRole('region', { name: '到会人数' });
  await expect(board.locator('.quorum-number').nth(0)).toHaveText('8');
  await expect(board.locator('.quorum-number').nth(1)).toHaveText('4');
  await expect(board).toContainText('半数以上');
  await expect(board).toContainText('可以开会');
  const card = page.locator('.signin-nonvoting');
  await expect(card).toContainText('预备党员（列席，无表决权，不计入应到）2 人');
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: '预备甲签到（列席）' }).click();
  await expect(card).toContainText('已到');
  await expect(page.locator('.signin-feedback')).toContainText('预备甲');
  await expect(board.locator('.quorum-number').nth(1)).toHaveText('4');

  await openTab(page, baseUrl, m.id, 'votes', '表决');
  await page.getByRole('button', { name: '提出议案' }).click();
  const propose = page.getByRole('dialog', { name: '提出议案' });
  await propose.getByLabel('议案名称').fill('村道硬化方案');
  await propose.getByLabel('议案内容').fill('硬化村道 2 公里');
  await chooseRadio(propose, '组织（如村党支部）');
  await propose.getByRole('combobox', { name: '提议组织' }).fill('支部委员会');
  await propose.getByRole('button', { name: '提出' }).click();
  await expect(propose).toBeHidden();
  await page.getByRole('button', { name: '开始表决' }).click();
  const open = page.getByRole('dialog', { name: '开始表决' });
  await open.getByRole('checkbox', { name: '村道硬化方案' }).check();
  await chooseRadio(open, '举手表决');
  await open.getByRole('button', { name: '开始表决' }).click();
  await expect(open).toBeHidden();
  const panel = page.locator('.counting-panel');
  await expect(panel).toContainText('有表决权的到会人数 4 人');
});

test('会后补录纸质签到表：勾选到会的人，写了时间的照填，晚于开始时间的记为迟到', async ({ page, baseUrl }) => {
  const rows = Array.from({ length: 5 }, (_, i) => row(`代表${i + 1}`, String(400 + i)));
  const { orgId, people, typeId } = await orgWith(page, baseUrl, rows);
  const body = await api<{ id: number }>(page, baseUrl, 'bodies.create', { orgId, name: '村民代表会议', kind: '村民代表会议' });
  await api(page, baseUrl, 'bodies.addMembers', { bodyId: body.id, personIds: people.map((p) => p.id), role: '村民代表' });
  const m = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: typeId('村民代表会议'),
    title: '代表会',
    date: '2026-03-15',
    startTime: '09:30',
    basis: 'body',
    bodyId: body.id,
  });
  await api(page, baseUrl, 'meetings.start', { id: m.id });
  await api(page, baseUrl, 'meetings.end', { id: m.id, endTime: '11:00' });

  await openTab(page, baseUrl, m.id, 'signin', /^签到/);
  const box = page.getByLabel('输入姓名、拼音首字母或户号');
  await expect(box).toBeDisabled();
  await page.getByRole('switch', { name: '补录纸质签到表' }).click();
  await page.getByLabel('纸上写的到会时间（可不填）').fill('09:42');
  await box.fill('代表2');
  await box.press('Enter');
  const feedback = page.locator('.signin-feedback');
  await expect(feedback).toContainText('代表2 已签到 09:42（迟到）');
  await page.getByLabel('纸上写的到会时间（可不填）').fill('');
  await box.fill('代表3');
  await box.press('Enter');
  await expect(feedback).toContainText('代表3 已签到');
  const board = page.getByRole('region', { name: '到会人数' });
  await expect(board.locator('.quorum-number').nth(1)).toHaveText('2');
  await page.getByRole('button', { name: '查看更正记录：代表2' }).click();
  await expect(page.getByRole('dialog', { name: /签到更正记录/ })).toContainText('补录纸质签到表');
});
