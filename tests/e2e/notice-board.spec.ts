// 公示 on the notice board at 1366×768: register a notice with who posted it, upload a photo of it
// on the board and see its thumbnail, take it down and upload a photo of that, and download the
// one-sheet 打印张贴版.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { expect, test } from './fixtures';
import { createOrganizationOnWelcome } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 120_000 });

/** A 2×2 red PNG, made here: what a phone photo is to the store (checked as a picture by its bytes). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.from([0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = png();

test('张贴记录：登记公示、上传张贴照片看到缩略图、撤下并上传撤下照片、下载打印张贴版', async ({ page, baseUrl }, testInfo) => {
  await page.goto(baseUrl);
  await createOrganizationOnWelcome(page, '东风村', '村');
  await page.goto(`${baseUrl}#/followup/notices`);
  await expect(page.getByRole('heading', { name: '督办公示' })).toBeVisible();

  // 新建公示 of the kind 其他, with who put it up.
  await page.getByRole('button', { name: '新建公示' }).click();
  const form = page.getByRole('dialog', { name: '新建公示' });
  await form.getByText('其他', { exact: true }).click();
  await form.getByLabel('公示标题').fill('关于2026年度低保评议结果的公示');
  await form.getByLabel('公示内容').fill('经村民代表会议评议，拟确定张某某等3户为2026年度低保户。');
  await form.getByLabel('张贴人').fill('网格员 张三');
  await form.getByRole('button', { name: '登记公示' }).click();
  await expect(form).toBeHidden();

  const row = page.getByRole('table', { name: '公示' }).getByRole('row', { name: /低保评议结果/ });
  await row.getByRole('button', { name: '张贴记录：关于2026年度低保评议结果的公示' }).click();
  const drawer = page.getByRole('dialog', { name: /张贴记录：关于2026年度低保评议结果的公示/ });
  await expect(drawer).toContainText('网格员 张三');
  await expect(drawer).toContainText('还没有张贴照片');
  await expect(drawer.getByRole('button', { name: '上传撤下照片' })).toHaveCount(0);
  await expect(drawer).toContainText('登记撤下以后，可以上传撤下时拍的照片。');

  // 上传张贴照片: the thumbnail is the picture itself, drawn from its bytes.
  await drawer.getByLabel('选择张贴照片文件').setInputFiles({ name: '公开栏.png', mimeType: 'image/png', buffer: PNG });
  const thumb = drawer.getByRole('img', { name: '张贴照片：公开栏.png' });
  await expect(thumb).toBeVisible();
  // Drawn, not a broken image: the browser decoded the 2×2 picture.
  await expect.poll(() => page.evaluate(`document.querySelector('img[alt="张贴照片：公开栏.png"]')?.naturalWidth ?? 0`)).toBe(2);
  expect(await thumb.getAttribute('src')).toMatch(/^blob:/);

  // A file that is not a picture is refused in Chinese, and nothing is added.
  await drawer.getByLabel('选择张贴照片文件').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是照片') });
  const refusal = page.getByRole('dialog', { name: '操作没有完成' });
  await expect(refusal).toContainText('不是照片：这里只能上传 JPG、PNG、GIF 或 WebP 格式的照片');
  await refusal.getByRole('button', { name: '知道了' }).click();
  await expect(refusal).toBeHidden();
  await expect(drawer.getByRole('img', { name: /^张贴照片：/ })).toHaveCount(1);

  // 撤下 early, with the reason, then the photo of the bare board.
  await drawer.getByRole('button', { name: '登记撤下' }).click();
  const takeDown = page.getByRole('dialog', { name: /撤下公示/ });
  await takeDown.getByLabel('提前撤下的原因').fill('公示栏维修，改为线上公示');
  await takeDown.getByRole('button', { name: '登记撤下' }).click();
  await expect(takeDown).toBeHidden();
  await expect(drawer).toContainText('公示栏维修，改为线上公示');
  await drawer.getByLabel('选择撤下照片文件').setInputFiles({ name: '撤下后.png', mimeType: 'image/png', buffer: PNG });
  await expect(drawer.getByRole('img', { name: '撤下照片：撤下后.png' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('notice-board-drawer.png') });

  // Nothing in the drawer runs off the screen's right edge at 1366 wide.
  const overflow = await page.evaluate(
    `Array.from(document.querySelectorAll('.ant-drawer-content *')).filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; }).length`,
  );
  expect(overflow).toBe(0);

  // 打印张贴版: a Word file for the board.
  const downloaded = page.waitForEvent('download');
  await drawer.getByRole('button', { name: '打印张贴版' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/关于2026年度低保评议结果的公示 公示张贴版\.docx$/);
  const saved = testInfo.outputPath('board.docx');
  await file.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');

  // The list shows the photos' count and the notice as taken down.
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: '关闭' }))
    .first()
    .click();
  await expect(row).toContainText('已撤下');
  await expect(row).toContainText('照片 2 张');
  await expect(row.getByRole('button', { name: '张贴记录：关于2026年度低保评议结果的公示' })).toBeInViewport({ ratio: 1 });
  const clipped = await page.evaluate(
    `Array.from(document.querySelectorAll('main *, .ant-layout-content *')).filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > document.documentElement.clientWidth + 1; }).length`,
  );
  expect(clipped).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('notice-board-list.png') });
});
