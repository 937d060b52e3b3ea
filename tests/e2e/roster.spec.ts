import fs from 'node:fs';
import path from 'node:path';
import { createOrganizationOnWelcome, expect, idWithCheckDigit, test } from './fixtures';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'roster-with-errors.xlsx');
// 张三's ID number in the fixture, and 李四's correct one (the file has its last digit wrong).
const ZHANG_SAN_ID = '330203196503140018';
const LI_SI_CORRECT_ID = '330203197005050719';
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

test('导入有错误行的名册：改正、跳过、导入，拼音首字母查找，身份证号隐藏，重启后数据仍在', async ({ page, baseUrl, restartHost }) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '幸福社区', '社区');
  await expect(page.getByRole('combobox', { name: '当前议事主体' })).toBeVisible();

  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await expect(page.getByRole('heading', { name: '人员名册' })).toBeVisible();
  await page.getByRole('button', { name: '导入名册' }).click();

  const wizard = page.getByRole('dialog', { name: '导入名册' });
  await expect(wizard).toBeVisible();
  await wizard.locator('input[type="file"]').setInputFiles(FIXTURE);

  // 对应列: the headers were recognised, and the sample shows the file's rows under them.
  await expect(wizard.getByText('共有 8 行')).toBeVisible();
  for (const [field, header] of [
    ['姓名', '姓名'],
    ['身份证号', '身份证号'],
    ['联系电话', '联系电话'],
    ['户号', '户号'],
    ['小组', '居民小组'],
  ] as const) {
    // The box beside each label shows the file's column it was matched with.
    await expect(wizard.getByRole('combobox', { name: field }).locator('..')).toHaveText(header);
  }
  await expect(wizard.getByRole('columnheader', { name: '身份证号' })).toBeVisible();
  await expect(wizard.getByRole('cell', { name: '张三', exact: true })).toBeVisible();
  await wizard.getByRole('button', { name: '下一步：检查' }).click();

  // 检查与修改: each bad row says what is wrong, in Chinese.
  await expect(wizard.getByText('共 8 行：可导入 5 行，有问题 3 行，已跳过 0 行')).toBeVisible();
  const liSi = wizard.getByRole('row', { name: /李四/ });
  await expect(liSi).toContainText('身份证号校验位不对');
  const noName = wizard.getByRole('row').filter({ has: page.getByRole('button', { name: '跳过第 6 行' }) });
  await expect(noName).toContainText('姓名不能为空');
  const wangWu = wizard.getByRole('row', { name: /王五/ });
  await expect(wangWu).toContainText('1990-02-30');
  await expect(wizard.getByRole('row', { name: /仇红梅/ })).toContainText('出生日期、性别由身份证号得出');
  await expect(wizard.getByRole('button', { name: /^导入/ })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('import-review.png') });

  // Fix 李四's ID number: the error goes away.
  await liSi.getByRole('button', { name: /修改/ }).click();
  const editRow = page.getByRole('dialog', { name: '修改第 5 行' });
  await editRow.getByLabel('身份证号').fill(LI_SI_CORRECT_ID);
  await editRow.getByRole('button', { name: '保存并重新检查' }).click();
  await expect(editRow).toBeHidden();
  await expect(liSi).not.toContainText('校验位');
  await expect(liSi).toContainText('可以导入');

  // Skip the row without a name, and the one whose ID number holds 1990-02-30.
  await noName.getByRole('button', { name: '跳过第 6 行' }).click();
  await wangWu.getByRole('button', { name: '跳过第 7 行' }).click();
  await expect(wizard.getByText('共 8 行：可导入 6 行，有问题 0 行，已跳过 2 行')).toBeVisible();

  await wizard.getByRole('button', { name: '导入 6 人' }).click();
  // A001 (张三, 李四), A002, A003 (单雄信, 区志坚), A004 (仇红梅; the row without a name was skipped).
  await expect(wizard.getByText('已导入 6 人，新建 4 户')).toBeVisible();
  await wizard.getByRole('button', { name: '完成' }).click();
  await expect(wizard).toBeHidden();

  // The roster now lists the six imported people.
  await expect(page.getByText('共 6 人')).toBeVisible();
  for (const name of ['张三', '曾小明', '单雄信', '区志坚', '李四', '仇红梅']) {
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('cell', { name: '王五', exact: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('roster-page.png') });

  // Pinyin initials, with surnames read as surnames (曾 zeng, 单 shan, 区 ou, 仇 qiu).
  const search = page.getByRole('searchbox', { name: '搜索姓名、拼音或首字母' });
  for (const [query, name] of [
    ['zs', '张三'],
    ['zxm', '曾小明'],
    ['sxx', '单雄信'],
    ['ozj', '区志坚'],
    ['qhm', '仇红梅'],
    ['zhangsan', '张三'],
  ] as const) {
    await search.fill(query);
    await expect(page.getByText('共 1 人')).toBeVisible();
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await search.fill('');
  await expect(page.getByText('共 6 人')).toBeVisible();

  // ID numbers are masked until one row is revealed.
  const zhangSan = page.getByRole('row', { name: /张三/ });
  const idCells = await page.getByRole('cell').allInnerTexts();
  expect(idCells.filter((t) => MASKED_ID.test(t.trim())).length).toBe(6);
  await expect(zhangSan).toContainText('330203********0018');
  await expect(page.getByText(ZHANG_SAN_ID)).toHaveCount(0);
  expect(await page.content()).not.toContain(ZHANG_SAN_ID);
  await zhangSan.getByRole('button', { name: '显示张三的完整信息' }).click();
  await expect(zhangSan).toContainText(ZHANG_SAN_ID);
  await expect(zhangSan).toContainText('13812345678');
  // Only that row is revealed.
  await expect(page.getByRole('row', { name: /曾小明/ })).toContainText('330203********0139');
  await zhangSan.getByRole('button', { name: '隐藏张三的完整信息' }).click();
  await expect(page.getByText(ZHANG_SAN_ID)).toHaveCount(0);

  // Restart the host on the same database file: everything is still there.
  const newUrl = await restartHost();
  await page.goto(newUrl);
  await expect(page.getByRole('heading', { name: '您好，这里是幸福社区的议事厅' })).toBeVisible();
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await expect(page.getByText('共 6 人')).toBeVisible();
  await expect(page.getByRole('cell', { name: '曾小明', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索姓名、拼音或首字母' }).fill('zs');
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(page.getByRole('cell', { name: '张三', exact: true })).toBeVisible();
});

test('大名册分批检查（每批 500 行）后一次导入，表格分页显示', async ({ page, baseUrl }, testInfo) => {
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
  const given = ['建国', '秀英', '桂兰', '志强', '海燕', '文明', '春梅', '国庆', '玉珍', '小军'];
  const lines = ['姓名,身份证号,联系电话,户号,小组'];
  const ROWS = 1200;
  for (let i = 0; i < ROWS; i++) {
    const birth = new Date(Date.UTC(1940, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const id = idWithCheckDigit(`330203${birth}${String(i % 1000).padStart(3, '0')}`);
    const name = `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}`;
    lines.push([name, id, `139${String(10_000_000 + i)}`, `D${String(Math.floor(i / 3)).padStart(4, '0')}`, `第${(i % 8) + 1}小组`].join(','));
  }
  const file = testInfo.outputPath('large-roster.csv');
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n', 'utf8');

  const checkCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/roster.check')) checkCalls.push(r.url());
  });

  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '城南街道', '街道');
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await page.getByRole('button', { name: '导入名册' }).click();
  const wizard = page.getByRole('dialog', { name: '导入名册' });
  await wizard.locator('input[type="file"]').setInputFiles(file);
  await expect(wizard.getByText(`共有 ${ROWS} 行`)).toBeVisible();
  await wizard.getByRole('button', { name: '下一步：检查' }).click();
  await expect(wizard.getByText(`共 ${ROWS} 行：可导入 ${ROWS} 行，有问题 0 行，已跳过 0 行`)).toBeVisible({ timeout: 30_000 });
  expect(checkCalls.length).toBe(Math.ceil(ROWS / 500));

  await wizard.getByRole('button', { name: `导入 ${ROWS} 人` }).click();
  await expect(wizard.getByText(`已导入 ${ROWS} 人，新建 ${ROWS / 3} 户`)).toBeVisible({ timeout: 30_000 });
  await wizard.getByRole('button', { name: '完成' }).click();
  await expect(page.getByText(`共 ${ROWS} 人`)).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(21); // header + 20 per page
  await page.getByRole('listitem', { name: '下一页' }).click();
  await expect(page.getByRole('listitem', { name: '2' })).toHaveClass(/active/);
});

test('文件损坏时说明原因，名册不变', async ({ page, baseUrl }, testInfo) => {
  const broken = testInfo.outputPath('名册.xlsx');
  // The start of a zip file and then nothing: what a half-copied file from a USB stick looks like.
  fs.writeFileSync(broken, Buffer.from('504b0304140000000800', 'hex'));

  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '幸福社区');
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await page.getByRole('button', { name: '导入名册' }).click();
  const wizard = page.getByRole('dialog', { name: '导入名册' });
  await wizard.locator('input[type="file"]').setInputFiles(broken);
  await expect(wizard.getByRole('alert')).toContainText(/[\u4e00-\u9fff]/);
  await expect(wizard.getByText('点击这里选择名册文件')).toBeVisible();

  // A file of the wrong kind is refused before it is read.
  const xls = testInfo.outputPath('旧名册.xls');
  fs.writeFileSync(xls, 'not really excel');
  await wizard.locator('input[type="file"]').setInputFiles(xls);
  await expect(wizard.getByRole('alert')).toContainText('另存为');

  await wizard.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText('名册里还没有人')).toBeVisible();
});
