import { createHash } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import { canonicalJson } from '../../exchange/canonical';
import type { MatterRecord, MeetingRecord, OrganizationRecord, ResolutionRecord, RuleRecord, SummonsRecord, TopicRecord } from '../../exchange/records';
import type { RuleSnapshot } from '../../core/ruletext/types';
import type { Db } from '../client';
import { latestVersion } from '../rules/versions';
import { quorumOf } from '../meetings';
import { getOrganization, getOrgProfile } from '../organizations';
import {
  agendaItems,
  matters,
  matterSteps,
  meetings,
  meetingTypes,
  proposals,
  resolutionProgress,
  resolutions,
  ruleDocuments,
  ruleSteps,
  summons,
  topics,
  votes,
} from '../schema';

/**
 * The records a 报送包 carries, read from this file for one organization. Every record has a
 * uid "<table>-<id>" that never changes, and only what the street office may see: no ID
 * numbers, phones, raisers' or callers' names, no contacts (issue 18, minimized personal data).
 */
export interface CommunityRecords {
  organization: OrganizationRecord;
  meetings: MeetingRecord[];
  resolutions: ResolutionRecord[];
  topics: TopicRecord[];
  summons: SummonsRecord[];
  matters: MatterRecord[];
  rules: RuleRecord[];
}

export type RecordListKey = Exclude<keyof CommunityRecords, 'organization'>;
export const recordListKeys: RecordListKey[] = ['meetings', 'resolutions', 'topics', 'summons', 'matters', 'rules'];

export const uidOf = (table: string, id: number) => `${table}-${id}`;

/** The id in a uid of the given table ("rule_documents-7" → 7), or null when it is not one of ours. */
export function idOfUid(table: string, uid: string): number | null {
  const m = new RegExp(`^${table}-(\\d+)$`).exec(uid);
  return m ? Number(m[1]) : null;
}

/** The hash a record is compared by: canonical JSON, so the same content always hashes the same. */
export function recordHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

export function organizationRecordOf(db: Db, orgId: number): OrganizationRecord {
  const org = getOrganization(db, orgId);
  if (org.kind !== '村' && org.kind !== '社区') {
    throw new ApiError('FORBIDDEN', `“${org.name}”是${org.kind}，报送包只由村或社区向街道（乡镇）报送`);
  }
  const profile = getOrgProfile(db, orgId);
  return { name: org.name, kind: org.kind, committeeName: profile.saved ? profile.committeeName : null, superiorName: profile.superiorName ?? null };
}

function counts(tally: unknown): { for: number | null; against: number | null; abstain: number | null } {
  if (tally && typeof tally === 'object' && !Array.isArray(tally)) {
    const t = tally as { yes?: unknown; no?: unknown; abstain?: unknown };
    const n = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
    return { for: n(t.yes), against: n(t.no), abstain: n(t.abstain) };
  }
  return { for: null, against: null, abstain: null };
}

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function meetingRecords(db: Db, orgId: number): MeetingRecord[] {
  const rows = db.orm
    .select({ m: meetings, typeName: meetingTypes.name })
    .from(meetings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, meetings.meetingTypeId))
    .where(eq(meetings.orgId, orgId))
    .orderBy(asc(meetings.id))
    .all();
  const ids = rows.map((r) => r.m.id);
  const confirmed = ids.length
    ? db.orm
        .select({ v: votes, proposalTitle: proposals.title, itemTitle: agendaItems.title })
        .from(votes)
        .innerJoin(agendaItems, eq(agendaItems.id, votes.agendaItemId))
        .leftJoin(proposals, eq(proposals.id, votes.proposalId))
        .where(inArray(votes.meetingId, ids))
        .orderBy(asc(votes.id))
        .all()
        .filter((r) => r.v.status === '已确认')
    : [];
  const winners = new Map(
    db.orm
      .select({ id: proposals.id, title: proposals.title })
      .from(proposals)
      .where(
        inArray(
          proposals.id,
          confirmed.map((r) => r.v.winnerProposalId ?? 0),
        ),
      )
      .all()
      .map((p) => [p.id, p.title]),
  );
  const outcomes = new Map<number, MeetingRecord['outcomes']>();
  for (const { v, proposalTitle, itemTitle } of confirmed) {
    const c = v.kind === 'proposal' ? counts(parse(v.tally)) : { for: null, against: null, abstain: null };
    const voters = c.for !== null && c.against !== null ? c.for + c.against + (c.abstain ?? 0) : null;
    const winner = v.winnerProposalId ? winners.get(v.winnerProposalId) : undefined;
    const result = v.kind === 'options' ? (winner ? `选出：${winner}` : (v.outcome ?? '未选出')) : (v.outcome ?? '未定');
    const list = outcomes.get(v.meetingId) ?? [];
    list.push({ title: (v.kind === 'proposal' ? proposalTitle : itemTitle) ?? itemTitle, result: result.slice(0, 50), eligible: v.eligible, voters, ...c });
    outcomes.set(v.meetingId, list);
  }
  return rows.map(({ m, typeName }) => {
    // 应到/实到 once the meeting started (frozen then); before that the roster still moves.
    const q = m.startedAt ? quorumOf(db, m) : null;
    return {
      uid: uidOf('meetings', m.id),
      title: m.title,
      typeName,
      date: m.date,
      status: m.status,
      expected: q ? q.expected : null,
      present: q ? q.present : null,
      finalizedAt: m.finalizedAt,
      chairName: m.chairName,
      outcomes: outcomes.get(m.id) ?? [],
    };
  });
}

function resolutionRecords(db: Db, orgId: number): ResolutionRecord[] {
  const rows = db.orm.select().from(resolutions).where(eq(resolutions.orgId, orgId)).orderBy(asc(resolutions.id)).all();
  const progress = new Map<number, ResolutionRecord['progress']>();
  if (rows.length) {
    const entries = db.orm
      .select({
        resolutionId: resolutionProgress.resolutionId,
        date: resolutionProgress.date,
        percent: resolutionProgress.percent,
        text: resolutionProgress.text,
      })
      .from(resolutionProgress)
      .innerJoin(resolutions, eq(resolutions.id, resolutionProgress.resolutionId))
      .where(eq(resolutions.orgId, orgId))
      .orderBy(asc(resolutionProgress.id))
      .all();
    for (const e of entries) {
      const list = progress.get(e.resolutionId) ?? [];
      list.push({ date: e.date, percent: e.percent, text: e.text });
      progress.set(e.resolutionId, list);
    }
  }
  return rows.map((r) => ({
    uid: uidOf('resolutions', r.id),
    meetingUid: uidOf('meetings', r.meetingId),
    number: r.number,
    title: r.title,
    text: r.text,
    responsible: r.responsible,
    deadline: r.deadline,
    completedOn: r.completedOn,
    result: r.result,
    progress: progress.get(r.id) ?? [],
  }));
}

function topicRecords(db: Db, orgId: number): TopicRecord[] {
  return db.orm
    .select()
    .from(topics)
    .where(eq(topics.orgId, orgId))
    .orderBy(asc(topics.id))
    .all()
    .map((t) => ({
      uid: uidOf('topics', t.id),
      receivedOn: t.receivedOn,
      channel: t.channel,
      category: t.category,
      title: t.title,
      status: t.status,
      replyDueOn: t.replyDueOn,
      closedOn: t.closedOn,
      satisfaction: t.satisfaction,
    }));
}

function summonsRecords(db: Db, orgId: number): SummonsRecord[] {
  return db.orm
    .select()
    .from(summons)
    .where(eq(summons.orgId, orgId))
    .orderBy(asc(summons.id))
    .all()
    .map((s) => ({
      uid: uidOf('summons', s.id),
      topicUid: s.topicId ? uidOf('topics', s.topicId) : null,
      meetingUid: s.meetingId ? uidOf('meetings', s.meetingId) : null,
      department: s.department,
      summonedAt: s.summonedAt,
      reportWithinHours: s.reportWithinHours,
      reportedAt: s.reportedAt,
      commitment: s.commitment,
      deadline: s.deadline,
      result: s.result,
      resolved: s.resolved,
      evaluation: s.evaluation,
      closedAt: s.closedAt,
    }));
}

function matterRecords(db: Db, orgId: number): MatterRecord[] {
  const rows = db.orm.select().from(matters).where(eq(matters.orgId, orgId)).orderBy(asc(matters.id)).all();
  const steps = new Map<number, MatterRecord['steps']>();
  if (rows.length) {
    const all = db.orm
      .select({ s: matterSteps })
      .from(matterSteps)
      .innerJoin(matters, eq(matters.id, matterSteps.matterId))
      .where(eq(matters.orgId, orgId))
      .orderBy(asc(matterSteps.step))
      .all();
    for (const { s } of all) {
      const list = steps.get(s.matterId) ?? [];
      list.push({
        step: s.step,
        date: s.date,
        form: s.form,
        meetingUid: s.meetingId ? uidOf('meetings', s.meetingId) : null,
        expected: s.expected,
        present: s.present,
        content: s.content,
      });
      steps.set(s.matterId, list);
    }
  }
  return rows.map((m) => ({ uid: uidOf('matters', m.id), title: m.title, category: m.category, createdOn: m.createdOn, steps: steps.get(m.id) ?? [] }));
}

function ruleRecords(db: Db, orgId: number): RuleRecord[] {
  const rows = db.orm.select().from(ruleDocuments).where(eq(ruleDocuments.orgId, orgId)).orderBy(asc(ruleDocuments.id)).all();
  const steps = new Map<number, RuleRecord['steps']>();
  if (rows.length) {
    const all = db.orm
      .select({ s: ruleSteps })
      .from(ruleSteps)
      .innerJoin(ruleDocuments, eq(ruleDocuments.id, ruleSteps.docId))
      .where(eq(ruleDocuments.orgId, orgId))
      .orderBy(asc(ruleSteps.id))
      .all();
    for (const { s } of all) {
      const list = steps.get(s.docId) ?? [];
      list.push({ stage: s.stage, date: s.date, note: s.note, opinion: s.opinion });
      steps.set(s.docId, list);
    }
  }
  return rows.map((d) => ({
    uid: uidOf('rule_documents', d.id),
    kind: d.kind,
    title: d.title,
    stage: d.stage,
    adoptedOn: d.adoptedOn,
    presentCount: d.presentCount,
    womenPresent: d.womenPresent,
    delegationBasis: d.delegationBasis,
    filingDue: d.filingDue,
    filingAuthority: d.filingAuthority,
    filedOn: d.filedOn,
    filingReceiptNo: d.filingReceiptNo,
    publishedOn: d.publishedOn,
    steps: steps.get(d.id) ?? [],
    text: adoptedText(db, d),
  }));
}

/** The adopted text (the latest 正式稿), chapter headings and articles one per line; null before adoption. */
function adoptedText(db: Db, d: { id: number; adoptedOn: string | null }): string | null {
  if (!d.adoptedOn) return null;
  const version = latestVersion(db, d.id, '正式稿');
  if (!version) return null;
  const snapshot = JSON.parse(version.snapshot) as RuleSnapshot;
  const chapters = new Map(snapshot.chapters.map((c) => [c.id, c]));
  const lines: string[] = [];
  let chapter: number | null = null;
  for (const a of snapshot.articles) {
    if (a.chapterId !== null && a.chapterId !== chapter) {
      const c = chapters.get(a.chapterId);
      if (c) lines.push(`${c.label} ${c.title}`);
    }
    chapter = a.chapterId;
    lines.push(`${a.label} ${a.text}`);
  }
  return lines.join('\n').slice(0, 200000);
}

/** Every record of the organization as a 报送包 would carry it. */
export function communityRecords(db: Db, orgId: number): CommunityRecords {
  return {
    organization: organizationRecordOf(db, orgId),
    meetings: meetingRecords(db, orgId),
    resolutions: resolutionRecords(db, orgId),
    topics: topicRecords(db, orgId),
    summons: summonsRecords(db, orgId),
    matters: matterRecords(db, orgId),
    rules: ruleRecords(db, orgId),
  };
}
