import { and, asc, desc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import type { ExchangeRecordCounts, ExchangeStatus } from '../../core/contract/exchange';
import { fingerprint, generateKeyPair } from '../../exchange/keys';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { getOrganization } from '../organizations';
import { exchangeIdentity, exchangeReceived, exchangeSent, exchangeSentRecords } from '../schema';
import { communityRecords, recordHash, recordListKeys, type CommunityRecords } from './records';

export type IdentityRow = typeof exchangeIdentity.$inferSelect;
export type EnrolledIdentity = IdentityRow & { hubId: string; hubName: string; hubPublicKey: string; communityId: string };

export function identityOf(db: Db, orgId: number): IdentityRow | null {
  return db.orm.select().from(exchangeIdentity).where(eq(exchangeIdentity.orgId, orgId)).get() ?? null;
}

/** The organization's key pair, made on first use. The private key is never audited or returned. */
export function ensureIdentity(tx: Tx, orgId: number): IdentityRow {
  const found = identityOf(tx, orgId);
  if (found) return found;
  const keys = generateKeyPair();
  const row = { orgId, publicKey: keys.publicKey, privateKeyPem: keys.privateKeyPem, keyCreatedAt: tx.clock.instant, updatedAt: tx.clock.instant };
  tx.orm.insert(exchangeIdentity).values(row).run();
  appendAudit(tx, {
    action: 'exchange.keyCreate',
    entity: 'exchange_identity',
    entityId: orgId,
    after: { publicKey: keys.publicKey, fingerprint: fingerprint(keys.publicKey) },
  });
  return identityOf(tx, orgId)!;
}

export function enrolledIdentity(db: Db, orgId: number): EnrolledIdentity {
  const row = identityOf(db, orgId);
  if (!row || !row.hubId || !row.hubPublicKey || !row.communityId || !row.hubName) {
    throw new ApiError('FORBIDDEN', '还没有登记到街道平台：请先在“报送”页面用街道给的登记码完成登记，再报送或导入回执');
  }
  return row as EnrolledIdentity;
}

/**
 * 重新登记: the new key pair, made on first use and kept (pending) until the hub's 登记回执 names
 * it; until then the current key stays the one that signs. Never audited with the private key.
 */
export function ensurePendingKey(tx: Tx, orgId: number): IdentityRow & { pendingPublicKey: string; pendingPrivateKeyPem: string } {
  const found = identityOf(tx, orgId);
  if (!found?.hubId) throw new ApiError('FORBIDDEN', '还没有登记到街道平台，不需要重新登记：请直接用街道给的登记码登记');
  if (found.pendingPublicKey && found.pendingPrivateKeyPem) return found as ReturnType<typeof ensurePendingKey>;
  const keys = generateKeyPair();
  tx.orm
    .update(exchangeIdentity)
    .set({ pendingPublicKey: keys.publicKey, pendingPrivateKeyPem: keys.privateKeyPem, pendingCreatedAt: tx.clock.instant, updatedAt: tx.clock.instant })
    .where(eq(exchangeIdentity.orgId, orgId))
    .run();
  appendAudit(tx, {
    action: 'exchange.keyCreate',
    entity: 'exchange_identity',
    entityId: orgId,
    after: { pending: true, publicKey: keys.publicKey, fingerprint: fingerprint(keys.publicKey) },
  });
  return identityOf(tx, orgId)! as ReturnType<typeof ensurePendingKey>;
}

/** Records the hub's 登记回执 (already verified by the caller): who the hub is and its key. */
export function recordEnrollment(
  tx: Tx,
  orgId: number,
  enrolled: {
    hubId: string;
    hubName: string;
    hubPublicKey: string;
    communityId: string;
    hubUrl?: string | null;
    /** The community key the hub registered, when the hub says (newer hubs do). */
    communityPublicKey?: string | undefined;
    keyEpoch?: number | undefined;
  },
): void {
  const before = identityOf(tx, orgId);
  if (!before) throw new ApiError('FORBIDDEN', '本机还没有报送密钥：请先生成登记申请');
  const named = enrolled.communityPublicKey;
  const switching = !!named && named === before.pendingPublicKey && named !== before.publicKey;
  if (named && !switching && named !== before.publicKey) {
    throw new ApiError(
      'CONFLICT',
      `这个登记回执登记的是另一台电脑的密钥（指纹 ${fingerprint(named)}），不是本机的（${fingerprint(before.publicKey)}${before.pendingPublicKey ? `，重新登记用的 ${fingerprint(before.pendingPublicKey)}` : ''}）。没有登记。请确认选对了文件，或在本机重新生成登记申请。`,
    );
  }
  if (before.hubId && before.hubId !== enrolled.hubId) {
    throw new ApiError(
      'CONFLICT',
      `本村（社区）已登记到“${before.hubName ?? before.hubId}”，这个登记回执来自另一个平台（${enrolled.hubName}），没有登记。如确需改登记到别的街道平台，请联系技术人员。`,
    );
  }
  if (before.communityId && before.communityId !== enrolled.communityId && before.hubId === enrolled.hubId) {
    throw new ApiError('CONFLICT', `这个登记回执给的社区编号（${enrolled.communityId}）与已登记的（${before.communityId}）不同，没有登记。请与街道核对。`);
  }
  if (before.hubPublicKey && before.hubPublicKey !== enrolled.hubPublicKey) {
    throw new ApiError(
      'CONFLICT',
      `这个登记回执的平台密钥（${fingerprint(enrolled.hubPublicKey)}）与已登记的（${fingerprint(before.hubPublicKey)}）不同，没有登记。请与街道核对。`,
    );
  }
  if (switching) {
    const epoch = Math.max(before.epoch + 1, enrolled.keyEpoch ?? 0);
    tx.orm
      .update(exchangeIdentity)
      .set({
        publicKey: before.pendingPublicKey!,
        privateKeyPem: before.pendingPrivateKeyPem!,
        keyCreatedAt: before.pendingCreatedAt ?? tx.clock.instant,
        epoch,
        pendingPublicKey: null,
        pendingPrivateKeyPem: null,
        pendingCreatedAt: null,
        enrolledAt: tx.clock.instant,
        updatedAt: tx.clock.instant,
      })
      .where(eq(exchangeIdentity.orgId, orgId))
      .run();
    appendAudit(tx, {
      action: 'exchange.reenroll',
      entity: 'exchange_identity',
      entityId: orgId,
      before: { epoch: before.epoch, fingerprint: fingerprint(before.publicKey) },
      after: { epoch, fingerprint: fingerprint(before.pendingPublicKey!), hubId: enrolled.hubId, communityId: enrolled.communityId },
    });
  }
  const set = {
    hubId: enrolled.hubId,
    hubName: enrolled.hubName,
    hubPublicKey: enrolled.hubPublicKey,
    communityId: enrolled.communityId,
    hubUrl: enrolled.hubUrl === undefined ? before.hubUrl : enrolled.hubUrl,
    enrolledAt: switching ? tx.clock.instant : (before.enrolledAt ?? tx.clock.instant),
    updatedAt: tx.clock.instant,
  };
  tx.orm.update(exchangeIdentity).set(set).where(eq(exchangeIdentity.orgId, orgId)).run();
  const view = (r: Partial<IdentityRow>) => ({
    hubId: r.hubId,
    hubName: r.hubName,
    hubFingerprint: r.hubPublicKey ? fingerprint(r.hubPublicKey) : null,
    communityId: r.communityId,
    hubUrl: r.hubUrl,
  });
  appendAudit(tx, { action: 'exchange.enroll', entity: 'exchange_identity', entityId: orgId, before: view(before), after: view(set) });
}

export function setHubUrl(tx: Tx, orgId: number, hubUrl: string | null): void {
  const before = identityOf(tx, orgId);
  if (!before) throw new ApiError('FORBIDDEN', '还没有登记到街道平台：请先生成登记申请并完成登记');
  const url = hubUrl ? hubUrl.replace(/\/+$/, '') : null;
  if (url === before.hubUrl) return;
  tx.orm.update(exchangeIdentity).set({ hubUrl: url, updatedAt: tx.clock.instant }).where(eq(exchangeIdentity.orgId, orgId)).run();
  appendAudit(tx, { action: 'exchange.setHubUrl', entity: 'exchange_identity', entityId: orgId, before: { hubUrl: before.hubUrl }, after: { hubUrl: url } });
}

// ── What was sent ────────────────────────────────────────────────────────────────────────────

export type SentRow = typeof exchangeSent.$inferSelect;

/** The key epoch this file signs in now (1 before any 重新登记). */
export function currentEpoch(db: Db, orgId: number): number {
  return identityOf(db, orgId)?.epoch ?? 1;
}

/** Every package sent, all epochs, oldest first. */
export function allSentPackages(db: Db, orgId: number): SentRow[] {
  return db.orm.select().from(exchangeSent).where(eq(exchangeSent.orgId, orgId)).orderBy(asc(exchangeSent.epoch), asc(exchangeSent.sequence)).all();
}

/** The packages sent in the current key epoch, in sequence. */
export function sentPackages(db: Db, orgId: number): SentRow[] {
  const epoch = currentEpoch(db, orgId);
  return db.orm
    .select()
    .from(exchangeSent)
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, epoch)))
    .orderBy(asc(exchangeSent.sequence))
    .all();
}

export function lastAcknowledged(db: Db, orgId: number): number {
  const row = db.orm
    .select({ sequence: exchangeSent.sequence })
    .from(exchangeSent)
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, currentEpoch(db, orgId)), isNotNull(exchangeSent.acknowledgedAt)))
    .orderBy(desc(exchangeSent.sequence))
    .get();
  return row?.sequence ?? 0;
}

/**
 * The hash of each record as the hub has it: from the latest acknowledged package of the current
 * epoch that carried it (a new epoch has nothing acknowledged: its first package carries all).
 */
function acknowledgedHashes(db: Db, orgId: number): Map<string, string> {
  const rows = db.orm
    .select({ uid: exchangeSentRecords.uid, hash: exchangeSentRecords.hash })
    .from(exchangeSentRecords)
    .innerJoin(exchangeSent, eq(exchangeSent.id, exchangeSentRecords.sentId))
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, currentEpoch(db, orgId)), isNotNull(exchangeSent.acknowledgedAt)))
    .orderBy(asc(exchangeSent.sequence))
    .all();
  const out = new Map<string, string>();
  for (const r of rows) out.set(r.uid, r.hash);
  return out;
}

export interface ChangedRecords {
  records: CommunityRecords;
  /** uid → hash of every record carried. */
  hashes: Map<string, string>;
  sinceAcknowledged: number;
}

/** The records changed since the last acknowledged package (a record is changed when its content's hash differs). */
export function changedRecords(db: Db, orgId: number): ChangedRecords {
  const all = communityRecords(db, orgId);
  const known = acknowledgedHashes(db, orgId);
  const hashes = new Map<string, string>();
  const records = { organization: all.organization } as CommunityRecords;
  for (const key of recordListKeys) {
    const list = all[key] as { uid: string }[];
    (records as unknown as Record<string, unknown[]>)[key] = list.filter((r) => {
      const h = recordHash(r);
      if (known.get(r.uid) === h) return false;
      hashes.set(r.uid, h);
      return true;
    });
  }
  return { records, hashes, sinceAcknowledged: lastAcknowledged(db, orgId) };
}

export function nextSequence(db: Db, orgId: number): number {
  const last = db.orm
    .select({ s: exchangeSent.sequence })
    .from(exchangeSent)
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, currentEpoch(db, orgId))))
    .orderBy(desc(exchangeSent.sequence))
    .get();
  return (last?.s ?? 0) + 1;
}

export function countsOf(records: CommunityRecords, documents: number): ExchangeRecordCounts {
  return {
    meetings: records.meetings.length,
    resolutions: records.resolutions.length,
    topics: records.topics.length,
    summons: records.summons.length,
    matters: records.matters.length,
    rules: records.rules.length,
    documents,
  };
}

/** Keeps a built package: its exact text, hash and the records' hashes. Never the private key. */
export function recordSent(
  tx: Tx,
  input: {
    orgId: number;
    sequence: number;
    fileName: string;
    sha256: string;
    text: string;
    counts: ExchangeRecordCounts;
    hashes: Map<string, string>;
    sentHow: '文件' | '网络';
  },
): void {
  const row = tx.orm
    .insert(exchangeSent)
    .values({
      orgId: input.orgId,
      epoch: currentEpoch(tx, input.orgId),
      sequence: input.sequence,
      createdAt: tx.clock.instant,
      fileName: input.fileName,
      sha256: input.sha256,
      counts: JSON.stringify(input.counts),
      packageText: input.text,
      sentHow: input.sentHow,
    })
    .returning({ id: exchangeSent.id })
    .get();
  for (const [uid, hash] of input.hashes) tx.orm.insert(exchangeSentRecords).values({ sentId: row.id, uid, hash }).run();
  appendAudit(tx, {
    action: 'exchange.send',
    entity: 'exchange_sent',
    entityId: row.id,
    after: {
      epoch: currentEpoch(tx, input.orgId),
      sequence: input.sequence,
      fileName: input.fileName,
      sha256: input.sha256,
      counts: input.counts,
      sentHow: input.sentHow,
    },
  });
}

/** The hub has every package up to `sequence`: marks those not yet marked. */
export function acknowledge(tx: Tx, orgId: number, sequence: number): number {
  const epoch = currentEpoch(tx, orgId);
  const open = tx.orm
    .select({ id: exchangeSent.id, sequence: exchangeSent.sequence })
    .from(exchangeSent)
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, epoch), isNull(exchangeSent.acknowledgedAt), lte(exchangeSent.sequence, sequence)))
    .all();
  if (!open.length) return 0;
  tx.orm
    .update(exchangeSent)
    .set({ acknowledgedAt: tx.clock.instant })
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, epoch), isNull(exchangeSent.acknowledgedAt), lte(exchangeSent.sequence, sequence)))
    .run();
  appendAudit(tx, {
    action: 'exchange.acknowledged',
    entity: 'exchange_sent',
    entityId: null,
    after: { orgId, epoch, sequences: open.map((o) => o.sequence) },
  });
  return open.length;
}

/** Marks an exported package as (also) sent online. */
export function markSentOnline(tx: Tx, orgId: number, sequence: number): void {
  tx.orm
    .update(exchangeSent)
    .set({ sentHow: '网络' })
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, currentEpoch(tx, orgId)), eq(exchangeSent.sequence, sequence)))
    .run();
}

// ── Status and history ───────────────────────────────────────────────────────────────────────

type Sent = ExchangeStatus['lastSent'] & object;
type Received = ExchangeStatus['lastReply'] & object;

function sentView(r: SentRow): Sent {
  return {
    epoch: r.epoch,
    sequence: r.sequence,
    createdAt: r.createdAt,
    fileName: r.fileName,
    sha256: r.sha256,
    counts: JSON.parse(r.counts) as ExchangeRecordCounts,
    sentHow: r.sentHow,
    acknowledgedAt: r.acknowledgedAt,
  };
}

function receivedView(r: typeof exchangeReceived.$inferSelect): Received {
  const c = JSON.parse(r.counts) as { filingReviews: number; summonsReplies: number };
  return {
    epoch: r.epoch,
    sequence: r.sequence,
    hash: r.hash,
    createdAt: r.createdAt,
    acknowledgedSequence: r.acknowledgedSequence,
    filingReviews: c.filingReviews,
    summonsReplies: c.summonsReplies,
    receivedHow: r.receivedHow,
    appliedAt: r.appliedAt,
  };
}

/** The 回执包 received in the current key epoch (the hub numbers them per epoch). */
export function receivedPackages(db: Db, orgId: number) {
  return db.orm
    .select()
    .from(exchangeReceived)
    .where(and(eq(exchangeReceived.orgId, orgId), eq(exchangeReceived.epoch, currentEpoch(db, orgId))))
    .orderBy(asc(exchangeReceived.sequence))
    .all();
}

/** Every epoch's packages, newest first. */
export function exchangeHistory(db: Db, orgId: number) {
  getOrganization(db, orgId);
  const received = db.orm
    .select()
    .from(exchangeReceived)
    .where(eq(exchangeReceived.orgId, orgId))
    .orderBy(asc(exchangeReceived.epoch), asc(exchangeReceived.sequence))
    .all();
  return { epoch: currentEpoch(db, orgId), sent: allSentPackages(db, orgId).map(sentView).reverse(), received: received.map(receivedView).reverse() };
}

export function exchangeStatus(db: Db, orgId: number): ExchangeStatus {
  const org = getOrganization(db, orgId);
  const eligible = org.kind === '村' || org.kind === '社区';
  const id = identityOf(db, orgId);
  const sent = sentPackages(db, orgId);
  const received = receivedPackages(db, orgId);
  const acked = sent.filter((s) => s.acknowledgedAt);
  const pending = { meetings: 0, resolutions: 0, topics: 0, summons: 0, matters: 0, rules: 0 };
  if (eligible) {
    const { records } = changedRecords(db, orgId);
    for (const key of recordListKeys) pending[key] = records[key].length;
  }
  return {
    orgId,
    orgName: org.name,
    eligible,
    keyFingerprint: id ? fingerprint(id.publicKey) : null,
    publicKey: id?.publicKey ?? null,
    enrolled: !!id?.hubId,
    hubId: id?.hubId ?? null,
    hubName: id?.hubName ?? null,
    hubFingerprint: id?.hubPublicKey ? fingerprint(id.hubPublicKey) : null,
    communityId: id?.communityId ?? null,
    hubUrl: id?.hubUrl ?? null,
    enrolledAt: id?.enrolledAt ?? null,
    epoch: id?.epoch ?? 1,
    pendingFingerprint: id?.pendingPublicKey ? fingerprint(id.pendingPublicKey) : null,
    pendingSince: id?.pendingCreatedAt ?? null,
    lastSent: sent.length ? sentView(sent[sent.length - 1]!) : null,
    lastAcknowledged: acked.length ? acked[acked.length - 1]!.sequence : 0,
    unacknowledged: sent.length - acked.length,
    lastReply: received.length ? receivedView(received[received.length - 1]!) : null,
    pending,
  };
}

/** A kept package's exact text, to save again (a lost USB stick); the current epoch unless named. */
export function sentPackage(db: Db, orgId: number, sequence: number, epoch?: number): SentRow {
  const e = epoch ?? currentEpoch(db, orgId);
  const row = db.orm
    .select()
    .from(exchangeSent)
    .where(and(eq(exchangeSent.orgId, orgId), eq(exchangeSent.epoch, e), eq(exchangeSent.sequence, sequence)))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', `没有${e > 1 ? `第 ${e} 轮` : ''}第 ${sequence} 号报送包，请刷新报送记录后重试`);
  return row;
}
