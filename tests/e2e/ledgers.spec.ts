import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { heldMeeting } from './minutes-setup';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

test('首页导出会议台账：按日期范围下载 Excel，读回标题、表头和会议', async ({ page, baseUrl }) => {
  await heldMeeting(page, baseUrl);
  await page.goto(`${baseUrl}#/home`);
  const card = page.getByTestId('ledger-export');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('button', { name: '导出' })).toBeInViewport();

  // A range that ends before it starts is refused in Chinese, nothing is downloaded.
  await card.getByLabel('台账开始日期').fill('2026-03-31');
  await card.getByLabel('台账结束日期').fill('2026-03-01');
  await card.getByLabel('台账结束日期').press('Enter');
  await card.getByRole('button', { name: '导出' }).click();
  await expect(card.getByRole('alert')).toContainText('结束日期早于开始日期');

  await card.getByLabel('台账开始日期').fill('2026-03-01');
  await card.getByLabel('台账开始日期').press('Enter');
  await card.getByLabel('台账结束日期').fill('2026年3月31日');
  await card.getByLabel('台账结束日期').press('Enter');
  await expect(card.getByRole('alert')).toHaveCount(0);
  const downloaded = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe('东风村村民委员会-会议台账-2026-03-01至2026-03-31.xlsx');
  await expect(page.locator('.ant-notification-notice')).toContainText('会议台账已下载');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('会议台账')!;
  const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
  expect(row(1)[0]).toBe('东风村村民委员会 会议台账（2026-03-01 至 2026-03-31）');
  expect(row(2)).toContain('应到');
  expect(row(3).slice(1, 4)).toEqual(['2026-03-15', '村民代表会议', '2026年第一季度村民代表会议']);
});
