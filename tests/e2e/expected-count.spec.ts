// Issue 12 point 3 in the app: a 村民小组会议 names its group (picked from the roster), people without
// a birth date are listed with a button to fix each, and 应到 can be set by hand with a reason.
import type { Locator, Page } from '@playwright/test';
import { createOrganizationOnWelcome, expect, test } from './fixtures';
import { api, commitRoster } from './votes-setup';

/** Picks an entry of an Ant Design Select, as a person clicks it in the open list. */
async function pick(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

const row = (name: string, birthDate: string, householdNo: string, groupName: string) => ({
  name,
  gender: '',
  birthDate,
  idNumber: '',
  phone: '',
  householdNo,
  groupName,
  tags: '',
  note: '',
});

test('村民小组会议：选择本组，列出没有出生日期的人并补上，名册不全时手动确定应到并写明依据', async ({ page, baseUrl }) => {
  test.setTimeout(120_000);
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '青石村', '村');
  const { currentId: orgId } = await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {});
  await commitRoster(page, baseUrl, orgId, [
    row('张建国', '1960-01-01', '101', '第一村民小组'),
    row('张秀英', '1962-01-01', '101', '第一村民小组'),
    row('钱志强', '1965-01-01', '201', '第二村民小组'),
    row('钱海燕', '', '201', '第二村民小组'),
    row('孙春梅', '1990-01-01', '202', '第二村民小组'),
    row('孙建华', '', '202', '第二村民小组'),
  ]);

  // The form asks which group, offering those on the roster.
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('dialog', { name: '新建会议' });
  await pick(page, form.getByLabel('会议类型'), '村民小组会议');
  await form.getByLabel('会议名称').fill('第二村民小组会议');
  await form.getByRole('button', { name: '新建会议' }).click();
  await expect(form.getByText('请选择是哪个村民小组：应到人员只计算本小组的人员')).toBeVisible();
  await pick(page, form.getByLabel('村民小组'), '第二村民小组（4 人）');
  await form.getByRole('button', { name: '新建会议' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { name: '第二村民小组会议' })).toBeVisible();
  await expect(page.locator('.meeting-facts')).toContainText('（第二村民小组）');
  const quorum = page.getByRole('status', { name: '会议人数' });
  await expect(quorum).toContainText('应到 2 人');

  // Two people without a birth date are named, each with a way to fix it.
  const undated = page.getByRole('region', { name: '没有出生日期的人员' });
  await expect(undated).toContainText('以下 2 人没有出生日期，未计入应到');
  await expect(undated).toContainText('钱海燕');
  await expect(undated).toContainText('孙建华');
  await undated.getByRole('button', { name: '为钱海燕补出生日期' }).click();
  const person = page.getByRole('dialog', { name: '修改人员信息：钱海燕' });
  await person.getByLabel('出生日期').fill('1968-02-02');
  await person.getByRole('button', { name: '保存' }).click();
  await expect(person).toBeHidden();
  await expect(undated).toContainText('以下 1 人没有出生日期，未计入应到');
  await expect(undated).not.toContainText('钱海燕');
  await expect(quorum).toContainText('应到 3 人');

  // Starting now says who is left out, and asks in so many words.
  await page.getByRole('button', { name: '开始会议' }).click();
  const pop = page.locator('.ant-popconfirm:visible');
  await expect(pop).toContainText('还有 1 人没有出生日期，不计入应到');
  await expect(pop.getByRole('button', { name: '确认不计入，开始会议' })).toBeVisible();
  await pop.getByRole('button', { name: '取消' }).click();

  // The roster is known to be incomplete: 应到 set by hand, with the reason.
  await page.getByRole('button', { name: '名册不全？手动确定应到人数' }).click();
  const dialog = page.getByRole('dialog', { name: '手动确定应到人数' });
  await dialog.getByLabel('应到人数', { exact: true }).fill('5');
  await dialog.getByLabel('确定应到人数的依据').fill('名册');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toContainText('至少 5 个字');
  await dialog.getByLabel('确定应到人数的依据').fill('本组新迁入的 2 人尚未录入名册，按户籍登记确定');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('应到 5 人由会议记录人手动确定：本组新迁入的 2 人尚未录入名册，按户籍登记确定')).toBeVisible();
  await expect(quorum).toContainText('应到 5 人');
  await expect(quorum).toContainText('至少 4 人');

  await page.getByRole('button', { name: '开始会议' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '开始会议' }).click();
  await expect(page.locator('.meeting-title-row')).toContainText('进行中');
  await expect(quorum).toContainText('应到 5 人');
});
