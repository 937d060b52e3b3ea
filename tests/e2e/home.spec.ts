import { addDays, chineseDate } from '../../core/dates';
import { createOrganizationOnWelcome, expect, test } from './fixtures';
import { api, homeData } from './home-setup';

test('首页: a fresh village sees what each empty list means, then everything that needs doing today', async ({ page, baseUrl }) => {
  // A whole village's worth of setup plus visits to three other pages: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });

  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  const today = (await api<{ today: string }>(page, baseUrl, 'clock.get', {})).today;
  await expect(page.getByTestId('home-today')).toHaveText(new RegExp(`^今天：${chineseDate(today)} 星期.（北京时间）$`));

  // A new organization: no roster yet, so the import shortcut is offered first.
  await expect(page.getByText('还没有人员名册')).toBeVisible();
  await expect(page.getByRole('button', { name: '从 Excel 导入名册' }).first()).toBeVisible();

  // Every list says in words that there is nothing to do.
  await expect(page.getByTestId('home-meetings')).toContainText('今天和近两周没有安排会议');
  await expect(page.getByTestId('home-topics')).toContainText('没有待分办的议题');
  await expect(page.getByTestId('home-summons')).toContainText('没有逾期或七天内到期的吹哨事项');
  await expect(page.getByTestId('home-resolutions')).toContainText('没有逾期或七天内到期的决议');
  await expect(page.getByTestId('home-notices')).toContainText('没有七天内期满的公示');
  await expect(page.getByTestId('home-rules')).toContainText('没有等待备案的村规民约');
  await expect(page.getByTestId('home-chart')).toContainText('没有收到议题');
  for (const key of ['meetings', 'topics', 'summons', 'resolutions', 'notices', 'rules']) {
    await expect(page.locator(`[data-count="${key}"] .ant-statistic-content-value`)).toHaveText('0');
  }

  const data = await homeData(page, baseUrl);
  expect(data.today).toBe(today);

  // 刷新 picks it all up without leaving the page.
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByTestId('home-topics')).toContainText('三组路灯不亮');
  await expect(page.getByText('还没有人员名册')).toHaveCount(0);

  const count = (key: string) => page.locator(`[data-count="${key}"] .ant-statistic-content-value`);
  await expect(count('meetings')).toHaveText('1');
  await expect(count('topics')).toHaveText('1');
  await expect(count('summons')).toHaveText('1');
  await expect(count('resolutions')).toHaveText('1');
  await expect(count('notices')).toHaveText('1');
  await expect(count('rules')).toHaveText('1');
  await expect(page.locator('[data-count="summons"]')).toContainText('逾期 1');

  const meetings = page.getByTestId('home-meetings');
  await expect(meetings).toContainText('冬季防火工作部署会');
  await expect(meetings).toContainText('14:30');
  await expect(meetings).toContainText('今天');
  await expect(meetings).toContainText('草稿');
  await expect(meetings).not.toContainText('东风村村民会议'); // held twelve days ago

  const topics = page.getByTestId('home-topics');
  await expect(topics).toContainText('居民信箱');
  await expect(topics).toContainText('较急');
  await expect(topics).toContainText('张大爷');
  await expect(topics).not.toContainText('变压器噪音扰民'); // referred: no longer waiting

  const summons = page.getByTestId('home-summons');
  await expect(summons).toContainText('供电所');
  await expect(summons).toContainText('变压器噪音扰民');
  await expect(summons.locator('.ant-tag', { hasText: '已逾期' })).toBeVisible();
  await expect(summons.locator('.home-row-alarm')).toHaveCount(1);

  const resolutions = page.getByTestId('home-resolutions');
  await expect(resolutions).toContainText(data.resolution.number);
  await expect(resolutions).toContainText('硬化三组村道');
  await expect(resolutions).toContainText('村委会王主任');
  await expect(resolutions).toContainText('还剩3天');

  const notices = page.getByTestId('home-notices');
  await expect(notices).toContainText('硬化三组村道决议公示');
  await expect(notices).toContainText('村务公开栏');
  await expect(notices).toContainText('还剩5天');

  const rules = page.getByTestId('home-rules');
  await expect(rules).toContainText('东风村村规民约');
  await expect(rules.locator('.home-row-alarm')).toContainText('已逾期2天');
  const [y, m, d] = addDays(today, -2).split('-').map(Number);
  await expect(rules).toContainText(y === Number(today.slice(0, 4)) ? `${m}月${d}日` : `${y}年${m}月${d}日`);

  // The chart: one bar per channel with topics this month, stacked; the legend names the channels.
  const chart = page.getByTestId('home-chart');
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('居民信箱');
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('热线电话');
  expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  await expect(chart).toContainText('共收到议题 2 件');
  await chart.getByText('按办理状态').click();
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('待分办');
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('转部门办理');
  await chart.getByText('按来源渠道').click();

  // The page scrolls inside the layout, not the window: a tall window shows all of it at once.
  await page.setViewportSize({ width: 1440, height: 2300 });
  await page.screenshot({ path: test.info().outputPath('home.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  // A reload (F5) shows the same; a click on the topic opens it on the 议题 page.
  await page.reload();
  await expect(topics).toContainText('三组路灯不亮');
  await topics.getByRole('link', { name: '三组路灯不亮' }).click();
  await expect(page).toHaveURL(new RegExp(`#/topics/${data.topicId}$`));

  // Back on 首页, a click on the meeting's row opens its agenda; a count opens its page.
  await page.goto(`${baseUrl}#/home`);
  await page.getByTestId('home-meetings').locator('.home-row').first().click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${data.todayMeetingId}/agenda$`));
  await page.goto(`${baseUrl}#/home`);
  await page.locator('[data-count="rules"]').click();
  await expect(page).toHaveURL(/#\/rules$/);
  await page.goto(`${baseUrl}#/home`);
  await page.getByTestId('home-rules').getByRole('link', { name: '东风村村规民约' }).click();
  await expect(page).toHaveURL(new RegExp(`#/rules/${data.ruleId}/adoption$`));

  expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
});
