import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleWorld } from '../../core/contract/samples';
import { generateKeyPair } from '../../exchange/keys';
import { openPackage, readPackage, signPackage } from '../../exchange/package';
import type { ReplyBody } from '../../exchange/records';
import { buildWorld, caller, copyOfWorld } from '../support/sample-world';
import { startStreetHub } from '../support/street-hub';
import * as hubTables from '../../server/db/schema';
import { openTemp } from '../support/db';
import { failure, value } from '../support/village';
import { textOf } from './documents/read-back';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';
const CALLER_PHONE = '13987654321';

let built: { file: string; world: SampleWorld };
beforeAll(async () => {
  built = await buildWorld();
}, 120_000);

const hub = generateKeyPair();
const HUB_ID = 'hub-qingshi';
const COMMUNITY_ID = 'c-7';

function fileText(out: { base64: string }): string {
  return Buffer.from(out.base64, 'base64').toString('utf8');
}

/** A reply as the hub signs it. */
function reply(sequence: number, body: Partial<ReplyBody>, keys = hub, hubId = HUB_ID): string {
  return signPackage(
    'reply',
    { communityId: COMMUNITY_ID, hubId, sequence, createdAt: '2026-11-30T08:00:00.000Z' },
    { acknowledgedSequence: 0, filingReviews: [], summonsReplies: [], ...body },
    keys.privateKeyPem,
  );
}

describe('报送 on the desktop: enrollment, 报送包 out, 回执包 in', () => {
  const t = { ctx: null as unknown as ReturnType<typeof copyOfWorld>['ctx'], file: '', close: () => {} };
  let call: ReturnType<typeof caller>;
  let orgId: number;
  let ruleId: number;
  let summonsId: number;
  let topicId: number;

  beforeAll(async () => {
    const copy = copyOfWorld(built.file);
    t.ctx = copy.ctx;
    t.file = copy.file;
    t.close = () => copy.db.sqlite.close();
    call = caller(copy.ctx);
    orgId = built.world.village.orgId;
    // Personal data that must never leave: an ID number and phone on the roster, a hotline caller.
    await call('people.create', { orgId, name: '赵身份', idNumber: ID_NUMBER, phone: PHONE });
    const topic = await call('topics.create', {
      orgId,
      receivedOn: '2026-11-02',
      channel: '热线电话',
      raiserKind: 'name',
      raiserName: '张大爷',
      callerName: '张大爷',
      callerPhone: CALLER_PHONE,
      title: '村东路灯不亮',
      content: '张大爷说村东路灯坏了，电话 13987654321',
    });
    topicId = topic.id;
    summonsId = (await call('summons.create', { orgId, topicId, department: '供电所', summonedAt: '2026-11-20T09:00:00+08:00', reportWithinHours: 24 })).id;
    ruleId = (await call('rules.create', { orgId, kind: '村规民约', title: '青石村村规民约', date: '2026-10-01' })).id;
  });
  afterAll(() => t.close());

  it('enrolls by file: the 登记申请 is signed by the community key shown in the status, the 登记回执 names the hub', async () => {
    const before = await call('exchange.status', { orgId });
    expect(before).toMatchObject({ enrolled: false, keyFingerprint: null, eligible: true });
    const request = await call('exchange.enrollRequest', { orgId, code: 'QS-0001' });
    expect(request.fileName).toBe('议事厅登记申请-青石村.json');
    const status = await call('exchange.status', { orgId });
    const pkg = openPackage(fileText(request), 'enrollment', status.publicKey!);
    expect(pkg.body).toEqual({ code: 'QS-0001', communityName: '青石村', orgKind: '村' });
    expect(fileText(request)).not.toContain('PRIVATE KEY');

    const receipt = signPackage(
      'enrolled',
      { communityId: COMMUNITY_ID, hubId: HUB_ID, sequence: 0, createdAt: '2026-11-30T07:00:00.000Z' },
      { hubName: '青石街道平台', hubPublicKey: hub.publicKey, communityName: '青石村' },
      hub.privateKeyPem,
    );
    // A receipt edited after signing is refused, and the refusal is on record.
    const forged = receipt.replace('青石街道平台', '假冒街道平台');
    const refused = await failure(t.ctx, 'exchange.enrollApply', { orgId, receipt: forged });
    expect(refused.message).toContain('签名核对不上');
    const after = await call('exchange.enrollApply', { orgId, receipt });
    expect(after).toMatchObject({ enrolled: true, hubName: '青石街道平台', hubId: HUB_ID, communityId: COMMUNITY_ID });
    const db = new Database(t.file, { readonly: true });
    try {
      expect(db.prepare("select count(*) from audit_log where action = 'exchange.enrollRefused'").pluck().get()).toBe(1);
      // The private key is in the file, but no audit row carries it.
      expect(
        db
          .prepare("select count(*) from audit_log where coalesce(after_json, '') like '%PRIVATE KEY%' or coalesce(before_json, '') like '%PRIVATE KEY%'")
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      db.close();
    }
  });

  it('exports a signed 报送包 with every record and the finalized minutes, and no ID number, phone or caller', async () => {
    const status = await call('exchange.status', { orgId });
    expect(status.pending).toMatchObject({ meetings: 5, resolutions: 1, topics: 1, summons: 1, rules: 1 });
    const out = await call('exchange.export', { orgId });
    expect(out).toMatchObject({ fileName: '议事厅报送包-青石村-第1号.json', kind: '报送包', sequence: 1 });
    const text = fileText(out);
    const pkg = openPackage(text, 'report', status.publicKey!);
    expect(pkg.header).toMatchObject({ sequence: 1, hubId: HUB_ID, communityId: COMMUNITY_ID });
    const b = pkg.body;
    expect(b.sinceAcknowledged).toBe(0);
    expect(b.organization).toMatchObject({ name: '青石村', kind: '村' });
    expect(b.meetings.map((m) => m.status).sort()).toEqual(['已定稿', '已结束', '已通知', '草稿', '进行中'].sort());
    const finalized = b.meetings.find((m) => m.status === '已定稿')!;
    expect(finalized).toMatchObject({ uid: `meetings-${built.world.meetings.finalized}`, expected: 15, present: 12, chairName: '王书记' });
    expect(finalized.outcomes).toEqual([{ title: '村道硬化方案', result: '通过', eligible: 12, voters: 12, for: 10, against: 1, abstain: 1 }]);
    expect(b.resolutions[0]).toMatchObject({ uid: `resolutions-${built.world.resolutionId}`, meetingUid: finalized.uid });
    expect(b.topics[0]).toMatchObject({ uid: `topics-${topicId}`, title: '村东路灯不亮' });
    expect(b.summons[0]).toMatchObject({ uid: `summons-${summonsId}`, topicUid: `topics-${topicId}`, department: '供电所' });
    expect(b.rules[0]).toMatchObject({ uid: `rule_documents-${ruleId}`, title: '青石村村规民约' });
    const minutes = b.documents.find((d) => d.recordUid === finalized.uid)!;
    expect(minutes.kind).toBe('会议记录');
    const minutesText = await textOf(Buffer.from(minutes.base64, 'base64'));
    expect(minutesText).toContain('村道硬化');
    for (const secret of [ID_NUMBER, PHONE, CALLER_PHONE, '张大爷', '赵身份']) {
      expect(text).not.toContain(secret);
      expect(minutesText).not.toContain(secret);
    }
    expect(text).not.toContain('PRIVATE KEY');

    const history = await call('exchange.history', { orgId });
    expect(history.sent).toHaveLength(1);
    expect(history.sent[0]).toMatchObject({ sequence: 1, sentHow: '文件', acknowledgedAt: null, counts: { meetings: 5, documents: 1 } });
    // A lost file saved again is the same file, byte for byte.
    expect(fileText(await call('exchange.resave', { orgId, sequence: 1 }))).toBe(text);
  });

  it('sends again what the hub has not acknowledged; after a 回执包, only what changed since', async () => {
    const status = await call('exchange.status', { orgId });
    const second = openPackage(fileText(await call('exchange.export', { orgId })), 'report', status.publicKey!);
    expect(second.header.sequence).toBe(2);
    expect(second.body.sinceAcknowledged).toBe(0);
    expect(second.body.meetings).toHaveLength(5);

    const r1 = await call('exchange.importReply', { orgId, text: reply(1, { acknowledgedSequence: 2 }) });
    expect(r1).toMatchObject({ applied: true, sequence: 1, acknowledgedSequence: 2 });
    expect(await call('exchange.status', { orgId })).toMatchObject({
      lastAcknowledged: 2,
      unacknowledged: 0,
      pending: { meetings: 0, resolutions: 0, topics: 0 },
    });

    // A resolution whose progress changed counts as changed; nothing else does.
    await call('followUp.addProgress', { resolutionId: built.world.resolutionId, date: '2026-11-28', percent: 40, text: '路基已完成' });
    const third = openPackage(fileText(await call('exchange.export', { orgId })), 'report', status.publicKey!);
    expect(third.header.sequence).toBe(3);
    expect(third.body.sinceAcknowledged).toBe(2);
    expect(third.body.resolutions.map((r) => r.uid)).toEqual([`resolutions-${built.world.resolutionId}`]);
    expect(third.body.resolutions[0]!.progress).toEqual([{ date: '2026-11-28', percent: 40, text: '路基已完成' }]);
    expect(
      [third.body.meetings, third.body.topics, third.body.summons, third.body.matters, third.body.rules, third.body.documents].every((l) => l.length === 0),
    ).toBe(true);
  });

  const review = () => ({
    uid: 'review-1',
    ruleUid: `rule_documents-${ruleId}`,
    decision: '退回' as const,
    reasons: '第五条罚款条款不符合规定，请删除后重新表决',
    reviewedOn: '2026-11-29',
    reviewer: '刘科长',
    authority: '青石街道办事处',
    receiptNo: null,
  });
  const report = () => ({
    uid: 'answer-1',
    summonsUid: `summons-${summonsId}`,
    department: '供电所',
    reportedAt: '2026-11-20T06:00:00.000Z',
    answer: '已派人更换灯泡，本周内修好',
    answeredAt: '2026-11-21T02:00:00.000Z',
    by: '街道网格办',
  });

  it('applies the street’s 备案审查意见 to the rule and the department’s 报到 and answer to the summons; the same reply again changes nothing', async () => {
    const text = reply(2, { acknowledgedSequence: 3, filingReviews: [review()], summonsReplies: [report()] });
    const r2 = await call('exchange.importReply', { orgId, text });
    expect(r2).toMatchObject({ applied: true, sequence: 2, filingReviews: 1, summonsReplies: 1 });
    const reviews = await call('exchange.filingReviews', { docId: ruleId });
    expect(reviews.items).toEqual([
      expect.objectContaining({ decision: '退回', reasons: review().reasons, reviewer: '刘科长', authority: '青石街道办事处', replySequence: 2 }),
    ]);
    const s = (await call('summons.list', { orgId })).items.find((x) => x.id === summonsId)!;
    expect(s.reportedAt).toBe('2026-11-20T06:00:00.000Z');
    const replies = await call('exchange.summonsReplies', { topicId });
    expect(replies.items).toEqual([expect.objectContaining({ department: '供电所', answer: '已派人更换灯泡，本周内修好', by: '街道网格办' })]);
    const timeline = (await call('topics.get', { id: topicId })).events.map((e: { kind: string; text: string }) => `${e.kind}:${e.text}`);
    expect(timeline.some((e: string) => e.startsWith('部门报到:供电所于 2026-11-20 14:00 报到'))).toBe(true);
    expect(timeline.some((e: string) => e.startsWith('部门答复:供电所答复：已派人更换灯泡'))).toBe(true);

    const db = new Database(t.file, { readonly: true });
    try {
      const version = () => db.pragma('data_version', { simple: true });
      const v0 = version();
      const again = await call('exchange.importReply', { orgId, text });
      expect(again).toMatchObject({ applied: false, sequence: 2 });
      expect(again.message).toContain('已经导入过');
      expect(version()).toBe(v0);
    } finally {
      db.close();
    }
  });

  it('refuses a tampered, foreign, gapped or truncated 回执包 with a Chinese reason; nothing changes but the refusal is on record', async () => {
    const good = reply(3, { acknowledgedSequence: 3, filingReviews: [{ ...review(), uid: 'review-2', decision: '同意备案', reasons: null }] });
    const other = generateKeyPair();
    const cases: [string, string][] = [
      [good.replace('同意备案', '退回'), '签名核对不上'],
      [reply(3, { acknowledgedSequence: 3 }, other), '签名核对不上'],
      [reply(3, { acknowledgedSequence: 3 }, other, 'hub-elsewhere'), '来自另一个平台'],
      [reply(5, { acknowledgedSequence: 3 }), '缺少第 3 号回执包'],
      [good.slice(0, Math.floor(good.length / 2)), '文件不完整'],
      [reply(3, { filingReviews: [{ ...review(), uid: 'review-3', ruleUid: 'rule_documents-9999' }] }), '在本机找不到'],
    ];
    const db = new Database(t.file, { readonly: true });
    const counts = () =>
      db
        .prepare(
          "select (select count(*) from exchange_received) || '/' || (select count(*) from filing_reviews) || '/' || (select count(*) from summons_replies) || '/' || (select count(*) from topic_events) || '/' || (select count(*) from exchange_sent where acknowledged_at is not null)",
        )
        .pluck()
        .get();
    const refusals = () => db.prepare("select count(*) from audit_log where action = 'exchange.replyRefused'").pluck().get() as number;
    try {
      const before = counts();
      for (const [i, [text, message]] of cases.entries()) {
        const f = await failure(t.ctx, 'exchange.importReply', { orgId, text });
        expect(f.message, `case ${i}`).toContain(message);
        expect(counts()).toBe(before);
        expect(refusals()).toBe(i + 1);
      }
      // The genuine one still applies afterwards.
      expect(await call('exchange.importReply', { orgId, text: good })).toMatchObject({ applied: true, sequence: 3, filingReviews: 1 });
      expect((await call('exchange.filingReviews', { docId: ruleId })).items.map((r) => r.decision)).toEqual(['同意备案', '退回']);
    } finally {
      db.close();
    }
    expect(readPackage(good, 'reply').header.sequence).toBe(3);
  });

  it('tells a secretary who is not enrolled what to do, and pushes nowhere without an address', async () => {
    const community = built.world.community.orgId;
    expect((await failure(t.ctx, 'exchange.export', { orgId: community })).message).toContain('还没有登记到街道平台');
    expect((await failure(t.ctx, 'exchange.push', { orgId })).message).toContain('还没有设置街道平台地址');
    await call('exchange.setHubUrl', { orgId, hubUrl: 'http://127.0.0.1:9' });
    expect((await failure(t.ctx, 'exchange.push', { orgId })).message).toMatch(/^连不上街道平台（http:\/\/127\.0\.0\.1:9：.*），请改用导出文件报送$/);
  });
});

describe('报送 online, with the street hub itself (server/ on PGlite)', () => {
  it('enrolls online, resends the unacknowledged file package before the new one, and pulls the 回执包 the hub signed', async () => {
    const street = await startStreetHub('和平街道议事集散中心');
    const other = await startStreetHub('东城街道议事集散中心');
    const copy = copyOfWorld(built.file);
    try {
      const call = caller(copy.ctx);
      const orgId = built.world.village.orgId;
      const code = await street.code();
      const unreachable = await failure(copy.ctx, 'exchange.enrollApply', { orgId, hubUrl: 'http://127.0.0.1:9', code });
      expect(unreachable.message).toMatch(/^连不上街道平台（http:\/\/127\.0\.0\.1:9：.*），请改用导出文件报送$/);
      const wrongCode = await failure(copy.ctx, 'exchange.enrollApply', { orgId, hubUrl: street.url, code: 'ZZZZ9999' });
      expect(wrongCode.message).toMatch(/^街道平台没有登记：/);
      const status = await call('exchange.enrollApply', { orgId, hubUrl: `${street.url}/`, code });
      expect(status).toMatchObject({ enrolled: true, hubName: '和平街道议事集散中心', hubUrl: street.url });
      // One package saved as a file (the USB stick has not reached the street yet) …
      await call('exchange.export', { orgId });
      await call('followUp.addProgress', { resolutionId: built.world.resolutionId, date: '2026-11-28', percent: 30, text: '开工' });
      // … goes first when sending online, then a new one with everything since the last acknowledgement.
      const pushed = await call('exchange.push', { orgId });
      expect(pushed).toMatchObject({ sent: [1, 2], acknowledgedSequence: 2 });
      const communities = (await street.hub.app.inject({ method: 'GET', url: '/api/communities', headers: { cookie: street.admin } })).json();
      expect(communities.items.find((c: { communityId: string }) => c.communityId === status.communityId)).toMatchObject({ lastSequence: 2 });
      const stored = (await street.hub.opened.db.select().from(hubTables.resolutions)).find((r) => r.uid === `resolutions-${built.world.resolutionId}`);
      expect(stored?.progressPercent).toBe(30);
      expect((await call('exchange.history', { orgId })).sent.map((s) => [s.sequence, s.sentHow, !!s.acknowledgedAt])).toEqual([
        [2, '网络', true],
        [1, '网络', true],
      ]);
      // Another street's hub refuses a package that was not signed for it: shown and recorded
      // here, and nothing of that push is kept.
      await call('exchange.setHubUrl', { orgId, hubUrl: other.url });
      await call('followUp.addProgress', { resolutionId: built.world.resolutionId, date: '2026-11-29', percent: 50, text: '过半' });
      const refused = await failure(copy.ctx, 'exchange.push', { orgId });
      expect(refused.message).toMatch(/^街道平台没有接收第 3 号报送包：/);
      expect((await call('exchange.history', { orgId })).sent).toHaveLength(2);
      expect(copy.db.sqlite.prepare("select count(*) from audit_log where action = 'exchange.pushRefused'").pluck().get()).toBe(1);
      await call('exchange.setHubUrl', { orgId, hubUrl: street.url });
      expect((await call('exchange.status', { orgId })).pending.resolutions).toBe(1);
      const pulled = await call('exchange.pull', { orgId });
      expect(pulled.results.map((r) => [r.sequence, r.applied])).toEqual([[1, true]]);
      const again = await call('exchange.pull', { orgId });
      expect(again).toMatchObject({ results: [], message: '街道平台暂时没有新的回执。' });
      expect(await call('exchange.status', { orgId })).toMatchObject({
        lastAcknowledged: 2,
        unacknowledged: 0,
        lastReply: { sequence: 1, receivedHow: '网络' },
      });
    } finally {
      copy.db.sqlite.close();
      await street.close();
      await other.close();
    }
  }, 60_000);
});

describe('网络报送 when the hub stores a package but its answer is lost', () => {
  it('keeps the package and sends the same bytes next time, which the hub takes as already received', async () => {
    const street = await startStreetHub('和平街道议事集散中心');
    // Between the app and the hub: passes every request on, but cuts the connection instead of
    // answering the first report (a timeout or a dropped line after the hub stored it).
    let cutNext = false;
    const lossy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const answer = await fetch(`${street.url}${req.url}`, {
          method: req.method,
          body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
          headers: { 'content-type': 'application/json' },
        });
        const text = await answer.text();
        if (cutNext && req.url === '/api/packages') {
          cutNext = false;
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => lossy.listen(0, '127.0.0.1', resolve));
    const copy = copyOfWorld(built.file);
    try {
      const call = caller(copy.ctx);
      const orgId = built.world.village.orgId;
      const url = `http://127.0.0.1:${(lossy.address() as AddressInfo).port}`;
      const status = await call('exchange.enrollApply', { orgId, hubUrl: url, code: await street.code() });
      const lastSequence = async () =>
        (await street.hub.app.inject({ method: 'GET', url: '/api/communities', headers: { cookie: street.admin } }))
          .json()
          .items.find((c: { communityId: string }) => c.communityId === status.communityId).lastSequence;
      cutNext = true;
      const lost = await call('exchange.push', { orgId });
      expect(lost.message).toMatch(/^第 1 号报送包已生成并保存在本机，但没有得到街道平台的确认：连不上街道平台/);
      expect(await lastSequence()).toBe(1);
      expect((await call('exchange.status', { orgId })).unacknowledged).toBe(1);
      const again = await call('exchange.push', { orgId });
      expect(again).toMatchObject({ sent: [1], acknowledgedSequence: 1 });
      expect(await lastSequence()).toBe(1);
      expect(await call('exchange.status', { orgId })).toMatchObject({ lastAcknowledged: 1, unacknowledged: 0 });
    } finally {
      copy.db.sqlite.close();
      await new Promise((resolve) => lossy.close(resolve));
      await street.close();
    }
  }, 60_000);
});

describe('报送 records are kept as sent and received', () => {
  it('refuses to change, replace or delete a sent or received package', async () => {
    const copy = copyOfWorld(built.file);
    try {
      const db = copy.db.sqlite;
      db.prepare(
        "insert into exchange_sent (org_id, sequence, created_at, file_name, sha256, counts, package_text, sent_how) values (?, 1, '2026-11-30T00:00:00.000Z', 'a.json', 'x', '{}', '{}', '文件')",
      ).run(built.world.village.orgId);
      expect(() => db.prepare('update exchange_sent set package_text = \'{"x":1}\'').run()).toThrow('已报送的报送包不能修改');
      expect(() => db.prepare('delete from exchange_sent').run()).toThrow('已报送的报送包记录不能删除');
      expect(() =>
        db
          .prepare(
            "insert or replace into exchange_sent (org_id, sequence, created_at, file_name, sha256, counts, package_text, sent_how) values (?, 1, '2026-11-30T00:00:00.000Z', 'b.json', 'y', '{}', '{}', '文件')",
          )
          .run(built.world.village.orgId),
      ).toThrow('已报送的报送包不能替换');
      // Acknowledgement is the one change a sent package takes.
      db.prepare("update exchange_sent set acknowledged_at = '2026-11-30T01:00:00.000Z', sent_how = '网络'").run();
      // Its key epoch is fixed too; after a 重新登记 the same number starts again in the next epoch.
      expect(() => db.prepare('update exchange_sent set epoch = 2').run()).toThrow('已报送的报送包不能修改');
      db.prepare(
        "insert into exchange_sent (org_id, epoch, sequence, created_at, file_name, sha256, counts, package_text, sent_how) values (?, 2, 1, '2026-12-01T00:00:00.000Z', 'c.json', 'z', '{}', '{}', '网络')",
      ).run(built.world.village.orgId);
      expect(() =>
        db
          .prepare(
            "insert into exchange_received (org_id, epoch, sequence, hash, created_at, acknowledged_sequence, counts, received_how, applied_at) values (?, 2, 1, 'h', 'x', 1, '{}', '网络', 'x'), (?, 2, 1, 'h2', 'x', 1, '{}', '网络', 'x')",
          )
          .run(built.world.village.orgId, built.world.village.orgId),
      ).toThrow('已接收的回执包记录不能替换');
    } finally {
      copy.db.sqlite.close();
    }
  });
});

describe('报送 of an adopted 居民公约', () => {
  it('carries its adopted text article by article and its 备案报告', async () => {
    const t = openTemp();
    const { ctx } = t;
    try {
      const org = await value(ctx, 'organizations.create', { name: '幸福里社区', kind: '社区' });
      const rows = Array.from({ length: 8 }, (_, i) => ({
        name: `居民${i + 1}`,
        gender: i % 2 ? '男' : '女',
        birthDate: '1970-01-01',
        idNumber: '',
        phone: '',
        householdNo: String(i + 1),
        groupName: '',
        tags: '',
        note: '',
      }));
      await value(ctx, 'roster.commit', { orgId: org.id, rows });
      const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 50, sortField: 'householdNo' })).items as { id: number }[];
      const split = await value(ctx, 'rules.importPreview', {
        text: '幸福里社区居民公约\n第一章 总则\n第一条 为了建设和谐社区，制定本公约。\n第二章 公共秩序\n第二条 爱护公共设施。',
      });
      const doc = await value(ctx, 'rules.create', {
        orgId: org.id,
        kind: '居民公约',
        title: split.title,
        date: '2026-09-01',
        chapters: split.chapters,
        articles: split.articles,
      });
      await value(ctx, 'rules.advance', { id: doc.id, date: '2026-09-10' });
      await value(ctx, 'rules.advance', { id: doc.id, date: '2026-09-20' });
      await value(ctx, 'rules.recordReview', { id: doc.id, authority: '幸福街道办事处', date: '2026-09-25', opinion: '同意提交居民会议表决。' });
      await value(ctx, 'rules.advance', { id: doc.id, date: '2026-10-01' });
      const type = ((await value(ctx, 'meetingTypes.list', { orgId: org.id })).items as { id: number; name: string }[]).find((x) => x.name === '居民会议')!;
      const m = await value(ctx, 'meetings.create', {
        orgId: org.id,
        meetingTypeId: type.id,
        title: '2026年居民会议',
        date: '2026-10-20',
        startTime: '09:00',
        basis: 'adults',
      });
      await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-10-08' });
      await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
      for (const p of people.slice(0, 6)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
      const { agendaItemId, proposalId } = await value(ctx, 'rules.adoption.propose', { docId: doc.id, meetingId: m.id });
      let v = await value(ctx, 'votes.open', { agendaItemId, proposalIds: [proposalId], method: '举手' });
      v = await value(ctx, 'votes.record', { id: v.id, tally: { yes: 6, no: 0, abstain: 0 } });
      await value(ctx, 'votes.confirm', { id: v.id });
      await value(ctx, 'rules.adopt', { docId: doc.id, voteId: v.id });

      await value(ctx, 'exchange.enrollRequest', { orgId: org.id, code: 'XF-0001' });
      const receipt = signPackage(
        'enrolled',
        { communityId: 'c-9', hubId: HUB_ID, sequence: 0, createdAt: '2026-11-30T07:00:00.000Z' },
        { hubName: '幸福街道平台', hubPublicKey: hub.publicKey, communityName: '幸福里社区' },
        hub.privateKeyPem,
      );
      const status = await value(ctx, 'exchange.enrollApply', { orgId: org.id, receipt });
      const out = await value(ctx, 'exchange.export', { orgId: org.id });
      const pkg = openPackage(Buffer.from(out.base64, 'base64').toString('utf8'), 'report', status.publicKey);
      expect(pkg.body.organization).toMatchObject({ name: '幸福里社区', kind: '社区' });
      expect(pkg.body.rules[0]).toMatchObject({ stage: '备案', adoptedOn: '2026-10-20', presentCount: 6, filingDue: '2026-10-30' });
      expect(pkg.body.rules[0]!.text).toBe('第一章 总则\n第一条 为了建设和谐社区，制定本公约。\n第二章 公共秩序\n第二条 爱护公共设施。');
      const filing = pkg.body.documents.find((d) => d.kind === '备案报告')!;
      expect(filing.recordUid).toBe(`rule_documents-${doc.id}`);
      expect(await textOf(Buffer.from(filing.base64, 'base64'))).toContain('幸福里社区居民公约');
    } finally {
      t.db.sqlite.close();
    }
  });
});
