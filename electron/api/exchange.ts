import { createHash } from 'node:crypto';
import { ApiError } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/common';
import type { ExchangeRecordCounts, ReplyResult } from '../../core/contract/exchange';
import { recordedMinutes } from './documents';
import { buildMinutes, suggestedFileName } from '../documents';
import { minutesReview } from '../../db/minutes';
import { exportRuleDocument } from './rule-documents';
import { organizationRecordOf, type CommunityRecords } from '../../db/exchange/records';
import { appendAudit } from '../../db/audit';
import { fingerprint } from '../../exchange/keys';
import { listFilingReviews, listSummonsReplies, applyReply } from '../../db/exchange/reply';
import {
  acknowledge,
  changedRecords,
  countsOf,
  enrolledIdentity,
  ensureIdentity,
  ensurePendingKey,
  exchangeHistory,
  exchangeStatus,
  identityOf,
  markSentOnline,
  nextSequence,
  recordEnrollment,
  recordSent,
  sentPackage,
  sentPackages,
  setHubUrl,
} from '../../db/exchange/state';
import { RecordedRefusal } from '../../db/write';
import { ExchangeError, packageFileName, packageHash, readPackage, signPackage, verifyPackage } from '../../exchange/package';
import type { DocumentRecord } from '../../exchange/records';
import { HubUnreachable, hubMessage, hubRequest, packagesIn, signedPullQuery } from '../exchange-http';
import type { HandlerGroup, WriteContext } from './context';

const JSON_MIME = 'application/json';

function jsonFile(fileName: string, text: string, kind: FileOutput['kind']): FileOutput {
  return { fileName, mimeType: JSON_MIME, base64: Buffer.from(text, 'utf8').toString('base64'), kind };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The finalized documents that go with the changed records: a finalized meeting's 会议记录 as
 * approved, an adopted rule's 备案报告. A document that cannot be built is left out (the record
 * itself still goes); the street can ask for it on paper.
 */
async function documentsFor(ctx: WriteContext, records: CommunityRecords): Promise<DocumentRecord[]> {
  const out: DocumentRecord[] = [];
  const add = (uid: string, recordUid: string, kind: string, file: { fileName: string; bytes: Buffer }) =>
    out.push({ uid, recordUid, kind, fileName: file.fileName.slice(0, 200), sha256: sha256(file.bytes), base64: file.bytes.toString('base64') });
  for (const m of records.meetings) {
    if (m.status !== '已定稿') continue;
    const meetingId = Number(m.uid.slice('meetings-'.length));
    try {
      const data = recordedMinutes(ctx.tx, meetingId, true, minutesReview(ctx.tx, meetingId));
      const bytes = await buildMinutes(data, '记录');
      add(`document-minutes-${meetingId}`, m.uid, '会议记录', { fileName: suggestedFileName('会议记录', data), bytes });
    } catch {
      // left out: see above
    }
  }
  for (const r of records.rules) {
    if (!r.adoptedOn) continue;
    const docId = Number(r.uid.slice('rule_documents-'.length));
    try {
      const file = await exportRuleDocument(ctx.tx, { docId, document: '备案报告', date: r.filedOn ?? ctx.clock.today }, ctx.clock);
      add(`document-filing-${docId}`, r.uid, '备案报告', { fileName: file.fileName, bytes: Buffer.from(file.base64, 'base64') });
    } catch {
      // left out
    }
  }
  return out;
}

interface Built {
  sequence: number;
  text: string;
  fileName: string;
  counts: ExchangeRecordCounts;
}

/** Builds, signs and keeps the next 报送包: every record changed since the hub's last acknowledgement. */
async function buildNext(ctx: WriteContext, orgId: number, how: '文件' | '网络'): Promise<Built> {
  const identity = enrolledIdentity(ctx.tx, orgId);
  const { records, hashes, sinceAcknowledged } = changedRecords(ctx.tx, orgId);
  const documents = await documentsFor(ctx, records);
  const sequence = nextSequence(ctx.tx, orgId);
  const text = signPackage(
    'report',
    { communityId: identity.communityId, hubId: identity.hubId, sequence, createdAt: ctx.clock.instant },
    { ...records, sinceAcknowledged, documents },
    identity.privateKeyPem,
  );
  const fileName = packageFileName('report', records.organization.name, sequence);
  const counts = countsOf(records, documents.length);
  recordSent(ctx.tx, { orgId, sequence, fileName, sha256: packageHash(readPackage(text, 'report')), text, counts, hashes, sentHow: how });
  return { sequence, text, fileName, counts };
}

function hubUrlOf(ctx: WriteContext, orgId: number): string {
  const url = enrolledIdentity(ctx.tx, orgId).hubUrl;
  if (!url) throw new ApiError('FORBIDDEN', '还没有设置街道平台地址，不能网络报送。请填写街道平台地址，或改用导出文件报送');
  return url;
}

/**
 * Sends one package; returns the hub's acknowledged sequence. The hub's refusal is told to the
 * user and recorded here too (the hub logs it on its side); nothing else of the push is kept.
 */
async function postPackage(orgId: number, sequence: number, url: string, text: string): Promise<number> {
  const answer = await hubRequest(url, '/api/packages', { method: 'POST', body: text });
  let v: { ok?: unknown; message?: unknown; acknowledgedSequence?: unknown } = {};
  try {
    v = JSON.parse(answer.text) as typeof v;
  } catch {
    // handled below
  }
  if (answer.status >= 400 || v.ok === false) {
    const message = `街道平台没有接收第 ${sequence} 号报送包：${hubMessage(answer)}`;
    throw new RecordedRefusal('CONFLICT', message, {
      action: 'exchange.pushRefused',
      entity: 'exchange_sent',
      entityId: null,
      after: { orgId, sequence, status: answer.status, message },
    });
  }
  if (typeof v.acknowledgedSequence !== 'number') throw new ApiError('CONFLICT', '街道平台的应答看不懂（没有回执编号），请改用导出文件报送');
  return v.acknowledgedSequence;
}

function refusal(err: ExchangeError, action: string, orgId: number): RecordedRefusal {
  return new RecordedRefusal('INVALID_INPUT', err.message, {
    action,
    entity: 'exchange_identity',
    entityId: orgId,
    after: { refusal: err.refusal, message: err.message },
  });
}

/** A 登记申请 signed by the current key, or for 重新登记 (renew) by the new, pending one. */
function enrollmentText(ctx: WriteContext, orgId: number, code: string, renew = false): { text: string; name: string; publicKey: string } {
  const org = organizationRecordOf(ctx.tx, orgId);
  const identity = ensureIdentity(ctx.tx, orgId);
  const key = renew ? ensurePendingKey(ctx.tx, orgId) : null;
  const text = signPackage(
    'enrollment',
    { communityId: null, hubId: null, sequence: 0, createdAt: ctx.clock.instant },
    { code, communityName: org.name, orgKind: org.kind },
    key ? key.pendingPrivateKeyPem : identity.privateKeyPem,
  );
  return { text, name: org.name, publicKey: key ? key.pendingPublicKey : identity.publicKey };
}

/** Reads and checks a 登记回执: signed by the hub key it carries (its fingerprint is shown for the user to compare). */
function applyEnrolled(ctx: WriteContext, orgId: number, text: string, hubUrl?: string): void {
  if (!identityOf(ctx.tx, orgId)) throw new ApiError('FORBIDDEN', '本机还没有生成登记申请：请先填写登记码，生成登记申请，再导入登记回执');
  try {
    const pkg = readPackage(text, 'enrolled');
    verifyPackage(pkg, pkg.body.hubPublicKey);
    if (!pkg.header.hubId || !pkg.header.communityId) throw new ExchangeError('format', '登记回执缺少平台编号或社区编号，不能登记。请让街道重新生成登记回执。');
    recordEnrollment(ctx.tx, orgId, {
      hubId: pkg.header.hubId,
      hubName: pkg.body.hubName,
      hubPublicKey: pkg.body.hubPublicKey,
      communityId: pkg.header.communityId,
      communityPublicKey: pkg.body.communityPublicKey,
      keyEpoch: pkg.body.keyEpoch,
      ...(hubUrl ? { hubUrl: hubUrl.replace(/\/+$/, '') } : {}),
    });
  } catch (err) {
    if (err instanceof ExchangeError) throw refusal(err, 'exchange.enrollRefused', orgId);
    throw err;
  }
}

export const exchangeHandlers: HandlerGroup<
  | 'exchange.status'
  | 'exchange.enrollRequest'
  | 'exchange.enrollApply'
  | 'exchange.setHubUrl'
  | 'exchange.export'
  | 'exchange.resave'
  | 'exchange.push'
  | 'exchange.importReply'
  | 'exchange.pull'
  | 'exchange.history'
  | 'exchange.filingReviews'
  | 'exchange.summonsReplies'
> = {
  'exchange.status': (ctx, input) => exchangeStatus(ctx.db, input.orgId),
  'exchange.enrollRequest': (ctx, input) => {
    const { text, name, publicKey } = enrollmentText(ctx, input.orgId, input.code, input.renew === true);
    const pkg = readPackage(text, 'enrollment');
    // The request itself is recorded (a new key was recorded by ensureIdentity), never the private key.
    auditEnrollRequest(ctx, input.orgId, packageHash(pkg), publicKey, input.renew === true);
    return jsonFile(packageFileName('enrollment', name, 0), text, '登记申请');
  },
  'exchange.enrollApply': async (ctx, input) => {
    if (input.receipt !== undefined) {
      applyEnrolled(ctx, input.orgId, input.receipt, input.hubUrl);
    } else {
      const { text } = enrollmentText(ctx, input.orgId, input.code!, input.renew === true);
      const answer = await hubRequest(input.hubUrl!, '/api/enroll', { method: 'POST', body: text });
      if (answer.status >= 400) throw new ApiError('CONFLICT', `街道平台没有登记：${hubMessage(answer)}`);
      const receipt = packagesIn(answer)[0];
      if (!receipt) throw new ApiError('CONFLICT', '街道平台的应答里没有登记回执，请改用登记申请文件登记');
      applyEnrolled(ctx, input.orgId, receipt, input.hubUrl);
    }
    return exchangeStatus(ctx.tx, input.orgId);
  },
  'exchange.setHubUrl': (ctx, input) => {
    setHubUrl(ctx.tx, input.orgId, input.hubUrl);
    return exchangeStatus(ctx.tx, input.orgId);
  },
  'exchange.export': async (ctx, input) => {
    const built = await buildNext(ctx, input.orgId, '文件');
    return { ...jsonFile(built.fileName, built.text, '报送包'), sequence: built.sequence, counts: built.counts };
  },
  'exchange.resave': (ctx, input) => {
    const row = sentPackage(ctx.db, input.orgId, input.sequence, input.epoch);
    return jsonFile(row.fileName, row.packageText, '报送包');
  },
  'exchange.push': async (ctx, input) => {
    const url = hubUrlOf(ctx, input.orgId);
    const sent: number[] = [];
    let acked = 0;
    // Packages saved as files but not yet acknowledged go first: the hub takes them in order.
    for (const row of sentPackages(ctx.tx, input.orgId).filter((s) => !s.acknowledgedAt)) {
      acked = Math.max(acked, await postPackage(input.orgId, row.sequence, url, row.packageText));
      if (row.sentHow !== '网络') markSentOnline(ctx.tx, input.orgId, row.sequence);
      sent.push(row.sequence);
    }
    if (acked) acknowledge(ctx.tx, input.orgId, acked);
    const pending = changedRecords(ctx.tx, input.orgId).hashes.size;
    if (pending > 0 || sent.length === 0) {
      const built = await buildNext(ctx, input.orgId, '网络');
      let answer: number;
      try {
        answer = await postPackage(input.orgId, built.sequence, url, built.text);
      } catch (err) {
        // The hub may have stored it and only its answer was lost: the package stays kept here,
        // unacknowledged, so the next push sends these same bytes (which the hub takes as already
        // received) instead of a new package under the same number (which it must refuse).
        if (!(err instanceof HubUnreachable) || !err.maybeDelivered) throw err;
        return {
          sent,
          acknowledgedSequence: acked,
          message: `第 ${built.sequence} 号报送包已生成并保存在本机，但没有得到街道平台的确认：${err.message}。下次点“网络报送”会重发同一个包；也可以在报送记录里“重新保存”后用文件报送。`,
        };
      }
      acked = Math.max(acked, answer);
      acknowledge(ctx.tx, input.orgId, acked);
      sent.push(built.sequence);
    }
    return { sent, acknowledgedSequence: acked, message: `已通过网络报送第 ${sent.join('、')} 号报送包，街道平台已确认收到第 ${acked} 号及以前的报送包。` };
  },
  'exchange.importReply': (ctx, input) => applyReply(ctx.tx, input.orgId, input.text, '文件'),
  'exchange.pull': async (ctx, input) => {
    const url = hubUrlOf(ctx, input.orgId);
    const identity = enrolledIdentity(ctx.tx, input.orgId);
    const after = exchangeStatus(ctx.tx, input.orgId).lastReply?.sequence ?? 0;
    const query = signedPullQuery(identity.communityId, after, identity.privateKeyPem, ctx.clock.instant);
    const answer = await hubRequest(url, `/api/replies?${query}`, { method: 'GET' });
    if (answer.status >= 400) throw new ApiError('CONFLICT', `街道平台没有给出回执：${hubMessage(answer)}`);
    // In the hub's order; each is checked on its own (signature, sequence) as a file would be.
    const texts = answer.status === 204 ? [] : packagesIn(answer);
    const results: ReplyResult[] = texts.map((text) => applyReply(ctx.tx, input.orgId, text, '网络'));
    const applied = results.filter((r) => r.applied);
    return {
      results,
      message: applied.length
        ? `已接收 ${applied.length} 个回执包（第 ${applied.map((r) => r.sequence).join('、')} 号）：${applied.map((r) => r.message).join(' ')}`
        : '街道平台暂时没有新的回执。',
    };
  },
  'exchange.history': (ctx, input) => exchangeHistory(ctx.db, input.orgId),
  'exchange.filingReviews': (ctx, input) => ({ items: listFilingReviews(ctx.db, input.docId) }),
  'exchange.summonsReplies': (ctx, input) => ({ items: listSummonsReplies(ctx.db, input) }),
};

function auditEnrollRequest(ctx: WriteContext, orgId: number, hash: string, publicKey: string, renew: boolean): void {
  appendAudit(ctx.tx, {
    action: 'exchange.enrollRequest',
    entity: 'exchange_identity',
    entityId: orgId,
    after: { fingerprint: fingerprint(publicKey), packageHash: hash, ...(renew ? { renew: true } : {}) },
  });
}
