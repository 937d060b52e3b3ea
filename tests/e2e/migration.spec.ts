import fs from 'node:fs';
import { expect, test } from './fixtures';
import { apiTopic, MEETING, topicsVillage } from './topics-setup';

test.describe.configure({ timeout: 120_000 });

test('附件 on an agenda item, then 导出迁移包 and 导入迁移包: the data comes back as exported, attachment included', async ({ page, baseUrl }) => {
  const { orgId, meetingId } = await topicsVillage(page, baseUrl);
  await page.goto(`${baseUrl}#/meetings/${meetingId}/agenda`);
  await page.getByRole('button', { name: '添加议题' }).click();
  const form = page.getByRole('dialog', { name: '添加议题' });
  await form.getByLabel('议题名称').fill('村道硬化');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  // The scanned 签到表 is chosen with the file picker and listed on the agenda item.
  await page
    .getByLabel('选择附件文件：村道硬化')
    .setInputFiles({ name: '签到表扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 签到表') });
  await expect(page.getByText('签到表扫描件.pdf')).toBeVisible();
  await expect(page.getByRole('button', { name: '打开附件：签到表扫描件.pdf' })).toBeVisible();

  // 导出迁移包 downloads one file.
  await page.goto(`${baseUrl}#/settings`);
  const card = page.locator('.ant-card').filter({ hasText: '数据迁移' });
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出迁移包' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^议事厅数据迁移包-\d{8}\.chmove$/);
  const packageFile = await download.path();
  expect(fs.statSync(packageFile).size).toBeGreaterThan(1000);
  await expect(card.getByText(/迁移包已下载/)).toBeVisible();

  // Something registered after the export is gone once the package is imported again.
  await apiTopic(page, baseUrl, orgId, '导出之后登记的议题');

  // A file that is not a package is refused and changes nothing.
  await card.getByRole('button', { name: '导入迁移包' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '选择迁移包' }).click();
  await card.getByLabel('选择迁移包文件').setInputFiles({ name: '照片.chmove', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
  await expect(card.getByText(/迁移包无法使用：它不是迁移包/)).toBeVisible();

  await card.getByRole('button', { name: '导入迁移包' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '选择迁移包' }).click();
  await card.getByLabel('选择迁移包文件').setInputFiles(packageFile);
  const done = page.getByRole('dialog').filter({ hasText: '迁移包已导入' });
  await expect(done).toBeVisible();
  await expect(done).toContainText('全部核对无误');
  await done.getByRole('button', { name: '确定' }).click();

  await page.goto(`${baseUrl}#/topics`);
  await expect(page.getByText('还没有议题')).toBeVisible();
  await page.goto(`${baseUrl}#/meetings/${meetingId}/agenda`);
  await expect(page.getByText(MEETING).first()).toBeVisible();
  await expect(page.getByText('签到表扫描件.pdf')).toBeVisible();
  const opened = page.waitForEvent('download');
  await page.getByRole('button', { name: '打开附件：签到表扫描件.pdf' }).click();
  expect((await opened).suggestedFilename()).toBe('签到表扫描件.pdf');
});
