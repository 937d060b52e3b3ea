import type { Locator, Page } from '@playwright/test';
import { chooseRadio, expect, test } from './fixtures';
import { api, openVotesTab, villageMeeting } from './votes-setup';

// A whole meeting (45 people, 31 sign-ins) and a vote: more steps than the default minute allows on a slow machine.
test.describe.configure({ timeout: 180_000 });

const PROJECTOR = { width: 1024, height: 768 };

/** The whole of `locator` lies inside the 1024×768 window: seen without scrolling. */
async function expectOnScreen(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, '找不到元素的位置').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PROJECTOR.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(PROJECTOR.height);
}

test('投影窗口跟随正在表决的议题，1024×768 下人数和票数都在屏幕内，发言计时超时提示', async ({ page, baseUrl }) => {
  const { meetingId } = await villageMeeting(page, baseUrl, 31);
  await api(page, baseUrl, 'agenda.add', { meetingId, title: '修建文化广场' });
  await api(page, baseUrl, 'agenda.add', { meetingId, title: '其他事项' });
  await openVotesTab(page, baseUrl, meetingId);

  // 投影模式 opens a window of its own; the main window stays on the 表决 tab.
  const opening = page.waitForEvent('popup');
  await page.getByRole('button', { name: '投影模式' }).click();
  const projector = await opening;
  await projector.setViewportSize(PROJECTOR);
  await expect(page.getByRole('tab', { name: '表决', selected: true })).toBeVisible();
  const screen = projector.getByRole('main', { name: '投影模式' });
  await expect(screen.getByRole('heading', { name: '2026年第一季度村民代表会议' })).toBeVisible();
  // No app chrome there: no menu, no user switcher.
  await expect(projector.getByRole('menu')).toHaveCount(0);
  await expect(projector.getByText('切换使用人')).toHaveCount(0);

  // No vote yet: the first item not decided, and ←/→ move by hand.
  const current = screen.getByRole('region', { name: '当前议题' });
  await expect(current).toContainText('议题 1 / 3');
  await expect(current).toContainText('村道硬化工程');
  await expect(screen.getByText('暂无表决')).toBeVisible();
  await projector.keyboard.press('ArrowRight');
  await expect(current).toContainText('议题 2 / 3');
  await expect(current).toContainText('修建文化广场');
  await projector.keyboard.press('ArrowLeft');
  await expect(current).toContainText('村道硬化工程');

  // The main window opens a vote on the second item; nobody touches the projector.
  await page
    .getByRole('navigation', { name: '议题' })
    .getByRole('button', { name: /修建文化广场/ })
    .click();
  await page.getByRole('button', { name: '提出议案' }).click();
  const propose = page.getByRole('dialog', { name: '提出议案' });
  await propose.getByLabel('议案名称').fill('文化广场选址方案');
  await propose.getByLabel('议案内容').fill('在村委会东侧空地修建文化广场，面积约 1200 平方米。');
  await chooseRadio(propose, '组织（如村党支部）');
  await propose.getByRole('combobox', { name: '提议组织' }).fill('村党支部');
  await propose.getByRole('button', { name: '提出' }).click();
  await expect(propose).toBeHidden();
  await page.getByRole('button', { name: '开始表决' }).click();
  const open = page.getByRole('dialog', { name: '开始表决' });
  await open.getByRole('checkbox', { name: '文化广场选址方案' }).check();
  await chooseRadio(open, '举手表决');
  await open.getByRole('button', { name: '开始表决' }).click();
  await expect(open).toBeHidden();

  await expect(current).toContainText('议题 2 / 3');
  await expect(current).toContainText('修建文化广场');
  const voting = screen.getByRole('region', { name: '正在表决' });
  await expect(voting).toContainText('文化广场选址方案');
  await expect(voting).toContainText('有表决权的到会人数 31 人');

  // The counts saved in the main window reach the projector.
  const panel = page.locator('.counting-panel');
  await panel.getByRole('spinbutton', { name: '赞成', exact: true }).fill('20');
  await panel.getByRole('spinbutton', { name: '反对', exact: true }).fill('8');
  await panel.getByRole('spinbutton', { name: '弃权', exact: true }).fill('3');
  await panel.getByRole('button', { name: '保存计票' }).click();
  // Not the 已保存计票 toast (it can be gone before a loaded machine looks): the projector itself.
  const counts = voting.getByRole('group', { name: '票数' });
  await expect(counts).toContainText('赞成20');
  await expect(counts).toContainText('反对8');
  await expect(counts).toContainText('弃权3');

  // 1024×768: the quorum (应到/实到) and the counts are on the screen without scrolling.
  const quorum = screen.getByRole('region', { name: '到会人数' });
  await expect(quorum).toContainText('应到45');
  await expect(quorum).toContainText('实到31');
  await expectOnScreen(projector, quorum);
  await expectOnScreen(projector, counts);
  await expectOnScreen(projector, current);
  await expectOnScreen(projector, screen.getByRole('timer', { name: '剩余时间' }));
  // Page-side code as a string: this project's Node typings have no DOM.
  const scroll = (await projector.evaluate('({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth })')) as {
    height: number;
    width: number;
  };
  expect(scroll.height).toBeLessThanOrEqual(PROJECTOR.height);
  expect(scroll.width).toBeLessThanOrEqual(PROJECTOR.width);
  await projector.screenshot({ path: test.info().outputPath('projector-1024x768.png') });

  // While the vote is open, ←/→ do not take the room away from it for long: the vote is followed again when it changes.
  await projector.keyboard.press('ArrowRight');
  await expect(current).toContainText('其他事项');
  await expect(current).toContainText('手动切换');
  await panel.getByRole('button', { name: '确认结果' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认结果' }).click();
  const result = screen.getByRole('region', { name: '表决结果' });
  await expect(result).toContainText('通过');
  await expect(current).toContainText('修建文化广场');
  await expect(result.getByRole('group', { name: '票数' })).toContainText('赞成20');

  // Reads need nobody signed in: the projector still shows the meeting after the main window's user signs out.
  await api(page, baseUrl, 'users.signOut', {});
  await projector.reload();
  await expect(screen.getByRole('region', { name: '当前议题' })).toContainText('修建文化广场');
  const users = await api<{ items: { id: number }[] }>(page, baseUrl, 'users.list', {});
  await api(page, baseUrl, 'users.signIn', { id: users.items[0]!.id });

  // 发言计时 with a fake clock: 2 minutes, amber in the last 30 seconds, 超时 after zero.
  await projector.clock.install();
  await projector.reload();
  const timer = screen.getByRole('region', { name: '发言计时' });
  const digits = timer.getByRole('timer', { name: '剩余时间' });
  await timer.getByRole('button', { name: '2 分钟' }).click();
  await expect(digits).toHaveText('02:00');
  await timer.getByRole('button', { name: /开始/ }).click();
  await projector.clock.fastForward(60_000);
  await expect(digits).toHaveText('01:00');
  await expect(digits).not.toHaveClass(/timer-warning/);
  await projector.clock.fastForward(35_000);
  await expect(digits).toHaveText('00:25');
  await expect(digits).toHaveClass(/timer-warning/);
  await projector.clock.fastForward(30_000);
  await expect(digits).toHaveText('超时00:05');
  await expect(digits).toHaveClass(/timer-overrun/);

  // The keys work on the projector too: space pauses, R starts again from the full time, 3 chooses three minutes.
  await projector.evaluate('document.activeElement && document.activeElement.blur()');
  await projector.keyboard.press('Space');
  await expect(timer.getByRole('button', { name: /继续/ })).toBeVisible();
  await projector.clock.fastForward(10_000);
  await expect(digits).toHaveText('超时00:05');
  await projector.keyboard.press('r');
  await expect(digits).toHaveText('02:00');
  await projector.keyboard.press('3');
  await expect(digits).toHaveText('03:00');

  // 投影模式 on another meeting reuses the projector window, which now shows that meeting.
  const first = await api<{ orgId: number; meetingTypeId: number; bodyId: number }>(page, baseUrl, 'meetings.get', { id: meetingId });
  const other = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId: first.orgId,
    meetingTypeId: first.meetingTypeId,
    title: '2026年第二季度村民代表会议',
    date: '2026-06-15',
    basis: 'body',
    bodyId: first.bodyId,
  });
  await page.goto(`${baseUrl}#/meetings/${other.id}/agenda`);
  await page.getByRole('button', { name: '投影模式' }).click();
  await expect(screen.getByRole('heading', { name: '2026年第二季度村民代表会议' })).toBeVisible();
  await expect(screen.getByRole('region', { name: '当前议题' })).toContainText('暂无议程');
  expect(page.context().pages()).toHaveLength(2);
});
