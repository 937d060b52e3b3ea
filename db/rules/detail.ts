// A rule document as the pages see it: the list, the detail, and the adoption it records.
// Both the early stages (./documents) and adoption (./adoption) answer with this detail, so it
// lives apart from either.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RuleDocDetail, RuleDocSummary } from '../../core/contract/rules';
import { percent } from '../../core/documents/text';
import { nextStage, stagesOf, textEditable } from '../../core/ruletext/procedure';
import type { Db } from '../client';
import { daysBetween, findMeeting, ruleSetOf } from '../meetings';
import { getOrganization } from '../organizations';
import { people, ruleAmendments, ruleArticles, ruleChapters, ruleDocuments, ruleOpinions, votes } from '../schema';
import { flagsOf } from './flags';
import { currentCycle, stepsOf } from './steps';
import { findRuleDoc, loadSnapshot, type RuleDocRow } from './text';

type VoteRow = typeof votes.$inferSelect;

function tallyOf(v: VoteRow): { yes: number | null; no: number | null; abstain: number | null } {
  const t = v.tally ? (JSON.parse(v.tally) as { yes?: number; no?: number; abstain?: number }) : {};
  return { yes: t.yes ?? null, no: t.no ?? null, abstain: t.abstain ?? null };
}

/** Women among the voters frozen when the vote opened: the share the guidance asks to see. */
export function womenAmong(db: Db, v: VoteRow): number {
  const ids = JSON.parse(v.eligibleVoters) as number[];
  if (!ids.length) return 0;
  return db.orm
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, ids), eq(people.gender, '女')))
    .all().length;
}

export function womenShareWords(women: number, present: number): string {
  const share = percent(women, present);
  return share ? `${women} 人，占到会人数的 ${share}` : `${women} 人`;
}

export function adoptionOf(db: Db, doc: RuleDocRow): RuleDocDetail['adoption'] {
  if (!doc.adoptedVoteId) return null;
  const v = db.orm.select().from(votes).where(eq(votes.id, doc.adoptedVoteId)).get();
  if (!v) return null;
  const m = findMeeting(db, v.meetingId);
  const def = ruleSetOf(m);
  const present = doc.presentCount ?? v.eligible;
  const women = doc.womenPresent ?? 0;
  return {
    meetingId: m.id,
    meetingTitle: m.title,
    meetingDate: m.date,
    meetingKind: def.meetingKind,
    lawVersion: def.lawVersion ?? '本地规则',
    voteId: v.id,
    ...tallyOf(v),
    expected: v.expected,
    present,
    womenPresent: women,
    womenShare: womenShareWords(women, present),
    explanation: v.explanation ?? '',
    delegationBasis: doc.delegationBasis,
  };
}

function countWhere(
  db: Db,
  table: typeof ruleOpinions | typeof ruleAmendments | typeof ruleArticles | typeof ruleChapters,
  docId: number,
  extra?: ReturnType<typeof eq>,
) {
  return (
    db.orm
      .select({ n: count() })
      .from(table)
      .where(extra ? and(eq(table.docId, docId), extra) : eq(table.docId, docId))
      .get()?.n ?? 0
  );
}

function summaryOf(db: Db, doc: RuleDocRow, openFlags: number, today: string): RuleDocSummary {
  return {
    id: doc.id,
    orgId: doc.orgId,
    kind: doc.kind,
    title: doc.title,
    stage: doc.stage,
    publicityFirst: doc.publicityFirst,
    articleCount: countWhere(db, ruleArticles, doc.id),
    chapterCount: countWhere(db, ruleChapters, doc.id),
    opinionCount: countWhere(db, ruleOpinions, doc.id),
    pendingOpinions: countWhere(db, ruleOpinions, doc.id, eq(ruleOpinions.disposition, '待处理')),
    pendingAmendments:
      db.orm
        .select({ n: count() })
        .from(ruleAmendments)
        .where(and(eq(ruleAmendments.docId, doc.id), sql`${ruleAmendments.status} in ('待处理', '表决中')`))
        .get()?.n ?? 0,
    openFlags,
    adoptedOn: doc.adoptedOn,
    filingDue: doc.filingDue,
    filingDaysLeft: doc.filingDue && !doc.filedOn ? daysBetween(today, doc.filingDue) : null,
    filedOn: doc.filedOn,
    publishedOn: doc.publishedOn,
    updatedAt: doc.updatedAt,
  };
}

/** `today` (the user's calendar, from the call's clock) counts the days left to file. */
export function listRuleDocs(db: Db, orgId: number, today: string): { items: RuleDocSummary[] } {
  getOrganization(db, orgId);
  const rows = db.orm.select().from(ruleDocuments).where(eq(ruleDocuments.orgId, orgId)).orderBy(desc(ruleDocuments.updatedAt)).all();
  return { items: rows.map((d) => summaryOf(db, d, flagsOf(db, d, loadSnapshot(db, d.id)).filter((f) => !f.cleared).length, today)) };
}

export function getRuleDoc(db: Db, id: number, today: string): RuleDocDetail {
  const doc = findRuleDoc(db, id);
  const text = loadSnapshot(db, doc.id);
  const flags = flagsOf(db, doc, text);
  return {
    ...summaryOf(db, doc, flags.filter((f) => !f.cleared).length, today),
    stages: stagesOf(doc.publicityFirst),
    nextStage: nextStage(doc.publicityFirst, doc.stage),
    editable: textEditable(doc.stage),
    cycle: currentCycle(db, doc.id),
    filingDays: doc.filingDays,
    steps: stepsOf(db, doc.id),
    text,
    flags,
    adoption: adoptionOf(db, doc),
    filing: doc.filingDue
      ? {
          due: doc.filingDue,
          daysLeft: daysBetween(today, doc.filingDue),
          authority: doc.filingAuthority,
          filedOn: doc.filedOn,
          receiptNo: doc.filingReceiptNo,
        }
      : null,
    publishedPlace: doc.publishedPlace,
  };
}
