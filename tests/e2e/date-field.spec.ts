import type { Locator, Page } from '@playwright/test';
import { chooseRadio, expect, test } from './fixtures';
import { api, pick, topicsVillage } from './topics-setup';

test.describe.configure({ timeout: 120_000 });

/** Fills 登记议题 except the date, raised by name so no roster lookup is needed. */
async function fillTopic(page: Page, form: Locator, title: string) {
  await pick(page, form.getByRole('combobox', { name: '来源渠道' }), '热线电话');
  await chooseRadio(form, '填写姓名');
  await form.getByLabel('反映人姓名').fill('老周');
  await form.getByLabel('议题标题').fill(title);
  await form.getByLabel('议题内容').fill(`${title}，请村里看看。`);
}

test('日期照人们的写法填：2026年11月5日、20261105 都认得，显示认出的日期，保存后列表里是这一天', async ({ page, baseUrl }) => {
  const { orgId } = await topicsVillage(page, baseUrl);
  await page.goto(`${baseUrl}#/topics`);

  // 2026年11月5日, the way it is written on a letter.
  await page.getByRole('button', { name: '登记议题' }).click();
  let form = page.getByRole('dialog', { name: '登记议题' });
  await fillTopic(page, form, '路灯不亮');
  const date = form.getByLabel('收到日期');
  await date.fill('2026年11月5日');
  await expect(form.getByText('2026年11月5日 星期四')).toBeVisible();
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: /路灯不亮/ })).toContainText('2026-11-05');

  // 20261105, eight digits in a row, as typed on a number pad.
  await page.getByRole('button', { name: '登记议题' }).click();
  form = page.getByRole('dialog', { name: '登记议题' });
  await fillTopic(page, form, '井盖松动');
  await form.getByLabel('收到日期').fill('20261105');
  await expect(form.getByText('2026年11月5日 星期四')).toBeVisible();
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: /井盖松动/ })).toContainText('2026-11-05');

  const stored = await api<{ items: { title: string; receivedOn: string }[] }>(page, baseUrl, 'topics.list', { orgId });
  expect(Object.fromEntries(stored.items.map((t) => [t.title, t.receivedOn]))).toEqual({ 路灯不亮: '2026-11-05', 井盖松动: '2026-11-05' });
});

test('认不出的日期用中文说明，什么也不保存', async ({ page, baseUrl }) => {
  const { orgId } = await topicsVillage(page, baseUrl);
  await page.goto(`${baseUrl}#/topics`);
  await page.getByRole('button', { name: '登记议题' }).click();
  const form = page.getByRole('dialog', { name: '登记议题' });
  await fillTopic(page, form, '路灯不亮');
  await form.getByLabel('收到日期').fill('2026-13-45');
  await expect(form.getByText('无法识别日期“2026-13-45”，请按 2026-11-05 的格式填写')).toBeVisible();
  await form.getByRole('button', { name: '登记', exact: true }).click();
  // The dialog stays, with the message once, and the date as typed (not replaced by another day).
  await expect(form).toBeVisible();
  await expect(form.getByText('无法识别日期“2026-13-45”，请按 2026-11-05 的格式填写')).toHaveCount(1);
  await expect(form.getByLabel('收到日期')).toHaveValue('2026-13-45');
  const stored = await api<{ items: unknown[] }>(page, baseUrl, 'topics.list', { orgId });
  expect(stored.items).toHaveLength(0);

  // Corrected, it saves.
  await form.getByLabel('收到日期').fill('2026.11.5');
  await expect(form.getByText('2026年11月5日 星期四')).toBeVisible();
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: /路灯不亮/ })).toContainText('2026-11-05');
});
