import { addDays } from '../../core/dates';
import { createOrganizationOnWelcome, expect, test } from './fixtures';
import { api, homeData } from './home-setup';

/** Nothing on the page reaches past the window's right edge, and the page does not scroll sideways. */
const SIDEWAYS = `(() => {
  const cw = document.documentElement.clientWidth;
  const card = document.querySelector('[data-testid="home-reminders"]').getBoundingClientRect();
  const rows = [...document.querySelectorAll('.home-reminder')].map((li) => li.getBoundingClientRect().right);
  return { cw, scroll: document.documentElement.scrollWidth, card: card.right, rows: Math.max(0, ...rows) };
})()`;

test('今日提醒 at 1366×768: late and due-today items from every kind, each a click from its record', async ({ page, baseUrl }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');

  // A new village: the list says in words that nothing is due.
  const card = page.getByTestId('home-reminders');
  await expect(card).toContainText('今天没有到期或逾期的事项');

  // The home page's village (a rule two days past its filing deadline, 供电所 never reported and
  // a day past its promised date), and a 12345 ticket whose reply is due today.
  const data = await homeData(page, baseUrl);
  await api(page, baseUrl, 'topics.setChannels', { orgId: data.orgId, channels: ['居民信箱', '热线电话', '12345热线'] });
  const ticket = await api<{ id: number }>(page, baseUrl, 'topics.create', {
    orgId: data.orgId,
    receivedOn: addDays(data.today, -2),
    channel: '12345热线',
    raiserKind: 'anonymous',
    title: '小区门口积水',
    content: '下雨后小区门口积水很深。',
    ticketNumber: 'GD2026001',
    replyDueOn: data.today,
  });
  await page.getByRole('button', { name: '刷新' }).click();

  const list = card.getByRole('list', { name: '今日提醒' });
  const rows = list.getByRole('listitem');
  await expect(rows).toHaveCount(4);
  await expect(card).toContainText('今日提醒（逾期 3 项，今天到期 1 项）');
  // Late first, the longest late first; the ticket due today last.
  await expect(rows.nth(0)).toContainText('报到');
  await expect(rows.nth(0)).toContainText('变压器噪音扰民');
  await expect(rows.nth(0)).toContainText('逾期 4 天');
  await expect(rows.nth(1)).toContainText('备案');
  await expect(rows.nth(1)).toContainText('东风村村规民约');
  await expect(rows.nth(1)).toContainText('逾期 2 天');
  await expect(rows.nth(2)).toContainText('承诺办结');
  await expect(rows.nth(2)).toContainText('逾期 1 天');
  await expect(rows.nth(3)).toContainText('热线答复');
  await expect(rows.nth(3)).toContainText('工单号 GD2026001');
  await expect(rows.nth(3)).toContainText('今天到期');
  // The resolution due in three days and the notice ending in five are not today's.
  await expect(card).not.toContainText('硬化三组村道');
  await page.screenshot({ path: test.info().outputPath('reminders-1366.png') });

  // The card sits near the top and nothing runs off the 1366-pixel window.
  const box = (await card.boundingBox())!;
  expect(box.y).toBeLessThan(768);
  const fit = (await page.evaluate(SIDEWAYS)) as { cw: number; scroll: number; card: number; rows: number };
  expect(fit.scroll).toBeLessThanOrEqual(fit.cw);
  expect(fit.card).toBeLessThanOrEqual(fit.cw);
  expect(fit.rows).toBeLessThanOrEqual(fit.cw);

  // The ticket's link opens the topic; a click elsewhere on the rule's row opens its 备案 card.
  await rows.nth(3).getByRole('link', { name: '小区门口积水' }).click();
  await expect(page).toHaveURL(new RegExp(`#/topics/${ticket.id}$`));
  await expect(page.getByText('GD2026001').first()).toBeVisible();
  await page.goto(`${baseUrl}#/home`);
  await list.getByRole('listitem').filter({ hasText: '备案' }).getByText('逾期 2 天').click();
  await expect(page).toHaveURL(new RegExp(`#/rules/${data.ruleId}/adoption$`));
  await page.goto(`${baseUrl}#/home`);
  await list.getByRole('listitem').filter({ hasText: '报到' }).getByRole('link', { name: '变压器噪音扰民' }).click();
  await expect(page).toHaveURL(new RegExp(`#/topics/${data.referredTopicId}$`));

  // Answering the ticket takes it off today's list.
  await api(page, baseUrl, 'topics.reply', { id: ticket.id, reply: '已联系物业疏通排水。', date: data.today });
  await page.goto(`${baseUrl}#/home`);
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(card).toContainText('今日提醒（逾期 3 项）');

  // 设置 has the switch for the desktop notification; the home list stays.
  await page.goto(`${baseUrl}#/settings`);
  const desktop = page.getByRole('switch', { name: '显示桌面提醒' });
  await expect(desktop).toBeChecked();
  await desktop.click();
  await expect(desktop).not.toBeChecked();
  await expect(page.getByText('不显示桌面提醒')).toBeVisible();
  await page.goto(`${baseUrl}#/home`);
  await expect(list.getByRole('listitem')).toHaveCount(3);
});
