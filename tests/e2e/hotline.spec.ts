import { chooseRadio, expect, test } from './fixtures';
import { api, pick, topicsVillage } from './topics-setup';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

test('热线渠道的议题：登记工单号、来电人、电话和答复时限，电话只显示后四位，查看完整号码要点“查看”', async ({ page, baseUrl }) => {
  const { orgId } = await topicsVillage(page, baseUrl);
  await page.goto(`${baseUrl}#/topics`);
  await page.getByRole('button', { name: '登记议题' }).click();
  const form = page.getByRole('dialog', { name: '登记议题' });
  // A channel that is not a hotline asks for none of it.
  await pick(page, form.getByRole('combobox', { name: '来源渠道' }), '居民信箱');
  await expect(form.getByLabel('工单号')).toHaveCount(0);
  await pick(page, form.getByRole('combobox', { name: '来源渠道' }), '热线电话');
  await form.getByLabel('工单号').fill('GD2026112000123');
  await form.getByLabel('来电人').fill('王阿姨');
  await form.getByLabel('来电电话').fill('12345');
  await chooseRadio(form, '填写姓名');
  await form.getByLabel('反映人姓名').fill('王阿姨');
  await form.getByLabel('议题标题').fill('楼道灯不亮');
  await form.getByLabel('议题内容').fill('5号楼2单元楼道灯坏了一个月。');
  await form.getByLabel('答复时限').fill('2026-12-31');
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form.getByText('来电电话只能是 7 至 12 位数字')).toBeVisible();
  await form.getByLabel('来电电话').fill('13812345678');
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toBeHidden();

  await page
    .getByRole('row', { name: /楼道灯不亮/ })
    .getByText('楼道灯不亮')
    .click();
  const facts = page.locator('.topic-facts');
  await expect(facts).toContainText('GD2026112000123');
  await expect(facts).toContainText('138****5678');
  await expect(facts).not.toContainText('13812345678');
  await facts.getByText('查看', { exact: true }).click();
  await expect(facts).toContainText('13812345678');
  const stored = await api<{ items: { callerPhoneMasked: string; replyDueOn: string }[] }>(page, baseUrl, 'topics.list', { orgId });
  expect(stored.items[0]).toMatchObject({ callerPhoneMasked: '138****5678', replyDueOn: '2026-12-31' });
});
