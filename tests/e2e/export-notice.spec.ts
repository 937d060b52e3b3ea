import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { heldMeeting } from './minutes-setup';

test.describe.configure({ timeout: 120_000 });

/** The one lasting notice an export leaves (antd notification, bottom right). */
const notices = (page: Page) => page.locator('.ant-notification-notice');

test('导出后留下一条提示：说明下载到哪里，下一次导出替换它，关掉才消失', async ({ page, baseUrl }) => {
  const { meetingId } = await heldMeeting(page, baseUrl);
  await page.goto(`${baseUrl}#/meetings/${meetingId}/minutes`);
  await expect(page.getByRole('document', { name: '会议记录预览' })).toBeVisible();

  const first = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出会议记录' }).click();
  const file = await first;
  expect(file.suggestedFilename()).toBe('2026年3月15日 2026年第一季度村民代表会议 会议记录.docx');

  const notice = notices(page);
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('会议记录已下载');
  await expect(notice).toContainText(`已下载“${file.suggestedFilename()}”，请到浏览器的“下载”文件夹里找到它。`);
  // The browser preview cannot open files on the computer: no buttons for it.
  await expect(notice.getByRole('button', { name: '打开文件' })).toHaveCount(0);
  await expect(notice.getByRole('button', { name: '打开所在文件夹' })).toHaveCount(0);

  // Still there after the moment a toast would have gone.
  await page.waitForTimeout(4_000);
  await expect(notice).toContainText('会议记录已下载');

  // The next export replaces it rather than stacking a second one.
  const second = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出签到表' }).click();
  expect((await second).suggestedFilename()).toBe('2026年3月15日 2026年第一季度村民代表会议 签到表.docx');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('签到表已下载');
  await expect(notice).not.toContainText('会议记录已下载');

  await notice.getByRole('button', { name: /close|关闭/i }).click();
  await expect(notice).toHaveCount(0);
});

test('导出人员名册：对话框关闭，提示留在页面上', async ({ page, baseUrl }) => {
  await heldMeeting(page, baseUrl);
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await expect(page.getByRole('heading', { name: '人员名册' })).toBeVisible();

  await page.getByRole('button', { name: '导出名册' }).click();
  const dialog = page.getByRole('dialog', { name: '导出人员名册' });
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出为 Excel' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^东风村-人员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(dialog).toBeHidden();

  const notice = notices(page);
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('人员名册已下载');
  await expect(notice).toContainText(file.suggestedFilename());
});
