import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { addDays, chineseDate } from '../../core/dates';
import { chooseRadio, expect, test } from './fixtures';
import { api, pick, topicsVillage } from './topics-setup';

// One resident's concern all the way to the result notice, with a visit to 首页 after each step.
test.describe.configure({ timeout: 180_000 });

const TOPIC = '村东路口路灯不亮';
const MEETING = '路灯问题村民代表议事会';
const PROPOSAL = '村东路口更换路灯方案';
const DEPARTMENT = '镇供电所';

/** Goes to 首页 by the side menu, as the secretary would; the page reads the summary afresh. */
async function openHome(page: Page) {
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page).toHaveURL(/#\/home$/);
  await expect(page.getByTestId('home-today')).toHaveText(/^今天：/);
}

/** One of the six figures at the top of 首页, by what it says (“待分办议题 1件”). */
function figure(page: Page, title: string, value: number, suffix: string): Locator {
  return page.getByRole('link', { name: `${title} ${value}${suffix}`, exact: true });
}

/** Types a date into a DateField (any written form) and confirms it with Enter. */
async function typeDate(field: Locator, text: string) {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
}

/** Closes the 决议督办 drawer with its × button. */
async function closeDrawer(drawer: Locator) {
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: '关闭' }))
    .click();
  await expect(drawer).toBeHidden();
}

/** “11月29日” within this year, as 首页 writes dates. */
function shortDate(iso: string, today: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return iso.slice(0, 4) === today.slice(0, 4) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

test('一件事走完：居民反映 → 纳入议程 → 表决通过形成决议 → 吹哨报到 → 督办进度 → 办结 → 实施结果公示，每一步首页都看得到', async ({
  page,
  baseUrl,
}, testInfo) => {
  // The village: three residents who are also the 村民代表会议; the organization made on the welcome screen.
  const { orgId, people } = await topicsVillage(page, baseUrl);
  const today = (await api<{ today: string }>(page, baseUrl, 'clock.get', {})).today;

  // A meeting today (a resolution's progress and notices cannot be dated before its meeting, and the
  // result notice is posted today). Laborious mechanics through the API; the user-visible steps below go through the UI.
  const bodyId = (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'bodies.list', { orgId })).items.find(
    (b) => b.name === '第三届村民代表会议',
  )!.id;
  const typeId = (await api<{ items: { id: number; name: string }[] }>(page, baseUrl, 'meetingTypes.list', { orgId })).items.find(
    (t) => t.name === '村民代表会议',
  )!.id;
  const meeting = await api<{ id: number }>(page, baseUrl, 'meetings.create', {
    orgId,
    meetingTypeId: typeId,
    title: MEETING,
    date: today,
    startTime: '19:00',
    place: '村委会会议室',
    basis: 'body',
    bodyId,
  });
  await api(page, baseUrl, 'meetings.notify', { id: meeting.id, noticeDate: addDays(today, -7) });

  await openHome(page);
  await expect(figure(page, '待分办议题', 0, '件')).toBeVisible();
  await expect(page.getByTestId('home-topics')).toContainText('没有待分办的议题');

  // 1. 张建国 reports a broken street light; the secretary registers it on the 议题 page.
  await page.getByRole('menuitem', { name: '议题' }).click();
  await expect(page.getByRole('tab', { name: '议题征集', selected: true })).toBeVisible();
  await page.getByRole('button', { name: '登记议题' }).click();
  const form = page.getByRole('dialog', { name: '登记议题' });
  await pick(page, form.getByRole('combobox', { name: '来源渠道' }), '议事厅留言');
  await form.getByRole('combobox', { name: '选择居民' }).fill('zjg');
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(/^张建国/)
    .click();
  await expect(form.getByText('户号 1，第一村民小组')).toBeVisible();
  await form.getByLabel('户号或地点').fill('村东路口');
  await form.getByRole('combobox', { name: '类别' }).fill('基础设施');
  await form.getByLabel('议题标题').fill(TOPIC);
  await form.getByLabel('议题内容').fill('村东路口两盏路灯坏了一个多月，晚上老人孩子出行不安全。');
  await chooseRadio(form, '较急');
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(TOPIC) })).toContainText('待分办');

  await openHome(page);
  await expect(figure(page, '待分办议题', 1, '件')).toBeVisible();
  const homeTopics = page.getByTestId('home-topics');
  await expect(homeTopics.getByRole('link', { name: TOPIC })).toBeVisible();
  await expect(homeTopics).toContainText('议事厅留言');
  await expect(homeTopics).toContainText('反映人：张建国');
  await expect(homeTopics).toContainText('较急');

  // 2. From 首页 to the topic, and onto today's meeting's agenda.
  await homeTopics.getByRole('link', { name: TOPIC }).click();
  await expect(page).toHaveURL(/#\/topics\/\d+$/);
  const topicUrl = page.url();
  await expect(page.getByRole('heading', { name: TOPIC })).toBeVisible();
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline).toContainText('经“议事厅留言”收到，登记为待分办（紧急程度：较急）');
  await page.getByRole('button', { name: '纳入议程' }).click();
  const agenda = page.getByRole('dialog', { name: `纳入议程：${TOPIC}` });
  await pick(page, agenda.getByRole('combobox', { name: '会议' }), `${today} ${MEETING}（已通知）`);
  await agenda.getByRole('button', { name: '纳入议程' }).click();
  await expect(agenda).toBeHidden();
  await expect(timeline).toContainText(`纳入会议“${MEETING}”（${today}）议程第 1 项：${TOPIC}`);

  await openHome(page);
  await expect(figure(page, '待分办议题', 0, '件')).toBeVisible();
  await expect(homeTopics).toContainText('没有待分办的议题');
  await expect(homeTopics).not.toContainText(TOPIC);
  await expect(figure(page, '今日会议', 1, '场')).toBeVisible();
  const homeMeetings = page.getByTestId('home-meetings');
  const meetingRow = homeMeetings.getByRole('row', { name: new RegExp(MEETING) });
  await expect(meetingRow).toContainText('今天');
  await expect(meetingRow).toContainText('19:00');
  await expect(meetingRow).toContainText('已通知');

  // 3. The meeting is held (API): all three representatives sign in, a proposal on the topic's agenda item passes 3 : 0 : 0.
  const item = (await api<{ items: { id: number; title: string }[] }>(page, baseUrl, 'agenda.list', { meetingId: meeting.id })).items.find(
    (a) => a.title === TOPIC,
  )!;
  await api(page, baseUrl, 'meetings.start', { id: meeting.id, startTime: '19:00' });
  for (const p of people) await api(page, baseUrl, 'attendance.signIn', { meetingId: meeting.id, personId: p.id, time: '18:55' });
  const proposal = await api<{ id: number }>(page, baseUrl, 'proposals.create', {
    agendaItemId: item.id,
    title: PROPOSAL,
    text: '更换村东路口路灯两盏，改用太阳能路灯，月底前完成。',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const vote = await api<{ id: number; eligible: number }>(page, baseUrl, 'votes.open', { agendaItemId: item.id, proposalIds: [proposal.id], method: '举手' });
  expect(vote.eligible).toBe(3);
  await api(page, baseUrl, 'votes.record', { id: vote.id, tally: { yes: 3, no: 0, abstain: 0 } });
  const { resolution } = await api<{ resolution: { id: number; number: string } }>(page, baseUrl, 'votes.confirm', { id: vote.id });
  expect(resolution.number).toBeTruthy();

  // The topic's page links to the meeting and shows the resolution it led to.
  await page.goto(topicUrl);
  await expect(page.getByRole('heading', { name: TOPIC })).toBeVisible();
  const agendaLink = page.getByRole('region', { name: '会议议程' }).getByText(`${today} ${MEETING}：${TOPIC}`);
  await expect(agendaLink).toBeVisible();
  const decided = page.getByRole('region', { name: '形成的决议' });
  await expect(decided).toContainText(`${resolution.number} ${PROPOSAL}`);
  await expect(decided).toContainText('办理中');
  await agendaLink.click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${meeting.id}/agenda$`));
  await expect(page.locator('.agenda-title')).toHaveText([TOPIC]);

  // 4. 吹哨: the power station is summoned, to finish within three days; 首页 lists it as due soon.
  await page.goto(topicUrl);
  await expect(page.getByRole('heading', { name: TOPIC })).toBeVisible();
  await page.getByRole('button', { name: '转部门办理' }).click();
  const refer = page.getByRole('dialog', { name: `转部门办理：${TOPIC}` });
  await refer.getByRole('combobox', { name: '部门或单位' }).fill(DEPARTMENT);
  await refer.getByLabel('联系人').fill('李师傅');
  await refer.getByLabel('承诺事项').fill('三天内更换路灯');
  const summonsDeadline = addDays(today, 3);
  await typeDate(refer.getByLabel('承诺完成期限'), summonsDeadline);
  await expect(refer.getByLabel('承诺完成期限')).toHaveValue(summonsDeadline);
  await refer.getByRole('button', { name: '吹哨' }).click();
  await expect(refer).toBeHidden();
  await expect(timeline).toContainText(`向${DEPARTMENT}吹哨`);
  await expect(timeline).toContainText(`期限 ${summonsDeadline}`);
  const summons = page.getByRole('region', { name: '吹哨报到' });
  await expect(summons).toContainText('待报到');

  await openHome(page);
  await expect(figure(page, '逾期/即将到期的吹哨', 1, '件')).toBeVisible();
  await expect(page.locator('[data-count="summons"]')).toContainText('逾期 0，即将到期 1');
  const homeSummons = page.getByTestId('home-summons');
  const summonsRow = homeSummons.getByRole('row', { name: new RegExp(DEPARTMENT) });
  await expect(summonsRow).toContainText('（李师傅）');
  await expect(summonsRow).toContainText(TOPIC);
  await expect(summonsRow).toContainText('报到时限');
  await expect(summonsRow).toContainText('还剩3天');
  await expect(homeSummons.locator('.home-row-alarm')).toHaveCount(0);

  // 报到, from the topic 首页 links to.
  await homeSummons.getByRole('link', { name: DEPARTMENT }).click();
  await expect(page).toHaveURL(topicUrl);
  await summons.getByRole('button', { name: `${DEPARTMENT}报到` }).click();
  const report = page.getByRole('dialog', { name: `登记报到：${DEPARTMENT}` });
  await report.getByRole('button', { name: '登记报到' }).click();
  await expect(report).toBeHidden();
  await expect(summons).toContainText('按时');
  await expect(timeline).toContainText('报到（按时）');

  await openHome(page);
  await expect(summonsRow).toContainText('承诺完成期限');
  await expect(summonsRow).toContainText(shortDate(summonsDeadline, today));
  await expect(summonsRow).toContainText('还剩3天');

  // 5. 决议督办 on 督办公示: who and by when (five days) → 首页 lists the resolution as due soon.
  await page.getByRole('menuitem', { name: '督办公示' }).click();
  await expect(page.getByRole('heading', { name: '督办公示' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '决议督办', selected: true })).toBeVisible();
  const resolutionsTable = page.getByRole('table', { name: '决议督办' });
  await expect(resolutionsTable.getByRole('row', { name: new RegExp(PROPOSAL) })).toContainText('未指定');
  await page.getByRole('button', { name: `督办：${PROPOSAL}` }).click();
  const drawer = page.locator('.followup-drawer');
  await expect(drawer.getByText(`决议督办：${PROPOSAL}`)).toBeVisible();
  await expect(drawer).toContainText(resolution.number);
  await expect(drawer).toContainText(`${MEETING}（${chineseDate(today)}）`);
  const resolutionDeadline = addDays(today, 5);
  await drawer.getByLabel('责任人或单位').fill('村委会 王主任');
  await typeDate(drawer.getByLabel('完成期限'), chineseDate(resolutionDeadline)); // Enter saves, as 保存 would
  await expect(page.getByText(`已保存决议${resolution.number}的责任人和完成期限`)).toBeVisible();
  await expect(drawer.getByText('5 天内到期')).toBeVisible();
  await closeDrawer(drawer);

  await openHome(page);
  await expect(figure(page, '逾期/即将到期的决议', 1, '项')).toBeVisible();
  await expect(page.locator('[data-count="resolutions"]')).toContainText('逾期 0，即将到期 1');
  const homeResolutions = page.getByTestId('home-resolutions');
  const resolutionRow = homeResolutions.getByRole('row', { name: new RegExp(PROPOSAL) });
  await expect(resolutionRow).toContainText(resolution.number);
  await expect(resolutionRow).toContainText('村委会 王主任');
  await expect(resolutionRow).toContainText(shortDate(resolutionDeadline, today));
  await expect(resolutionRow).toContainText('还剩5天');
  await expect(resolutionRow).toContainText('还没有登记进度');

  // Progress 50% (from 首页's link straight into the drawer), seen on 首页; then 100% and completion.
  await homeResolutions.getByRole('link', { name: PROPOSAL }).click();
  await expect(page).toHaveURL(new RegExp(`#/followup/resolutions/${resolution.id}$`));
  await expect(drawer.getByText(`决议督办：${PROPOSAL}`)).toBeVisible();
  const progress = drawer.getByRole('table', { name: '落实进度' });
  await drawer.getByLabel('完成进度').fill('50');
  await drawer.getByLabel('进度情况').fill('新路灯已到货，供电所安装了一盏');
  await drawer.getByRole('button', { name: '登记进度' }).click();
  await expect(progress).toContainText('新路灯已到货，供电所安装了一盏');
  await expect(drawer.getByText('上次是 50%')).toBeVisible();
  await closeDrawer(drawer);

  await openHome(page);
  await expect(resolutionRow).toContainText('已完成 50%');
  await expect(resolutionRow).toContainText('还剩5天');

  await homeResolutions.getByRole('link', { name: PROPOSAL }).click();
  await expect(drawer.getByText('上次是 50%')).toBeVisible();
  await drawer.getByLabel('完成进度').fill('100');
  await drawer.getByLabel('进度情况').fill('两盏太阳能路灯全部装好，晚上亮灯正常');
  await drawer.getByRole('button', { name: '登记进度' }).click();
  await expect(progress).toContainText('两盏太阳能路灯全部装好');
  await expect(drawer.getByText('上次是 100%')).toBeVisible();
  await drawer.getByLabel('落实结果').fill('村东路口更换太阳能路灯两盏，经村民代表查看，照明正常');
  await drawer.getByRole('button', { name: '登记完成' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '登记完成' }).click();
  await expect(drawer.getByText(`已于 ${chineseDate(today)} 办结`)).toBeVisible();
  await expect(drawer.getByRole('button', { name: '登记进度' })).toHaveCount(0);

  // 6. 实施结果公开: posted today for the legal 15 days.
  await drawer.getByRole('button', { name: '新建实施结果公开' }).click();
  const noticeForm = page.getByRole('dialog', { name: '新建公示' });
  await expect(noticeForm.getByRole('radio', { name: '实施结果公开' })).toBeChecked();
  await expect(noticeForm.getByLabel('公示标题')).toHaveValue(`${PROPOSAL}实施结果公示`);
  await expect(noticeForm.getByLabel('张贴日期')).toHaveValue(today);
  await expect(noticeForm.getByLabel('公示天数')).toHaveValue('15');
  await expect(noticeForm.getByLabel('张贴地点')).toHaveValue('村务公开栏');
  await expect(noticeForm.getByText(`公示期：${chineseDate(today)}至${chineseDate(addDays(today, 14))}，共 15 天`)).toBeVisible();
  await noticeForm.getByRole('button', { name: '登记公示' }).click();
  await expect(noticeForm).toBeHidden();
  await expect(page.getByText(`已登记公示“${PROPOSAL}实施结果公示”，公示到 ${chineseDate(addDays(today, 14))}`)).toBeVisible();
  await expect(drawer.getByRole('table', { name: '本决议的公示' })).toContainText(`${PROPOSAL}实施结果公示`);
  await closeDrawer(drawer);
  await expect(resolutionsTable.getByRole('row', { name: new RegExp(PROPOSAL) })).toContainText('已完成');

  // The 公示 tab lists it as posted; its Word file downloads.
  await page.getByRole('tab', { name: '公示' }).click();
  const noticeRow = page.getByRole('table', { name: '公示' }).getByRole('row', { name: new RegExp(`${PROPOSAL}实施结果公示`) });
  await expect(noticeRow).toContainText('实施结果公开');
  await expect(noticeRow).toContainText('共 15 天');
  await expect(noticeRow).toContainText('公示中');
  const downloaded = page.waitForEvent('download');
  await noticeRow.getByRole('button', { name: `导出 Word：${PROPOSAL}实施结果公示` }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toContain('实施结果公示');
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  const savedPath = testInfo.outputPath('result-notice.docx');
  await file.saveAs(savedPath);
  expect(fs.statSync(savedPath).size).toBeGreaterThan(1000);

  // 首页 at the end: the resolution is off the due list; the notice ends in 15 days, so not “this week”.
  await openHome(page);
  await expect(figure(page, '逾期/即将到期的决议', 0, '项')).toBeVisible();
  await expect(homeResolutions).toContainText('没有逾期或七天内到期的决议');
  await expect(homeResolutions).not.toContainText(PROPOSAL);
  await expect(figure(page, '本周到期公示', 0, '份')).toBeVisible();
  await expect(page.locator('[data-count="notices"]')).toContainText('正在公示 1 份');
  const homeNotices = page.getByTestId('home-notices');
  await expect(homeNotices).toContainText('没有七天内期满的公示');
  await expect(homeNotices).not.toContainText(`${PROPOSAL}实施结果公示`);
  await expect(figure(page, '待分办议题', 0, '件')).toBeVisible();
  // The department has reported but not finished: it stays on the list until its own deadline.
  await expect(summonsRow).toContainText('承诺完成期限');

  // And the topic itself shows its resolution done.
  await page.goto(topicUrl);
  await expect(decided).toContainText(`${today} 完成`);
  await page.screenshot({ path: testInfo.outputPath('loop-topic.png'), fullPage: true });
});
