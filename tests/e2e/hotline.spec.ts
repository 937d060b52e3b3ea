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

test('在“管理渠道”里勾选哪些渠道带热线工单字段：网格员上报勾上就能填工单号，热线电话取消后登记时不再出现', async ({ page, baseUrl }) => {
  const { orgId } = await topicsVillage(page, baseUrl);
  await page.goto(`${baseUrl}#/topics`);
  await page.getByRole('button', { name: '登记议题' }).click();
  const form = page.getByRole('dialog', { name: '登记议题' });
  const channel = form.getByRole('combobox', { name: '来源渠道' });
  await pick(page, channel, '网格员上报');
  await expect(form.getByLabel('工单号')).toHaveCount(0);

  await form.getByRole('button', { name: '管理渠道' }).click();
  const channels = page.getByRole('dialog', { name: '管理来源渠道' });
  // Before any choice, the channel named 热线 carries the fields, as it always did.
  await expect(channels.getByLabel('渠道 2', { exact: true })).toHaveValue('热线电话');
  await expect(channels.getByRole('checkbox', { name: '渠道 2 带热线工单字段' })).toBeChecked();
  await expect(channels.getByLabel('渠道 3', { exact: true })).toHaveValue('网格员上报');
  await expect(channels.getByRole('checkbox', { name: '渠道 3 带热线工单字段' })).not.toBeChecked();
  await expect(channels.getByText('带热线工单字段（工单号、来电人、来电电话、答复时限）').first()).toBeVisible();
  await channels.getByRole('checkbox', { name: '渠道 3 带热线工单字段' }).check();
  await channels.getByRole('checkbox', { name: '渠道 2 带热线工单字段' }).uncheck();
  await channels.getByRole('button', { name: '保存' }).click();
  await expect(channels).toBeHidden();

  // Still on 网格员上报, which now asks for the ticket.
  await form.getByLabel('工单号').fill('WG2026112001');
  await form.getByLabel('来电人').fill('赵大爷');
  await form.getByLabel('来电电话').fill('13900001111');
  await form.getByLabel('答复时限').fill('2026-12-31');
  await chooseRadio(form, '填写姓名');
  await form.getByLabel('反映人姓名').fill('刘网格');
  await form.getByLabel('议题标题').fill('东风路口路灯不亮');
  await form.getByLabel('议题内容').fill('网格员巡查发现东风路口路灯坏了。');
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toBeHidden();

  await page
    .getByRole('row', { name: /东风路口路灯不亮/ })
    .getByText('东风路口路灯不亮')
    .click();
  const facts = page.locator('.topic-facts');
  await expect(facts).toContainText('WG2026112001');
  await expect(facts).toContainText('139****1111');
  await expect(facts).toContainText('2026-12-31');

  // 热线电话, unticked, no longer asks for it.
  await page.goto(`${baseUrl}#/topics`);
  await page.getByRole('button', { name: '登记议题' }).click();
  await pick(page, channel, '热线电话');
  await expect(form.getByLabel('工单号')).toHaveCount(0);
  await expect(form.getByLabel('来电电话')).toHaveCount(0);
  await expect(form.getByLabel('答复时限')).toHaveCount(0);
  expect(await api(page, baseUrl, 'topics.channels', { orgId })).toMatchObject({ hotline: ['网格员上报'] });
});
