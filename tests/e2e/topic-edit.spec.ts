import { expect, test } from './fixtures';
import { api, apiTopic, topicsVillage } from './topics-setup';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

test('修改议题：改标题和收到日期（输入 2026/11/5），详情和办理过程都看得到；办结后不再能修改', async ({ page, baseUrl }) => {
  const { orgId } = await topicsVillage(page, baseUrl);
  const t = await apiTopic(page, baseUrl, orgId, '路灯不亮', { channel: '居民信箱', receivedOn: '2026-11-02' });
  await page.goto(`${baseUrl}#/topics/${t.id}`);
  await expect(page.getByRole('heading', { name: '路灯不亮' })).toBeVisible();

  await page.getByRole('button', { name: '修改', exact: true }).click();
  const form = page.getByRole('dialog', { name: '修改议题' });
  await expect(form.getByLabel('议题标题')).toHaveValue('路灯不亮');
  await expect(form.getByLabel('收到日期')).toHaveValue('2026-11-02');
  // Nothing typed yet: 取消 closes at once.
  await form.getByRole('button', { name: '取消' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('button', { name: '修改', exact: true }).click();
  await form.getByLabel('议题标题').fill('东风路口路灯不亮');
  await form.getByLabel('收到日期').fill('2026/11/5');
  await form.getByLabel('议题标题').click();
  await form.screenshot({ path: '/tmp/topic-edit-form.png' });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  await expect(page.getByRole('heading', { name: '东风路口路灯不亮' })).toBeVisible();
  const facts = page.locator('.topic-facts');
  await expect(facts).toContainText('2026-11-05');
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline).toContainText('修改了议题：收到日期、议题标题');
  await page.screenshot({ path: '/tmp/topic-edit-detail.png', fullPage: true });

  // Finished, it is no longer corrected here.
  await api(page, baseUrl, 'topics.reply', { id: t.id, reply: '已报修' });
  await page.reload();
  await expect(page.getByRole('heading', { name: '东风路口路灯不亮' })).toBeVisible();
  await expect(page.getByText('不能再分办或修改')).toBeVisible();
  await expect(page.getByRole('button', { name: '修改', exact: true })).toHaveCount(0);
});

test('修改热线议题的工单号：来电电话留空不改，详情仍显示原来的后四位', async ({ page, baseUrl }) => {
  const { orgId } = await topicsVillage(page, baseUrl);
  const t = await apiTopic(page, baseUrl, orgId, '楼道灯不亮', {
    channel: '热线电话',
    ticketNumber: 'GD2026110200001',
    callerName: '王阿姨',
    callerPhone: '13812345678',
    replyDueOn: '2026-11-20',
  });
  await page.goto(`${baseUrl}#/topics/${t.id}`);
  const facts = page.locator('.topic-facts');
  await expect(facts).toContainText('138****5678');

  await page.getByRole('button', { name: '修改', exact: true }).click();
  const form = page.getByRole('dialog', { name: '修改议题' });
  await expect(form.getByLabel('工单号')).toHaveValue('GD2026110200001');
  await expect(form.getByLabel('来电电话')).toHaveValue('');
  await expect(form.getByLabel('来电电话')).toHaveAttribute('placeholder', '不修改请留空');
  await expect(form.getByText('现为 138****5678')).toBeVisible();
  await form.getByLabel('工单号').fill('GD2026110200009');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  await expect(facts).toContainText('GD2026110200009');
  await expect(facts).toContainText('138****5678');
  await expect(facts).toContainText('王阿姨');
  await expect(page.getByRole('region', { name: '办理过程' })).toContainText('修改了议题：工单号');
  await facts.getByText('查看', { exact: true }).click();
  await expect(facts).toContainText('13812345678');
});
