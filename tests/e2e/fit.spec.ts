import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { followUpVillage, api } from './followup-setup';
import { apiTopic } from './topics-setup';

const ROSTER = path.resolve(__dirname, '..', 'fixtures', 'roster-with-errors.xlsx');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

/*
 * The checks run in the page as string expressions: the project's Node typings have no DOM.
 * An element's visible part is its rect cut by every ancestor that clips (overflow other than
 * visible): a wide table inside its own horizontal scroll is fine, a page that runs off the
 * screen is not.
 */
const VISIBLE_RECT = `(el) => {
  let r = el.getBoundingClientRect();
  let left = r.left, right = r.right, top = r.top, bottom = r.bottom;
  for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX !== 'visible') { const c = a.getBoundingClientRect(); left = Math.max(left, c.left); right = Math.min(right, c.right); }
    if (s.overflowY !== 'visible') { const c = a.getBoundingClientRect(); top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom); }
  }
  return { left, right, top, bottom, width: r.width, height: r.height, fullLeft: r.left, fullRight: r.right };
}`;

const OVERFLOWING = `(() => {
  const visibleRect = ${VISIBLE_RECT};
  const cw = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none' || s.opacity === '0') continue;
    const v = visibleRect(el);
    if (v.right <= v.left || v.bottom <= v.top) continue;
    if (v.right > cw + 1) found.push(el.tagName.toLowerCase() + '.' + String(el.className).slice(0, 60) + ' right=' + Math.round(v.right) + ' "' + (el.textContent || '').slice(0, 30) + '"');
  }
  return { clientWidth: cw, scrollWidth: document.documentElement.scrollWidth, found: found.slice(0, 8) };
})()`;

/** Every 操作 header: fully shown (not cut by its table's scroll) and inside the window. */
const ACTION_HEADERS = `(() => {
  const visibleRect = ${VISIBLE_RECT};
  const cw = document.documentElement.clientWidth;
  return [...document.querySelectorAll('th')]
    .filter((th) => th.textContent.trim() === '操作' && th.getBoundingClientRect().width > 0)
    .map((th) => { const v = visibleRect(th); return { whole: v.left <= v.fullLeft + 1 && v.right >= v.fullRight - 1, inside: v.fullRight <= cw + 1 && v.fullLeft >= 0 }; });
})()`;

async function expectFits(page: Page, where: string) {
  // Let the page settle: tables and lists are drawn after their data arrives.
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  const result = (await page.evaluate(OVERFLOWING)) as { clientWidth: number; scrollWidth: number; found: string[] };
  expect(result.found, `${where}: elements beyond the window's right edge`).toEqual([]);
  expect(result.scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(result.clientWidth);
  const headers = (await page.evaluate(ACTION_HEADERS)) as { whole: boolean; inside: boolean }[];
  for (const h of headers) expect(h, `${where}: a 操作 column is cut off`).toEqual({ whole: true, inside: true });
}

/** True when the element is fully shown in the window without scrolling anything. */
async function aboveTheFold(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
}

function intersects(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`${size}：每个主要页面都不超出窗口，操作列完整，进行中会议的表决按钮不用滚动就能看到`, async ({ page, baseUrl }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const village = await followUpVillage(page, baseUrl);
    await apiTopic(page, baseUrl, village.orgId, '村东头路灯不亮，晚上出行不便，请尽快维修');
    // The June meeting, started with five of the six signed in: a live meeting.
    const live = village.nextId;
    await api(page, baseUrl, 'agenda.add', { meetingId: live, title: '村道硬化工程' });
    await api(page, baseUrl, 'meetings.start', { id: live, startTime: '09:00' });
    const people = (await api<{ items: { id: number }[] }>(page, baseUrl, 'people.list', { orgId: village.orgId, pageSize: 50 })).items;
    for (const p of people.slice(0, 5)) await api(page, baseUrl, 'attendance.signIn', { meetingId: live, personId: p.id, time: '08:55' });

    const pages: [string, string, string][] = [
      ['首页', '#/home', '您好，这里是东风村的议事厅'],
      ['会议列表', '#/meetings', '会议'],
      ['决议', '#/meetings/resolutions', '会议'],
      ['议题', '#/topics', '议题'],
      ['督办公示', '#/followup', '督办公示'],
      ['村规民约', '#/rules', '村规民约'],
      ['人员名册', '#/people', '人员名册'],
      ['设置', '#/settings', '本单位信息'],
    ];
    for (const [name, hash, shown] of pages) {
      await page.goto(`${baseUrl}${hash}`);
      await expect(page.locator('main').getByText(shown).first()).toBeVisible();
      await expectFits(page, name);
    }

    // The resolutions list: each result readable in full, without scrolling the table.
    await page.goto(`${baseUrl}#/meetings/resolutions`);
    await expect(page.getByRole('cell', { name: '通过', exact: true }).first()).toBeVisible();
    const results = (await page.evaluate(`(() => {
      const visibleRect = ${VISIBLE_RECT};
      return [...document.querySelectorAll('td')]
        .filter((td) => ['通过', '未通过'].includes(td.textContent.trim()))
        .map((td) => { const v = visibleRect(td.firstElementChild || td); return v.left <= v.fullLeft + 1 && v.right >= v.fullRight - 1 && v.fullRight <= document.documentElement.clientWidth; });
    })()`)) as boolean[];
    expect(results, '决议列表的表决结果').toEqual([true, true]);

    for (const id of [village.heldId, live]) {
      for (const tab of ['agenda', 'signin', 'record', 'votes', 'minutes']) {
        await page.goto(`${baseUrl}#/meetings/${id}/${tab}`);
        await expect(page.locator('.meeting-title')).toBeVisible();
        await expectFits(page, `会议 ${id} ${tab}`);
      }
    }

    // A live meeting: the compact header leaves the 表决 panel's buttons and the sign-in list on screen.
    await page.goto(`${baseUrl}#/meetings/${live}/votes`);
    const propose = page.getByRole('button', { name: '提出议案' });
    await expect(propose).toBeVisible();
    expect(await aboveTheFold(propose), '表决的“提出议案”在窗口下方').toBe(true);
    await page.goto(`${baseUrl}#/meetings/${live}/signin`);
    const firstRow = page.getByRole('row').filter({ hasText: '出席' }).first();
    await expect(firstRow).toBeVisible();
    expect(await aboveTheFold(firstRow), '签到名单在窗口下方').toBe(true);

    // A toast leaves the heading readable.
    await page.getByRole('button', { name: '修改会议信息' }).click();
    const form = page.getByRole('dialog', { name: '修改会议信息' });
    await form.getByRole('button', { name: '保存' }).click();
    const toast = page.locator('.ant-message-notice').filter({ hasText: '会议信息已保存' });
    await expect(toast).toBeVisible();
    const toastBox = (await toast.boundingBox())!;
    const headingBox = (await page.locator('.page-title').first().boundingBox())!;
    expect(intersects(toastBox, headingBox), '提示框盖住了页面标题').toBe(false);

    // Import review: the 操作 column of the rows to check is whole.
    await page.goto(`${baseUrl}#/people`);
    await page.getByRole('button', { name: '导入名册' }).click();
    const wizard = page.getByRole('dialog', { name: '导入名册' });
    await wizard.locator('input[type="file"]').setInputFiles(ROSTER);
    await wizard.getByRole('button', { name: '下一步：检查' }).click();
    await expect(wizard.getByText(/共 8 行：可导入/)).toBeVisible();
    await expectFits(page, '导入名册·检查');
    await expect(wizard.getByRole('columnheader', { name: '操作' })).toBeVisible();
  });
}

test('登记议题写了一半按 Esc：先问要不要放弃，继续填写时内容还在', async ({ page, baseUrl }) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await followUpVillage(page, baseUrl);
  await page.goto(`${baseUrl}#/topics`);
  await page.getByRole('button', { name: '登记议题' }).click();
  const form = page.getByRole('dialog', { name: '登记议题' });
  await expect(form).toBeVisible();
  const title = form.getByLabel('议题标题');
  await title.fill('小区东门路灯坏了');

  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog', { name: /放弃.*填写的内容/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '继续填写' }).click();
  await expect(confirm).toBeHidden();
  await expect(form).toBeVisible();
  await expect(title).toHaveValue('小区东门路灯坏了');

  await title.focus();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '放弃' }).click();
  await expect(form).toBeHidden();

  // Nothing typed: Esc closes at once.
  await page.getByRole('button', { name: '登记议题' }).click();
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(confirm).toBeHidden();
});
