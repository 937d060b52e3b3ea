/**
 * The return path. The street records 备案审查意见 (admins) and departments' 报到 / answers to a
 * 吹哨 (admins, or the department itself); they queue per community until the next 回执包 is
 * built. A 回执包 is numbered 1, 2, 3 … per community, signed by the hub and kept as signed, so a
 * community that pulls or downloads it again gets the very same text (and the desktop's sequence
 * rule accepts it as "已接收过").
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { zonedParts } from '../core/clock';
import {
  filingReviewRecord,
  packageFileName,
  publicKeyObject,
  signPackage,
  summonsReplyRecord,
  type FilingReviewRecord,
  type SummonsReplyRecord,
} from '../exchange';
import { signPullRequest as signPull, verifyPullRequest, type PullRequest } from '../exchange/pull';
import { sha256Hex, type SessionUser } from './auth';
import { type HubDb } from './db/open';
import * as t from './db/schema';
import { type Result } from './enroll';
import { type HubIdentity } from './identity';

export async function recordFilingReview(
  db: HubDb,
  hub: HubIdentity,
  actor: SessionUser,
  input: { communityId: string; ruleUid: string; decision: '同意备案' | '退回'; reasons?: string | null | undefined; receiptNo?: string | null | undefined },
  options: { timeZone: string; now?: Date },
): Promise<Result<{ review: FilingReviewRecord }>> {
  if (actor.role !== '街道管理员') return { ok: false, message: '只有街道管理员可以填写备案审查意见' };
  const now = options.now ?? new Date();
  const [rule] = await db
    .select({ title: t.rules.title, filedOn: t.rules.filedOn })
    .from(t.rules)
    .where(and(eq(t.rules.communityId, input.communityId), eq(t.rules.uid, input.ruleUid)));
  if (!rule) return { ok: false, message: '没有找到这份村规民约（居民公约），请刷新后再试' };
  if (!rule.filedOn) return { ok: false, message: `“${rule.title}”还没有报送备案，暂时不能审查` };
  const reasons = input.reasons?.trim() || null;
  if (input.decision === '退回' && !reasons) return { ok: false, message: '退回时请写明理由和需要修改的地方' };
  const review = filingReviewRecord.parse({
    uid: `review-${crypto.randomUUID()}`,
    ruleUid: input.ruleUid,
    decision: input.decision,
    reasons,
    reviewedOn: zonedParts(options.timeZone, now).date,
    reviewer: actor.username,
    authority: hub.name,
    receiptNo: input.receiptNo?.trim() || null,
  });
  await db.insert(t.replyItems).values({
    uid: review.uid,
    communityId: input.communityId,
    kind: '备案审查意见',
    targetUid: input.ruleUid,
    data: review,
    actor: actor.username,
    createdAt: now.toISOString(),
  });
  return { ok: true, review };
}

export async function recordSummonsReply(
  db: HubDb,
  actor: SessionUser,
  input: {
    communityId: string;
    summonsUid: string;
    reported?: boolean | undefined;
    reportedAt?: string | null | undefined;
    answer?: string | null | undefined;
  },
  options: { now?: Date } = {},
): Promise<Result<{ reply: SummonsReplyRecord }>> {
  if (actor.role === '只读') return { ok: false, message: '只读账号不能填写报到和答复' };
  const now = options.now ?? new Date();
  const [found] = await db
    .select({ department: t.summons.department, reportedAt: t.summons.reportedAt })
    .from(t.summons)
    .where(and(eq(t.summons.communityId, input.communityId), eq(t.summons.uid, input.summonsUid)));
  if (!found) return { ok: false, message: '没有找到这条吹哨记录，请刷新后再试' };
  if (actor.role === '部门' && actor.department !== found.department) {
    return { ok: false, message: `这条吹哨是给“${found.department}”的，本账号属于“${actor.department ?? ''}”，不能代为报到或答复` };
  }
  const answer = input.answer?.trim() || null;
  const reportedAt = input.reportedAt ?? (input.reported ? now.toISOString() : null);
  if (!reportedAt && !answer) return { ok: false, message: '请填写报到时间或答复内容' };
  if (reportedAt && Number.isNaN(Date.parse(reportedAt))) return { ok: false, message: '报到时间格式不对' };
  const reply = summonsReplyRecord.parse({
    uid: `answer-${crypto.randomUUID()}`,
    summonsUid: input.summonsUid,
    department: found.department,
    reportedAt: reportedAt ? new Date(reportedAt).toISOString() : null,
    answer,
    answeredAt: answer ? now.toISOString() : null,
    by: actor.username,
  });
  await db.insert(t.replyItems).values({
    uid: reply.uid,
    communityId: input.communityId,
    kind: '报到答复',
    targetUid: input.summonsUid,
    data: reply,
    actor: actor.username,
    createdAt: now.toISOString(),
  });
  return { ok: true, reply };
}

export interface ReplyPackageOut {
  sequence: number;
  acknowledgedSequence: number;
  fileName: string;
  text: string;
}

/**
 * The community's 回执包 numbered after `after`, building the next one first when something is
 * new (queued items, or a report stored since the last acknowledgement).
 */
export async function replyPackagesAfter(
  db: HubDb,
  hub: HubIdentity,
  communityId: string,
  after: number,
  now: Date = new Date(),
): Promise<Result<{ packages: ReplyPackageOut[] }>> {
  const built = await db.transaction(async (tx) => {
    const [community] = await tx.select().from(t.communities).where(eq(t.communities.communityId, communityId)).for('update');
    if (!community || !community.publicKey) return null;
    const [latest] = await tx
      .select({ sequence: t.replyPackages.sequence, ack: t.replyPackages.acknowledgedSequence })
      .from(t.replyPackages)
      .where(and(eq(t.replyPackages.communityId, communityId), eq(t.replyPackages.epoch, community.keyEpoch)))
      .orderBy(desc(t.replyPackages.sequence))
      .limit(1);
    const unsent = await tx
      .select()
      .from(t.replyItems)
      .where(and(eq(t.replyItems.communityId, communityId), isNull(t.replyItems.packageSequence)))
      .orderBy(asc(t.replyItems.createdAt), asc(t.replyItems.uid));
    const lastAck = latest?.ack ?? 0;
    if (unsent.length > 0 || community.lastSequence > lastAck) {
      const sequence = (latest?.sequence ?? 0) + 1;
      const text = signPackage(
        'reply',
        { communityId, hubId: hub.hubId, sequence, createdAt: now.toISOString() },
        {
          acknowledgedSequence: community.lastSequence,
          filingReviews: unsent.filter((i) => i.kind === '备案审查意见').map((i) => i.data as FilingReviewRecord),
          summonsReplies: unsent.filter((i) => i.kind === '报到答复').map((i) => i.data as SummonsReplyRecord),
        },
        hub.privateKeyPem,
      );
      await tx.insert(t.replyPackages).values({
        communityId,
        epoch: community.keyEpoch,
        sequence,
        acknowledgedSequence: community.lastSequence,
        text,
        sha256: sha256Hex(text),
        createdAt: now.toISOString(),
      });
      if (unsent.length > 0) {
        await tx
          .update(t.replyItems)
          .set({ packageSequence: sequence })
          .where(
            and(
              eq(t.replyItems.communityId, communityId),
              isNull(t.replyItems.packageSequence),
              inArray(
                t.replyItems.uid,
                unsent.map((i) => i.uid),
              ),
            ),
          );
      }
    }
    return { name: community.name, epoch: community.keyEpoch };
  });
  if (!built) return { ok: false, message: '这个村（社区）没有在本街道登记，或还没有完成登记' };
  const list = await db
    .select()
    .from(t.replyPackages)
    .where(and(eq(t.replyPackages.communityId, communityId), eq(t.replyPackages.epoch, built.epoch), gt(t.replyPackages.sequence, after)))
    .orderBy(asc(t.replyPackages.sequence));
  return {
    ok: true,
    packages: list.map((p) => ({
      sequence: p.sequence,
      acknowledgedSequence: p.acknowledgedSequence,
      fileName: replyFileName(built.name, p.sequence),
      text: p.text,
    })),
  };
}

export function replyFileName(communityName: string, sequence: number): string {
  return packageFileName('reply', communityName, sequence);
}

// ── the community's signed pull request ──────────────────────────────────────────────────────

export const PULL_WINDOW_MS = 5 * 60_000;

/** For the tests: the query a community sends to pull (the desktop builds the same with exchange/pull). */
export function signPullRequest(communityId: string, after: number, privateKeyPem: string, now: Date = new Date()): PullRequest {
  return signPull(communityId, after, privateKeyPem, now.toISOString());
}

export async function checkPullRequest(
  db: HubDb,
  q: { communityId: string; after: number; timestamp: string; signature: string },
  now: Date = new Date(),
): Promise<Result<object>> {
  const [community] = await db.select().from(t.communities).where(eq(t.communities.communityId, q.communityId));
  if (!community?.publicKey || !publicKeyObject(community.publicKey)) return { ok: false, message: '这个村（社区）没有在本街道登记，不能取回执。请先登记。' };
  const at = Date.parse(q.timestamp);
  if (Number.isNaN(at) || Math.abs(now.getTime() - at) > PULL_WINDOW_MS) {
    return { ok: false, message: '请求的时间与集散中心相差超过 5 分钟，请把电脑的日期和时间校准后再试。' };
  }
  const ok = verifyPullRequest(q, community.publicKey);
  if (!ok) {
    // Signed by a key retired at a 重新登记（更换电脑）: say so, not just "does not verify".
    const retired = await db
      .select({ publicKey: t.communityKeys.publicKey })
      .from(t.communityKeys)
      .where(and(eq(t.communityKeys.communityId, community.communityId), isNotNull(t.communityKeys.retiredAt)));
    if (retired.some((k) => verifyPullRequest(q, k.publicKey))) {
      return { ok: false, message: '这个村（社区）已经用新电脑重新登记，旧电脑不能再取回执。请在重新登记的那台电脑上取回执。' };
    }
    return { ok: false, message: '取回执请求的签名核对不上，不能取。请确认本机登记的是这个街道集散中心。' };
  }
  const nonce = sha256Hex(q.signature);
  await db.delete(t.usedNonces).where(lt(t.usedNonces.at, now.getTime() - 2 * PULL_WINDOW_MS));
  const inserted = await db.insert(t.usedNonces).values({ nonce, at: now.getTime() }).onConflictDoNothing().returning({ nonce: t.usedNonces.nonce });
  if (inserted.length === 0) return { ok: false, message: '这个取回执请求已经用过，请重新发起。' };
  return { ok: true };
}
