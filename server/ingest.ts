/**
 * Ingest of a community's 报送包: read and verify it with exchange/ (never by hand here), check it
 * is for this hub from an enrolled community, apply the sequence rule, and store every record in
 * ONE transaction — all upserted by uid, or nothing. Every attempt, stored or refused, is logged
 * in ingest_log with its reason in Chinese.
 */
import crypto from 'node:crypto';
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { zonedParts } from '../core/clock';
import { reportedInTime } from '../core/followup/rates';
import { ExchangeError, packageHash, readPackage, sequenceCheck, verifyPackage, type ReportBody, type SignedPackage } from '../exchange';
import { type HubDb, type HubTx } from './db/open';
import * as t from './db/schema';
import { type HubIdentity } from './identity';

export type IngestSource = '推送' | '上传';

export type IngestResult =
  | { ok: true; status: 'stored' | 'already'; message: string; communityId: string; sequence: number; acknowledgedSequence: number; records: number }
  | { ok: false; message: string; communityId?: string; sequence?: number };

export interface IngestOptions {
  source: IngestSource;
  /** The zone a summons' local date is judged in (China Standard Time by default). */
  timeZone?: string;
  now?: Date;
}

const WHAT = '报送包';
export const RETIRED_KEY_MESSAGE =
  '这个村（社区）已经用新电脑重新登记，旧电脑的报送包不能再接收。请用重新登记的那台电脑导出报送包再送；如有疑问，请联系街道管理员。';

export async function ingestPackage(db: HubDb, hub: HubIdentity, bytes: Uint8Array, options: IngestOptions): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const size = bytes.byteLength;
  let pkg: SignedPackage<'report'> | null = null;
  let hash: string | null = null;
  let epoch: number | null = null;
  let result: IngestResult;
  try {
    if (size === 0) throw new ExchangeError('truncated', '收到的文件是空的。请重新导出报送包后再送。');
    pkg = readPackage(Buffer.from(bytes).toString('utf8'), 'report');
    const { header } = pkg;
    if (header.hubId !== hub.hubId) {
      throw new ExchangeError('foreign-hub', `这个报送包是发给另一个街道集散中心的，不是发给“${hub.name}”的，不能接收。请确认村（社区）登记的是哪个街道。`);
    }
    const [community] = header.communityId ? await db.select().from(t.communities).where(eq(t.communities.communityId, header.communityId)) : [];
    if (!community || !community.publicKey) {
      throw new ExchangeError('unknown-community', '这个报送包来自一个没有在本街道登记的村（社区），不能接收。请先用登记码登记，再送报送包。');
    }
    epoch = community.keyEpoch;
    if (pkg.signature.publicKey !== community.publicKey) {
      // Signed by a key this community had before a 重新登记（更换电脑）: the old PC is out.
      const [retired] = await db
        .select({ epoch: t.communityKeys.epoch })
        .from(t.communityKeys)
        .where(
          and(
            eq(t.communityKeys.communityId, community.communityId),
            eq(t.communityKeys.publicKey, pkg.signature.publicKey),
            isNotNull(t.communityKeys.retiredAt),
          ),
        );
      if (retired) {
        verifyPackage(pkg, pkg.signature.publicKey);
        throw new ExchangeError('signature', RETIRED_KEY_MESSAGE);
      }
    }
    verifyPackage(pkg, community.publicKey);
    hash = packageHash(pkg);
    const verified = pkg;
    const packageSha = hash;
    result = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(t.communities).where(eq(t.communities.id, community.id)).for('update');
      if (locked!.keyEpoch !== community.keyEpoch) throw new ExchangeError('signature', RETIRED_KEY_MESSAGE);
      const last = locked!.lastSequence;
      const keyEpoch = locked!.keyEpoch;
      const seq = verified.header.sequence;
      const [stored] =
        seq <= last
          ? await tx
              .select()
              .from(t.packages)
              .where(sql`${t.packages.communityId} = ${community.communityId} and ${t.packages.epoch} = ${keyEpoch} and ${t.packages.sequence} = ${seq}`)
          : [];
      const verdict = sequenceCheck(WHAT, seq, last, stored ? stored.sha256 === packageSha : null);
      if (verdict === 'already') {
        return {
          ok: true as const,
          status: 'already' as const,
          message: `第 ${seq} 号报送包已接收过，这次没有改动任何数据。`,
          communityId: community.communityId,
          sequence: seq,
          acknowledgedSequence: last,
          records: stored!.recordCount,
        };
      }
      const records = await storeRecords(tx, community.communityId, seq, verified.body, options.timeZone ?? 'Asia/Shanghai');
      await tx.insert(t.packages).values({
        communityId: community.communityId,
        epoch: keyEpoch,
        sequence: seq,
        sha256: packageSha,
        size,
        recordCount: records,
        createdAt: verified.header.createdAt,
        receivedAt: now.toISOString(),
        source: options.source,
      });
      await tx
        .update(t.communities)
        .set({ lastSequence: seq, lastReceivedAt: now.toISOString(), orgKind: verified.body.organization.kind })
        .where(eq(t.communities.id, community.id));
      return {
        ok: true as const,
        status: 'stored' as const,
        message: `已接收第 ${seq} 号报送包（${records} 条记录）。`,
        communityId: community.communityId,
        sequence: seq,
        acknowledgedSequence: seq,
        records,
      };
    });
  } catch (e) {
    if (!(e instanceof ExchangeError)) {
      // A fault of the hub, not of the package: say so, log it, and keep nothing.
      console.error('报送包入库失败', e);
      result = { ok: false, message: '集散中心保存报送包时出错，没有保存任何内容。请稍后再送；如果一再出现，请联系街道信息管理员查看服务器日志。' };
    } else {
      result = { ok: false, message: e.message };
    }
    if (pkg?.header.communityId) result.communityId = pkg.header.communityId;
    if (pkg) result.sequence = pkg.header.sequence;
  }
  await db.insert(t.ingestLog).values({
    at: now.toISOString(),
    communityId: pkg?.header.communityId ?? null,
    epoch,
    sequence: pkg?.header.sequence ?? null,
    sha256: hash ?? crypto.createHash('sha256').update(bytes).digest('hex'),
    size,
    source: options.source,
    ok: result.ok,
    message: result.message,
  });
  return result;
}

// ── storing the records ───────────────────────────────────────────────────────────────────────

/** The last copy of each uid (a package listing a record twice keeps its later copy). */
function byUid<T extends { uid: string }>(records: T[]): T[] {
  return [...new Map(records.map((r) => [r.uid, r])).values()];
}

const CHUNK = 500;

/** INSERT … ON CONFLICT (community_id, uid) DO UPDATE every column, in chunks. */
async function upsert(tx: HubTx, table: PgTable, rows: Record<string, unknown>[], key: PgColumn[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = (table as unknown as Record<symbol, Record<string, PgColumn>>)[Symbol.for('drizzle:Columns')]!;
  const keyNames = new Set(key.map((c) => c.name));
  const set: Record<string, SQL> = {};
  for (const [prop, col] of Object.entries(columns)) if (!keyNames.has(col.name)) set[prop] = sql.raw(`excluded."${col.name}"`);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(table)
      .values(rows.slice(i, i + CHUNK) as any)
      .onConflictDoUpdate({ target: key, set });
  }
}

async function storeRecords(tx: HubTx, communityId: string, sequence: number, body: ReportBody, timeZone: string): Promise<number> {
  const base = (uid: string, data: unknown) => ({ communityId, uid, data, sequence });

  const meetings = byUid(body.meetings).map((m) => ({
    ...base(m.uid, m),
    title: m.title,
    typeName: m.typeName,
    date: m.date,
    status: m.status,
    expected: m.expected,
    present: m.present,
  }));
  const resolutions = byUid(body.resolutions).map((r) => {
    const latest = [...r.progress].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    return {
      ...base(r.uid, r),
      meetingUid: r.meetingUid,
      number: r.number,
      title: r.title,
      responsible: r.responsible,
      deadline: r.deadline,
      completedOn: r.completedOn,
      progressPercent: latest?.percent ?? null,
    };
  });
  const topics = byUid(body.topics).map((x) => ({
    ...base(x.uid, x),
    title: x.title,
    status: x.status,
    receivedOn: x.receivedOn,
    satisfaction: x.satisfaction,
  }));
  const summons = byUid(body.summons).map((s) => ({
    ...base(s.uid, s),
    topicUid: s.topicUid,
    department: s.department,
    summonedAt: s.summonedAt,
    summonedOn: zonedParts(timeZone, s.summonedAt).date,
    reportWithinHours: s.reportWithinHours,
    reportedAt: s.reportedAt,
    reportedInTime: reportedInTime(s),
    resolved: s.resolved,
    evaluation: s.evaluation,
  }));
  const matters = byUid(body.matters).map((m) => {
    const steps = [...m.steps].sort((a, b) => a.step - b.step || a.date.localeCompare(b.date));
    return { ...base(m.uid, m), title: m.title, createdOn: m.createdOn, steps, stepsDone: new Set(steps.map((s) => s.step)).size };
  });
  const rules = byUid(body.rules).map((r) => ({
    ...base(r.uid, r),
    kind: r.kind,
    title: r.title,
    stage: r.stage,
    adoptedOn: r.adoptedOn,
    filingDue: r.filingDue,
    filingAuthority: r.filingAuthority,
    filedOn: r.filedOn,
  }));
  const files = new Map<string, Buffer>();
  const documents = byUid(body.documents).map((d) => {
    const bytes = Buffer.from(d.base64, 'base64');
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== d.sha256) {
      throw new ExchangeError('format', `报送包里的文件“${d.fileName}”内容与它的校验值不符（文件不完整或被改动过），整个报送包没有保存。请重新导出后再送。`);
    }
    files.set(d.sha256, bytes);
    const { base64: _bytes, ...meta } = d;
    return { ...base(d.uid, meta), recordUid: d.recordUid, kind: d.kind, fileName: d.fileName, sha256: d.sha256, size: bytes.length };
  });

  for (const [sha256, bytes] of files) {
    await tx.insert(t.files).values({ sha256, size: bytes.length, bytes }).onConflictDoNothing();
  }
  await upsert(tx, t.meetings, meetings, [t.meetings.communityId, t.meetings.uid]);
  await upsert(tx, t.resolutions, resolutions, [t.resolutions.communityId, t.resolutions.uid]);
  await upsert(tx, t.topics, topics, [t.topics.communityId, t.topics.uid]);
  await upsert(tx, t.summons, summons, [t.summons.communityId, t.summons.uid]);
  await upsert(tx, t.matters, matters, [t.matters.communityId, t.matters.uid]);
  await upsert(tx, t.rules, rules, [t.rules.communityId, t.rules.uid]);
  await upsert(tx, t.documents, documents, [t.documents.communityId, t.documents.uid]);
  return meetings.length + resolutions.length + topics.length + summons.length + matters.length + rules.length + documents.length;
}
