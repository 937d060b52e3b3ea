import { ApiError } from '../core/contract/define';
import { signPullRequest } from '../exchange/pull';

/**
 * The desktop's only network traffic: to the street hub the user configured, with Node's own
 * fetch and a time limit. Whatever goes wrong, the user is told to send the file instead —
 * the 报送包 on a USB stick always works.
 */

const TIMEOUT_MS = 20_000;

/**
 * The hub could not be reached or did not answer. `maybeDelivered` is false only where the
 * request certainly never arrived (no such address, connection refused, bad certificate): after
 * a timeout or a broken answer the hub may have stored what was sent.
 */
export class HubUnreachable extends ApiError {
  constructor(
    url: string,
    why: string,
    readonly maybeDelivered: boolean,
  ) {
    super('FILE_UNREADABLE', `连不上街道平台（${url}：${why}），请改用导出文件报送`);
  }
}

function unreachable(url: string, why: string, maybeDelivered = true): HubUnreachable {
  return new HubUnreachable(url, why, maybeDelivered);
}

function neverArrived(err: unknown): boolean {
  const e = err as { cause?: { code?: string; message?: string }; code?: string };
  const code = e?.cause?.code ?? e?.code ?? '';
  // fetch refuses some ports (9, 25 …) before connecting: "bad port".
  return ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED'].includes(code) || /CERT|SSL|TLS/.test(code) || e?.cause?.message === 'bad port';
}

function why(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string }; code?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `${TIMEOUT_MS / 1000} 秒内没有应答`;
  const code = e?.cause?.code ?? e?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '找不到这个地址';
  if (code === 'ECONNREFUSED') return '平台没有开启';
  if (code && /CERT|SSL|TLS/.test(code)) return '平台的安全证书无效';
  return code ? `网络错误 ${code}` : '网络不通';
}

export interface HubAnswer {
  status: number;
  text: string;
}

/** One request to the hub; a network failure or a server error becomes the Chinese message above. */
export async function hubRequest(base: string, path: string, init: { method: 'GET' | 'POST'; body?: string; timeoutMs?: number }): Promise<HubAnswer> {
  const url = `${base.replace(/\/+$/, '')}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      body: init.body,
      headers: init.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : undefined,
      signal: AbortSignal.timeout(init.timeoutMs ?? TIMEOUT_MS),
    });
  } catch (err) {
    throw unreachable(base, why(err), !neverArrived(err));
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw unreachable(base, why(err));
  }
  if (res.status >= 500) throw unreachable(base, `平台出错（${res.status}）`);
  return { status: res.status, text };
}

/** The hub's refusal message (its JSON `message`), or a generic one with the status. */
export function hubMessage(answer: HubAnswer): string {
  try {
    const v = JSON.parse(answer.text) as { message?: unknown; error?: unknown };
    if (typeof v.message === 'string' && v.message) return v.message;
    if (typeof v.error === 'string' && v.error) return v.error;
  } catch {
    // not JSON
  }
  return `街道平台拒绝了请求（${answer.status}）`;
}

/**
 * The query a community pulls its 回执包 with: signed by its own key so only it can fetch them
 * (the hub checks the time within minutes and each signature once; exchange/pull.ts).
 */
export function signedPullQuery(communityId: string, after: number, privateKeyPem: string, timestamp: string): string {
  const q = signPullRequest(communityId, after, privateKeyPem, timestamp);
  return new URLSearchParams({ communityId, after: String(after), timestamp, signature: q.signature }).toString();
}

/** The package texts in a hub answer: { package } (enrollment), { packages: [{ text }] } (replies), or a bare package. */
export function packagesIn(answer: HubAnswer): string[] {
  let v: unknown;
  try {
    v = JSON.parse(answer.text);
  } catch {
    return [];
  }
  if (!v || typeof v !== 'object') return [];
  const o = v as { header?: unknown; package?: unknown; packages?: unknown };
  if (o.header !== undefined) return [answer.text];
  if (typeof o.package === 'string') return [o.package];
  if (Array.isArray(o.packages))
    return o.packages.map((p) => (typeof p === 'string' ? p : (p as { text?: unknown })?.text)).filter((t): t is string => typeof t === 'string');
  return [];
}
