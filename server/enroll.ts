/**
 * Enrollment: an admin creates a community entry and hands its secretary a one-time code (8
 * characters, 7 days); the community's app sends an enrollment request signed with its new key
 * (exchange `enrollment` package); the hub registers the key, burns the code and answers with a
 * signed `enrolled` package (its id, name and public key, and the community's id).
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ExchangeError, fingerprint, readPackage, signPackage, verifyPackage } from '../exchange';
import { type HubDb } from './db/open';
import { communities, communityKeys, ingestLog } from './db/schema';
import { type HubIdentity } from './identity';
import { sha256Hex } from './auth';

export const ENROLL_CODE_DAYS = 7;
// No 0/O, 1/I/L: read over the phone and typed by hand.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrollCode(): string {
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** What people type: case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

export type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

export async function createCommunity(
  db: HubDb,
  input: { name: string; orgKind?: '村' | '社区' | null | undefined },
  now: Date = new Date(),
): Promise<Result<{ communityId: string; code: string; codeExpiresAt: string }>> {
  const name = input.name.trim();
  if (!name || name.length > 100) return { ok: false, message: '请填写村（社区）名称（最多 100 个字）' };
  const [existing] = await db.select({ id: communities.id }).from(communities).where(eq(communities.name, name));
  if (existing) return { ok: false, message: `“${name}”已经登记过了。要重新发登记码，请在列表里点“重发登记码”。` };
  const code = newEnrollCode();
  const communityId = `c-${crypto.randomUUID()}`;
  const codeExpiresAt = new Date(now.getTime() + ENROLL_CODE_DAYS * 86_400_000).toISOString();
  await db.insert(communities).values({
    communityId,
    name,
    orgKind: input.orgKind ?? null,
    enrollCodeHash: sha256Hex(code),
    enrollCodeExpiresAt: codeExpiresAt,
    createdAt: now.toISOString(),
  });
  return { ok: true, communityId, code, codeExpiresAt };
}

/**
 * A new code for a community whose code expired or got lost: before it has enrolled, or while a
 * 重新登记（更换电脑） is outstanding.
 */
export async function reissueCode(db: HubDb, communityId: string, now: Date = new Date()): Promise<Result<{ code: string; codeExpiresAt: string }>> {
  const [row] = await db.select().from(communities).where(eq(communities.communityId, communityId));
  if (!row) return { ok: false, message: '没有这个村（社区），请刷新列表后再试' };
  if (row.publicKey && !row.reenrollRequestedAt) {
    return { ok: false, message: `“${row.name}”已经登记完成，不需要登记码。如果社区换了电脑，请点“重新登记（更换电脑）”。` };
  }
  const code = newEnrollCode();
  const codeExpiresAt = new Date(now.getTime() + ENROLL_CODE_DAYS * 86_400_000).toISOString();
  await db
    .update(communities)
    .set({ enrollCodeHash: sha256Hex(code), enrollCodeExpiresAt: codeExpiresAt })
    .where(eq(communities.id, row.id));
  return { ok: true, code, codeExpiresAt };
}

/**
 * 重新登记（更换电脑）: the community lost its PC (and its key). A new one-time code is issued; the
 * registered key keeps working until the community enrolls with the code, which replaces it.
 */
export async function requestReenrollment(db: HubDb, communityId: string, now: Date = new Date()): Promise<Result<{ code: string; codeExpiresAt: string }>> {
  const [row] = await db.select().from(communities).where(eq(communities.communityId, communityId));
  if (!row) return { ok: false, message: '没有这个村（社区），请刷新列表后再试' };
  if (!row.publicKey) return { ok: false, message: `“${row.name}”还没有登记，不需要重新登记。请点“重发登记码”。` };
  const code = newEnrollCode();
  const codeExpiresAt = new Date(now.getTime() + ENROLL_CODE_DAYS * 86_400_000).toISOString();
  await db
    .update(communities)
    .set({ enrollCodeHash: sha256Hex(code), enrollCodeExpiresAt: codeExpiresAt, reenrollRequestedAt: now.toISOString() })
    .where(eq(communities.id, row.id));
  return { ok: true, code, codeExpiresAt };
}

export interface Enrolled {
  communityId: string;
  communityName: string;
  hubId: string;
  hubName: string;
  hubPublicKey: string;
  fingerprint: string;
  /** The signed 登记回执 (exchange `enrolled` package) the community's app imports. */
  package: string;
}

export async function enroll(db: HubDb, hub: HubIdentity, text: string, now: Date = new Date()): Promise<Result<Enrolled>> {
  let pkg;
  try {
    pkg = readPackage(text, 'enrollment');
    // Proof that the sender holds the key it registers.
    verifyPackage(pkg, pkg.signature.publicKey);
  } catch (e) {
    if (e instanceof ExchangeError) return { ok: false, message: e.message };
    throw e;
  }
  if (pkg.header.hubId != null && pkg.header.hubId !== hub.hubId) {
    return { ok: false, message: '这个登记申请是发给另一个街道集散中心的，不能在这里登记。请确认登记码是本街道给的。' };
  }
  const codeHash = sha256Hex(normalizeCode(pkg.body.code));
  const [row] = await db.select().from(communities).where(eq(communities.enrollCodeHash, codeHash));
  if (!row) return { ok: false, message: '登记码不对或已经用过。请核对登记码（8 位字母和数字），或请街道管理员重发一个登记码。' };
  if (!row.enrollCodeExpiresAt || Date.parse(row.enrollCodeExpiresAt) < now.getTime()) {
    return { ok: false, message: `登记码已过期（有效期 ${ENROLL_CODE_DAYS} 天）。请街道管理员重发一个登记码。` };
  }
  const publicKey = pkg.signature.publicKey;
  if (row.publicKey === publicKey) return { ok: false, message: '这台电脑已经用这个密钥登记过了，不需要重新登记。' };
  const replacing = row.publicKey != null;
  const epoch = replacing ? row.keyEpoch + 1 : 1;
  const print = fingerprint(publicKey);
  const at = now.toISOString();
  const burned = await db.transaction(async (tx) => {
    // Burn the code in the same statement that registers the key: a code works once.
    const done = await tx
      .update(communities)
      .set({
        publicKey,
        fingerprint: print,
        orgKind: pkg.body.orgKind,
        enrollCodeHash: null,
        enrollCodeExpiresAt: null,
        enrolledAt: at,
        keyEpoch: epoch,
        reenrollRequestedAt: null,
        // Sequences count per key epoch: the new key's packages start at 1.
        lastSequence: 0,
      })
      .where(and(eq(communities.id, row.id), eq(communities.enrollCodeHash, codeHash), eq(communities.keyEpoch, row.keyEpoch)))
      .returning({ id: communities.id });
    if (done.length === 0) return false;
    if (replacing) {
      await tx
        .update(communityKeys)
        .set({ retiredAt: at })
        .where(and(eq(communityKeys.communityId, row.communityId), eq(communityKeys.epoch, row.keyEpoch)));
    }
    await tx.insert(communityKeys).values({ communityId: row.communityId, epoch, publicKey, fingerprint: print, enrolledAt: at });
    await tx.insert(ingestLog).values({
      at,
      communityId: row.communityId,
      epoch,
      sequence: null,
      sha256: null,
      size: Buffer.byteLength(text),
      source: '登记',
      ok: true,
      message: replacing
        ? `重新登记（更换电脑）：新密钥指纹 ${print}（第 ${epoch} 代密钥），报送包序号从第 1 号重新开始；旧电脑（指纹 ${row.fingerprint ?? '—'}）的报送包不再接收。`
        : `登记完成：密钥指纹 ${print}。`,
    });
    return true;
  });
  if (!burned) return { ok: false, message: '登记码已经用过。请街道管理员重发一个登记码。' };
  const reply = signPackage(
    'enrolled',
    { communityId: row.communityId, hubId: hub.hubId, sequence: 0, createdAt: now.toISOString() },
    { hubName: hub.name, hubPublicKey: hub.publicKey, communityName: row.name, communityPublicKey: publicKey, keyEpoch: epoch },
    hub.privateKeyPem,
  );
  return {
    ok: true,
    communityId: row.communityId,
    communityName: row.name,
    hubId: hub.hubId,
    hubName: hub.name,
    hubPublicKey: hub.publicKey,
    fingerprint: fingerprint(hub.publicKey),
    package: reply,
  };
}

export const ENROLL_FAILURES_ALLOWED = 10;
export const ENROLL_FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed enrollment attempts per remote address (in memory: a restart forgets them). After 10
 * failures within 15 minutes an address is refused until the oldest failure is 15 minutes old,
 * so the 8-character codes (31⁸ ≈ 8.5 × 10¹¹) cannot be guessed over the network.
 */
export class EnrollThrottle {
  private failures = new Map<string, number[]>();

  private recent(address: string, now: number): number[] {
    const list = (this.failures.get(address) ?? []).filter((at) => now - at < ENROLL_FAILURE_WINDOW_MS);
    if (list.length) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }

  /** A refusal message when the address has used up its attempts, else null. */
  check(address: string, now: number = Date.now()): string | null {
    const list = this.recent(address, now);
    if (list.length < ENROLL_FAILURES_ALLOWED) return null;
    const minutes = Math.max(1, Math.ceil((list[0]! + ENROLL_FAILURE_WINDOW_MS - now) / 60_000));
    return `登记码输错的次数太多（15 分钟内 ${ENROLL_FAILURES_ALLOWED} 次），请 ${minutes} 分钟后再试。请先仔细核对街道给的登记码；如果确实不对，请街道管理员重发一个登记码。`;
  }

  fail(address: string, now: number = Date.now()): void {
    this.failures.set(address, [...this.recent(address, now), now]);
  }
}
