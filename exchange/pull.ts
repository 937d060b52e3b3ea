import { createPrivateKey, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical';
import { publicKeyObject } from './keys';

/**
 * A community asking its hub for 回执包 signs {communityId, after, timestamp} with its own key,
 * so only it can fetch them; the hub checks the signature and that the time is within minutes.
 * Both sides build the signed bytes here, so they cannot drift apart.
 */
export interface PullRequest {
  communityId: string;
  after: number;
  timestamp: string;
  signature: string;
}

export function pullRequestBytes(communityId: string, after: number, timestamp: string): Buffer {
  return Buffer.from(canonicalJson({ purpose: '回执包拉取', communityId, after, timestamp }), 'utf8');
}

export function signPullRequest(communityId: string, after: number, privateKeyPem: string, timestamp: string): PullRequest {
  const signature = sign(null, pullRequestBytes(communityId, after, timestamp), createPrivateKey(privateKeyPem)).toString('base64');
  return { communityId, after, timestamp, signature };
}

/** True when `request` was signed by `publicKey` (the community's registered key). */
export function verifyPullRequest(request: PullRequest, publicKey: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key) return false;
  try {
    return verify(null, pullRequestBytes(request.communityId, request.after, request.timestamp), key, Buffer.from(request.signature, 'base64'));
  } catch {
    return false;
  }
}
