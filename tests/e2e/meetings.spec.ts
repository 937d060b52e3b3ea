import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { xlsxBytes } from '../support/workbook';
import { createOrganizationOnWelcome, expect, idWithCheckDigit, test } from './fixtures';

// 45 village representatives: 9 surnames × 5 given names, every name three characters (so none is
// part of another) and every set of pinyin initials different (陈志强 is "czq" and no one else).
const SURNAMES = ['王', '李', '张', '陈', '杨', '黄', '孙', '马', '郭'];
const GIVEN = [
  { name: '建国', female: false },
  { name: '秀英', female: true },
  { name: '志强', female: false },
  { name: '海燕', female: true },
  { name: '春梅', female: true },
];
const PEOPLE = SURNAMES.flatMap((s, i) =>
  GIVEN.map((g, j) => {
    const n = i * GIVEN.length + j;
    const birth = new Date(Date.UTC(1960, 0, 1) + n * 97 * 86_400_000).toISOString().slice(0, 10);
    // The 17th digit of an ID number is odd for men, even for women.
    const seq = `${String(n % 100).padStart(2, '0')}${g.female ? 2 : 1}`;
    return {
      name: `${s}${g.name}`,
      idNumber: idWithCheckDigit(`330203${birth.replace(/-/g, '')}${seq}`),
      householdNo: `A${String(n + 1).padStart(3, '0')}`,
      group: `第${(n % 3) + 1}村民小组`,
    };
  }),
);

const BODY = '第三届村民代表会议';
const MEETING = '2026年第四季度村民代表会议';

/** Picks an entry of an Ant Design Select, as a person clicks it in the open list. */
async function pick(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function confirmPopover(page: Page, button: string) {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: button }).click();
}

test('村民代表会议：45 名代表，议程排序，签到到 30 人可以开会，记录两位发言，结束后刷新一切如旧', async ({ page, baseUrl }, testInfo) => {
  test.setTimeout(150_000);
  const file = testInfo.outputPath('村民代表名册.xlsx');
  fs.writeFileSync(file, await xlsxBytes([['姓名', '身份证号', '户号', '小组'], ...PEOPLE.map((p) => [p.name, p.idNumber, p.householdNo, p.group])]));

  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');

  // 1. The roster: 45 people from an Excel file, through the import wizard.
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await page.getByRole('button', { name: '导入名册' }).click();
  const wizard = page.getByRole('dialog', { name: '导入名册' });
  await wizard.locator('input[type="file"]').setInputFiles(file);
  await expect(wizard.getByText('共有 45 行')).toBeVisible();
  await wizard.getByRole('button', { name: '下一步：检查' }).click();
  await expect(wizard.getByText('共 45 行：可导入 45 行，有问题 0 行，已跳过 0 行')).toBeVisible();
  await wizard.getByRole('button', { name: '导入 45 人' }).click();
  await expect(wizard.getByText(/已导入 45 人/)).toBeVisible();
  await wizard.getByRole('button', { name: '完成' }).click();

  // 2. The body: 第三届村民代表会议 with all 45 as 村民代表.
  await page.getByRole('menuitem', { name: '会议' }).click();
  await expect(page.getByRole('heading', { name: '会议', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '机构与成员' }).click();
  await page.getByRole('button', { name: '新建机构' }).click();
  const bodyDialog = page.getByRole('dialog', { name: '新建机构' });
  await bodyDialog.getByLabel('机构名称').fill(BODY);
  await pick(page, bodyDialog.getByLabel('机构类别'), '村民代表会议');
  await bodyDialog.getByRole('button', { name: '保存' }).click();
  await expect(bodyDialog).toBeHidden();
  await expect(page.getByText(`${BODY}的成员`)).toBeVisible();
  await page.getByRole('button', { name: '添加成员' }).click();
  const members = page.getByRole('dialog', { name: `添加成员：${BODY}` });
  await expect(members.getByRole('cell', { name: '郭春梅', exact: true })).toBeVisible();
  // The header box ticks everyone listed.
  await members.getByRole('checkbox').first().check();
  await expect(members.getByText('已勾选 45 人')).toBeVisible();
  await expect(members.getByRole('combobox', { name: '职务' }).locator('..')).toHaveText('村民代表');
  await members.getByRole('button', { name: '添加 45 人' }).click();
  await expect(members).toBeHidden();
  await expect(page.getByText('在任 45 人')).toBeVisible();
  // The law's composition checks: 45/45 representatives, 27/45 women.
  await expect(page.getByText('村民代表占组成人员 45/45，须五分之四以上（至少 36 人），符合')).toBeVisible();
  await expect(page.getByText('妇女占组成人员 27/45，须三分之一以上（至少 15 人），符合')).toBeVisible();

  // 3. The meeting: the type's rules for the date are shown before saving.
  await page.getByRole('tab', { name: '会议列表' }).click();
  await expect(page.getByText('还没有会议')).toBeVisible();
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('dialog', { name: '新建会议' });
  await pick(page, form.getByLabel('会议类型'), '村民代表会议');
  await expect(form.getByText('2025年文本：须应到人数的三分之二以上出席，到会人员过半数通过')).toBeVisible();
  await expect(form.getByText(/2026年1月1日起适用2025年修订的法律/)).toBeVisible();
  await form.getByLabel('会议名称').fill(MEETING);
  await form.getByLabel('地点').fill('村委会二楼会议室');
  await form.getByLabel('主持人').fill('王建国');
  await form.getByLabel('记录人').fill('李秀英');
  await expect(form.getByRole('radio', { name: /机构成员/ })).toBeChecked();
  // The only body of that kind is chosen already.
  await expect(form.getByLabel('机构', { exact: true }).locator('..')).toContainText(BODY);
  await form.getByRole('button', { name: '新建会议' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
  await expect(page).toHaveURL(/#\/meetings\/\d+\/agenda$/);
  const header = page.getByRole('status', { name: '会议人数' });
  await expect(header).toContainText('应到 45 人');
  await expect(header).toContainText('还差 30 人');

  // 4. The agenda: three items, reordered with the 上移/下移 buttons (keyboard) and by dragging.
  for (const title of ['村道硬化工程', '集体资金使用方案', '村规民约修订']) {
    await page.getByRole('button', { name: '添加议题' }).click();
    const dialog = page.getByRole('dialog', { name: '添加议题' });
    await dialog.getByLabel('议题名称').fill(title);
    if (title === '集体资金使用方案') await dialog.getByLabel('计划时长').fill('20');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
  const agendaTitles = page.locator('.agenda-title');
  await expect(agendaTitles).toHaveText(['村道硬化工程', '集体资金使用方案', '村规民约修订']);
  await page.getByRole('button', { name: '上移：村规民约修订' }).click();
  await expect(agendaTitles).toHaveText(['村道硬化工程', '村规民约修订', '集体资金使用方案']);
  // Focus stays on the moved row's button: Enter moves it again.
  await expect(page.getByRole('button', { name: '上移：村规民约修订' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(agendaTitles).toHaveText(['村规民约修订', '村道硬化工程', '集体资金使用方案']);
  await page.getByRole('button', { name: '下移：村道硬化工程' }).click();
  await expect(agendaTitles).toHaveText(['村规民约修订', '集体资金使用方案', '村道硬化工程']);
  // Or with the mouse: drag a row onto another.
  await page.getByRole('row', { name: /集体资金使用方案/ }).dragTo(page.getByRole('row', { name: /村规民约修订/ }));
  const order = ['集体资金使用方案', '村规民约修订', '村道硬化工程'];
  await expect(agendaTitles).toHaveText(order);

  // 5. Sign-in at the door: 29 people.
  await page.getByRole('tab', { name: /^签到/ }).click();
  const box = page.getByLabel('输入姓名、拼音首字母或户号');
  await expect(box).toBeFocused();
  const board = page.getByRole('region', { name: '到会人数' });
  await expect(board).toContainText('须应到人数的三分之二以上，即至少 30 人');
  const feedback = page.locator('.signin-feedback');
  // 陈志强 by his pinyin initials, 黄秀英 by her household number: each answered on the screen.
  await box.fill('czq');
  await expect(page.getByRole('option', { name: /陈志强/ })).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(feedback).toContainText('陈志强 已签到');
  await expect(box).toHaveValue('');
  await box.fill(PEOPLE.find((p) => p.name === '黄秀英')!.householdNo);
  await box.press('Enter');
  await expect(feedback).toContainText('黄秀英 已签到');
  // The rest as a quick secretary types them: name, Enter, next name, without waiting.
  for (const person of PEOPLE.slice(0, 29).filter((p) => p.name !== '陈志强' && p.name !== '黄秀英')) {
    await box.fill(person.name);
    await box.press('Enter');
  }
  await expect(board).toContainText('还差 1 人');
  await expect(board.locator('.quorum-number').nth(1)).toHaveText('29');
  await expect(header).toContainText('实到 29 人');

  // Signing in twice is refused in Chinese and changes nothing.
  await box.fill('王建国');
  await box.press('Enter');
  await expect(feedback).toContainText('王建国已于');
  await expect(feedback).toContainText('不能重复签到');
  await expect(board).toContainText('还差 1 人');

  // The 30th: the meeting may proceed.
  const thirtieth = PEOPLE[29]!.name;
  await box.fill(thirtieth);
  await box.press('Enter');
  await expect(feedback).toContainText(`${thirtieth} 已签到`);
  await expect(board).toContainText('可以开会');
  await expect(header).toContainText('实到 30 人');
  await expect(page.getByRole('row', { name: new RegExp(thirtieth) })).toContainText('出席');
  await page.screenshot({ path: testInfo.outputPath('workspace-signin.png'), fullPage: true });

  // 6. Start the meeting; 应到 is now fixed.
  await page.getByRole('button', { name: '开始会议' }).click();
  await confirmPopover(page, '开始会议');
  await expect(page.locator('.meeting-title-row')).toContainText('进行中');

  // 7. The record: two speakers on 村道硬化工程, picked by typing, saved as they type.
  await page.getByRole('tab', { name: '记录' }).click();
  await page
    .getByRole('navigation', { name: '议题' })
    .getByRole('button', { name: /村道硬化工程/ })
    .click();
  await expect(page.getByRole('heading', { name: '议题3：村道硬化工程' })).toBeVisible();
  await page.getByRole('button', { name: '新增发言（Alt+N）' }).click();
  const speaker = page.getByRole('combobox', { name: '发言人' });
  await expect(speaker).toBeFocused();
  await speaker.fill('王建');
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('王建国');
  await speaker.press('Enter');
  const first = page.getByLabel('王建国的发言要点');
  await expect(first).toBeFocused();
  await page.keyboard.type('同意硬化主干道，建议先修通往学校的一段。');
  await expect(page.locator('.speech').first()).toContainText(/已保存 \d\d:\d\d:\d\d/);

  await page.keyboard.press('Alt+N');
  await expect(speaker).toBeFocused();
  await speaker.fill('lxy');
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('李秀英');
  await speaker.press('Enter');
  const second = page.getByLabel('李秀英的发言要点');
  await expect(second).toBeFocused();
  await page.keyboard.type('预算要公开，施工队由村民代表监督。');
  await expect(page.locator('.speech').nth(1)).toContainText(/已保存 \d\d:\d\d:\d\d/);
  await expect(page.getByRole('navigation', { name: '议题' }).getByRole('button', { name: /村道硬化工程/ })).toContainText('2 人发言');

  // 8. End the meeting.
  await page.getByRole('button', { name: '结束会议' }).click();
  await confirmPopover(page, '结束会议');
  await expect(page.locator('.meeting-title-row')).toContainText('已结束');
  await expect(page.getByRole('button', { name: '定稿' })).toBeVisible();

  // 9. Reload: the same meeting, tab and item, everything as it was left.
  await page.reload();
  await expect(page).toHaveURL(/#\/meetings\/\d+\/record$/);
  await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
  await expect(page.locator('.meeting-title-row')).toContainText('已结束');
  await expect(page.getByRole('heading', { name: '议题3：村道硬化工程' })).toBeVisible();
  await expect(page.getByLabel('王建国的发言要点')).toHaveValue('同意硬化主干道，建议先修通往学校的一段。');
  await expect(page.getByLabel('李秀英的发言要点')).toHaveValue('预算要公开，施工队由村民代表监督。');
  await expect(page.getByRole('status', { name: '会议人数' })).toContainText('实到 30 人');
  await expect(page.getByRole('status', { name: '会议人数' })).toContainText('可以开会');
  await page.getByRole('tab', { name: /^议程/ }).click();
  await expect(page.locator('.agenda-title')).toHaveText(order);
  await page.getByRole('tab', { name: /^签到/ }).click();
  await expect(page.getByRole('region', { name: '到会人数' })).toContainText('可以开会');
  await expect(page.getByLabel('输入姓名、拼音首字母或户号')).toBeDisabled();
  await expect(page.getByRole('row', { name: /陈志强/ })).toContainText('出席');
  await expect(page.getByRole('row', { name: /马建国/ })).toContainText('未签到');

  // The list finds it by year and status.
  await page.getByRole('button', { name: '返回会议列表' }).click();
  await expect(page.getByRole('row', { name: new RegExp(MEETING) })).toContainText('已结束');
});

test('会议类型：各版本的出席与通过要求，复制为本地类型时比例有误说明原因', async ({ page, baseUrl }, testInfo) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('tab', { name: '会议类型' }).click();
  const villagers = page.locator('.ant-card-small').filter({ has: page.getByText('村民会议', { exact: true }) });
  await expect(villagers.getByRole('row', { name: /2018年文本/ })).toContainText('2025年12月31日前');
  await expect(villagers.getByRole('row', { name: /2025年文本/ })).toContainText('2026年1月1日起');
  await expect(villagers.getByRole('row', { name: /2025年文本/ })).toContainText('按年满十八周岁的村（居）民：须过半数');
  await expect(villagers.getByRole('row', { name: /2025年文本/ })).toContainText('或户的代表：须三分之二以上');
  const branch = page.locator('.ant-card-small').filter({ has: page.getByText('党员大会', { exact: true }) });
  await expect(branch).toContainText('应到人员过半数通过');
  await expect(branch).toContainText('以应到人数计');
  await page.screenshot({ path: testInfo.outputPath('meeting-types.png'), fullPage: true });

  const reps = page.locator('.ant-card-small').filter({ has: page.getByText('村民代表会议', { exact: true }) });
  await reps.getByRole('button', { name: '复制为本地类型：村民代表会议2025年文本' }).click();
  const dialog = page.getByRole('dialog', { name: /复制为本地类型/ });
  await dialog.getByLabel('新类型名称').fill('村民议事会');
  await dialog.getByRole('spinbutton', { name: '出席比例的分子' }).fill('4');
  await dialog.getByRole('button', { name: '保存为本地类型' }).click();
  await expect(dialog.getByText(/比例不能大于 1/)).toBeVisible();
  await dialog.getByRole('spinbutton', { name: '出席比例的分子' }).fill('1');
  await dialog.getByRole('spinbutton', { name: '出席比例的分母' }).fill('2');
  await dialog.getByRole('radio', { name: '超过（不含本数）' }).first().locator('xpath=ancestor::label[1]').click();
  await expect(dialog).toContainText('预览：须应到人数的过半数出席，到会人员过半数通过');
  await dialog.getByRole('button', { name: '保存为本地类型' }).click();
  await expect(dialog).toBeHidden();
  const local = page.locator('.ant-card-small').filter({ has: page.getByText('村民议事会', { exact: true }) });
  await expect(local).toContainText('本地类型');
  await expect(local).toContainText('须应到人数的过半数');
});

test('社区只能选择居民会议等社区的会议类型，可输入查找；依据写城市居民委员会组织法', async ({ page, baseUrl }) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '幸福社区', '社区');
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('dialog', { name: '新建会议' });
  await form.getByLabel('会议类型').click();
  const list = page.locator('.ant-select-dropdown:visible');
  await expect(list.getByTitle('居民会议', { exact: true })).toBeVisible();
  await expect(list.getByTitle('居民代表会议', { exact: true })).toBeVisible();
  await expect(list.getByTitle('两委联席会议', { exact: true })).toBeVisible();
  await expect(list.getByTitle('村民会议', { exact: true })).toHaveCount(0);
  await expect(list.getByTitle('村民代表会议', { exact: true })).toHaveCount(0);
  await expect(list.getByTitle('村民小组会议', { exact: true })).toHaveCount(0);
  // Searchable: typing narrows the list.
  await form.getByLabel('会议类型').fill('代表');
  await expect(list.getByTitle('居民代表会议', { exact: true })).toBeVisible();
  await expect(list.getByTitle('党员大会', { exact: true })).toHaveCount(0);
  await list.getByTitle('居民代表会议', { exact: true }).click();
  await expect(form).toContainText('《中华人民共和国城市居民委员会组织法》（2025年修订）第二十八条、第二十九条');
  await expect(form).not.toContainText('村民委员会组织法');
  // The body picker's example speaks of 居民 too.
  await expect(form.getByText('请选择，例如：第三届居民代表会议')).toBeVisible();
  await expect(form).not.toContainText('村民');

  // The types tab lists only the 社区's types.
  await form.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog', { name: '放弃已填写的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('tab', { name: '会议类型' }).click();
  await expect(page.locator('.ant-card-small').filter({ has: page.getByText('居民会议', { exact: true }) })).toBeVisible();
  await expect(page.locator('.ant-card-small').filter({ has: page.getByText('村民会议', { exact: true }) })).toHaveCount(0);

  // 新建机构: the example name is a 居民代表会议.
  await page.getByRole('tab', { name: '机构与成员' }).click();
  await page.getByRole('button', { name: '新建机构' }).click();
  const bodyDialog = page.getByRole('dialog', { name: '新建机构' });
  await expect(bodyDialog.getByPlaceholder('例如：第三届居民代表会议')).toBeVisible();
  await expect(bodyDialog.getByPlaceholder('例如：第三届村民代表会议')).toHaveCount(0);
});

test('村民会议通知期不足要写明特殊情况；发言没保存上时关掉窗口，重新打开内容还在', async ({ page, baseUrl }) => {
  test.setTimeout(120_000);
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('dialog', { name: '新建会议' });
  await pick(page, form.getByLabel('会议类型'), '村民会议');
  // Two ways to count who should attend; the secretary picks one.
  await expect(form.getByRole('radio', { name: /年满十八周岁/ })).toBeChecked();
  await form.getByRole('radio', { name: /户代表/ }).check();
  await form.getByRole('button', { name: '新建会议' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('.meeting-title-row')).toContainText('草稿');

  // Notice on the meeting day: shorter than the law's 10 days, so a reason is asked for.
  await page.getByRole('button', { name: '登记通知' }).click();
  const notice = page.getByRole('dialog', { name: '登记会议通知' });
  await notice.getByRole('button', { name: '登记' }).click();
  await expect(notice).toContainText('应当提前 10 天通知；本次只提前 0 天');
  await notice.getByLabel('临时召开的特殊情况').fill('汛期道路塌方，需要立即决定抢修方案');
  await notice.getByRole('button', { name: '填写特殊情况后登记' }).click();
  await expect(notice).toBeHidden();
  await expect(page.locator('.meeting-title-row')).toContainText('已通知');
  await expect(page.getByText('临时召开：汛期道路塌方')).toBeVisible();

  // With nobody in the roster the meeting cannot start, and says what to do.
  await page.getByRole('button', { name: '开始会议' }).click();
  await confirmPopover(page, '开始会议');
  await expect(page.getByRole('dialog').filter({ hasText: '会议没有开始' })).toContainText('应到人数为 0');
  await page.getByRole('button', { name: '知道了' }).click();

  // A speech by someone not on the roll, typed while the service does not answer.
  await page.getByRole('button', { name: '添加议题' }).click();
  const item = page.getByRole('dialog', { name: '添加议题' });
  await item.getByLabel('议题名称').fill('防汛抢修');
  await item.getByRole('button', { name: '保存' }).click();
  await expect(item).toBeHidden();
  await page.getByRole('tab', { name: '记录' }).click();
  await page.keyboard.press('Alt+N');
  const speaker = page.getByRole('combobox', { name: '发言人' });
  await expect(speaker).toBeFocused();
  await speaker.fill('镇干部老刘');
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('按“镇干部老刘”记录（名单外人员）');
  await speaker.press('Enter');
  await expect(page.getByLabel('镇干部老刘的发言要点')).toBeFocused();
  await page.route('**/api/speeches.update', (route) => route.abort());
  await page.keyboard.type('先抢通道路，再报镇里。');
  await expect(page.locator('.speech').first()).toContainText('没有保存');
  // The window closes (here: reloads) while the service still does not answer.
  await page.reload();
  await expect(page.getByText('关闭前未保存的内容')).toBeVisible();
  const text = page.getByLabel('镇干部老刘的发言要点');
  await expect(text).toHaveValue('先抢通道路，再报镇里。');
  // The service answers again: leaving the box saves the text.
  await page.unroute('**/api/speeches.update');
  await text.focus();
  await page.getByRole('heading', { name: '议题1：防汛抢修' }).click();
  await expect(page.locator('.speech').first()).toContainText(/已保存 \d\d:\d\d:\d\d/);
  // Saved on the server too: a second reload shows it without a draft to restore.
  await page.reload();
  await expect(page.getByLabel('镇干部老刘的发言要点')).toHaveValue('先抢通道路，再报镇里。');
  await expect(page.getByText('关闭前未保存的内容')).toHaveCount(0);
});
