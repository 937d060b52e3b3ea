import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleWorld } from '../../core/contract/samples';
import { openPackage } from '../../exchange/package';
import { buildWorld, caller, copyOfWorld } from '../support/sample-world';
import { openTemp, tempDir } from '../support/db';
import { startStreetHub, type StreetHub } from '../support/street-hub';
import { failure } from '../support/village';

let built: { file: string; world: SampleWorld };
let street: StreetHub;
beforeAll(async () => {
  built = await buildWorld();
  street = await startStreetHub('和平街道议事集散中心');
}, 120_000);
afterAll(async () => {
  await street.close();
});

type Opened = ReturnType<typeof openTemp>;

/** The database file as it is right now, copied the way a backup is: a second installation of it. */
function staleCopyOf(t: Opened): Opened {
  t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(tempDir('council-hall-stale-'), 'restored.sqlite');
  fs.copyFileSync(t.file, file);
  return openTemp(file);
}

const fileText = (out: { base64: string }) => Buffer.from(out.base64, 'base64').toString('utf8');

describe('重新登记 after restoring an old backup on a new PC', () => {
  it('online: the stale copy is refused, renews with the new code, reports from 第 1 号 in the new epoch and pulls replies numbered from 1', async () => {
    const original = copyOfWorld(built.file);
    let stale: Opened | null = null;
    try {
      const call = caller(original.ctx);
      const orgId = built.world.village.orgId;
      const first = await call('exchange.enrollApply', { orgId, hubUrl: street.url, code: await street.code() });
      const communityId = first.communityId!;
      expect(first).toMatchObject({ epoch: 1, pendingFingerprint: null });
      expect(await call('exchange.push', { orgId })).toMatchObject({ sent: [1], acknowledgedSequence: 1 });
      expect((await call('exchange.pull', { orgId })).results.map((r) => [r.sequence, r.applied])).toEqual([[1, true]]);

      // The backup taken now comes back a week later on a new PC …
      stale = staleCopyOf(original);
      await call('followUp.addProgress', { resolutionId: built.world.resolutionId, date: '2026-11-28', percent: 30, text: '开工' });
      expect(await call('exchange.push', { orgId })).toMatchObject({ sent: [2], acknowledgedSequence: 2 });

      // … whose counter still says 第 2 号: the hub has a different 第 2 号, and says so.
      const callStale = caller(stale.ctx);
      await callStale('followUp.addProgress', { resolutionId: built.world.resolutionId, date: '2026-11-29', percent: 40, text: '备料' });
      const replay = await failure(stale.ctx, 'exchange.push', { orgId });
      expect(replay.message).toMatch(/^街道平台没有接收第 2 号报送包：.*第 2 号报送包已经接收过，而这个文件的内容与当时不同/);

      // The street's admin clicks 重新登记（更换电脑）; the secretary renews online with the new code.
      const code = await street.reenrollCode(communityId);
      const oldPrint = (await callStale('exchange.status', { orgId })).keyFingerprint;
      const wrongCode = await failure(stale.ctx, 'exchange.enrollApply', { orgId, hubUrl: street.url, code: 'ZZZZ9999', renew: true });
      expect(wrongCode.message).toMatch(/^街道平台没有登记：/);
      // The refused attempt changed nothing: the current key still signs.
      expect(await callStale('exchange.status', { orgId })).toMatchObject({ epoch: 1, keyFingerprint: oldPrint, pendingFingerprint: null });
      const renewed = await callStale('exchange.enrollApply', { orgId, hubUrl: street.url, code, renew: true });
      expect(renewed).toMatchObject({ enrolled: true, epoch: 2, pendingFingerprint: null, communityId, lastSent: null, lastAcknowledged: 0, lastReply: null });
      expect(renewed.keyFingerprint).not.toBe(oldPrint);
      // Nothing is acknowledged in the new epoch: every record is pending again, as before the first package.
      expect(renewed.pending).toEqual(first.pending);
      expect(first.pending).toMatchObject({ meetings: 5, resolutions: 1 });
      const audit = stale.db.sqlite.prepare("select before_json, after_json from audit_log where action = 'exchange.reenroll'").all() as {
        before_json: string;
        after_json: string;
      }[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.before_json)).toEqual({ epoch: 1, fingerprint: oldPrint });
      expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ epoch: 2, fingerprint: renewed.keyFingerprint });
      expect(
        stale.db.sqlite
          .prepare("select count(*) from audit_log where coalesce(after_json, '') || coalesce(before_json, '') like '%PRIVATE KEY%'")
          .pluck()
          .get(),
      ).toBe(0);

      // The first package of the new epoch is 第 1 号 and carries every record.
      const pushed = await callStale('exchange.push', { orgId });
      expect(pushed).toMatchObject({ sent: [1], acknowledgedSequence: 1 });
      const history = await callStale('exchange.history', { orgId });
      expect(history.epoch).toBe(2);
      expect(history.sent.map((s) => [s.epoch, s.sequence, !!s.acknowledgedAt])).toEqual([
        [2, 1, true],
        [1, 1, true],
      ]);
      expect(history.sent[0]!.counts).toMatchObject(first.pending);
      const saved = await callStale('exchange.resave', { orgId, sequence: 1 });
      expect(openPackage(fileText(saved), 'report', renewed.publicKey!).body.sinceAcknowledged).toBe(0);
      const hubSide = (await street.hub.app.inject({ method: 'GET', url: '/api/communities', headers: { cookie: street.admin } })).json() as {
        items: { communityId: string; keyEpoch: number; lastSequence: number }[];
      };
      expect(hubSide.items.find((c) => c.communityId === communityId)).toMatchObject({ keyEpoch: 2, lastSequence: 1 });

      // The old computer's key is refused from now on.
      await call('followUp.addProgress', { resolutionId: built.world.resolutionId, date: '2026-11-30', percent: 60, text: '过半' });
      const old = await failure(original.ctx, 'exchange.push', { orgId });
      expect(old.message).toContain('重新登记');

      // Replies are numbered from 1 again in the new epoch; the old epoch's 第 1 号 is no obstacle.
      const pulled = await callStale('exchange.pull', { orgId });
      expect(pulled.results.map((r) => [r.sequence, r.applied, r.acknowledgedSequence])).toEqual([[1, true, 1]]);
      expect(await callStale('exchange.status', { orgId })).toMatchObject({
        epoch: 2,
        lastAcknowledged: 1,
        unacknowledged: 0,
        lastReply: { epoch: 2, sequence: 1 },
      });
      expect((await callStale('exchange.history', { orgId })).received.map((r) => [r.epoch, r.sequence])).toEqual([
        [2, 1],
        [1, 1],
      ]);
    } finally {
      stale?.db.sqlite.close();
      original.db.sqlite.close();
    }
  }, 90_000);

  it('by file: 登记申请 signed with the new key, the current key signs until the 登记回执 arrives; a foreign receipt is refused', async () => {
    const t = copyOfWorld(built.file);
    try {
      const call = caller(t.ctx);
      const orgId = built.world.village.orgId;
      const first = await call('exchange.enrollApply', { orgId, hubUrl: street.url, code: await street.code() });
      const communityId = first.communityId!;
      await call('exchange.push', { orgId });

      const code = await street.reenrollCode(communityId);
      const request = await call('exchange.enrollRequest', { orgId, code, renew: true });
      const pendingStatus = await call('exchange.status', { orgId });
      expect(pendingStatus).toMatchObject({ epoch: 1, keyFingerprint: first.keyFingerprint, pendingFingerprint: expect.any(String) });
      expect(pendingStatus.pendingFingerprint).not.toBe(first.keyFingerprint);
      // Asking twice keeps the same new key (the street may get either file).
      await call('exchange.enrollRequest', { orgId, code, renew: true });
      expect((await call('exchange.status', { orgId })).pendingFingerprint).toBe(pendingStatus.pendingFingerprint);
      expect(fileText(request)).not.toContain('PRIVATE KEY');

      // Until the receipt comes, the current key still reports in epoch 1.
      await call('followUp.addProgress', { resolutionId: built.world.resolutionId, date: '2026-11-28', percent: 30, text: '开工' });
      expect(await call('exchange.push', { orgId })).toMatchObject({ sent: [2], acknowledgedSequence: 2 });

      // A receipt for another community's key is refused.
      const strangerCopy = copyOfWorld(built.file);
      let foreign: string;
      try {
        const strangerRequest = await caller(strangerCopy.ctx)('exchange.enrollRequest', { orgId, code: await street.code() });
        foreign = await street.enrollFile(fileText(strangerRequest));
      } finally {
        strangerCopy.db.sqlite.close();
      }
      const refused = await failure(t.ctx, 'exchange.enrollApply', { orgId, receipt: foreign });
      expect(refused.message).toMatch(/社区编号|另一台电脑的密钥/);

      const receipt = await street.enrollFile(fileText(request));
      const renewed = await call('exchange.enrollApply', { orgId, receipt });
      expect(renewed).toMatchObject({ epoch: 2, keyFingerprint: pendingStatus.pendingFingerprint, pendingFingerprint: null, hubUrl: street.url });
      // Importing the same receipt again changes nothing.
      expect(await call('exchange.enrollApply', { orgId, receipt })).toMatchObject({ epoch: 2, keyFingerprint: pendingStatus.pendingFingerprint });
      const out = await call('exchange.export', { orgId });
      expect(out).toMatchObject({ sequence: 1, counts: { meetings: 5, resolutions: 1 } });
      expect(await call('exchange.push', { orgId })).toMatchObject({ sent: [1], acknowledgedSequence: 1 });

      // A 登记回执 for this community but another computer's key (someone else used the next code) is refused.
      const nextCode = await street.reenrollCode(communityId);
      const otherPc = copyOfWorld(built.file);
      let otherReceipt: string;
      try {
        otherReceipt = await street.enrollFile(fileText(await caller(otherPc.ctx)('exchange.enrollRequest', { orgId, code: nextCode })));
      } finally {
        otherPc.db.sqlite.close();
      }
      const notOurs = await failure(t.ctx, 'exchange.enrollApply', { orgId, receipt: otherReceipt });
      expect(notOurs.message).toMatch(/^这个登记回执登记的是另一台电脑的密钥（指纹 .+），不是本机的/);
      expect(await call('exchange.status', { orgId })).toMatchObject({ epoch: 2, keyFingerprint: pendingStatus.pendingFingerprint });
    } finally {
      t.db.sqlite.close();
    }
  }, 90_000);
});
