import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { localDateTime, todayIn } from '../../core/clock';
import type { FilingReview, ReplyResult, SummonsReply } from '../../core/contract/exchange';
import { ExchangeError, packageHash, readPackage, sequenceCheck, verifyPackage, type SignedPackage } from '../../exchange/package';
import type { FilingReviewRecord, SummonsReplyRecord } from '../../exchange/records';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { exchangeReceived, filingReviews, ruleDocuments, summons, summonsReplies } from '../schema';
import { addTopicEvent } from '../topic-events';
import { RecordedRefusal } from '../write';
import { idOfUid, recordHash } from './records';
import { acknowledge, enrolledIdentity, type EnrolledIdentity } from './state';

/**
 * Applies the hub's 回执包: its acknowledgement, the street's 备案审查意见 and departments' 报到
 * and answers — all in the caller's one write, or nothing. A refused package changes nothing
 * but leaves its trace: the refusal is recorded on its own after the rollback (RecordedRefusal).
 */
export function applyReply(tx: Tx, orgId: number, text: string, how: '文件' | '网络'): ReplyResult {
  const identity = enrolledIdentity(tx, orgId);
  let pkg: SignedPackage<'reply'>;
  let outcome: 'new' | 'already';
  let hash: string;
  try {
    pkg = readPackage(text, 'reply');
    checkAddressed(pkg, identity);
    verifyPackage(pkg, identity.hubPublicKey);
    hash = packageHash(pkg);
    // The hub numbers 回执包 per key epoch: from 1 again after a 重新登记.
    const last = tx.orm
      .select({ sequence: exchangeReceived.sequence })
      .from(exchangeReceived)
      .where(and(eq(exchangeReceived.orgId, orgId), eq(exchangeReceived.epoch, identity.epoch)))
      .orderBy(desc(exchangeReceived.sequence))
      .get();
    const stored = tx.orm
      .select({ hash: exchangeReceived.hash })
      .from(exchangeReceived)
      .where(and(eq(exchangeReceived.orgId, orgId), eq(exchangeReceived.epoch, identity.epoch), eq(exchangeReceived.sequence, pkg.header.sequence)))
      .get();
    outcome = sequenceCheck('回执包', pkg.header.sequence, last?.sequence ?? 0, stored ? stored.hash === hash : null);
    if (outcome === 'new') checkRecords(tx, orgId, pkg);
  } catch (err) {
    if (!(err instanceof ExchangeError)) throw err;
    throw new RecordedRefusal('INVALID_INPUT', err.message, {
      action: 'exchange.replyRefused',
      entity: 'exchange_received',
      entityId: null,
      after: { orgId, refusal: err.refusal, message: err.message, how, length: text.length },
    });
  }
  const body = pkg.body;
  if (outcome === 'already') {
    return {
      applied: false,
      sequence: pkg.header.sequence,
      acknowledgedSequence: body.acknowledgedSequence,
      filingReviews: 0,
      summonsReplies: 0,
      message: `第 ${pkg.header.sequence} 号回执包以前已经导入过，这次没有重复导入，记录没有变化。`,
    };
  }

  const received = tx.orm
    .insert(exchangeReceived)
    .values({
      orgId,
      epoch: identity.epoch,
      sequence: pkg.header.sequence,
      hash,
      createdAt: pkg.header.createdAt,
      acknowledgedSequence: body.acknowledgedSequence,
      counts: JSON.stringify({ filingReviews: body.filingReviews.length, summonsReplies: body.summonsReplies.length }),
      receivedHow: how,
      appliedAt: tx.clock.instant,
    })
    .returning({ id: exchangeReceived.id })
    .get();
  appendAudit(tx, {
    action: 'exchange.replyApply',
    entity: 'exchange_received',
    entityId: received.id,
    after: { epoch: identity.epoch, sequence: pkg.header.sequence, hash, acknowledgedSequence: body.acknowledgedSequence, how },
  });
  acknowledge(tx, orgId, body.acknowledgedSequence);
  let reviews = 0;
  for (const r of body.filingReviews) reviews += applyFilingReview(tx, r, received.id);
  let replies = 0;
  for (const r of body.summonsReplies) replies += applySummonsReply(tx, r, received.id);
  const parts = [
    `街道已收到第 ${body.acknowledgedSequence} 号及以前的报送包`,
    reviews ? `备案审查意见 ${reviews} 条` : null,
    replies ? `部门报到和答复 ${replies} 条` : null,
  ].filter(Boolean);
  return {
    applied: true,
    sequence: pkg.header.sequence,
    acknowledgedSequence: body.acknowledgedSequence,
    filingReviews: reviews,
    summonsReplies: replies,
    message: `已导入第 ${pkg.header.sequence} 号回执包：${parts.join('；')}。`,
  };
}

function checkAddressed(pkg: SignedPackage<'reply'>, identity: EnrolledIdentity): void {
  if (pkg.header.hubId !== identity.hubId) {
    throw new ExchangeError(
      'foreign-hub',
      `这个回执包来自另一个平台（${pkg.header.hubId ?? '未注明'}），不是本村（社区）登记的“${identity.hubName}”发的。不能接收，请确认选对了文件。`,
    );
  }
  if (pkg.header.communityId !== identity.communityId) {
    throw new ExchangeError(
      'unknown-community',
      `这个回执包是发给另一个村（社区）的（编号 ${pkg.header.communityId ?? '未注明'}），不是发给本村（社区）的。不能接收，请确认选对了文件。`,
    );
  }
}

/** Every record must name one of this organization's rules and summons, or the whole package is refused. */
function checkRecords(db: Db, orgId: number, pkg: SignedPackage<'reply'>): void {
  const ruleIds = pkg.body.filingReviews.map((r) => idOfUid('rule_documents', r.ruleUid));
  const summonsIds = pkg.body.summonsReplies.map((r) => idOfUid('summons', r.summonsUid));
  const badRule = pkg.body.filingReviews.find((_, i) => ruleIds[i] === null);
  const badSummons = pkg.body.summonsReplies.find((_, i) => summonsIds[i] === null);
  const knownRules = new Set(
    db.orm
      .select({ id: ruleDocuments.id })
      .from(ruleDocuments)
      .where(
        and(
          eq(ruleDocuments.orgId, orgId),
          inArray(
            ruleDocuments.id,
            ruleIds.filter((x): x is number => x !== null),
          ),
        ),
      )
      .all()
      .map((r) => r.id),
  );
  const knownSummons = new Set(
    db.orm
      .select({ id: summons.id })
      .from(summons)
      .where(
        and(
          eq(summons.orgId, orgId),
          inArray(
            summons.id,
            summonsIds.filter((x): x is number => x !== null),
          ),
        ),
      )
      .all()
      .map((r) => r.id),
  );
  const missingRule = badRule ?? pkg.body.filingReviews.find((_, i) => !knownRules.has(ruleIds[i]!));
  if (missingRule) throw new ExchangeError('format', `回执包里的备案审查意见所对应的规约（${missingRule.ruleUid}）在本机找不到。没有导入，请与街道核对。`);
  const missingSummons = badSummons ?? pkg.body.summonsReplies.find((_, i) => !knownSummons.has(summonsIds[i]!));
  if (missingSummons)
    throw new ExchangeError('format', `回执包里的部门报到记录所对应的吹哨（${missingSummons.summonsUid}）在本机找不到。没有导入，请与街道核对。`);
}

function applyFilingReview(tx: Tx, r: FilingReviewRecord, receivedId: number): number {
  const hash = recordHash(r);
  const seen = tx.orm
    .select({ id: filingReviews.id })
    .from(filingReviews)
    .where(and(eq(filingReviews.uid, r.uid), eq(filingReviews.recordHash, hash)))
    .get();
  if (seen) return 0;
  const docId = idOfUid('rule_documents', r.ruleUid)!;
  const row = tx.orm
    .insert(filingReviews)
    .values({
      docId,
      uid: r.uid,
      recordHash: hash,
      decision: r.decision,
      reasons: r.reasons,
      reviewedOn: r.reviewedOn,
      reviewer: r.reviewer,
      authority: r.authority,
      receiptNo: r.receiptNo,
      receivedId,
      appliedAt: tx.clock.instant,
    })
    .returning({ id: filingReviews.id })
    .get();
  appendAudit(tx, { action: 'exchange.filingReview', entity: 'rule_documents', entityId: docId, after: { ...r, filingReviewId: row.id } });
  return 1;
}

function applySummonsReply(tx: Tx, r: SummonsReplyRecord, receivedId: number): number {
  const hash = recordHash(r);
  const seen = tx.orm
    .select({ id: summonsReplies.id })
    .from(summonsReplies)
    .where(and(eq(summonsReplies.uid, r.uid), eq(summonsReplies.recordHash, hash)))
    .get();
  if (seen) return 0;
  const summonsId = idOfUid('summons', r.summonsUid)!;
  const s = tx.orm.select().from(summons).where(eq(summons.id, summonsId)).get()!;
  // What the street already told this file about the same 报到 (an earlier version of the record).
  const earlier = tx.orm.select().from(summonsReplies).where(eq(summonsReplies.uid, r.uid)).orderBy(desc(summonsReplies.id)).get();
  const row = tx.orm
    .insert(summonsReplies)
    .values({
      summonsId,
      uid: r.uid,
      recordHash: hash,
      department: r.department,
      reportedAt: r.reportedAt,
      answer: r.answer,
      answeredAt: r.answeredAt,
      by: r.by,
      receivedId,
      appliedAt: tx.clock.instant,
    })
    .returning({ id: summonsReplies.id })
    .get();
  const tz = tx.clock.timeZone;
  let setReported: string | null = null;
  if (r.reportedAt && !s.reportedAt) {
    setReported = r.reportedAt < s.summonedAt ? s.summonedAt : r.reportedAt;
    tx.orm.update(summons).set({ reportedAt: setReported, updatedAt: tx.clock.instant }).where(eq(summons.id, summonsId)).run();
  }
  if (s.topicId) {
    if (r.reportedAt && r.reportedAt !== earlier?.reportedAt) {
      addTopicEvent(
        tx,
        s.topicId,
        todayIn(tz, new Date(r.reportedAt)),
        '部门报到',
        `${r.department}于 ${localDateTime(tz, r.reportedAt)} 报到（街道平台转来，登记人：${r.by}）`,
      );
    }
    if (r.answer && (r.answer !== earlier?.answer || r.answeredAt !== earlier?.answeredAt)) {
      const at = r.answeredAt ?? tx.clock.instant;
      addTopicEvent(tx, s.topicId, todayIn(tz, new Date(at)), '部门答复', `${r.department}答复：${r.answer}（街道平台转来，登记人：${r.by}）`);
    }
  }
  appendAudit(tx, {
    action: 'exchange.summonsReply',
    entity: 'summons',
    entityId: summonsId,
    before: { reportedAt: s.reportedAt },
    after: { ...r, summonsReplyId: row.id, reportedAt: setReported ?? s.reportedAt },
  });
  return 1;
}

export function listFilingReviews(db: Db, docId: number): FilingReview[] {
  return db.orm
    .select({ r: filingReviews, replySequence: exchangeReceived.sequence })
    .from(filingReviews)
    .innerJoin(exchangeReceived, eq(exchangeReceived.id, filingReviews.receivedId))
    .where(eq(filingReviews.docId, docId))
    .orderBy(desc(filingReviews.reviewedOn), desc(filingReviews.id))
    .all()
    .map(({ r, replySequence }) => ({
      id: r.id,
      docId: r.docId,
      decision: r.decision,
      reasons: r.reasons,
      reviewedOn: r.reviewedOn,
      reviewer: r.reviewer,
      authority: r.authority,
      receiptNo: r.receiptNo,
      appliedAt: r.appliedAt,
      replySequence,
    }));
}

export function listSummonsReplies(db: Db, input: { topicId?: number; summonsId?: number }): SummonsReply[] {
  const ids =
    input.summonsId !== undefined
      ? [input.summonsId]
      : db.orm
          .select({ id: summons.id })
          .from(summons)
          .where(eq(summons.topicId, input.topicId!))
          .all()
          .map((r) => r.id);
  if (!ids.length) return [];
  return db.orm
    .select({ r: summonsReplies, replySequence: exchangeReceived.sequence })
    .from(summonsReplies)
    .innerJoin(exchangeReceived, eq(exchangeReceived.id, summonsReplies.receivedId))
    .where(inArray(summonsReplies.summonsId, ids))
    .orderBy(asc(summonsReplies.id))
    .all()
    .map(({ r, replySequence }) => ({
      id: r.id,
      summonsId: r.summonsId,
      department: r.department,
      reportedAt: r.reportedAt,
      answer: r.answer,
      answeredAt: r.answeredAt,
      by: r.by,
      appliedAt: r.appliedAt,
      replySequence,
    }));
}
