import { chooseRadio, createOrganizationOnWelcome, expect, idWithCheckDigit, test } from './fixtures';

// A woman born 1985-04-12 (the 17th digit is even).
const WANG_ID = idWithCheckDigit('33020319850412002');

test.beforeEach(async ({ page, baseUrl }) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '红旗村', '村');
  await page.getByRole('menuitem', { name: '人员名册' }).click();
  await expect(page.getByRole('heading', { name: '人员名册' })).toBeVisible();
});

test('添加、修改一个人，标记迁出后只出现在“迁出”里', async ({ page }) => {
  await page.getByRole('button', { name: '添加人员' }).click();
  const add = page.getByRole('dialog', { name: '添加人员' });
  await add.getByLabel('姓名').fill('王小红');
  await add.getByLabel('身份证号').fill(WANG_ID);
  await add.getByLabel('联系电话').fill('13912345678');
  // Leaving the ID number fills in birth date and gender from it.
  await add.getByLabel('户号').click();
  await expect(add.getByLabel('出生日期')).toHaveValue('1985-04-12');
  await expect(add.getByRole('radio', { name: '女' })).toBeChecked();
  await add.getByLabel('户号').fill('C008');
  await add.getByLabel('小组').fill('第一村民小组');
  const tags = add.getByRole('combobox', { name: '标签' });
  await tags.fill('党员');
  await tags.press('Enter');
  await tags.press('Escape');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByText('已添加王小红')).toBeVisible();

  const row = page.getByRole('row', { name: /王小红/ });
  await expect(row).toContainText('女');
  await expect(row).toContainText('1985-04-12');
  await expect(row).toContainText('第一村民小组');
  await expect(row).toContainText('党员');
  await expect(row).toContainText('330203********' + WANG_ID.slice(-4));
  await expect(row).toContainText('139****5678');
  await expect(page.getByText(WANG_ID)).toHaveCount(0);

  // Edit: the form shows the full ID number and phone to change them.
  await row.getByRole('button', { name: '修改王小红' }).click();
  const edit = page.getByRole('dialog', { name: '修改人员信息：王小红' });
  await expect(edit.getByLabel('身份证号')).toHaveValue(WANG_ID);
  await expect(edit.getByLabel('联系电话')).toHaveValue('13912345678');
  await edit.getByLabel('小组').fill('第二村民小组');
  await edit.getByLabel('联系电话').fill('0574-88776655');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('第二村民小组');
  await expect(row).toContainText('0574-****6655');

  // Moved away: gone from 在册, listed under 迁出 with the date, and can come back.
  await row.getByRole('button', { name: '标记王小红迁出' }).click();
  await page.getByRole('button', { name: '确认迁出' }).click();
  await expect(page.getByText('已把王小红标记为迁出')).toBeVisible();
  await expect(page.getByRole('row', { name: /王小红/ })).toHaveCount(0);
  await expect(page.getByText('名册里还没有人')).toBeVisible();

  await chooseRadio(page, '迁出');
  await expect(row).toBeVisible();
  await expect(row).toContainText('迁出');
  await expect(row.getByRole('button', { name: '恢复王小红为在册' })).toBeVisible();

  await chooseRadio(page, '在册');
  await expect(page.getByRole('row', { name: /王小红/ })).toHaveCount(0);
});

test('身份证号填错时说明原因，什么也不保存', async ({ page }) => {
  const right = idWithCheckDigit('33020319850412002');
  const wrong = right.slice(0, 17) + (right.endsWith('1') ? '2' : '1');

  await page.getByRole('button', { name: '添加人员' }).click();
  const add = page.getByRole('dialog', { name: '添加人员' });
  await add.getByLabel('姓名').fill('错号人');
  await add.getByLabel('身份证号').fill(wrong);
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add.getByText('身份证号校验位不对，可能有数字抄错，请核对')).toBeVisible();
  await expect(add).toBeVisible();

  // A date that does not exist is refused the same way.
  await add.getByLabel('身份证号').fill(idWithCheckDigit('33020319900230003'));
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add.getByText('身份证号中的出生日期（1990-02-30）不存在，请核对')).toBeVisible();

  // A name is required.
  await add.getByLabel('姓名').fill('');
  await expect(add.getByText('请填写姓名')).toBeVisible();

  // What was typed is not thrown away without asking.
  await add.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog', { name: '放弃已填写的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(add).toBeHidden();
  await chooseRadio(page, '全部');
  await expect(page.getByText('名册里还没有人')).toBeVisible();
  await expect(page.getByRole('cell', { name: '错号人' })).toHaveCount(0);
});

test('服务端也拒绝错误的身份证号', async ({ page, baseUrl }) => {
  // The form checks first; the server must refuse on its own too, in Chinese, and save nothing.
  const token = await page.locator('meta[name="council-hall-token"]').getAttribute('content');
  const orgs = await page.request.post(new URL('api/organizations.list', baseUrl).href, {
    headers: { 'x-council-hall-token': token ?? '' },
    data: {},
  });
  const orgId = ((await orgs.json()) as { value: { items: { id: number }[] } }).value.items[0]!.id;
  const right = idWithCheckDigit('33020319850412002');
  const wrong = right.slice(0, 17) + (right.endsWith('1') ? '2' : '1');
  const created = await page.request.post(new URL('api/people.create', baseUrl).href, {
    headers: { 'x-council-hall-token': token ?? '' },
    data: { orgId, name: '错号人', idNumber: wrong },
  });
  const body = (await created.json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(body.ok).toBe(false);
  expect(body.error?.message).toMatch(/身份证号/);
  await page.reload();
  await expect(page.getByText('名册里还没有人')).toBeVisible();
});

test('新建、切换、重命名议事主体：每个议事主体有自己的名册', async ({ page }) => {
  await page.getByRole('button', { name: '添加人员' }).click();
  const add = page.getByRole('dialog', { name: '添加人员' });
  await add.getByLabel('姓名').fill('村民甲');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '村民甲', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '新建议事主体' }).click();
  const create = page.getByRole('dialog', { name: '新建议事主体' });
  await create.getByLabel('议事主体名称').fill('城东社区');
  await chooseRadio(create, '社区');
  await create.getByRole('button', { name: '新建' }).click();
  await expect(page.getByText('已新建“城东社区”，并切换到它')).toBeVisible();
  const current = page.getByRole('combobox', { name: '当前议事主体' });
  await expect(current.locator('..')).toHaveText('城东社区（社区）');
  await expect(page.getByText('名册里还没有人')).toBeVisible();

  // Switch back: 红旗村's roster is there again.
  await current.click();
  await page.getByTitle('红旗村（村）').click();
  await expect(page.getByText('已切换到“红旗村”')).toBeVisible();
  await expect(page.getByRole('cell', { name: '村民甲', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '重命名' }).click();
  const rename = page.getByRole('dialog', { name: '重命名议事主体' });
  await expect(rename.getByLabel('议事主体名称')).toHaveValue('红旗村');
  await rename.getByLabel('议事主体名称').fill('红旗村村民委员会');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(current.locator('..')).toHaveText('红旗村村民委员会（村）');

  // An empty name is refused in words.
  await page.getByRole('button', { name: '重命名' }).click();
  await rename.getByLabel('议事主体名称').fill('');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(rename.getByText('请填写议事主体名称')).toBeVisible();
});

test('填了内容的表单按 Esc 或“取消”时先问一声，没填的直接关上', async ({ page }) => {
  // Nothing typed: Esc closes at once.
  await page.getByRole('button', { name: '添加人员' }).click();
  const add = page.getByRole('dialog', { name: '添加人员' });
  await expect(add.getByLabel('姓名')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(add).toBeHidden();

  // Typed: Esc asks; 继续填写 keeps what was typed.
  await page.getByRole('button', { name: '添加人员' }).click();
  await add.getByLabel('姓名').fill('李大爷');
  await add.getByLabel('姓名').press('Escape');
  const ask = page.getByRole('dialog', { name: '放弃已填写的内容？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(ask).toBeHidden();
  await expect(add).toBeVisible();
  await expect(add.getByLabel('姓名')).toHaveValue('李大爷');

  // The close X asks too; 放弃 closes the form and nothing was saved.
  await add.getByRole('button', { name: '关闭' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '放弃' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByText('名册里还没有人')).toBeVisible();

  // Opened again, the form is empty and closes at once.
  await page.getByRole('button', { name: '添加人员' }).click();
  await expect(add.getByLabel('姓名')).toHaveValue('');
  await add.getByRole('button', { name: '取消' }).click();
  await expect(add).toBeHidden();
});
