import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPair, readPackage, signPackage } from '../../exchange';
import { rateDefinitions } from '../../core/followup/rates';
import { enrolledBody, hubRoutes } from '../../exchange/hub-api';
import { sampleMinutes, sampleReport, startHub, stopHub, type RunningHub } from './hub-setup';

// The street's web page (hub-web/) served by the street hub, in Chromium at 1366×768: an admin
// adds a community and sees its one-time code, the community enrolls with it and sends a signed
// 报送包 (built here with exchange/), the page shows its meeting and rule, the admin records a
// 备案审查意见; a 只读 user sees the rule but no review form.

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ mode: 'serial' });

const ADMIN = { username: '街道管理员', password: 'jiedao-2026!' };
const READER = { username: '只读查看', password: 'chakan-2026!' };
const DEPARTMENT = { username: '城管科张三', password: 'chengguan-2026!' };

let hub: RunningHub;
let dataDir: string;
/** The first PC's key and community id (the 重新登记 test sends with it after the PC is replaced). */
let firstPc: { privateKeyPem: string; communityId: string; hubId: string } | null = null;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-web-e2e-'));
  hub = await startHub(dataDir, ADMIN);
});

test.afterAll(async () => {
  if (hub) await stopHub(hub);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.goto(hub.url);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The sample's dates are in 2026; a page's default period is this year to date. */
async function showYear2026(page: Page) {
  const asked = page.waitForRequest((r) => r.url().includes('from=2026-01-01') && r.url().includes('to=2026-12-31'));
  await page.getByPlaceholder('开始日期').fill('2026-01-01');
  await page.getByPlaceholder('结束日期').fill('2026-12-31');
  await page.getByPlaceholder('结束日期').press('Enter');
  await asked;
}

async function openMenu(page: Page, name: string) {
  await page.getByRole('menu').getByText(name, { exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) })).toBeVisible();
}

/** Enrolls a new key with the code the page showed, then sends report No. 1 signed with it. */
async function enrollAndSend(code: string): Promise<{ privateKeyPem: string; communityId: string; hubId: string }> {
  const keys = generateKeyPair();
  const request = signPackage(
    'enrollment',
    { communityId: null, hubId: null, sequence: 0, createdAt: new Date().toISOString() },
    { code, communityName: '青石村', orgKind: '村' },
    keys.privateKeyPem,
  );
  const enrolledResponse = await fetch(hub.url.replace(/\/$/, '') + hubRoutes.enroll, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: request,
  });
  const enrolledText = await enrolledResponse.text();
  expect(enrolledResponse.status, enrolledText).toBe(200);
  const enrolled = readPackage(enrolledBody.parse(JSON.parse(enrolledText)).package, 'enrolled');
  const report = signPackage(
    'report',
    { communityId: enrolled.header.communityId, hubId: enrolled.header.hubId, sequence: 1, createdAt: new Date().toISOString() },
    { ...sampleReport(), documents: [...sampleReport().documents, sampleMinutes()] },
    keys.privateKeyPem,
  );
  const stored = await sendReport(report);
  expect(stored.status, stored.text).toBe(200);
  return { privateKeyPem: keys.privateKeyPem, communityId: enrolled.header.communityId!, hubId: enrolled.header.hubId! };
}

async function sendReport(text: string): Promise<{ status: number; text: string }> {
  const response = await fetch(hub.url.replace(/\/$/, '') + hubRoutes.packages, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
  return { status: response.status, text: await response.text() };
}

test('a wrong password is refused in Chinese', async ({ page }) => {
  await signIn(page, { username: ADMIN.username, password: 'wrong-password' });
  await expect(page.getByRole('alert')).toContainText('用户名或密码不对');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('the admin adds a community, it sends a package, the page shows it and the admin reviews its rule', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: /^总览/ })).toBeVisible();

  await openMenu(page, '社区管理');
  await page.getByRole('button', { name: '添加社区' }).click();
  const dialog = page.getByRole('dialog', { name: '添加社区' });
  await dialog.getByLabel('社区（村）名称').fill('青石村');
  await dialog.getByLabel('村', { exact: true }).check();
  await dialog.getByRole('button', { name: '添加并生成登记码' }).click();
  const codeDialog = page.getByRole('dialog', { name: '青石村 的登记码' });
  await expect(codeDialog).toContainText('有效期至');
  const code = (await codeDialog.getByTestId('enroll-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  await codeDialog.getByRole('button', { name: '我已记下' }).click();
  await expect(page.getByRole('row', { name: /青石村/ }).first()).toContainText('待登记');

  firstPc = await enrollAndSend(code);

  await page.reload();
  const communityRow = page
    .getByRole('table')
    .first()
    .getByRole('row', { name: /青石村/ });
  await expect(communityRow).toContainText('已登记');
  await expect(communityRow).toContainText('第 1 号');
  await expect(page.getByRole('row', { name: /接收/ }).first()).toContainText('已接收第 1 号报送包');

  await openMenu(page, '总览');
  const card = page.getByTestId('community-card').filter({ hasText: '青石村' });
  await expect(card).toContainText('第 1 号');

  // 会议: meetings held per community and month — the package's meeting counts in 2026-11.
  await openMenu(page, '会议');
  await showYear2026(page);
  const meetingRow = page.getByRole('row', { name: /2026-11.*青石村/ });
  await expect(meetingRow.getByRole('cell').nth(2)).toHaveText('1');
  await expect(meetingRow).toContainText('84%');
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  expect((await workbook).suggestedFilename()).toMatch(/^会议召开情况-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // The same page lists each meeting: 应到/实到, the votes' outcome, and the minutes to download.
  await page.getByRole('tab', { name: '会议列表' }).click();
  const listed = page.getByRole('row', { name: /青石村2026年第十一次村民代表会议/ });
  await expect(listed).toContainText('2026-11-20');
  await expect(listed).toContainText('通过 1 项 / 未通过 0 项');
  await expect(listed.getByRole('cell', { name: '25', exact: true })).toBeVisible();
  await expect(listed.getByRole('cell', { name: '21', exact: true })).toBeVisible();
  await expect(page.getByText('共 1 次会议')).toBeVisible();
  const minutes = page.waitForEvent('download');
  await listed.getByRole('button', { name: '下载记录' }).click();
  const minutesFile = await minutes;
  expect(minutesFile.suggestedFilename()).toBe('青石村2026年第十一次村民代表会议记录.docx');
  expect(fs.readFileSync(await minutesFile.path(), 'utf8')).toBe('青石村村民代表会议记录（测试）');
  // A status with no meeting empties the list.
  await page.getByLabel('会议状态').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('草稿', { exact: true }).click();
  await expect(page.getByText('这段时间没有会议')).toBeVisible();
  const listBook = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  expect((await listBook).suggestedFilename()).toMatch(/^会议列表-\d{4}-\d{2}-\d{2}\.xlsx$/);

  await openMenu(page, '村规民约备案');
  const ruleRow = page.getByRole('row', { name: /青石村村规民约/ });
  await expect(ruleRow).toContainText('待审查');
  await ruleRow.getByRole('button', { name: '打开' }).click();
  const drawer = page.getByRole('dialog', { name: /青石村村规民约/ });
  await expect(drawer).toContainText('城关街道办事处');
  // The rule's procedure steps as the community recorded them.
  await expect(drawer).toContainText('征集民意 2026-10-08：入户征求意见 120 户');
  const report = page.waitForEvent('download');
  await drawer.getByRole('listitem').filter({ hasText: '青石村村规民约备案报告.docx' }).getByRole('button', { name: '下载' }).click();
  const reportFile = await report;
  expect(reportFile.suggestedFilename()).toBe('青石村村规民约备案报告.docx');
  expect(fs.readFileSync(await reportFile.path(), 'utf8')).toBe('青石村村规民约备案报告（测试）');
  await expect(drawer.getByTestId('review-list')).toContainText('还没有审查意见');

  const form = drawer.getByTestId('review-form');
  await form.getByLabel('退回').check();
  await form.getByRole('button', { name: '保存审查意见' }).click();
  await expect(form).toContainText('退回时请写明理由');
  await form.getByLabel('退回理由（要改什么）').fill('第五条罚款条款违法，请删除后重新表决。');
  await form.getByRole('button', { name: '保存审查意见' }).click();
  await expect(drawer.getByTestId('review-list')).toContainText('第五条罚款条款违法');
  await expect(drawer.getByTestId('review-list')).toContainText('退回');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Reviewed: no longer awaiting review; listed under 已退回.
  await expect(page.getByRole('row', { name: /青石村村规民约/ })).toHaveCount(0);
  await page.getByText(/^已退回 \d+$/).click();
  await expect(page.getByRole('row', { name: /青石村村规民约/ })).toContainText('已退回');

  // 决议督办: the resolution past its deadline is listed as overdue.
  await openMenu(page, '决议督办');
  await expect(page.getByRole('row', { name: /青石村/ }).first()).toContainText('1');
  const overdueRow = page.getByRole('row', { name: /村道硬化工程/ });
  await expect(overdueRow).toContainText('青石决〔2026〕5号');
  await expect(overdueRow).toContainText(/\d+ 天/);

  // 吹哨报到: rates by department and month, with the desktop's definitions as help text.
  await openMenu(page, '吹哨报到');
  await expect(page.getByText(rateDefinitions.response)).toBeVisible();
  await showYear2026(page);
  const rateRow = page.getByRole('row', { name: /2026-11\s*城管科/ });
  await expect(rateRow).toContainText('1/2（50.0%）');
  await expect(rateRow).toContainText('1/1（100.0%）');

  // 四议两公开: the skipped step is flagged.
  await openMenu(page, '四议两公开');
  await showYear2026(page);
  const matterRow = page.getByRole('row', { name: /修建村文化广场/ });
  await expect(matterRow).toContainText('“两委”会议商议 缺');
  await expect(matterRow).toContainText('缺步或顺序错');

  // A 只读 user and a 部门 user for the next tests.
  await openMenu(page, '用户');
  await page.getByRole('button', { name: '添加用户' }).click();
  const deptDialog = page.getByRole('dialog', { name: '添加用户' });
  await deptDialog.getByLabel('用户名').fill(DEPARTMENT.username);
  await deptDialog.getByLabel('初始密码（至少 8 位）').fill(DEPARTMENT.password);
  await deptDialog.getByLabel('角色').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('部门', { exact: true }).click();
  await deptDialog.getByLabel('所属部门（与吹哨记录里的部门名称一致）').fill('城管科');
  await deptDialog.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('row', { name: new RegExp(DEPARTMENT.username) })).toContainText('城管科');

  await openMenu(page, '用户');
  await page.getByRole('button', { name: '添加用户' }).click();
  const userDialog = page.getByRole('dialog', { name: '添加用户' });
  await userDialog.getByLabel('用户名').fill(READER.username);
  await userDialog.getByLabel('初始密码（至少 8 位）').fill(READER.password);
  await userDialog.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('row', { name: new RegExp(READER.username) })).toContainText('只读');
});

test('a 只读 user sees the rule and its review but no review form', async ({ page }) => {
  await signIn(page, READER);
  await expect(page.getByRole('heading', { name: /^总览/ })).toBeVisible();
  await expect(page.getByRole('menu').getByText('社区管理')).toHaveCount(0);
  await openMenu(page, '村规民约备案');
  await page.getByText(/^已退回 \d+$/).click();
  await page
    .getByRole('row', { name: /青石村村规民约/ })
    .getByRole('button', { name: '打开' })
    .click();
  const drawer = page.getByRole('dialog', { name: /青石村村规民约/ });
  await expect(drawer.getByTestId('review-list')).toContainText('第五条罚款条款违法');
  await expect(drawer.getByTestId('review-form')).toHaveCount(0);
});

test("a 部门 user answers its own department's 吹哨", async ({ page }) => {
  await signIn(page, DEPARTMENT);
  await expect(page.getByRole('heading', { name: /^总览/ })).toBeVisible();
  await expect(page.getByRole('menu').getByText('用户', { exact: true })).toHaveCount(0);
  await openMenu(page, '吹哨报到');
  await page.getByRole('tab', { name: /本部门的吹哨/ }).click();
  const open = page.getByRole('row', { name: /未报到/ });
  await expect(open).toHaveCount(1);
  await open.getByRole('button', { name: '报到/答复' }).click();
  const dialog = page.getByRole('dialog', { name: /报到\/答复/ });
  await dialog.getByLabel('答复').fill('已派人现场查看，本周内处理完毕。');
  await dialog.getByLabel('报到时间').fill('2026-11-12 10:00');
  // Enter takes the typed time and saves, as the 保存 button does.
  await dialog.getByLabel('报到时间').press('Enter');
  await expect(dialog).toBeHidden();
  const answered = page.getByRole('row', { name: /已派人现场查看/ });
  await expect(answered).toContainText('2026-11-12 10:00');
  // The list as Excel, with the same filters.
  const book = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  expect((await book).suggestedFilename()).toMatch(/^吹哨记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('a second review: the drawer lists every review, newest first', async ({ page }) => {
  await signIn(page, ADMIN);
  await openMenu(page, '村规民约备案');
  await page.getByText(/^已退回 \d+$/).click();
  await page
    .getByRole('row', { name: /青石村村规民约/ })
    .getByRole('button', { name: '打开' })
    .click();
  const drawer = page.getByRole('dialog', { name: /青石村村规民约/ });
  const form = drawer.getByTestId('review-form');
  await form.getByLabel('备案回执号（可不填）').fill('城关备〔2026〕3号');
  await form.getByRole('button', { name: '保存审查意见' }).click();
  const items = drawer.getByTestId('review-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('同意备案');
  await expect(items.first()).toContainText('城关备〔2026〕3号');
  await expect(items.nth(1)).toContainText('第五条罚款条款违法');
  await expect(drawer).toContainText('共 2 次，最新的在上');
});

test('重新登记（更换电脑）: a new code, the new PC enrolls, the old PC is refused', async ({ page }) => {
  expect(firstPc).not.toBeNull();
  await signIn(page, ADMIN);
  await openMenu(page, '社区管理');
  const row = page
    .getByRole('table')
    .first()
    .getByRole('row', { name: /青石村/ });
  await row.getByRole('button', { name: '重新登记（更换电脑）' }).click();
  const confirm = page.getByRole('dialog', { name: /重新登记（更换电脑）/ });
  await expect(confirm).toContainText('旧电脑的报送包不再接收');
  await confirm.getByRole('button', { name: '生成新登记码' }).click();
  const codeDialog = page.getByRole('dialog', { name: '青石村 的登记码' });
  const code = (await codeDialog.getByTestId('enroll-code').innerText()).trim();
  await codeDialog.getByRole('button', { name: '我已记下' }).click();
  await expect(row).toContainText('重新登记中');

  await enrollAndSend(code);
  const old = signPackage(
    'report',
    { communityId: firstPc!.communityId, hubId: firstPc!.hubId, sequence: 2, createdAt: new Date().toISOString() },
    sampleReport(),
    firstPc!.privateKeyPem,
  );
  const refused = await sendReport(old);
  expect(refused.status).toBe(400);
  expect(refused.text).toContain('这个村（社区）已经用新电脑重新登记，旧电脑的报送包不能再接收');

  await page.reload();
  await expect(row).toContainText('已重新登记');
  await expect(row).toContainText('第 1 号');
  await expect(page.getByRole('row', { name: /登记/ }).filter({ hasText: '重新登记（更换电脑）：新密钥指纹' })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /拒收/ }).first()).toContainText('旧电脑的报送包不能再接收');
});
