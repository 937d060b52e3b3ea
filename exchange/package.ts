import { createHash, createPrivateKey, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical';
import { fingerprint, publicKeyObject, publicKeyOf } from './keys';
import { enrolledBody, enrollmentBody, replyBody, reportBody } from './records';

export const PACKAGE_FORMAT = '议事厅报送包';
export const PACKAGE_VERSION = 1;

/** What each kind of package is called to a user, and who signs it. */
export const packageKinds = {
  /** Community → hub: records changed since the last acknowledged package; signed by the community. */
  report: '报送包',
  /** Hub → community: acknowledgement, 备案审查意见, departments' 报到 and answers; signed by the hub. */
  reply: '回执包',
  /** Community → hub: "enroll me with this code"; signed by the community's new key (proof it holds it). */
  enrollment: '登记申请',
  /** Hub → community: the hub's name and key after an enrollment; signed by the hub. */
  enrolled: '登记回执',
} as const;
export type PackageKind = keyof typeof packageKinds;

const bodies = { report: reportBody, reply: replyBody, enrollment: enrollmentBody, enrolled: enrolledBody } as const;
export type PackageBody<K extends PackageKind> = z.infer<(typeof bodies)[K]>;

export const packageHeader = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(PACKAGE_VERSION),
    kind: z.enum(['report', 'reply', 'enrollment', 'enrolled']),
    /** Given by the hub at enrollment; null only in an enrollment request. */
    communityId: z.string().min(1).max(64).nullable(),
    /** The hub the package is for (report, enrollment) or from (reply, enrolled); null in an enrollment request. */
    hubId: z.string().min(1).max(64).nullable(),
    /** Report: the community's own count, 1, 2, 3 …; reply: the hub's count for that community; 0 for enrollment. */
    sequence: z.number().int().min(0),
    createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
  })
  .strict();
export type PackageHeader = z.infer<typeof packageHeader>;

const signatureShape = z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string(), value: z.string() }).strict();

export interface SignedPackage<K extends PackageKind = PackageKind> {
  header: PackageHeader & { kind: K };
  body: PackageBody<K>;
  signature: z.infer<typeof signatureShape>;
}

export type ExchangeRefusal = 'truncated' | 'format' | 'unsigned' | 'signature' | 'wrong-kind' | 'unknown-community' | 'foreign-hub' | 'replay' | 'gap';

/** A package refused, with what to tell the person holding it (Chinese, says what to do next). */
export class ExchangeError extends Error {
  constructor(
    readonly refusal: ExchangeRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}

/** The bytes a signature covers: header and body in canonical JSON. */
function signedBytes(header: PackageHeader, body: unknown): Buffer {
  return Buffer.from(canonicalJson({ header, body }), 'utf8');
}

/**
 * Builds and signs a package; returns the file's text. The body is checked against its kind's
 * schema first, so a package this side writes is always one the other side can read.
 */
export function signPackage<K extends PackageKind>(
  kind: K,
  header: Omit<PackageHeader, 'format' | 'version' | 'kind'>,
  body: PackageBody<K>,
  privateKeyPem: string,
): string {
  const fullHeader: PackageHeader = packageHeader.parse({ format: PACKAGE_FORMAT, version: PACKAGE_VERSION, kind, ...header });
  const parsedBody = bodies[kind].parse(body);
  const value = sign(null, signedBytes(fullHeader, parsedBody), createPrivateKey(privateKeyPem)).toString('base64');
  const envelope = { header: fullHeader, body: parsedBody, signature: { algorithm: 'Ed25519', publicKey: publicKeyOf(privateKeyPem), value } };
  return JSON.stringify(envelope);
}

/**
 * Reads a package file's text without trusting it yet: the shape, the kind and the body's
 * schema. The signature is checked by `verifyPackage` against the key the reader registered —
 * never against the key the package names for itself.
 */
export function readPackage<K extends PackageKind>(text: string, expected?: K): SignedPackage<K> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ExchangeError('truncated', '文件不完整或已损坏（可能没有拷贝完），读不出报送包。请重新导出或重新拷贝后再试。');
  }
  const envelope = z.object({ header: z.unknown(), body: z.unknown(), signature: z.unknown().optional() }).safeParse(raw);
  if (!envelope.success) throw new ExchangeError('format', '这个文件不是议事厅的报送包或回执包。请确认选对了文件。');
  const header = packageHeader.safeParse(envelope.data.header);
  if (!header.success) {
    const h = envelope.data.header as { format?: unknown; version?: unknown } | null;
    if (h && h.format === PACKAGE_FORMAT && h.version !== PACKAGE_VERSION) {
      throw new ExchangeError('format', `报送包的格式版本（${String(h.version)}）与本软件（${PACKAGE_VERSION}）不一致，请双方升级到同一版本后再试。`);
    }
    throw new ExchangeError('format', '这个文件不是议事厅的报送包或回执包。请确认选对了文件。');
  }
  const kind = header.data.kind;
  if (expected && kind !== expected) {
    throw new ExchangeError('wrong-kind', `这是${packageKinds[kind]}，这里需要的是${packageKinds[expected]}。请确认选对了文件。`);
  }
  if (envelope.data.signature === undefined || envelope.data.signature === null) {
    throw new ExchangeError('unsigned', `${packageKinds[kind]}没有签名，不能接收。请让对方用议事厅重新导出。`);
  }
  const signature = signatureShape.safeParse(envelope.data.signature);
  if (!signature.success) throw new ExchangeError('unsigned', `${packageKinds[kind]}的签名不完整，不能接收。请让对方用议事厅重新导出。`);
  const body = bodies[kind].safeParse(envelope.data.body);
  if (!body.success) {
    const first = body.error.issues[0];
    throw new ExchangeError('format', `${packageKinds[kind]}的内容不符合格式（${first?.path.join('.') || '内容'}），不能接收。请让对方重新导出。`);
  }
  return { header: header.data as PackageHeader & { kind: K }, body: body.data as PackageBody<K>, signature: signature.data };
}

/** Throws unless the package was signed by `publicKey` (the key this side registered) and not changed since. */
export function verifyPackage(pkg: SignedPackage, publicKey: string): void {
  const key = publicKeyObject(publicKey);
  if (!key) throw new ExchangeError('signature', '登记的公钥无效，无法核对签名。请重新登记。');
  const what = packageKinds[pkg.header.kind];
  let ok = false;
  try {
    ok = verify(null, signedBytes(pkg.header, pkg.body), key, Buffer.from(pkg.signature.value, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok || pkg.signature.publicKey !== publicKey) {
    throw new ExchangeError(
      'signature',
      `${what}的签名核对不上：文件在签名后被改动过，或不是由登记的密钥（${fingerprint(publicKey)}）签发的。不能接收，请让对方重新导出。`,
    );
  }
}

/** Reads and verifies in one step, for the usual case where the reader knows the signer's key. */
export function openPackage<K extends PackageKind>(text: string, expected: K, publicKey: string): SignedPackage<K> {
  const pkg = readPackage(text, expected);
  verifyPackage(pkg, publicKey);
  return pkg;
}

/**
 * The identity of a package's content: SHA-256 of its signed bytes. A package sent twice has
 * the same hash however its file was re-encoded; a changed one does not.
 */
export function packageHash(pkg: SignedPackage): string {
  return createHash('sha256').update(signedBytes(pkg.header, pkg.body)).digest('hex');
}

/** The file name a package is saved under: 议事厅报送包-青石村-第3号.json. */
export function packageFileName(kind: PackageKind, communityName: string, sequence: number): string {
  const safe = communityName.replace(/[\\/:*?"<>|\s]+/g, '');
  return kind === 'report' || kind === 'reply' ? `议事厅${packageKinds[kind]}-${safe}-第${sequence}号.json` : `议事厅${packageKinds[kind]}-${safe}.json`;
}

/** The sequence rule both sides apply (the hub to reports, the desktop to replies). */
export function sequenceCheck(what: string, sequence: number, last: number, sameAsStored: boolean | null): 'new' | 'already' {
  if (sequence === last + 1) return 'new';
  if (sequence <= last) {
    if (sameAsStored) return 'already';
    throw new ExchangeError('replay', `第 ${sequence} 号${what}已经接收过，而这个文件的内容与当时不同（可能被改动或重复使用）。不能接收。`);
  }
  throw new ExchangeError('gap', `缺少第 ${last + 1} 号${what}（已接收到第 ${last} 号，这个是第 ${sequence} 号）。请先补送第 ${last + 1} 号，再送这一个。`);
}
