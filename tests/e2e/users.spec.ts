import Database from 'better-sqlite3';
import { createOrganizationOnWelcome, expect, test } from './fixtures';

// A first start: nobody has been made yet, so this spec starts without the fixture's user.
test.use({ seedUser: false });

function auditTrail(dbPath: string): { actor: string; action: string }[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select actor, action from audit_log where entity in ('user', 'organization') order by id").all() as { actor: string; action: string }[];
  } finally {
    db.close();
  }
}

test('first start asks who keeps the records; users switch with a PIN; the audit trail names them', async ({ page, baseUrl, dbPath, restartHost }) => {
  await page.goto(baseUrl);
  await expect(page.getByRole('heading', { name: '请先登记使用人' })).toBeVisible();
  await page.getByLabel('姓名').fill('王文书');
  await page.getByRole('button', { name: '下一步' }).click();
  await createOrganizationOnWelcome(page, '幸福社区');
  await expect(page.getByLabel('当前使用人')).toHaveText(/使用人：王文书（文书）/);

  // A one-person office without a PIN is not asked again after a restart.
  const url = await restartHost();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '您好，这里是幸福社区的议事厅' })).toBeVisible();
  await expect(page.getByLabel('当前使用人')).toHaveText(/王文书/);

  // 设置 → 使用人: a second user with a PIN.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '添加使用人' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('李主任');
  await dialog.getByLabel('职务').fill('主任');
  await dialog.getByLabel('密码（可不填）').fill('2468');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('row', { name: /李主任/ })).toContainText('已设置');

  // 切换使用人: the start screen lists both; a wrong PIN is refused in Chinese.
  await page.getByRole('button', { name: '切换使用人' }).click();
  await expect(page.getByRole('heading', { name: '选择使用人' })).toBeVisible();
  await page.getByRole('button', { name: '李主任（主任）' }).click();
  await page.getByLabel('密码').fill('1111');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('密码不对，请重新输入')).toBeVisible();
  await page.getByLabel('密码').fill('2468');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByLabel('当前使用人')).toHaveText(/使用人：李主任（主任）/);

  // A change made now is 李主任's.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page
    .getByRole('row', { name: /王文书/ })
    .getByRole('button', { name: '修改' })
    .click();
  await page.getByRole('dialog').getByLabel('职务').fill('村文书');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('row', { name: /王文书/ })).toContainText('村文书');

  expect(auditTrail(dbPath)).toEqual([
    { actor: '王文书', action: 'user.create' },
    { actor: '王文书', action: 'user.signIn' },
    { actor: '王文书', action: 'organization.create' },
    { actor: '王文书', action: 'organization.profile' },
    { actor: '王文书', action: 'organization.setCurrent' },
    { actor: '王文书', action: 'user.signIn' },
    { actor: '王文书', action: 'user.create' },
    { actor: '王文书', action: 'user.signOut' },
    { actor: '（尚未选择使用人）', action: 'user.signIn.refused' },
    { actor: '李主任', action: 'user.signIn' },
    { actor: '李主任', action: 'user.update' },
  ]);

  // After a restart with two users, the program asks who is at the keyboard.
  await page.goto(await restartHost());
  await expect(page.getByRole('heading', { name: '选择使用人' })).toBeVisible();
});
