import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPair } from '../../exchange/keys';
import { openPackage, signPackage } from '../../exchange/package';
import { expect, test } from './fixtures';
import { heldMeeting } from './minutes-setup';
import { api } from './votes-setup';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const hub = generateKeyPair();
const HUB = { hubId: 'hub-dongfeng', communityId: 'c-3' };

function writeTemp(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-reenroll-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, 'utf8');
  return file;
}

/** The street's 登记回执 for the key that signed a 登记申请, as the hub signs it. */
function receiptFor(requestText: string, keyEpoch: number): string {
  const request = JSON.parse(requestText) as { signature: { publicKey: string } };
  return signPackage(
    'enrolled',
    { ...HUB, sequence: 0, createdAt: new Date().toISOString() },
    { hubName: '东风街道平台', hubPublicKey: hub.publicKey, communityName: '东风村', communityPublicKey: request.signature.publicKey, keyEpoch },
    hub.privateKeyPem,
  );
}

test('重新登记：用街道给的重新登记码生成登记申请，导入登记回执后换新密钥，报送包从第 2 轮第 1 号开始', async ({ page, baseUrl }) => {
  const { orgId } = await heldMeeting(page, baseUrl);
  // Enrolled, one package sent in the first round.
  const first = await api<{ base64: string }>(page, baseUrl, 'exchange.enrollRequest', { orgId, code: 'DF-2026-0003' });
  await api(page, baseUrl, 'exchange.enrollApply', { orgId, receipt: receiptFor(Buffer.from(first.base64, 'base64').toString('utf8'), 1) });
  await api(page, baseUrl, 'exchange.export', { orgId });
  const before = await api<{ keyFingerprint: string }>(page, baseUrl, 'exchange.status', { orgId });

  await page.goto(`${baseUrl}#/exchange`);
  const status = page.getByTestId('exchange-status');
  await expect(status).toContainText('已登记到东风街道平台');
  const renew = page.getByTestId('exchange-reenroll');
  await expect(renew).toContainText('只有街道给了“重新登记”的登记码时才用这里');
  await renew.getByLabel('重新登记码').fill('DF-2026-0099');
  const requested = page.waitForEvent('download');
  await renew.getByRole('button', { name: '生成登记申请' }).click();
  const requestText = fs.readFileSync(await (await requested).path(), 'utf8');
  // Until the receipt comes, the current key stays; the new one waits.
  await expect(status).toContainText('正在等街道的登记回执');
  const pending = await api<{ keyFingerprint: string; pendingFingerprint: string; publicKey: string }>(page, baseUrl, 'exchange.status', { orgId });
  expect(pending.keyFingerprint).toBe(before.keyFingerprint);
  expect(openPackage(requestText, 'enrollment', JSON.parse(requestText).signature.publicKey).body.code).toBe('DF-2026-0099');

  await renew.getByLabel('导入登记回执').setInputFiles(writeTemp('登记回执.json', receiptFor(requestText, 2)));
  await expect(page.getByTestId('exchange-notice')).toContainText('已重新登记到东风街道平台（第 2 轮）');
  await expect(status).toContainText('第 2 轮');
  await expect(status).not.toContainText('正在等街道的登记回执');
  await expect(status).toContainText(pending.pendingFingerprint);

  const send = page.getByTestId('exchange-send');
  await expect(send).toContainText('第 2 轮 第 1 号');
  await expect(send).toContainText('1 次会议');
  const downloaded = page.waitForEvent('download');
  await send.getByRole('button', { name: '生成报送包' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe('议事厅报送包-东风村-第1号.json');
  const after = await api<{ publicKey: string }>(page, baseUrl, 'exchange.status', { orgId });
  expect(openPackage(fs.readFileSync(await file.path(), 'utf8'), 'report', after.publicKey).header).toMatchObject({ ...HUB, sequence: 1 });
  const history = page.getByTestId('exchange-history');
  await expect(history.getByRole('row', { name: /第 2 轮 第 1 号/ })).toContainText('待确认');
  await expect(history.getByRole('row', { name: /第 1 轮 第 1 号/ })).toBeVisible();
});
