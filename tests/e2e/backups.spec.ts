// Issue 14 points 1–2 in the app: 设置 → 数据安全 lists the backups with what they hold; 立即备份
// downloads a checked copy in the browser preview; a listed backup is restored after a preview and a
// confirmation, the current data saved first, and the page comes back on the restored data.
import fs from 'node:fs';
import { createOrganizationOnWelcome, expect, test } from './fixtures';
import { api } from './minutes-setup';

test.describe.configure({ timeout: 120_000 });

test('立即备份下载一份备份；从列出的备份恢复：先预览、确认，恢复后看到备份时的数据', async ({ page, baseUrl }) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '青石村', '村');
  const orgId = (await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {})).currentId;
  for (const [i, name] of ['张三', '李四'].entries()) await api(page, baseUrl, 'people.create', { orgId, name, householdNo: String(100 + i) });

  await page.goto(`${baseUrl}#/settings`);
  const card = page.locator('.ant-card').filter({ has: page.getByText('数据安全', { exact: true }) });
  await expect(card).toBeVisible();

  // 立即备份: the browser preview downloads the checked copy.
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: '立即备份' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^议事厅备份-\d{4}-\d{2}-\d{2}-\d{4}-手动(-\d+)?\.sqlite$/);
  const bytes = fs.readFileSync((await file.path())!);
  expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  await expect(page.locator('.ant-notification-notice')).toContainText('备份已下载');

  // The list says what each backup holds, read from the file.
  const row = card.getByRole('row').filter({ hasText: '手动' });
  await expect(row).toContainText(/人员 2 人，会议 0 次，操作记录 \d+ 条；还没有定稿的会议/);

  // A change after the backup, then restore the backup.
  await api(page, baseUrl, 'people.create', { orgId, name: '王五', householdNo: '300' });
  await row.getByRole('button', { name: /恢复/ }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog).toContainText(file.suggestedFilename());
  await expect(dialog.getByRole('row').filter({ hasText: '人员' })).toContainText('2 人');
  await expect(dialog).toContainText('当前数据会先另存为一份“恢复前”备份');
  // Waited for from before the click: on a fast run the reload can come before a later wait starts.
  const reloaded = page.waitForEvent('load');
  await dialog.getByRole('button', { name: '确认恢复' }).click();

  // The page reloads on the restored data; the one user without a PIN is chosen again.
  await reloaded;
  await page.goto(`${baseUrl}#/people`);
  await expect(page.getByText('张三').first()).toBeVisible();
  await expect(page.getByText('王五')).toHaveCount(0);

  // The data as it was before the restore is kept as 恢复前, 王五 included.
  await page.goto(`${baseUrl}#/settings`);
  await expect(card.getByRole('row').filter({ hasText: '恢复前' })).toContainText('人员 3 人');
  // The restored trail is shorter than the 恢复前 copy's: a restore, not a cut — no warning.
  await expect(page.getByText('操作记录检查发现问题')).toHaveCount(0);
});

test('从备份文件恢复：别的文件被拒绝并说明原因；议事厅的备份先预览再恢复', async ({ page, baseUrl }) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '和平里社区', '社区');
  const orgId = (await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {})).currentId;
  await api(page, baseUrl, 'people.create', { orgId, name: '周一', householdNo: '1' });
  const copy = await api<{ fileName: string; base64: string }>(page, baseUrl, 'backups.backupNow', {});
  await api(page, baseUrl, 'people.create', { orgId, name: '吴二', householdNo: '2' });

  await page.goto(`${baseUrl}#/settings`);
  const picker = page.getByLabel('选择备份文件');
  await picker.setInputFiles({ name: '会议照片.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是数据库') });
  await expect(page.getByRole('alert').filter({ hasText: '不是议事厅的数据文件' })).toContainText('当前数据没有任何改动');

  await picker.setInputFiles({ name: 'U盘里的备份.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from(copy.base64, 'base64') });
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog).toContainText('U盘里的备份.sqlite');
  await expect(dialog.getByRole('row').filter({ hasText: '人员' })).toContainText('1 人');
  const reloaded = page.waitForEvent('load');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await reloaded;
  await page.goto(`${baseUrl}#/people`);
  await expect(page.getByText('周一').first()).toBeVisible();
  await expect(page.getByText('吴二')).toHaveCount(0);
});
