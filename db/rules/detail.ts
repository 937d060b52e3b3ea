// A rule document as the pages see it: the list, the detail, and the adoption it records.
// Both the early stages (./documents) and adoption (./adoption) answer with this detail, so it
// lives apart from either.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RuleDocDetail, RuleDocSummary } from '../../core/contract/rules';
import { percent } from '../../core/documents/text';
import { nextStage, stagesOf, textEditable } from '../../core/ruletext/procedure';
import type { Db } from '../client';
import { daysBetween, findMeeting, ruleSetOf } from '../meetings';
import { getOrganization } from '../organizations';
import { people, ruleDocuments, ruleFlagClearances, votes } from '../schema';
import { flagsFrom, flagsOf, getPenaltyTerms, type ClearanceRow } from './flags';
import { currentCycle, stepsOf } from './steps';
import { findRuleDoc, loadSnapshot, loadSnapshots, type RuleDocRow } from './text';

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

interface DocCounts {
  articleCount: number;
  chapterCount: number;
  opinionCount: number;
  pendingOpinions: number;
  pendingAmendments: number;
}

/** The counts the list shows, for several documents in one statement (one grouped subquery per table). */
function countsOf(db: Db, docIds: number[]): Map<number, DocCounts> {
  const ids = sql.join(
    docIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = db.orm.all<{ id: number } & DocCounts>(sql`
    select d.id as id,
      coalesce(a.n, 0) as articleCount,
      coalesce(c.n, 0) as chapterCount,
      coalesce(o.n, 0) as opinionCount,
      coalesce(o.pending, 0) as pendingOpinions,
      coalesce(m.pending, 0) as pendingAmendments
    from rule_documents d
    left join (select doc_id, count(*) as n from rule_articles where doc_id in (${ids}) group by doc_id) a on a.doc_id = d.id
    left join (select doc_id, count(*) as n from rule_chapters where doc_id in (${ids}) group by doc_id) c on c.doc_id = d.id
    left join (select doc_id, count(*) as n, sum(disposition = '待处理') as pending from rule_opinions where doc_id in (${ids}) group by doc_id) o on o.doc_id = d.id
    left join (select doc_id, sum(status in ('待处理', '表决中')) as pending from rule_amendments where doc_id in (${ids}) group by doc_id) m on m.doc_id = d.id
    where d.id in (${ids})`);
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}

function summaryOf(doc: RuleDocRow, counts: DocCounts, openFlags: number, today: string): RuleDocSummary {
  return {
    id: doc.id,
    orgId: doc.orgId,
    kind: doc.kind,
    title: doc.title,
    stage: doc.stage,
    publicityFirst: doc.publicityFirst,
    ...counts,
    openFlags,
    adoptedOn: doc.adoptedOn,
    filingDue: doc.filingDue,
    filingDaysLeft: doc.filingDue && !doc.filedOn ? daysBetween(today, doc.filingDue) : null,
    filedOn: doc.filedOn,
    publishedOn: doc.publishedOn,
    updatedAt: doc.updatedAt,
  };
}

/**
 * `today` (the user's calendar, from the call's clock) counts the days left to file. The texts,
 * counts and flag clearances of all the organization's documents are read in a few statements.
 */
export function listRuleDocs(db: Db, orgId: number, today: string): { items: RuleDocSummary[] } {
  getOrganization(db, orgId);
  const rows = db.orm.select().from(ruleDocuments).where(eq(ruleDocuments.orgId, orgId)).orderBy(desc(ruleDocuments.updatedAt)).all();
  if (!rows.length) return { items: [] };
  const ids = rows.map((d) => d.id);
  const counts = countsOf(db, ids);
  const texts = loadSnapshots(db, ids);
  const { terms } = getPenaltyTerms(db, orgId);
  const clearances = new Map<number, ClearanceRow[]>(ids.map((id) => [id, []]));
  for (const c of db.orm.select().from(ruleFlagClearances).where(inArray(ruleFlagClearances.docId, ids)).orderBy(asc(ruleFlagClearances.id)).all()) {
    clearances.get(c.docId)!.push(c);
  }
  return {
    items: rows.map((d) => summaryOf(d, counts.get(d.id)!, flagsFrom(terms, clearances.get(d.id)!, texts.get(d.id)!).filter((f) => !f.cleared).length, today)),
  };
}

export function getRuleDoc(db: Db, id: number, today: string): RuleDocDetail {
  const doc = findRuleDoc(db, id);
  const text = loadSnapshot(db, doc.id);
  const flags = flagsOf(db, doc, text);
  return {
    ...summaryOf(doc, countsOf(db, [doc.id]).get(doc.id)!, flags.filter((f) => !f.cleared).length, today),
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
