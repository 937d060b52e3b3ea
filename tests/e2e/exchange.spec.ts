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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-exchange-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, 'utf8');
  return file;
}

test('报送：登记、生成报送包并下载，导入回执包后在规约页面看到备案审查意见', async ({ page, baseUrl }) => {
  const { orgId } = await heldMeeting(page, baseUrl);
  const rule = await api<{ id: number }>(page, baseUrl, 'rules.create', { orgId, kind: '村规民约', title: '东风村村规民约', date: '2026-02-01' });
  const topic = await api<{ id: number }>(page, baseUrl, 'topics.create', {
    orgId,
    receivedOn: '2026-03-02',
    channel: '来访',
    raiserKind: 'anonymous',
    title: '村口路灯不亮',
    content: '村口路灯坏了',
  });
  const summons = await api<{ id: number }>(page, baseUrl, 'summons.create', {
    orgId,
    topicId: topic.id,
    department: '供电所',
    summonedAt: '2026-03-03T09:00:00+08:00',
    reportWithinHours: 24,
  });

  await page.goto(`${baseUrl}#/exchange`);
  await expect(page.getByRole('menuitem', { name: '报送' })).toBeVisible();
  const status = page.getByTestId('exchange-status');
  await expect(status).toContainText('未登记');

  // 登记: the code, then the 登记申请 file for the street office.
  const enroll = page.getByTestId('exchange-enroll');
  await enroll.getByLabel('登记码').fill('DF-2026-0003');
  const requested = page.waitForEvent('download');
  await enroll.getByRole('button', { name: '生成登记申请' }).click();
  const request = await requested;
  expect(request.suggestedFilename()).toBe('议事厅登记申请-东风村.json');
  const community = await api<{ publicKey: string }>(page, baseUrl, 'exchange.status', { orgId });
  const enrollment = openPackage(fs.readFileSync(await request.path(), 'utf8'), 'enrollment', community.publicKey);
  expect(enrollment.body).toMatchObject({ code: 'DF-2026-0003', communityName: '东风村' });

  // The street's 登记回执, as the hub signs it.
  const receipt = signPackage(
    'enrolled',
    { ...HUB, sequence: 0, createdAt: new Date().toISOString() },
    { hubName: '东风街道平台', hubPublicKey: hub.publicKey, communityName: '东风村' },
    hub.privateKeyPem,
  );
  await enroll.getByLabel('导入登记回执').setInputFiles(writeTemp('登记回执.json', receipt));
  await expect(status).toContainText('已登记到东风街道平台');

  // 生成报送包: says what is inside, downloads the signed file.
  const send = page.getByTestId('exchange-send');
  await expect(send).toContainText('1 次会议');
  await expect(send).toContainText('1 份规约');
  const downloaded = page.waitForEvent('download');
  await send.getByRole('button', { name: '生成报送包' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe('议事厅报送包-东风村-第1号.json');
  const report = openPackage(fs.readFileSync(await file.path(), 'utf8'), 'report', community.publicKey);
  expect(report.header).toMatchObject({ ...HUB, sequence: 1 });
  expect(report.body.meetings.map((m) => m.title)).toEqual(['2026年第一季度村民代表会议']);
  expect(report.body.rules.map((r) => r.title)).toEqual(['东风村村规民约']);
  await expect(page.getByTestId('exchange-notice')).toContainText('已生成第 1 号报送包');
  const history = page.getByTestId('exchange-history');
  await expect(history.getByRole('row', { name: /第 1 号/ })).toContainText('待确认');

  // The street's 回执包: acknowledges the package and returns the rule's filing.
  const reply = signPackage(
    'reply',
    { ...HUB, sequence: 1, createdAt: new Date().toISOString() },
    {
      acknowledgedSequence: 1,
      filingReviews: [
        {
          uid: 'review-1',
          ruleUid: `rule_documents-${rule.id}`,
          decision: '退回',
          reasons: '第六条罚款规定不符合法律规定，请修改后重新表决',
          reviewedOn: '2026-03-20',
          reviewer: '刘科长',
          authority: '东风街道办事处',
          receiptNo: null,
        },
      ],
      summonsReplies: [
        {
          uid: 'answer-1',
          summonsUid: `summons-${summons.id}`,
          department: '供电所',
          reportedAt: '2026-03-03T06:00:00.000Z',
          answer: '已派电工更换路灯',
          answeredAt: '2026-03-04T02:00:00.000Z',
          by: '街道网格办',
        },
      ],
    },
    hub.privateKeyPem,
  );
  // A file edited after signing is refused in Chinese and changes nothing.
  await send.getByLabel('导入回执包').setInputFiles(writeTemp('回执-改过.json', reply.replace('刘科长', '王科长')));
  await expect(page.getByTestId('exchange-problem')).toContainText('签名核对不上');
  await send.getByLabel('导入回执包').setInputFiles(writeTemp('回执.json', reply));
  await expect(page.getByTestId('exchange-notice')).toContainText('已导入第 1 号回执包');
  await expect(history.getByRole('row', { name: /第 1 号/ }).first()).toContainText('已确认');

  // On the rule's own page.
  await page.goto(`${baseUrl}#/rules/${rule.id}`);
  const reviews = page.getByTestId('filing-reviews');
  await expect(reviews).toContainText('东风街道办事处：退回');
  await expect(reviews).toContainText('退回理由：第六条罚款规定不符合法律规定，请修改后重新表决');
  await expect(reviews).toBeInViewport();

  // The department's 报到 and answer on the topic, and on its timeline.
  await page.goto(`${baseUrl}#/topics/${topic.id}`);
  const replies = page.getByTestId('summons-replies');
  await expect(replies).toContainText('已派电工更换路灯');
  await expect(replies).toContainText('2026-03-03 14:00');
  await expect(page.getByText('供电所于 2026-03-03 14:00 报到（街道平台转来，登记人：街道网格办）')).toBeVisible();
});
