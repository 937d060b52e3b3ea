import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { chooseRadio, createOrganizationOnWelcome, expect, test } from './fixtures';
import { addResidents, api, CONVENTION, startedMeeting, today, voteOnRules } from './rules-setup';

test.describe.configure({ timeout: 180_000 });

/** Picks an entry of an Ant Design Select, as a person clicks it in the open list. */
async function pick(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
}

async function download(page: Page, scope: Page | Locator, button: string | RegExp): Promise<Download> {
  const downloaded = page.waitForEvent('download');
  await scope.getByRole('button', { name: button }).click();
  return downloaded;
}

async function expectDocx(d: Download, path: string) {
  expect(d.suggestedFilename()).toMatch(/\.docx$/);
  await d.saveAs(path);
  expect(fs.statSync(path).size).toBeGreaterThan(1000);
}

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function orgId(page: Page, baseUrl: string) {
  return (await api<{ currentId: number }>(page, baseUrl, 'organizations.list', {})).currentId;
}

test('居民公约：导入起草、征求意见、修改建议、版本对比、审核、居民会议表决通过、备案并导出', async ({ page, baseUrl }, testInfo) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '幸福里社区', '社区');
  const org = await orgId(page, baseUrl);
  const people = await addResidents(page, baseUrl, org);

  // 新建: paste the existing text, check the split, create.
  await page.getByRole('menuitem', { name: '居民公约' }).click();
  await page.getByRole('button', { name: '新建规约' }).click();
  const create = dialog(page, '新建规约');
  await chooseRadio(create, '从现有文本导入');
  await create.getByLabel('规约文本').fill(CONVENTION);
  await create.getByRole('button', { name: '识别章和条' }).click();
  await expect(create.getByText('识别结果：2 章，8 条。')).toBeVisible();
  await expect(create.getByLabel('规约名称')).toHaveValue('幸福里社区居民公约');
  await page.screenshot({ path: '/tmp/rules-create.png' });
  await create.getByRole('button', { name: '新建', exact: true }).click();

  await expect(page.getByRole('heading', { name: '幸福里社区居民公约' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '条文（8）', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: '第二章　公共秩序' })).toBeVisible();
  await page.screenshot({ path: '/tmp/rules-text.png', fullPage: true });

  // 征求意见稿.
  await page.getByRole('tab', { name: '版本对比' }).click();
  await page.getByRole('button', { name: '保存为版本' }).click();
  await dialog(page, '保存为版本').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '征求意见稿' })).toBeVisible();

  // Insert an article after 第一条: the rest renumber and 第三条's reference follows.
  await page.getByRole('tab', { name: /^条文/ }).click();
  await page.getByRole('region', { name: '第一条' }).getByRole('button', { name: '在后面新增一条' }).click();
  await page.getByLabel('第一条之后新增的条文').fill('本公约所称居民，包括户籍居民和常住居民。');
  await page.getByRole('button', { name: '新增这一条' }).click();
  await expect(page.getByText('已新增第二条，后面的条文已重新编号')).toBeVisible();
  await expect(page.getByText('第四条中的引用已随之更新：居民应当遵守第三条的规定，参加社区事务。')).toBeVisible();
  await expect(page.getByRole('tab', { name: '条文（9）' })).toBeVisible();
  await expect(page.getByRole('region', { name: '第九条' })).toContainText('本公约自居民会议通过之日起施行。');
  await expect(page.getByRole('region', { name: '第七条' })).toContainText('违反第五条、第六条规定的');

  // One opinion from the roster on 第六条, turned down with a reason (the server asks for one).
  await page.getByRole('tab', { name: /^意见/ }).click();
  await page.getByRole('button', { name: '登记意见' }).click();
  const opinion = dialog(page, '登记意见');
  await opinion.getByRole('combobox', { name: '名册中的居民' }).fill('居民3');
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText(/^居民3\u3000户号 03/)
    .click();
  await pick(page, opinion.getByRole('combobox', { name: '涉及条款' }), /^第六条/);
  await opinion.getByLabel('意见内容').fill('建议写明养犬要办证。');
  await opinion.getByRole('button', { name: '登记' }).click();
  await expect(page.getByRole('cell', { name: '建议写明养犬要办证。' })).toBeVisible();
  await expect(page.getByRole('row', { name: /居民3/ })).toContainText('第六条');
  await page.getByRole('button', { name: '处理', exact: true }).click();
  const dispose = dialog(page, '处理意见');
  await chooseRadio(dispose, '未采纳');
  await dispose.getByRole('button', { name: '保存' }).click();
  await expect(dispose.getByText(/请写明理由/)).toBeVisible();
  await dispose.getByLabel('理由').fill('养犬登记由公安机关办理，公约不作规定。');
  await dispose.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('row', { name: /居民3/ })).toContainText('未采纳');
  await expect(page.getByText(/共 1 条：采纳 0，部分采纳 0，未采纳 1/)).toBeVisible();
  await page.screenshot({ path: '/tmp/rules-opinions.png', fullPage: true });

  // One amendment to 第六条, accepted: it goes into the text.
  await page.getByRole('tab', { name: /^修改建议/ }).click();
  await page.getByRole('button', { name: '提出修改建议' }).click();
  const amend = dialog(page, '提出修改建议');
  await pick(page, amend.getByRole('combobox', { name: '要修改的条文' }), /^第六条/);
  await amend.getByLabel('修改后的条文').fill('文明养犬，出门拴绳，及时清理犬只粪便。');
  await amend.getByLabel('提出人').fill('居民代表第三小组');
  await amend.getByRole('button', { name: '登记建议' }).click();
  await expect(page.getByRole('cell', { name: '修改第六条' })).toBeVisible();
  await page.getByRole('button', { name: '采纳', exact: true }).click();
  await dialog(page, /^采纳：修改第六条/)
    .getByRole('button', { name: '采纳' })
    .click();
  await expect(page.getByText('修改第六条：已写进条文')).toBeVisible();
  await expect(page.getByRole('row', { name: /修改第六条/ })).toContainText('已采纳');
  await page.screenshot({ path: '/tmp/rules-amendments.png', fullPage: true });

  // Compare 征求意见稿 with the draft: 修改 with the inserted words highlighted, 新增, 重新编号.
  await page.getByRole('tab', { name: '版本对比' }).click();
  await expect(page.getByRole('combobox', { name: '原稿' })).toBeVisible();
  await page.getByRole('button', { name: '比较', exact: true }).click();
  const sideBySide = page.getByRole('table', { name: '左右对照' });
  await expect(sideBySide).toBeVisible();
  await expect(page.getByText(/修改 \d+ 条，新增 1 条，删除 0 条/)).toBeVisible();
  const reworded = sideBySide.getByRole('row').filter({ hasText: '出门拴绳' });
  await expect(reworded.getByText('修改', { exact: true })).toBeVisible();
  await expect(reworded.getByText('重新编号：原第五条 → 第六条')).toBeVisible();
  await expect(reworded.locator('ins.diff-added')).toHaveText('出门拴绳，');
  await expect(sideBySide.getByText('新增', { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/rules-compare.png', fullPage: true });
  await chooseRadio(page, '合并显示');
  await expect(page.locator('.diff-inline ins.diff-added').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/rules-compare-inline.png', fullPage: true });

  // 征集民意 → 拟定草案 → 提请审核 (review) → 审议表决.
  await page.getByRole('button', { name: '进入下一步：拟定草案' }).click();
  await dialog(page, '进入下一步：拟定草案').getByRole('button', { name: '确定' }).click();
  // The step shown on the page, not the toast: a toast can be gone before a slow runner looks.
  await expect(page.getByRole('button', { name: '进入下一步：提请审核' })).toBeVisible();
  await page.getByRole('button', { name: '进入下一步：提请审核' }).click();
  await dialog(page, '进入下一步：提请审核').getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '登记审核意见' }).click();
  const review = dialog(page, '登记审核意见');
  await review.getByLabel('审核机关').fill('幸福街道办事处');
  await review.getByLabel('审核意见').fill('经审核，未发现与法律法规相抵触的内容，同意提交居民会议表决。');
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('审核意见已登记')).toBeVisible();
  await page.getByRole('button', { name: '进入下一步：审议表决' }).click();
  await dialog(page, '进入下一步：审议表决').getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '去“表决与备案”' }).click();
  await expect(page.getByRole('tab', { name: '表决与备案', selected: true })).toBeVisible();
  await expect(page.getByText('能够表决通过居民公约的会议：居民会议')).toBeVisible();

  // A 居民会议 with 7 of 10 residents (4 women), proposed from the page, voted in the meeting.
  const meeting = await startedMeeting(page, baseUrl, org, people, '居民会议', 7, '居民会议（审议居民公约）');
  await page.getByRole('button', { name: '提交会议表决' }).click();
  const propose = dialog(page, /^提交会议表决/);
  await pick(page, propose.getByRole('combobox', { name: '选择会议' }), /^居民会议（审议居民公约）/);
  await propose.getByRole('button', { name: '提交表决' }).click();
  await expect(page.getByText(/已把《幸福里社区居民公约》加入“居民会议（审议居民公约）”的议程/)).toBeVisible();
  await voteOnRules(page, baseUrl, meeting.id, 6, 0);
  await page.getByRole('button', { name: '刷新表决列表' }).click();
  await page.getByRole('button', { name: '登记通过' }).click();
  await dialog(page, '登记表决通过').getByRole('button', { name: '登记通过' }).click();
  const adoption = page.locator('.rule-card', { hasText: '表决通过' }).first();
  await expect(adoption).toContainText('4 人，占到会人数的 57.1%');
  await expect(adoption).toContainText('应到 10 人，实到 7 人');
  await expect(adoption).toContainText('赞成 6 人，反对 0 人，弃权 1 人');
  await expect(page.getByText('还剩10天')).toBeVisible();
  await page.screenshot({ path: '/tmp/rules-adoption.png', fullPage: true });

  // 备案: the authority comes from the review.
  await page.getByRole('button', { name: '登记备案' }).first().click();
  const filing = dialog(page, '登记备案');
  await expect(filing.getByLabel('备案机关')).toHaveValue('幸福街道办事处');
  await filing.getByLabel('备案回执编号').fill('幸街备〔2026〕7号');
  await filing.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('备案已登记，下一步请登记公布')).toBeVisible();
  await expect(page.locator('.rule-card', { hasText: '备案与公布' })).toContainText('幸街备〔2026〕7号');

  // The 正式稿 and the revision document (征求意见稿 → the adopted text).
  const formal = await download(page, page, '导出规约文本（正式稿）');
  await expectDocx(formal, testInfo.outputPath('正式稿.docx'));
  await page.getByRole('tab', { name: '版本对比' }).click();
  await pick(page, page.getByRole('combobox', { name: '原稿' }), /^征求意见稿（第1版）/);
  const revision = await download(page, page, '导出修订对照稿');
  await expectDocx(revision, testInfo.outputPath('修订对照稿.docx'));
  await page.screenshot({ path: '/tmp/rules-versions.png', fullPage: true });

  // The text is read-only now; the record shows every step.
  await page.getByRole('tab', { name: /^条文/ }).click();
  await expect(page.getByText('规约已经表决通过，条文只能查看')).toBeVisible();
  await expect(page.getByRole('button', { name: '新增一章' })).toHaveCount(0);
  await page.getByRole('tab', { name: '记录' }).click();
  await expect(page.getByText('审核意见：经审核，未发现与法律法规相抵触的内容')).toBeVisible();
  await expect(page.getByText('回执编号：幸街备〔2026〕7号')).toBeVisible();
  await page.screenshot({ path: '/tmp/rules-record.png', fullPage: true });

  // The list shows the document at 公布; the penalty wording list opens from it.
  await page.getByRole('button', { name: '返回规约列表' }).click();
  const row = page.getByRole('row', { name: /幸福里社区居民公约/ });
  await expect(row).toContainText('公布');
  await expect(row).toContainText('2 章 9 条');
  await page.getByRole('button', { name: '违规用语清单' }).click();
  await expect(page.getByRole('cell', { name: '罚款', exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/rules-list.png' });
});

test('规约：不能移到自己后面、删除有条文的章要确认、不能由两委联席会议表决', async ({ page, baseUrl }) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '幸福里社区', '社区');
  const org = await orgId(page, baseUrl);
  const people = await addResidents(page, baseUrl, org);
  const split = await api<{ title: string; chapters: { title: string }[]; articles: unknown[] }>(page, baseUrl, 'rules.importPreview', { text: CONVENTION });
  const date = await today(page);
  const doc = await api<{ id: number }>(page, baseUrl, 'rules.create', {
    orgId: org,
    kind: '居民公约',
    title: split.title,
    date,
    chapters: split.chapters,
    articles: split.articles,
  });
  await page.goto(`${baseUrl}#/rules/${doc.id}/text`);

  // 移动: the article itself is never offered as the place to put it.
  await page.getByRole('region', { name: '第三条' }).getByRole('button', { name: '移动' }).click();
  const move = dialog(page, '移动第三条');
  await move.getByRole('combobox', { name: '放在…之后' }).click();
  const list = page.locator('.ant-select-dropdown:visible');
  await expect(list.getByTitle(/^第二条之后/)).toBeVisible();
  await expect(list.getByTitle(/^第三条之后/)).toHaveCount(0);
  await list.getByTitle('放在本章开头').click();
  await move.getByRole('button', { name: '移动' }).click();
  await expect(page.getByText('已移动：原第三条现在是第一条，其他条文已重新编号')).toBeVisible();
  await expect(page.getByText('中的引用已随之更新').first()).toBeVisible();

  // 删除本章 with articles: the server's words, then an explicit 连同条文一起删除.
  await page.getByRole('button', { name: '删除本章' }).nth(1).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '还有 5 条（第四条至第八条）' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '不删了' }).click();
  await expect(page.getByRole('tab', { name: '条文（8）' })).toBeVisible();
  await page.getByRole('button', { name: '删除本章' }).nth(1).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '连同条文一起删除' }).click();
  await expect(page.getByRole('tab', { name: '条文（3）' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /公共秩序/ })).toHaveCount(0);

  // A 两委联席会议 may not adopt a 居民公约: the law's words, in Chinese.
  await api(page, baseUrl, 'rules.advance', { id: doc.id, date });
  await api(page, baseUrl, 'rules.advance', { id: doc.id, date });
  await api(page, baseUrl, 'rules.recordReview', { id: doc.id, authority: '幸福街道办事处', date, opinion: '同意提交表决。' });
  await api(page, baseUrl, 'rules.advance', { id: doc.id, date });
  await startedMeeting(page, baseUrl, org, people, '两委联席会议', 6, '两委联席会议');
  await page.goto(`${baseUrl}#/rules/${doc.id}/adoption`);
  await page.reload();
  await page.getByRole('button', { name: '提交会议表决' }).click();
  const propose = dialog(page, /^提交会议表决/);
  await pick(page, propose.getByRole('combobox', { name: '选择会议' }), /^两委联席会议（/);
  await propose.getByRole('button', { name: '提交表决' }).click();
  await expect(propose.getByText(/两委联席会议不能表决通过居民公约/)).toBeVisible();
});
