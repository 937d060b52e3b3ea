// Issue 12 point 7 in the app: ballot figures only for paper ballots; an options vote offers 弃权.
import type { Locator, Page } from '@playwright/test';
import { chooseRadio, expect, test } from './fixtures';
import { openVotesTab, villageMeeting } from './votes-setup';

test.describe.configure({ timeout: 180_000 });

async function propose(page: Page, title: string, text: string) {
  await page.getByRole('button', { name: '提出议案' }).click();
  const dialog = page.getByRole('dialog', { name: '提出议案' });
  await dialog.getByLabel('议案名称').fill(title);
  await dialog.getByLabel('议案内容').fill(text);
  await chooseRadio(dialog, '组织（如村党支部）');
  await dialog.getByRole('combobox', { name: '提议组织' }).fill('村党支部');
  await dialog.getByRole('button', { name: '提出' }).click();
  await expect(dialog).toBeHidden();
}

async function openVote(page: Page, titles: string[], method: '举手表决' | '记名表决' | '无记名投票') {
  await page.getByRole('button', { name: '开始表决' }).click();
  const dialog = page.getByRole('dialog', { name: '开始表决' });
  for (const t of titles) await dialog.getByRole('checkbox', { name: t }).check();
  await chooseRadio(dialog, method);
  await dialog.getByRole('button', { name: '开始表决' }).click();
  await expect(dialog).toBeHidden();
  return page.locator('.counting-panel');
}

async function fill(panel: Locator, counts: Record<string, number>) {
  for (const [label, n] of Object.entries(counts)) await panel.getByRole('spinbutton', { name: label, exact: true }).fill(String(n));
}

test('举手表决不问选票数；多方案表决可以弃权；记名投票用选票时才登记选票数', async ({ page, baseUrl }) => {
  const { meetingId, people } = await villageMeeting(page, baseUrl, 31);
  await openVotesTab(page, baseUrl, meetingId);

  // Options by a show of hands: no ballot boxes, a 弃权 box next to the options.
  await propose(page, '水泥路面', '采用 C30 水泥混凝土路面。');
  await propose(page, '沥青路面', '采用沥青混凝土路面。');
  let panel = await openVote(page, ['水泥路面', '沥青路面'], '举手表决');
  await expect(panel.getByRole('spinbutton', { name: '发出选票' })).toHaveCount(0);
  await fill(panel, { 方案一: 18, 方案二: 10, 弃权: 4 });
  await expect(panel.getByText('各方案及弃权合计 32 票，超过了有表决权的到会人数 31 人')).toBeVisible();
  await fill(panel, { 弃权: 3 });
  await expect(panel.getByLabel('剩余未计')).toContainText('0');
  await expect(panel.getByText(/方案一 18 票，方案二 10 票，弃权 3 票；方案一获得的票数超过实到人数的半数（15.5），方案一通过/)).toBeVisible();
  await panel.getByRole('button', { name: '保存计票' }).click();
  await expect(page.getByText('已保存计票')).toBeVisible();
  await panel.getByRole('button', { name: '确认结果' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认结果' }).click();
  await expect(page.getByRole('status', { name: '表决结果' })).toContainText('弃权 3 票');

  // 记名 by roll call: each voter may also choose 弃权; ballot figures only when ballots were used.
  await propose(page, '增设路灯', '在村道两侧增设太阳能路灯 40 盏。');
  await propose(page, '不设路灯', '维持现状。');
  panel = await openVote(page, ['增设路灯', '不设路灯'], '记名表决');
  await expect(panel.getByRole('spinbutton', { name: '发出选票' })).toHaveCount(0);
  await chooseRadio(panel.getByRole('radiogroup', { name: `${people[0]!.name}的选择` }), '弃权');
  await panel.getByRole('button', { name: '方案一', exact: true }).first().click();
  await expect(panel.getByLabel('剩余未计')).toContainText('0');
  await expect(panel.getByText(/方案一 30 票，方案二 0 票，弃权 1 票/)).toBeVisible();
  await panel.getByRole('checkbox', { name: /用选票记名投票/ }).check();
  await fill(panel, { 发出选票: 31, 收回选票: 31, 有效票: 30, 无效票: 1 });
  await expect(panel.getByText('各方案及弃权合计 31 票，应等于有效票 30 张')).toBeVisible();
  await fill(panel, { 有效票: 31, 无效票: 0 });
  await panel.getByRole('button', { name: '保存计票' }).click();
  await expect(page.getByText('已保存计票')).toBeVisible();
});
