import { type Browser, type Download, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SampleKit, SampleWorld } from '../../core/contract/samples';
import { filedRule } from '../../core/contract/samples/rules';
import { createOrganizationOnWelcome, expect, test } from './fixtures';
import { startHub, stopHub, type RunningHub } from './hub-setup';
import { api, commitRoster } from './votes-setup';

// Issue 18, part 5, end to end in Chromium: a village's desktop (the web host, page B) and the
// street hub as `npm run hub` runs it (its street page, page A), both driven through their pages.
// The desktop enrolls with the code the street page shows and sends its records over the network;
// the street page shows them, returns the rule with reasons and 供电所 answers its 吹哨; the desktop
// pulls the 回执包 and shows both on their records. The second test carries everything as files
// (U盘): 生成登记申请 → 上传登记申请 → 导入登记回执; 生成报送包 → 上传报送包文件 → 回执包 下载 → 导入回执包.
// Only the desktop's records are prepared through its API, as other specs do.

const VIEWPORT = { width: 1366, height: 768 };
test.use({ viewport: VIEWPORT });
// The two tests are independent (their own desktop, their own village on the shared hub): one failing does not skip the other.
test.describe.configure({ timeout: 120_000 });

const ADMIN = { username: '城关管理员', password: 'chengguan-2026!' };
const POWER = { username: '供电所李工', password: 'gongdian-2026!' };
const HUB_NAME = '城关街道办事处';

let hub: RunningHub;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'street-roundtrip-e2e-'));
  hub = await startHub(dataDir, ADMIN);
});

test.afterAll(async () => {
  if (hub) await stopHub(hub);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh browser context on the street page (its own cookies), signed in as `who`. */
async function streetPage(browser: Browser, who: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(hub.url);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: /^总览/ })).toBeVisible();
  return page;
}

async function openMenu(page: Page, name: string) {
  await page.getByRole('menu').getByText(name, { exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) })).toBeVisible();
}

/** The records' dates are in 2026; a page's default period is this year to date. */
async function showYear2026(page: Page) {
  const asked = page.waitForRequest((r) => r.url().includes('from=2026-01-01') && r.url().includes('to=2026-12-31'));
  await page.getByPlaceholder('开始日期').fill('2026-01-01');
  await page.getByPlaceholder('结束日期').fill('2026-12-31');
  await page.getByPlaceholder('结束日期').press('Enter');
  await asked;
}

/** 社区管理 → 添加社区: returns the one-time code the page shows. */
async function addCommunity(street: Page, name: string): Promise<string> {
  await openMenu(street, '社区管理');
  await street.getByRole('button', { name: '添加社区' }).click();
  const dialog = street.getByRole('dialog', { name: '添加社区' });
  await dialog.getByLabel('社区（村）名称').fill(name);
  await dialog.getByLabel('村', { exact: true }).check();
  await dialog.getByRole('button', { name: '添加并生成登记码' }).click();
  const codeDialog = street.getByRole('dialog', { name: `${name} 的登记码` });
  const code = (await codeDialog.getByTestId('enroll-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  await codeDialog.getByRole('button', { name: '我已记下' }).click();
  await expect(street.getByRole('row', { name: new RegExp(name) }).first()).toContainText('待登记');
  return code;
}

/** A downloaded file, checked by name and kept as the U盘 would keep it; returns its path. */
async function saved(file: Download, expectedName: string): Promise<string> {
  expect(file.suggestedFilename()).toBe(expectedName);
  const kept = path.join(dataDir, expectedName);
  await file.saveAs(kept);
  return kept;
}

/** Clicks an upload button and picks the file in the chooser it opens. */
async function upload(page: Page, button: string, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/** Closes the street page's confirmation box (antd's modal.success) titled `title`. */
async function closeNotice(page: Page, title: string) {
  const box = page.getByRole('dialog').filter({ hasText: title });
  // A click while the box is still zooming in can miss: click again until it closes.
  await expect(async () => {
    await box.getByRole('button', { name: '知道了' }).click({ timeout: 2_000 });
    await expect(box).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

interface Village {
  orgId: number;
  rule: { id: number; title: string };
  topicId: number;
}

/**
 * The desktop's records, through its API as other specs prepare them: a village made on the
 * welcome screen with 20 adults, its 村规民约 adopted by the 村民会议 of 2026-10-20 and filed
 * (core/contract/samples/rules.ts `filedRule`), and a topic with a 吹哨 to 供电所.
 */
async function village(desk: Page, baseUrl: string, name: string): Promise<Village> {
  await desk.goto(baseUrl);
  await createOrganizationOnWelcome(desk, name, '村');
  const orgId = (await api<{ currentId: number }>(desk, baseUrl, 'organizations.list', {})).currentId;
  const people = await commitRoster(
    desk,
    baseUrl,
    orgId,
    Array.from({ length: 20 }, (_, i) => ({
      name: `村民${String(i + 1).padStart(2, '0')}`,
      gender: i % 2 ? '女' : '男',
      birthDate: '1970-01-01',
      idNumber: '',
      phone: '',
      householdNo: String(i + 1).padStart(3, '0'),
      groupName: '第一组',
      tags: '',
      note: '',
    })),
  );
  const types = (await api<{ items: { id: number; name: string }[] }>(desk, baseUrl, 'meetingTypes.list', { orgId })).items;
  const world = { village: { orgId, typeIds: Object.fromEntries(types.map((t) => [t.name, t.id])), personIds: people.map((p) => p.id) } } as SampleWorld;
  const kit = { world, call: (callName: string, input: unknown) => api(desk, baseUrl, callName, input) } as SampleKit;
  const rule = await filedRule(kit);
  const topic = await api<{ id: number }>(desk, baseUrl, 'topics.create', {
    orgId,
    receivedOn: '2026-11-18',
    channel: '来访',
    raiserKind: 'anonymous',
    title: '村东路灯不亮',
    content: '村东路口三盏路灯坏了',
  });
  await api(desk, baseUrl, 'summons.create', {
    orgId,
    topicId: topic.id,
    department: '供电所',
    summonedAt: '2026-11-20T09:00:00+08:00',
    reportWithinHours: 24,
  });
  return { orgId, rule: { id: rule.id, title: rule.title }, topicId: topic.id };
}

/** 村规民约备案 → the rule awaiting review → 退回 with reasons. */
async function returnRule(street: Page, title: string, reasons: string) {
  await openMenu(street, '村规民约备案');
  const ruleRow = street.getByRole('row', { name: new RegExp(title) });
  await expect(ruleRow).toContainText('待审查');
  await ruleRow.getByRole('button', { name: '打开' }).click();
  const drawer = street.getByRole('dialog', { name: new RegExp(title) });
  await expect(drawer).toContainText('青石镇人民政府');
  await expect(drawer.getByRole('listitem').filter({ hasText: '备案报告' }).first()).toBeVisible();
  const form = drawer.getByTestId('review-form');
  await form.getByLabel('退回').check();
  await form.getByLabel('退回理由（要改什么）').fill(reasons);
  await form.getByRole('button', { name: '保存审查意见' }).click();
  await expect(drawer.getByTestId('review-list')).toContainText(reasons);
  await street.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
}

/** The desktop's rule page, opened from the 村规民约 list: the street's 备案审查意见 on it. */
async function seeReviewOnRule(desk: Page, title: string, reasons: string) {
  await desk.getByRole('menuitem', { name: '村规民约' }).click();
  await desk
    .getByRole('row', { name: new RegExp(title) })
    .getByText(title)
    .click();
  await expect(desk.getByRole('heading', { name: title })).toBeVisible();
  const reviews = desk.getByTestId('filing-reviews');
  await expect(reviews).toContainText(`${HUB_NAME}：退回`);
  await expect(reviews).toContainText(ADMIN.username);
  await expect(reviews).toContainText(`退回理由：${reasons}`);
}

test('网络：街道页面给登记码，议事厅在线登记并网络报送，街道退回规约、供电所报到答复，议事厅接收回执后在规约和议题上看到', async ({
  page: desk,
  baseUrl,
  browser,
}) => {
  const qingshi = await village(desk, baseUrl, '青石村');

  // 1. The street page: the admin adds 青石村 and reads its one-time code.
  const street = await streetPage(browser, ADMIN);
  const code = await addCommunity(street, '青石村');

  // 2. The desktop: 报送 → the hub's address and the code → 在线登记 → 网络报送.
  await desk.getByRole('menuitem', { name: '报送' }).click();
  const status = desk.getByTestId('exchange-status');
  await expect(status).toContainText('未登记');
  const enroll = desk.getByTestId('exchange-enroll');
  await enroll.getByLabel('登记码').fill(code);
  await enroll.getByLabel('街道平台地址').fill(hub.url);
  await enroll.getByRole('button', { name: '在线登记' }).click();
  await expect(status).toContainText(`已登记到${HUB_NAME}`);
  await expect(desk.getByTestId('exchange-notice')).toContainText(`已登记到${HUB_NAME}`);
  const send = desk.getByTestId('exchange-send');
  await expect(send).toContainText('1 份规约');
  await send.getByRole('button', { name: '网络报送' }).click();
  await expect(desk.getByTestId('exchange-notice')).toContainText('已通过网络报送第 1 号报送包，街道平台已确认收到第 1 号');
  const history = desk.getByTestId('exchange-history');
  await expect(history.getByRole('row', { name: /第 1 号/ }).first()).toContainText('已确认');
  await expect(history.getByRole('row', { name: /第 1 号/ }).first()).toContainText('网络');

  // 3. The street page: received, the village's meeting, the rule awaiting review → 退回.
  await street.reload();
  const communityRow = street
    .getByRole('table')
    .first()
    .getByRole('row', { name: /青石村/ });
  await expect(communityRow).toContainText('已登记');
  await expect(communityRow).toContainText('第 1 号');
  await expect(street.getByRole('row', { name: /接收/ }).first()).toContainText('已接收第 1 号报送包');
  await openMenu(street, '会议');
  await showYear2026(street);
  // The 村民会议 of 2026-10-20 that adopted the rule: 12 of 20 adults present.
  const meetingRow = street.getByRole('row', { name: /2026-10.*青石村/ });
  await expect(meetingRow.getByRole('cell').nth(2)).toHaveText('1');
  await expect(meetingRow).toContainText('60%');
  const reasons = '第五条罚款没有法律依据，请删去后重新表决';
  await returnRule(street, qingshi.rule.title, reasons);

  // A 部门 account for 供电所, which reports and answers in its own session.
  await openMenu(street, '用户');
  await street.getByRole('button', { name: '添加用户' }).click();
  const userDialog = street.getByRole('dialog', { name: '添加用户' });
  await userDialog.getByLabel('用户名').fill(POWER.username);
  await userDialog.getByLabel('初始密码（至少 8 位）').fill(POWER.password);
  await userDialog.getByLabel('角色').click();
  await street.locator('.ant-select-dropdown:visible').getByTitle('部门', { exact: true }).click();
  await userDialog.getByLabel('所属部门（与吹哨记录里的部门名称一致）').fill('供电所');
  await userDialog.getByRole('button', { name: '添加' }).click();
  await expect(street.getByRole('row', { name: new RegExp(POWER.username) })).toContainText('供电所');

  const power = await streetPage(browser, POWER);
  await openMenu(power, '吹哨报到');
  await power.getByRole('tab', { name: /本部门的吹哨/ }).click();
  const open = power.getByRole('row', { name: /村东路灯不亮/ });
  await expect(open).toContainText('未报到');
  await open.getByRole('button', { name: '报到/答复' }).click();
  const answer = power.getByRole('dialog', { name: /报到\/答复/ });
  await answer.getByLabel('答复').fill('已派电工更换三盏路灯');
  await answer.getByLabel('报到时间').fill('2026-11-20 15:00');
  await answer.getByLabel('报到时间').press('Enter');
  await expect(answer).toBeHidden();
  await expect(power.getByRole('row', { name: /已派电工更换三盏路灯/ })).toContainText('2026-11-20 15:00');
  await power.context().close();

  // 4. The desktop: 接收街道回执 → the 回执包 is in; the rule and the topic show what came back.
  await send.getByRole('button', { name: '接收街道回执' }).click();
  await expect(desk.getByTestId('exchange-notice')).toContainText('已接收 1 个回执包（第 1 号）');
  await expect(desk.getByTestId('exchange-notice')).toContainText('备案审查意见');
  await expect(history.getByRole('row', { name: /备案审查意见 1 条/ })).toContainText('部门报到和答复 1 条');
  await seeReviewOnRule(desk, qingshi.rule.title, reasons);

  await desk.getByRole('menuitem', { name: '议题' }).click();
  await desk
    .getByRole('row', { name: /村东路灯不亮/ })
    .getByText('村东路灯不亮')
    .click();
  const replies = desk.getByTestId('summons-replies');
  await expect(replies).toContainText('供电所');
  await expect(replies).toContainText('2026-11-20 15:00');
  await expect(replies).toContainText('已派电工更换三盏路灯');
  await expect(replies).toContainText(POWER.username);
  await street.context().close();
});

test('文件（U盘）：登记申请和登记回执、报送包和回执包都用文件交换，议事厅导入后在规约上看到退回意见', async ({ page: desk, baseUrl, browser }) => {
  const baisha = await village(desk, baseUrl, '白沙村');
  const street = await streetPage(browser, ADMIN);
  const code = await addCommunity(street, '白沙村');

  // 登记 by file: 生成登记申请 → the street page's 上传登记申请 → its 登记回执 → 导入登记回执.
  await desk.getByRole('menuitem', { name: '报送' }).click();
  const enroll = desk.getByTestId('exchange-enroll');
  await enroll.getByLabel('登记码').fill(code);
  const requested = desk.waitForEvent('download');
  await enroll.getByRole('button', { name: '生成登记申请' }).click();
  const requestPath = await saved(await requested, '议事厅登记申请-白沙村.json');
  await openMenu(street, '社区管理');
  const receiptDownload = street.waitForEvent('download');
  await upload(street, '上传登记申请', requestPath);
  const receiptPath = await saved(await receiptDownload, '议事厅登记回执-白沙村.json');
  await closeNotice(street, '白沙村 已登记');
  await expect(
    street
      .getByRole('table')
      .first()
      .getByRole('row', { name: /白沙村/ }),
  ).toContainText('已登记');
  await enroll.getByLabel('导入登记回执').setInputFiles(receiptPath);
  const status = desk.getByTestId('exchange-status');
  await expect(status).toContainText(`已登记到${HUB_NAME}`);
  await expect(status).toContainText('未设置，用文件报送');

  // 生成报送包: the file to carry.
  const send = desk.getByTestId('exchange-send');
  const exported = desk.waitForEvent('download');
  await send.getByRole('button', { name: '生成报送包' }).click();
  const reportPath = await saved(await exported, '议事厅报送包-白沙村-第1号.json');
  await expect(desk.getByTestId('exchange-notice')).toContainText('已生成第 1 号报送包');
  const history = desk.getByTestId('exchange-history');
  await expect(history.getByRole('row', { name: /第 1 号/ }).first()).toContainText('待确认');

  // The street page: 上传报送包文件.
  await upload(street, '上传报送包文件', reportPath);
  await expect(street.getByRole('dialog').filter({ hasText: '报送包已接收' })).toContainText('第 1 号');
  await closeNotice(street, '报送包已接收');
  const communityRow = street
    .getByRole('table')
    .first()
    .getByRole('row', { name: /白沙村/ });
  await expect(communityRow).toContainText('第 1 号');

  // Returned with reasons; the 回执包 downloaded for the U盘.
  const reasons = '第三条“不大操大办”请写明标准后重新表决';
  await returnRule(street, baisha.rule.title, reasons);
  await openMenu(street, '社区管理');
  await street
    .getByRole('table')
    .first()
    .getByRole('row', { name: /白沙村/ })
    .getByRole('button', { name: '回执包' })
    .click();
  const repliesDialog = street.getByRole('dialog', { name: '白沙村 的回执包' });
  const reply = repliesDialog.getByRole('listitem').filter({ hasText: '第 1 号' });
  await expect(reply).toContainText('确认收到报送包至第 1 号');
  const downloaded = street.waitForEvent('download');
  await reply.getByRole('button', { name: '下载' }).click();
  const replyPath = await saved(await downloaded, '议事厅回执包-白沙村-第1号.json');
  await street.context().close();

  // The desktop: 导入回执包.
  await send.getByLabel('导入回执包').setInputFiles(replyPath);
  await expect(desk.getByTestId('exchange-notice')).toContainText('已导入第 1 号回执包');
  await expect(history.getByRole('row', { name: /第 1 号/ }).first()).toContainText('已确认');
  await expect(history.getByRole('row', { name: /备案审查意见 1 条/ })).toContainText('文件');
  await seeReviewOnRule(desk, baisha.rule.title, reasons);
});
