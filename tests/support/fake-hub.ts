import { verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { canonicalJson } from '../../exchange/canonical';
import { generateKeyPair, publicKeyObject, type KeyPairText } from '../../exchange/keys';
import { ExchangeError, packageHash, readPackage, sequenceCheck, signPackage, verifyPackage, type SignedPackage } from '../../exchange/package';
import type { ReplyBody } from '../../exchange/records';

/**
 * A stand-in for the street hub in the desktop's tests: the same package rules (exchange/) and
 * the hub's three community routes as server/README.md gives them (POST /api/enroll → { ok,
 * package }, POST /api/packages → { ok, message, acknowledgedSequence }, GET /api/replies with
 * a signed query → { ok, packages: [{ sequence, text }] }), kept in memory. Not the hub itself.
 */
export interface FakeHub {
  url: string;
  hubId: string;
  hubName: string;
  keys: KeyPairText;
  /** Reports stored per community id, in sequence. */
  reports: Map<string, SignedPackage<'report'>[]>;
  /** Signs a reply for a community as the hub would; the next reply sequence unless given. */
  reply(communityId: string, body: Partial<ReplyBody>, sequence?: number): string;
  /** The latest 回执包 for a community, acknowledging what it has stored (as a pull would fetch it). */
  nextReply(communityId: string): string;
  /** The next report is refused with this message (400 { ok: false, message }), as the hub refuses a bad one. */
  refuseNext(message: string): void;
  close(): Promise<void>;
}

export async function startFakeHub(hubName = '青石街道平台'): Promise<FakeHub> {
  const keys = generateKeyPair();
  const hubId = 'hub-test';
  const communities = new Map<string, { publicKey: string; name: string }>();
  const reports = new Map<string, SignedPackage<'report'>[]>();
  const replySeq = new Map<string, number>();
  const issued = new Map<string, { sequence: number; acknowledgedSequence: number; text: string }[]>();
  const now = () => new Date().toISOString();
  let refusal: string | null = null;

  function reply(communityId: string, body: Partial<ReplyBody>, sequence?: number): string {
    const seq = sequence ?? (replySeq.get(communityId) ?? 0) + 1;
    if (sequence === undefined) replySeq.set(communityId, seq);
    const stored = reports.get(communityId) ?? [];
    return signPackage(
      'reply',
      { communityId, hubId, sequence: seq, createdAt: now() },
      { acknowledgedSequence: stored.length, filingReviews: [], summonsReplies: [], ...body },
      keys.privateKeyPem,
    );
  }

  /** The replies after `after`, making a new one when reports arrived since the last. */
  function repliesAfter(communityId: string, after: number) {
    const list = issued.get(communityId) ?? [];
    const stored = (reports.get(communityId) ?? []).length;
    const lastAck = list.length ? list[list.length - 1]!.acknowledgedSequence : 0;
    if (stored > lastAck) {
      const text = reply(communityId, {});
      list.push({ sequence: readPackage(text, 'reply').header.sequence, acknowledgedSequence: stored, text });
      issued.set(communityId, list);
    }
    return list.filter((r) => r.sequence > after).map((r) => ({ ...r, fileName: `回执包-${r.sequence}.json` }));
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      try {
        const url = new URL(req.url ?? '/', 'http://hub');
        if (req.method === 'POST' && url.pathname === '/api/enroll') {
          const pkg = readPackage(text, 'enrollment');
          verifyPackage(pkg, pkg.signature.publicKey);
          const communityId = `c-${communities.size + 1}`;
          communities.set(communityId, { publicKey: pkg.signature.publicKey, name: pkg.body.communityName });
          const receipt = signPackage(
            'enrolled',
            { communityId, hubId, sequence: 0, createdAt: now() },
            { hubName, hubPublicKey: keys.publicKey, communityName: pkg.body.communityName },
            keys.privateKeyPem,
          );
          return send(200, { ok: true, communityId, hubId, hubName, package: receipt });
        }
        if (req.method === 'POST' && url.pathname === '/api/packages') {
          if (refusal) {
            const message = refusal;
            refusal = null;
            return send(400, { ok: false, message });
          }
          const pkg = readPackage(text, 'report');
          const community = communities.get(pkg.header.communityId ?? '');
          if (!community) throw new ExchangeError('unknown-community', '这个村（社区）没有在本街道登记');
          verifyPackage(pkg, community.publicKey);
          const stored = reports.get(pkg.header.communityId!) ?? [];
          const same = stored[pkg.header.sequence - 1];
          const outcome = sequenceCheck('报送包', pkg.header.sequence, stored.length, same ? packageHash(same) === packageHash(pkg) : null);
          if (outcome === 'new') stored.push(pkg);
          reports.set(pkg.header.communityId!, stored);
          return send(200, { ok: true, status: outcome === 'new' ? 'stored' : 'already', message: '已接收', acknowledgedSequence: stored.length });
        }
        if (req.method === 'GET' && url.pathname === '/api/replies') {
          const q = Object.fromEntries(url.searchParams) as Record<string, string>;
          const community = communities.get(q.communityId ?? '');
          if (!community) return send(403, { ok: false, message: '这个村（社区）没有在本街道登记，不能取回执。请先登记。' });
          const bytes = Buffer.from(
            canonicalJson({ purpose: '回执包拉取', communityId: q.communityId, after: Number(q.after), timestamp: q.timestamp }),
            'utf8',
          );
          if (!verify(null, bytes, publicKeyObject(community.publicKey)!, Buffer.from(q.signature ?? '', 'base64'))) {
            return send(403, { ok: false, message: '取回执请求的签名核对不上，不能取。' });
          }
          return send(200, { ok: true, packages: repliesAfter(q.communityId!, Number(q.after)) });
        }
        return send(404, { ok: false, message: '没有这个地址' });
      } catch (err) {
        return send(400, { ok: false, message: err instanceof Error ? err.message : String(err) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hubId,
    hubName,
    keys,
    reports,
    reply,
    nextReply: (communityId) => {
      const all = repliesAfter(communityId, 0);
      return all[all.length - 1]?.text ?? reply(communityId, {});
    },
    refuseNext: (message) => {
      refusal = message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
