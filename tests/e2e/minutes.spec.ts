import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { expect, test } from './fixtures';
import { api, heldMeeting, MEMBERS, tryApi } from './minutes-setup';

test.describe.configure({ timeout: 120_000 });

const FILE_NAME = '2026年3月15日 2026年第一季度村民代表会议 会议记录.docx';

/** Text without any white space: the preview and the Word file break lines differently. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function openMinutesTab(page: Page, baseUrl: string, meetingId: number) {
  await page.goto(`${baseUrl}#/meetings/${meetingId}/minutes`);
  await expect(page.getByRole('tab', { name: '纪要', selected: true })).toBeVisible();
  const sheet = page.getByRole('document', { name: '会议记录预览' });
  await expect(sheet).toBeVisible();
  return sheet;
}

/** Clicks an export button and saves what the browser downloads. */
async function download(page: Page, button: string | RegExp, scope: Page | Locator = page): Promise<Download> {
  const downloaded = page.waitForEvent('download');
  await scope.getByRole('button', { name: button }).click();
  return downloaded;
}

/** Types a period into the two date fields, as a secretary typing the dates would. */
async function typePeriod(dialog: Locator, from: string, to: string) {
  await dialog.getByPlaceholder('开始日期').click();
  await dialog.getByPlaceholder('开始日期').fill(from);
  await dialog.getByPlaceholder('结束日期').click();
  await dialog.getByPlaceholder('结束日期').fill(to);
  await dialog.getByPlaceholder('结束日期').press('Enter');
}

async function wordText(d: Download, savePath: string): Promise<string> {
  await d.saveAs(savePath);
  return (await mammoth.extractRawText({ path: savePath })).value;
}

test('会议记录：预览、送审、定稿、导出 Word 并读回，定稿后会议不能再改', async ({ page, baseUrl }, testInfo) => {
  const { meetingId } = await heldMeeting(page, baseUrl);
  const sheet = await openMinutesTab(page, baseUrl, meetingId);

  // The preview: title, header block, the attendees, the item, the vote and the resolution number.
  await expect(sheet.getByRole('heading', { name: '2026年第一季度村民代表会议记录' })).toBeVisible();
  await expect(sheet).toContainText('会议时间：2026年3月15日（星期日）9:00至11:00');
  await expect(sheet).toContainText('应到 6 人，实到 5 人（占应到人数的 83.3%）');
  const present = sheet.locator('p', { hasText: '出席人员：' });
  for (const name of MEMBERS.slice(0, 5)) await expect(present).toContainText(name);
  await expect(sheet).toContainText('请假人员：孙八（外出务工）');
  await expect(sheet).toContainText('列席人员：镇政府刘干事');
  await expect(sheet.getByRole('heading', { name: '一、村道硬化工程' })).toBeVisible();
  await expect(sheet).toContainText('张三：同意硬化，建议先修东段。');
  await expect(sheet).toContainText('表决结果：赞成 4 人（占实到人数的 80.0%），反对 1 人（占实到人数的 20.0%），弃权 0 人（占实到人数的 0.0%），通过。');
  await expect(sheet).toContainText('（决议编号：〔2026〕1号）');
  await expect(sheet).toContainText('会议于11:00散会。');

  // 草稿 → 待审核 → 已定稿.
  const status = page.getByTestId('minutes-status');
  await expect(status).toHaveText('草稿');
  await page.getByRole('button', { name: '送主持人审核' }).click();
  await expect(status).toHaveText('待审核');
  await expect(page.locator('.minutes-review')).toContainText('已送主持人（王主任）审核');
  await page.getByRole('button', { name: '审核通过并定稿' }).click();
  const confirm = page.locator('.ant-popconfirm');
  await expect(confirm).toContainText('不能再修改');
  await expect(confirm).toContainText('更正记录');
  await confirm.getByRole('button', { name: '确定定稿' }).click();
  await expect(status).toHaveText('已定稿');
  await expect(page.getByText(/定稿时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)).toBeVisible();
  const hashPrefix = ((await page.locator('.minutes-hash').innerText()).match(/[0-9a-f]{12}/) ?? [''])[0];
  expect(hashPrefix).toHaveLength(12);
  await page.screenshot({ path: testInfo.outputPath('minutes-tab.png') });
  await sheet.screenshot({ path: testInfo.outputPath('minutes-sheet.png') });

  // 导出会议记录: the browser downloads the .docx; read it back.
  const file = await download(page, '导出会议记录');
  expect(file.suggestedFilename()).toBe(FILE_NAME);
  const savePath = testInfo.outputPath(FILE_NAME);
  const words = await wordText(file, savePath);
  for (const expected of [
    '2026年第一季度村民代表会议记录',
    ...MEMBERS,
    '外出务工',
    '镇政府刘干事',
    '一、村道硬化工程',
    '表决方式：举手表决；表决时实到 5 人。',
    '赞成 4 人（占实到人数的 80.0%）',
    '反对 1 人（占实到人数的 20.0%）',
    '弃权 0 人（占实到人数的 0.0%）',
    '〔2026〕1号',
    '散会',
  ]) {
    expect(words, expected).toContain(expected);
  }
  expect(words.indexOf('村道硬化工程')).toBeLessThan(words.indexOf('〔2026〕1号'));
  // The file is the one that was finalized: its hash is the one shown.
  expect(createHash('sha256').update(fs.readFileSync(savePath)).digest('hex').startsWith(hashPrefix)).toBe(true);

  // The preview holds the same text, in the same order, as the Word file.
  const shown = squeeze(await sheet.innerText());
  const printed = squeeze(words);
  const at = [...shown].findIndex((ch, i) => ch !== printed[i]);
  expect(
    at === -1 && shown.length === printed.length
      ? 'same'
      : `differs at ${at}: preview “${shown.slice(at - 20, at + 40)}” / Word “${printed.slice(at - 20, at + 40)}”`,
  ).toBe('same');

  // Locked: the API refuses changes, and the agenda tab offers none.
  const refused = await tryApi(page, baseUrl, 'agenda.add', { meetingId, title: '补充议题' });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toContain('已定稿');
  await page.getByRole('tab', { name: /议程/ }).click();
  await expect(page.getByRole('table', { name: '议程' })).toContainText('村道硬化工程');
  await expect(page.getByRole('button', { name: '添加议题' })).toHaveCount(0);

  // A correction after finalizing: an addendum, printed as the appendix of the preview.
  await page.getByRole('tab', { name: '纪要' }).click();
  await page.getByRole('button', { name: '添加更正记录' }).click();
  const dialog = page.getByRole('dialog', { name: '添加更正记录' });
  await dialog.getByLabel('更正内容').fill('第一项议题中“1.2公里”应为“1.3公里”。');
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(dialog).toBeHidden();
  const appendix = page.getByRole('document', { name: '会议记录预览' }).getByRole('article', { name: '更正记录' });
  await expect(appendix).toContainText('应为“1.3公里”');
  expect((await api<{ status: string }>(page, baseUrl, 'meetings.get', { id: meetingId })).status).toBe('已定稿');
});

test('其他文件：会议纪要、签到表、会议通知、决议公示（公示期不足时提示）、选票', async ({ page, baseUrl }, testInfo) => {
  const { meetingId } = await heldMeeting(page, baseUrl);
  await openMinutesTab(page, baseUrl, meetingId);

  const summary = await download(page, '导出会议纪要');
  expect(summary.suggestedFilename()).toContain('会议纪要');
  expect(await wordText(summary, testInfo.outputPath('summary.docx'))).toContain('村道硬化工程');

  const signIn = await download(page, '导出签到表');
  expect(await wordText(signIn, testInfo.outputPath('sign-in.docx'))).toContain('孙八');

  await page.getByRole('button', { name: '导出会议通知' }).click();
  let dialog = page.getByRole('dialog', { name: '导出会议通知' });
  await dialog.getByLabel('通知对象').fill('全体村民代表');
  const notice = await download(page, '导出', dialog);
  await expect(dialog).toBeHidden();
  const noticeText = await wordText(notice, testInfo.outputPath('notice.docx'));
  expect(noticeText).toContain('全体村民代表');
  expect(noticeText).toContain('村道硬化工程');

  // 决议公示: the default period is 15 days; a 10-day one is refused with the law's reason.
  await page.getByRole('button', { name: '导出决议公示' }).click();
  dialog = page.getByRole('dialog', { name: '导出决议公示' });
  await expect(dialog).toContainText('共 15 天');
  await typePeriod(dialog, '2026年3月16日', '2026年3月25日');
  await expect(dialog).toContainText('共 10 天');
  await dialog.getByRole('button', { name: '导出' }).click();
  await expect(dialog.getByRole('alert')).toContainText('决议公示不少于 15 天；现在只有 10 天');
  await typePeriod(dialog, '2026年3月16日', '2026年3月30日');
  await expect(dialog).toContainText('共 15 天');
  const posted = await download(page, '导出', dialog);
  await expect(dialog).toBeHidden();
  const postedText = await wordText(posted, testInfo.outputPath('resolution-notice.docx'));
  expect(postedText).toContain('〔2026〕1号');
  expect(postedText).toContain('2026年3月30日');

  // 选票: the meeting's vote, 5 ballots (its 实到), two per page.
  await page.getByRole('button', { name: '导出选票' }).click();
  dialog = page.getByRole('dialog', { name: '导出选票' });
  await expect(dialog.getByRole('combobox', { name: '选择表决' })).toBeVisible();
  await expect(dialog.getByText('村道硬化方案（举手表决，已确认）')).toBeVisible();
  await expect(dialog.getByRole('spinbutton', { name: '选票张数' })).toHaveValue('5');
  await dialog.getByText('每页 2 张').click();
  const ballots = await download(page, '导出', dialog);
  expect(await wordText(ballots, testInfo.outputPath('ballots.docx'))).toContain('村道硬化方案');
});
