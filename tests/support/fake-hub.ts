import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, type KeyPairText } from '../../exchange/keys';
import { ExchangeError, packageHash, readPackage, sequenceCheck, signPackage, verifyPackage, type SignedPackage } from '../../exchange/package';
import type { ReplyBody } from '../../exchange/records';

/**
 * A stand-in for the street hub in the desktop's tests: the same package rules (exchange/),
 * the same three routes, kept in memory. Not the hub (server/): that one is tested on its own.
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
  close(): Promise<void>;
}

export async function startFakeHub(hubName = '青石街道平台'): Promise<FakeHub> {
  const keys = generateKeyPair();
  const hubId = 'hub-test';
  const communities = new Map<string, { publicKey: string; name: string }>();
  const reports = new Map<string, SignedPackage<'report'>[]>();
  const replySeq = new Map<string, number>();
  const replies = new Map<string, string[]>();
  const now = () => new Date().toISOString();

  function reply(communityId: string, body: Partial<ReplyBody>, sequence?: number): string {
    const seq = sequence ?? (replySeq.get(communityId) ?? 0) + 1;
    if (sequence === undefined) replySeq.set(communityId, seq);
    const stored = reports.get(communityId) ?? [];
    const text = signPackage(
      'reply',
      { communityId, hubId, sequence: seq, createdAt: now() },
      { acknowledgedSequence: stored.length, filingReviews: [], summonsReplies: [], ...body },
      keys.privateKeyPem,
    );
    return text;
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': typeof body === 'string' ? 'application/json' : 'application/json' });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      try {
        const url = new URL(req.url ?? '/', 'http://hub');
        if (req.method === 'POST' && url.pathname === '/api/enroll') {
          const pkg = readPackage(text, 'enrollment');
          verifyPackage(pkg, pkg.signature.publicKey);
          const communityId = `c-${communities.size + 1}`;
          communities.set(communityId, { publicKey: pkg.signature.publicKey, name: pkg.body.communityName });
          return send(
            200,
            signPackage(
              'enrolled',
              { communityId, hubId, sequence: 0, createdAt: now() },
              { hubName, hubPublicKey: keys.publicKey, communityName: pkg.body.communityName },
              keys.privateKeyPem,
            ),
          );
        }
        if (req.method === 'POST' && url.pathname === '/api/packages') {
          const pkg = readPackage(text, 'report');
          const community = communities.get(pkg.header.communityId ?? '');
          if (!community) throw new ExchangeError('unknown-community', '未登记的社区');
          verifyPackage(pkg, community.publicKey);
          const stored = reports.get(pkg.header.communityId!) ?? [];
          const same = stored[pkg.header.sequence - 1];
          const outcome = sequenceCheck('报送包', pkg.header.sequence, stored.length, same ? packageHash(same) === packageHash(pkg) : null);
          if (outcome === 'new') stored.push(pkg);
          reports.set(pkg.header.communityId!, stored);
          return send(200, { ok: true, message: outcome === 'new' ? '已接收' : '已接收过', acknowledgedSequence: stored.length });
        }
        if (req.method === 'GET' && url.pathname === '/api/replies') {
          const communityId = url.searchParams.get('communityId') ?? '';
          const after = Number(url.searchParams.get('after') ?? '0');
          const queued = replies.get(communityId) ?? [];
          // A reply acknowledging what is stored, once per new report.
          const stored = reports.get(communityId) ?? [];
          const last = replySeq.get(communityId) ?? 0;
          if (after >= last && stored.length > 0 && !queued.length && after === last && (acked.get(communityId) ?? 0) < stored.length) {
            acked.set(communityId, stored.length);
            queued.push(reply(communityId, {}));
            replies.set(communityId, queued);
          }
          const next = queued.find((t) => readPackage(t, 'reply').header.sequence === after + 1);
          if (!next) return send(204, '');
          return send(200, next);
        }
        return send(404, { ok: false, message: '没有这个地址' });
      } catch (err) {
        return send(400, { ok: false, message: err instanceof Error ? err.message : String(err) });
      }
    });
  });
  const acked = new Map<string, number>();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hubId,
    hubName,
    keys,
    reports,
    reply,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
