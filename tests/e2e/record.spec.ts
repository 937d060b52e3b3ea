// Issue 13 as a secretary meets it: 本单位信息 names the committee on her documents; the minutes
// say the meeting was quorate, list those present the way she chooses, and once finalized are
// the file as approved — checked against its sha256 when she exports it again.
import type { Download, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { expect, test } from './fixtures';
import { api, heldMeeting } from './minutes-setup';

test.describe.configure({ timeout: 120_000 });

const squeeze = (s: string) => s.replace(/\s+/g, '');

async function wordText(d: Download): Promise<string> {
  const file = await d.path();
  return squeeze((await mammoth.extractRawText({ path: file })).value);
}

async function exportMinutes(page: Page, button: string | RegExp) {
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return downloaded;
}

test('本单位信息改了落款；会议记录写明会议有效、出席人员按选择列出；定稿后再导出与定稿时一致', async ({ page, baseUrl }) => {
  const { orgId, meetingId } = await heldMeeting(page, baseUrl);

  // 设置 → 本单位: the names the first start filled in, changed and saved.
  await page.goto(`${baseUrl}#/settings`);
  const card = page.locator('#org-profile');
  await expect(card.getByLabel('村（居）民委员会全称')).toHaveValue('东风村村民委员会');
  await card.getByLabel('村（居）民委员会全称').fill('江宁区东风村村民委员会');
  await card.getByLabel('办公电话').fill('025-52100000');
  await card.getByRole('button', { name: '保存本单位信息' }).click();
  await expect(page.getByText('本单位信息已保存')).toBeVisible();
  expect(await api(page, baseUrl, 'organizations.profile', { orgId })).toMatchObject({ committeeName: '江宁区东风村村民委员会', phone: '025-52100000' });

  // The minutes: valid in the law's words, those present as she chooses.
  await page.goto(`${baseUrl}#/meetings/${meetingId}/minutes`);
  const sheet = page.getByRole('document', { name: '会议记录预览' });
  await expect(sheet).toContainText('法定人数：实到 5 人，超过应到人数的三分之二，符合法定人数，会议有效');
  await page.getByText('写“见签到表”').click();
  await expect(sheet).toContainText('出席人员：共 5 人，名单见会议签到表（附后）');
  await page.getByText('列成名单表').click();
  await expect(sheet.getByRole('table', { name: '出席人员名单' })).toContainText('张三');
  await page.getByText('逐一写名字').click();
  await expect(sheet).toContainText('出席人员：李四、钱七、王五、张三、赵六请假人员');

  // Finalize through the API (the review path has its own test), then export twice.
  await api(page, baseUrl, 'meetings.finalize', { id: meetingId });
  await page.reload();
  await expect(page.getByRole('radio', { name: '逐一写名字' })).toBeDisabled();
  const first = await exportMinutes(page, '导出会议记录');
  await expect(page.getByText(/与定稿时保存的文件完全一致/)).toBeVisible();
  const text = await wordText(first);
  expect(text).toContain(squeeze('法定人数：实到 5 人，超过应到人数的三分之二，符合法定人数，会议有效'));

  // A correction: the record as approved stays exportable on its own.
  await api(page, baseUrl, 'minutes.addAddendum', { meetingId, text: '张三的发言中“东段”应为“西段”。' });
  await page.reload();
  const corrected = await exportMinutes(page, '导出会议记录（含更正记录）');
  expect(await wordText(corrected)).toContain(squeeze('附件：更正记录'));
  const approved = await exportMinutes(page, '导出定稿原件');
  await expect(page.getByText(/与定稿时保存的文件完全一致/)).toBeVisible();
  expect(await wordText(approved)).not.toContain('附件：更正记录');
});
