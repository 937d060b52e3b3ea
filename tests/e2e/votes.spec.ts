import type { Locator, Page } from '@playwright/test';
import { chooseRadio, expect, test } from './fixtures';
import { api, openVotesTab, villageMeeting } from './votes-setup';

// Each test is a whole meeting (45 people, 31 sign-ins, several votes): more steps than the default minute allows on a slow machine.
test.describe.configure({ timeout: 180_000 });

/** “提出议案” as the secretary fills it in. */
async function propose(page: Page, title: string, text: string, proposer = '村党支部') {
  await page.getByRole('button', { name: '提出议案' }).click();
  const dialog = page.getByRole('dialog', { name: '提出议案' });
  await dialog.getByLabel('议案名称').fill(title);
  await dialog.getByLabel('议案内容').fill(text);
  await chooseRadio(dialog, '组织（如村党支部）');
  await dialog.getByRole('combobox', { name: '提议组织' }).fill(proposer);
  await dialog.getByRole('button', { name: '提出' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('group', { name: `议案：${title}` })).toBeVisible();
}

/** “开始表决” for the named proposals with a method. */
async function openVote(page: Page, titles: string[], method: '举手表决' | '记名表决' | '无记名投票', names?: { tellers: string; counters: string }) {
  await page.getByRole('button', { name: '开始表决' }).click();
  const dialog = page.getByRole('dialog', { name: '开始表决' });
  for (const t of titles) await dialog.getByRole('checkbox', { name: t }).check();
  await chooseRadio(dialog, method);
  if (names) {
    await dialog.getByLabel('监票人').fill(names.tellers);
    await dialog.getByLabel('计票人').fill(names.counters);
  }
  await dialog.getByRole('button', { name: '开始表决' }).click();
  await expect(dialog).toBeHidden();
  return page.locator('.counting-panel');
}

async function fill(panel: Locator, counts: Record<string, number>) {
  for (const [label, n] of Object.entries(counts)) await panel.getByRole('spinbutton', { name: label, exact: true }).fill(String(n));
}

async function confirmResult(page: Page, panel: Locator) {
  await panel.getByRole('button', { name: '确认结果' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认结果' }).click();
}

test('村民代表会议 31/45 到会：无记名投票 16 票赞成通过，15 票未通过，方案比选，决议列表', async ({ page, baseUrl }) => {
  const { meetingId, orgId } = await villageMeeting(page, baseUrl, 31);
  await openVotesTab(page, baseUrl, meetingId);
  await expect(page.getByText('应到 45 人，实到 31 人，已达到法定人数')).toBeVisible();

  // 1. A paper ballot: 31 issued, 31 returned, 2 invalid, 16 yes → 通过.
  await propose(page, '村道硬化方案', '对村内主干道 3.2 公里进行水泥硬化，预算 48 万元。');
  let panel = await openVote(page, ['村道硬化方案'], '无记名投票', { tellers: '张三、李四', counters: '王五' });
  await expect(panel).toContainText('正在表决：村道硬化方案');
  await expect(panel).toContainText('有表决权的到会人数 31 人');
  await expect(panel.getByLabel('剩余未计')).toContainText('31');

  // Counts that do not add up: the problem in Chinese, nothing can be saved or confirmed.
  await fill(panel, { 发出选票: 31, 收回选票: 31, 有效票: 30, 无效票: 2 });
  await expect(panel.getByText('有效票 30 张加无效票 2 张应等于收回的 31 张')).toBeVisible();
  await expect(panel.getByRole('button', { name: '保存计票' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: '确认结果' })).toBeDisabled();
  await fill(panel, { 有效票: 29, 赞成: 16, 反对: -1 });
  await expect(panel.getByText('反对票应为不小于 0 的整数')).toBeVisible();
  await expect(panel.getByRole('button', { name: '保存计票' })).toBeDisabled();
  await fill(panel, { 反对: 10 });
  await expect(panel.getByLabel('剩余未计')).toContainText('3');
  await expect(panel.getByText('赞成、反对、弃权合计 26 票，应等于有效票 29 张')).toBeVisible();
  await fill(panel, { 弃权: 3 });
  await expect(panel.getByLabel('剩余未计')).toContainText('0');
  await expect(panel.getByText('按现在的数字：通过')).toBeVisible();
  await expect(panel.getByText('超过实到人数的半数（15.5），通过')).toBeVisible();
  await expect(panel.getByRole('button', { name: '确认结果' })).toBeDisabled();
  await panel.screenshot({ path: test.info().outputPath('counting-panel.png') });
  await panel.getByRole('button', { name: '保存计票' }).click();
  await expect(page.getByText('已保存计票')).toBeVisible();
  await confirmResult(page, panel);
  const result = page.getByRole('status', { name: '表决结果' });
  await expect(result).toContainText('通过');
  await expect(result).toContainText(
    '应到 45 人，实到 31 人，赞成 16 票，反对 10 票，弃权 3 票；超过实到人数的半数（15.5），通过。依据：《中华人民共和国村民委员会组织法》',
  );
  await expect(result).toContainText('已形成决议〔2026〕1号');
  await expect(page.locator('.counting-panel')).toHaveCount(0);
  await expect(page.getByRole('group', { name: '议案：村道硬化方案' })).toContainText('通过');

  // 2. A show of hands with 15 yes → 未通过; a recount corrects it (唱票复核) and keeps the history.
  await propose(page, '增设路灯方案', '在村道两侧增设太阳能路灯 40 盏。');
  panel = await openVote(page, ['增设路灯方案'], '举手表决');
  await fill(panel, { 赞成: 15, 反对: 14, 弃权: 2 });
  await expect(panel.getByText('按现在的数字：未通过')).toBeVisible();
  await panel.getByRole('button', { name: '保存计票' }).click();
  await expect(page.getByText('已保存计票')).toBeVisible();
  await fill(panel, { 反对: 13, 弃权: 3 });
  await panel.getByRole('button', { name: '保存计票' }).click();
  const reason = page.getByRole('dialog', { name: '更正计票（唱票复核）' });
  await reason.getByLabel('更正原因').fill('复核时发现一票反对实为弃权');
  await reason.getByRole('button', { name: '保存更正' }).click();
  await expect(reason).toBeHidden();
  await expect(panel.getByText('已更正 1 次', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: /计票记录/ }).click();
  const drawer = page.getByRole('dialog', { name: '计票记录（唱票复核）' });
  await expect(drawer).toContainText('原来：赞成 15 票，反对 14 票，弃权 2 票');
  await expect(drawer).toContainText('更正原因：复核时发现一票反对实为弃权');
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: '关闭' }))
    .first()
    .click();
  await confirmResult(page, panel);
  await expect(result).toContainText('未通过');
  await expect(result).toContainText('赞成 15 票，反对 13 票，弃权 3 票；未超过实到人数的半数（15.5），未通过');
  await expect(result).not.toContainText('决议');

  // 3. Two plans compete (方案一 / 方案二): each voter picks one.
  await propose(page, '水泥路面', '采用 C30 水泥混凝土路面。');
  await propose(page, '沥青路面', '采用沥青混凝土路面。');
  panel = await openVote(page, ['水泥路面', '沥青路面'], '举手表决');
  await expect(panel).toContainText('方案一：水泥路面；方案二：沥青路面');
  await fill(panel, { 方案一: 20, 方案二: 11 });
  await expect(panel.getByText('方案一获得的票数超过实到人数的半数（15.5），方案一通过')).toBeVisible();
  await panel.getByRole('button', { name: '保存计票' }).click();
  await expect(page.getByText('已保存计票')).toBeVisible();
  await confirmResult(page, panel);
  await expect(result).toContainText('方案一（水泥路面）通过');
  await expect(result).toContainText('已形成决议〔2026〕2号');

  // The meeting's votes with their outcomes.
  const votes = page.locator('.ant-table-row');
  await expect(votes).toHaveCount(3);
  await expect(votes.nth(0)).toContainText('村道硬化方案');
  await expect(votes.nth(0)).toContainText('〔2026〕1号');
  await expect(votes.nth(1)).toContainText('未通过');
  await expect(votes.nth(2)).toContainText('〔2026〕2号');

  // 4. The resolutions list: both resolutions, follow-up fields editable in place.
  await page.goto(`${baseUrl}#/meetings/resolutions`);
  await expect(page.getByRole('tab', { name: '决议', selected: true })).toBeVisible();
  const first = page.getByRole('row', { name: /〔2026〕1号/ });
  await expect(first).toContainText('村道硬化方案');
  await expect(first).toContainText('2026年第一季度村民代表会议');
  await expect(first).toContainText('2026年3月15日');
  await expect(first).toContainText('应到 45 人，实到 31 人，赞成 16 票');
  await expect(page.getByRole('row', { name: /〔2026〕2号/ })).toContainText('水泥路面');
  await expect(page.getByRole('row', { name: /增设路灯方案/ })).toHaveCount(0);
  await first.getByLabel('决议〔2026〕1号的责任人或单位').fill('村委会主任 赵六');
  await first.getByLabel('决议〔2026〕1号的责任人或单位').press('Enter');
  await expect(page.getByText('已保存决议〔2026〕1号的落实信息')).toBeVisible();
  const deadline = first.getByLabel('决议〔2026〕1号的完成期限');
  await deadline.click();
  await deadline.fill('2026-06-30');
  await deadline.press('Enter');
  await expect(page.getByText('已保存决议〔2026〕1号的落实信息')).toHaveCount(1);
  await expect
    .poll(async () => {
      const list = await api<{ items: { number: string; responsible: string | null; deadline: string | null }[] }>(page, baseUrl, 'resolutions.list', {
        orgId,
        year: 2026,
      });
      const r = list.items.find((x) => x.number === '〔2026〕1号');
      return `${r?.responsible} ${r?.deadline}`;
    })
    .toBe('村委会主任 赵六 2026-06-30');

  // The numbering format: must contain {序号}; the example follows what is typed.
  await page.getByRole('button', { name: '编号格式' }).click();
  const format = page.getByRole('dialog', { name: '决议编号格式' });
  await format.getByLabel('编号格式').fill('东风村决〔{年}〕号');
  await expect(format.getByText('编号格式必须包含“{序号}”')).toBeVisible();
  await expect(format.getByRole('button', { name: '保存' })).toBeDisabled();
  await format.getByLabel('编号格式').fill('东风村决〔{年}〕{序号}号');
  await expect(format).toContainText(`示例：东风村决〔${new Date().getFullYear()}〕3号`);
  await format.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`以后的决议编号如：东风村决〔${new Date().getFullYear()}〕3号`)).toBeVisible();
  await expect(first).toContainText('〔2026〕1号');
});

test('更正计票没能保存时，更正窗口里说明原因，已保存的计票不变', async ({ page, baseUrl }) => {
  const { meetingId } = await villageMeeting(page, baseUrl, 31);
  await openVotesTab(page, baseUrl, meetingId);
  await propose(page, '增设路灯方案', '在村道两侧增设太阳能路灯 40 盏。');
  const panel = await openVote(page, ['增设路灯方案'], '举手表决');
  await fill(panel, { 赞成: 15, 反对: 14, 弃权: 2 });
  await panel.getByRole('button', { name: '保存计票' }).click();
  await expect(panel.getByRole('button', { name: '确认结果' })).toBeEnabled();

  // Meanwhile the vote is voided from another window (the chair's computer, say).
  const votes = await api<{ items: { id: number; status: string }[] }>(page, baseUrl, 'votes.list', { meetingId });
  const open = votes.items.find((v) => v.status === '进行中')!;
  await fill(panel, { 反对: 13, 弃权: 3 });
  await panel.getByRole('button', { name: '保存计票' }).click();
  const reason = page.getByRole('dialog', { name: '更正计票（唱票复核）' });
  await reason.getByLabel('更正原因').fill('复核时发现一票反对实为弃权');
  await api(page, baseUrl, 'votes.cancel', { id: open.id, reason: '议案需要重新讨论' });
  await reason.getByRole('button', { name: '保存更正' }).click();
  await expect(reason.getByRole('alert')).toContainText('更正没有保存');
  await expect(reason.getByRole('alert')).toContainText('这次表决已作废，不能再修改计票');
  await expect(reason.getByLabel('更正原因')).toHaveValue('复核时发现一票反对实为弃权');
  const after = await api<{ items: { id: number; status: string; tally: { yes: number; no: number; abstain: number } | null }[] }>(
    page,
    baseUrl,
    'votes.list',
    {
      meetingId,
    },
  );
  const saved = after.items.find((v) => v.id === open.id)!;
  expect(saved.status).toBe('已作废');
  expect(saved.tally).toEqual({ yes: 15, no: 14, abstain: 2 });
});

test('人数不够时不能开始表决，并用法律的话说明', async ({ page, baseUrl }) => {
  const { meetingId } = await villageMeeting(page, baseUrl, 29);
  await openVotesTab(page, baseUrl, meetingId);
  await expect(page.getByText('应到 45 人，实到 29 人，还差 1 人，不能开始表决')).toBeVisible();
  await propose(page, '村道硬化方案', '对村内主干道进行水泥硬化。');
  await page.getByRole('button', { name: '开始表决' }).click();
  const dialog = page.getByRole('dialog', { name: '开始表决' });
  await dialog.getByRole('button', { name: '开始表决' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    '依照《中华人民共和国村民委员会组织法》（2025年修订）第二十九条、第三十条，村民代表会议须应到人数的三分之二以上，即至少 30 人；现实到 29 人，还差 1 人，不能开始表决',
  );
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('.counting-panel')).toHaveCount(0);
  await expect(page.getByRole('group', { name: '议案：村道硬化方案' })).toContainText('提出');
});

test('记名表决逐人登记，投影显示议案和结果', async ({ page, baseUrl }) => {
  const { meetingId, people } = await villageMeeting(page, baseUrl, 31);
  await openVotesTab(page, baseUrl, meetingId);
  await propose(page, '村规民约修订草案', '第五条增加“红白事从简”的内容。');

  // 投影模式 opens a window of its own that follows the votes; the secretary works on in this one.
  const opening = page.waitForEvent('popup');
  await page.getByRole('button', { name: '投影模式' }).click();
  const projector = await opening;
  const screen = projector.getByRole('main', { name: '投影模式' });
  await expect(screen.getByText('暂无表决')).toBeVisible();

  // A vote opened by mistake is cancelled with a reason; the proposal can be voted on again.
  let panel = await openVote(page, ['村规民约修订草案'], '举手表决');
  await expect(screen.getByRole('region', { name: '正在表决' })).toContainText('村规民约修订草案');
  await panel.getByRole('button', { name: '作废这次表决' }).click();
  const cancel = page.getByRole('dialog', { name: '作废这次表决' });
  await expect(cancel.getByRole('button', { name: '作废' })).toBeDisabled();
  await cancel.getByLabel('作废原因').fill('应当记名表决');
  await cancel.getByRole('button', { name: '作废' }).click();
  await expect(page.getByText('已作废这次表决')).toBeVisible();
  await expect(page.getByRole('group', { name: '议案：村规民约修订草案' })).toContainText('讨论中');
  await expect(page.locator('.ant-table-row').first()).toContainText('已作废');
  await expect(screen.getByText('暂无表决')).toBeVisible();

  panel = await openVote(page, ['村规民约修订草案'], '记名表决');
  await expect(screen.getByRole('region', { name: '正在表决' })).toContainText('村规民约修订草案');
  await expect(screen.getByRole('region', { name: '正在表决' })).toContainText('第五条增加“红白事从简”的内容。');

  // 31 voters frozen at the start; the 32nd person is not on the list.
  await expect(panel.getByRole('radiogroup', { name: /的选择$/ })).toHaveCount(31);
  await expect(panel.getByRole('radiogroup', { name: `${people[31]!.name}的选择` })).toHaveCount(0);
  for (const p of people.slice(0, 5)) await chooseRadio(panel.getByRole('radiogroup', { name: `${p.name}的选择` }), '反对');
  await expect(panel.getByLabel('剩余未计')).toContainText('26');
  await panel.getByRole('button', { name: '赞成', exact: true }).first().click();
  await expect(panel.getByLabel('剩余未计')).toContainText('0');
  await expect(panel.getByText('赞成 26 票，反对 5 票，弃权 0 票；超过实到人数的半数（15.5），通过')).toBeVisible();
  await panel.getByRole('button', { name: '保存计票' }).click();
  await expect(page.getByText('已保存计票')).toBeVisible();
  await confirmResult(page, panel);
  await expect(page.getByRole('status', { name: '表决结果' })).toContainText('已形成决议〔2026〕1号');

  const shown = screen.getByRole('region', { name: '表决结果' });
  await expect(shown).toContainText('通过');
  await expect(shown).toContainText('赞成 26 票，反对 5 票');
  await expect(shown.getByRole('group', { name: '票数' })).toContainText('赞成26反对5弃权0');
  await expect(shown).toContainText('〔2026〕1号');
});

test('会议还没开始时说明要先开始会议，可以先登记议案', async ({ page, baseUrl }) => {
  const { meetingId } = await villageMeeting(page, baseUrl, 0, { start: false });
  await openVotesTab(page, baseUrl, meetingId);
  await expect(page.getByText('会议开始后才能表决')).toBeVisible();
  await propose(page, '村道硬化方案', '先登记好，开会时表决。');
  await expect(page.getByRole('button', { name: '开始表决' })).toBeDisabled();

  // An amendment (修正案) of an open proposal, shown with its link.
  await page.getByRole('button', { name: '提出议案' }).click();
  const dialog = page.getByRole('dialog', { name: '提出议案' });
  await chooseRadio(dialog, '修正案');
  await dialog.getByRole('combobox', { name: '修正哪个议案' }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('村道硬化方案', { exact: true }).click();
  await expect(dialog.getByLabel('议案名称')).toHaveValue('关于“村道硬化方案”的修正案');
  await expect(dialog.getByLabel('议案内容')).toHaveValue('先登记好，开会时表决。');
  await dialog.getByLabel('议案内容').fill('改为沥青路面。');
  await dialog.getByRole('combobox', { name: '提议人姓名' }).fill('代表01');
  await dialog.getByRole('button', { name: '提出' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('group', { name: '议案：关于“村道硬化方案”的修正案' })).toContainText('修正案：修正“村道硬化方案”');
  await expect(page.getByRole('group', { name: '议案：关于“村道硬化方案”的修正案' })).toContainText('提议人（个人）：代表01');

  // 搁置: kept for a later meeting.
  const row = page.getByRole('group', { name: '议案：村道硬化方案' });
  await row.getByRole('button', { name: '搁置' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '搁置' }).click();
  await expect(row.locator('.proposal-status')).toHaveText('搁置');
  await expect(row.getByRole('button', { name: '搁置' })).toHaveCount(0);
});

test('已定稿的会议只能查看表决，不能修改', async ({ page, baseUrl }) => {
  const { meetingId, itemId } = await villageMeeting(page, baseUrl, 31);
  const p = await api<{ id: number }>(page, baseUrl, 'proposals.create', {
    agendaItemId: itemId,
    title: '村道硬化方案',
    text: '水泥硬化。',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const v = await api<{ id: number }>(page, baseUrl, 'votes.open', { agendaItemId: itemId, proposalIds: [p.id], method: '举手' });
  await api(page, baseUrl, 'votes.record', { id: v.id, tally: { yes: 20, no: 8, abstain: 3 } });
  await api(page, baseUrl, 'votes.confirm', { id: v.id });
  await api(page, baseUrl, 'meetings.end', { id: meetingId, endTime: '11:00' });
  await api(page, baseUrl, 'meetings.finalize', { id: meetingId });
  await openVotesTab(page, baseUrl, meetingId);
  await expect(page.getByText('会议已定稿，表决记录只能查看，不能修改。')).toBeVisible();
  await expect(page.getByRole('button', { name: '提出议案' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '开始表决' })).toHaveCount(0);
  const row = page.locator('.ant-table-row').first();
  await expect(row).toContainText('通过');
  await expect(row).toContainText('〔2026〕1号');
  await row.click();
  await expect(page.getByRole('status', { name: '表决结果' })).toContainText('赞成 20 票，反对 8 票，弃权 3 票；超过实到人数的半数（15.5），通过');
});
