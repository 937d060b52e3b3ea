// A rule document and its procedure: list, detail, create, the early stages and review.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import type { RuleDocDetail, RuleDocSummary } from '../../core/contract/rules';
import { addDays } from '../../core/dates';
import { nextStage, stagesOf, textEditable, type RuleStage } from '../../core/ruletext/procedure';
import type { RuleKind } from '../../core/ruletext/types';
import { appendAudit } from '../audit';
import { localToday } from '../clock';
import { inTransaction, type Actor, type Db } from '../client';
import { daysBetween } from '../meetings';
import { getOrganization } from '../organizations';
import { meetings, ruleAmendments, ruleArticles, ruleChapters, ruleDocuments, ruleOpinions, ruleSteps, ruleVersions } from '../schema';
import { adoptionOf } from './adoption';
import { flagsOf, openFlagsMessage } from './flags';
import { findRuleDoc, loadSnapshot, type RuleDocRow } from './text';
import { freezeVersion } from './versions';

function countWhere(db: Db, table: typeof ruleOpinions | typeof ruleAmendments | typeof ruleArticles | typeof ruleChapters, docId: number, extra?: ReturnType<typeof eq>) {
  return db.orm.select({ n: count() }).from(table).where(extra ? and(eq(table.docId, docId), extra) : eq(table.docId, docId)).get()?.n ?? 0;
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
    pendingAmendments: db.orm.select({ n: count() }).from(ruleAmendments).where(and(eq(ruleAmendments.docId, doc.id), sql`${ruleAmendments.status} in ('待处理', '表决中')`)).get()?.n ?? 0,
    openFlags,
    adoptedOn: doc.adoptedOn,
    filingDue: doc.filingDue,
    filingDaysLeft: doc.filingDue && !doc.filedOn ? daysBetween(today, doc.filingDue) : null,
    filedOn: doc.filedOn,
    publishedOn: doc.publishedOn,
    updatedAt: doc.updatedAt,
  };
}

export function listRuleDocs(db: Db, orgId: number, now = new Date()): { items: RuleDocSummary[] } {
  getOrganization(db, orgId);
  const today = localToday(db, now);
  const rows = db.orm.select().from(ruleDocuments).where(eq(ruleDocuments.orgId, orgId)).orderBy(desc(ruleDocuments.updatedAt)).all();
  return { items: rows.map((d) => summaryOf(db, d, flagsOf(db, d, loadSnapshot(db, d.id)).filter((f) => !f.cleared).length, today)) };
}

export function currentCycle(db: Db, docId: number): number {
  return db.orm.select({ c: sql<number | null>`max(${ruleSteps.cycle})` }).from(ruleSteps).where(eq(ruleSteps.docId, docId)).get()?.c ?? 1;
}

export function stepsOf(db: Db, docId: number) {
  return db.orm
    .select({ step: ruleSteps, meetingTitle: meetings.title, versionName: ruleVersions.name })
    .from(ruleSteps)
    .leftJoin(meetings, eq(meetings.id, ruleSteps.meetingId))
    .leftJoin(ruleVersions, eq(ruleVersions.id, ruleSteps.versionId))
    .where(eq(ruleSteps.docId, docId))
    .orderBy(asc(ruleSteps.id))
    .all()
    .map(({ step, meetingTitle, versionName }) => ({
      id: step.id,
      cycle: step.cycle,
      stage: step.stage,
      date: step.date,
      note: step.note,
      authority: step.authority,
      opinion: step.opinion,
      outcomeDate: step.outcomeDate,
      meetingId: step.meetingId,
      meetingTitle,
      voteId: step.voteId,
      versionId: step.versionId,
      versionName,
      receiptNo: step.receiptNo,
      by: step.by,
    }));
}

/** The step row of the stage the document is in now (the last one entered). */
export function currentStep(db: Db, docId: number) {
  const row = db.orm.select().from(ruleSteps).where(eq(ruleSteps.docId, docId)).orderBy(desc(ruleSteps.id)).limit(1).get();
  if (!row) throw new ApiError('INTERNAL', '这份规约缺少程序记录');
  return row;
}

export function getRuleDoc(db: Db, id: number, now = new Date()): RuleDocDetail {
  const doc = findRuleDoc(db, id);
  const text = loadSnapshot(db, doc.id);
  const flags = flagsOf(db, doc, text);
  const today = localToday(db, now);
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
      ? { due: doc.filingDue, daysLeft: daysBetween(today, doc.filingDue), authority: doc.filingAuthority, filedOn: doc.filedOn, receiptNo: doc.filingReceiptNo }
      : null,
    publishedPlace: doc.publishedPlace,
  };
}

export function enterStage(db: Db, actor: Actor, doc: RuleDocRow, stage: RuleStage, date: string, now: Date, extra: Partial<typeof ruleSteps.$inferInsert> = {}) {
  const last = db.orm.select().from(ruleSteps).where(eq(ruleSteps.docId, doc.id)).orderBy(desc(ruleSteps.id)).limit(1).get();
  if (last && date < last.date) throw new ApiError('INVALID_INPUT', `日期不能早于上一步“${last.stage}”的日期（${last.date}）`);
  db.orm
    .insert(ruleSteps)
    .values({ docId: doc.id, cycle: extra.cycle ?? last?.cycle ?? 1, stage, date, by: actor.name, createdAt: now.toISOString(), ...extra })
    .run();
  db.orm.update(ruleDocuments).set({ stage, updatedAt: now.toISOString() }).where(eq(ruleDocuments.id, doc.id)).run();
  appendAudit(db, actor, { action: 'rule.stage', entity: 'rule_document', entityId: doc.id, before: { stage: doc.stage }, after: { stage, date, ...extra } }, now);
}

export function createRuleDoc(
  db: Db,
  actor: Actor,
  input: { orgId: number; kind: RuleKind; title: string; publicityFirst: boolean; date: string; chapters?: { title: string }[] | undefined; articles?: { chapterIndex: number | null; text: string }[] | undefined },
  now = new Date(),
): RuleDocDetail {
  return inTransaction(db, () => {
    getOrganization(db, input.orgId);
    const chapters = input.chapters ?? [];
    const articles = input.articles ?? [];
    for (const [i, a] of articles.entries()) {
      if (chapters.length && (a.chapterIndex === null || a.chapterIndex >= chapters.length)) {
        throw new ApiError('INVALID_INPUT', `第 ${i + 1} 条没有归入任何一章，请在预览中为它选择一章`);
      }
      if (!chapters.length && a.chapterIndex !== null) throw new ApiError('INVALID_INPUT', '条文指向了不存在的章，请重新识别');
    }
    const at = now.toISOString();
    const doc = db.orm
      .insert(ruleDocuments)
      .values({ orgId: input.orgId, kind: input.kind, title: input.title, publicityFirst: input.publicityFirst, stage: stagesOf(input.publicityFirst)[0]!, createdAt: at, updatedAt: at })
      .returning()
      .get();
    const chapterIds = chapters.map((c, i) => db.orm.insert(ruleChapters).values({ docId: doc.id, position: i + 1, title: c.title }).returning({ id: ruleChapters.id }).get().id);
    // Stable sort by chapter keeps the order inside each chapter as given.
    const ordered = articles.map((a, i) => ({ ...a, i })).sort((a, b) => (a.chapterIndex ?? 0) - (b.chapterIndex ?? 0) || a.i - b.i);
    ordered.forEach((a, i) => {
      db.orm
        .insert(ruleArticles)
        .values({ docId: doc.id, chapterId: a.chapterIndex === null ? null : chapterIds[a.chapterIndex]!, position: i + 1, text: a.text.trim(), createdAt: at, updatedAt: at })
        .run();
    });
    db.orm.insert(ruleSteps).values({ docId: doc.id, cycle: 1, stage: doc.stage, date: input.date, by: actor.name, createdAt: at }).run();
    appendAudit(db, actor, { action: 'rule.create', entity: 'rule_document', entityId: doc.id, after: { ...doc, chapters: chapters.length, articles: articles.length } }, now);
    return getRuleDoc(db, doc.id, now);
  });
}

export function updateRuleDoc(db: Db, actor: Actor, input: { id: number; title?: string | undefined; filingDays?: number | undefined }, now = new Date()): RuleDocDetail {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.id);
    const filingDays = input.filingDays ?? doc.filingDays;
    // A new deadline applies to an adopted document that is not filed yet.
    const filingDue = doc.adoptedOn && !doc.filedOn ? addDays(doc.adoptedOn, filingDays) : doc.filingDue;
    db.orm.update(ruleDocuments).set({ title: input.title ?? doc.title, filingDays, filingDue, updatedAt: now.toISOString() }).where(eq(ruleDocuments.id, doc.id)).run();
    appendAudit(db, actor, { action: 'rule.update', entity: 'rule_document', entityId: doc.id, before: { title: doc.title, filingDays: doc.filingDays }, after: { title: input.title ?? doc.title, filingDays } }, now);
    return getRuleDoc(db, doc.id, now);
  });
}

/** The early stages move on by this call; 审议表决, 备案 and 公布 close with their own records. */
export function advanceRuleDoc(db: Db, actor: Actor, input: { id: number; date: string; note?: string | undefined }, now = new Date()): RuleDocDetail {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.id);
    const to = nextStage(doc.publicityFirst, doc.stage);
    if (doc.stage === '审议表决') throw new ApiError('FORBIDDEN', '审议表决这一步以会议表决结束：请在“表决与备案”中选择通过它的那次表决');
    if (doc.stage === '备案') throw new ApiError('FORBIDDEN', '请登记备案机关、日期和回执编号，登记后自动进入“公布”');
    if (doc.stage === '公布' || !to) throw new ApiError('FORBIDDEN', '请登记公布日期和方式；如需修改已公布的规约，请点“启动修订”');
    const snapshot = loadSnapshot(db, doc.id);
    const extra: Partial<typeof ruleSteps.$inferInsert> = { note: input.note?.trim() || null };
    if (to === '提请审核') {
      if (snapshot.articles.length === 0) throw new ApiError('INVALID_INPUT', '草案还没有条文，请先起草条文再提请审核');
      // What the township reviews is frozen, so its opinion always refers to a fixed text.
      extra.versionId = freezeVersion(db, actor, doc, '审核稿', '提请审核时自动保存', now).id;
    }
    if (to === '审议表决') {
      const review = currentStep(db, doc.id);
      if (!review.opinion) throw new ApiError('FORBIDDEN', '还没有登记乡镇（街道）的审核意见：请先登记审核机关、日期和意见，再提交会议审议表决');
      const problem = openFlagsMessage(flagsOf(db, doc, snapshot));
      if (problem) throw new ApiError('FORBIDDEN', problem);
    }
    enterStage(db, actor, doc, to, input.date, now, extra);
    return getRuleDoc(db, doc.id, now);
  });
}

export function recordReview(db: Db, actor: Actor, input: { id: number; authority: string; date: string; opinion: string }, now = new Date()): RuleDocDetail {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.id);
    if (doc.stage !== '提请审核') throw new ApiError('FORBIDDEN', `审核意见在“提请审核”这一步登记；《${doc.title}》现在处于“${doc.stage}”`);
    const step = currentStep(db, doc.id);
    if (input.date < step.date) throw new ApiError('INVALID_INPUT', `审核日期不能早于提请审核的日期（${step.date}）`);
    db.orm.update(ruleSteps).set({ authority: input.authority, opinion: input.opinion.trim(), outcomeDate: input.date }).where(eq(ruleSteps.id, step.id)).run();
    appendAudit(db, actor, { action: 'rule.review', entity: 'rule_document', entityId: doc.id, before: { authority: step.authority, opinion: step.opinion }, after: input }, now);
    return getRuleDoc(db, doc.id, now);
  });
}

/** A published document is changed by the same procedure: a new round, with its own steps. */
export function startRevision(db: Db, actor: Actor, input: { id: number; date: string; note: string }, now = new Date()): RuleDocDetail {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.id);
    if (doc.stage !== '已公布') throw new ApiError('FORBIDDEN', `只有已公布的规约需要启动修订；《${doc.title}》还在“${doc.stage}”，可直接修改条文`);
    const cycle = currentCycle(db, doc.id) + 1;
    db.orm
      .update(ruleDocuments)
      .set({ adoptedVoteId: null, adoptedOn: null, delegationBasis: null, presentCount: null, womenPresent: null, filingDue: null, filingAuthority: null, filedOn: null, filingReceiptNo: null, publishedOn: null, publishedPlace: null })
      .where(eq(ruleDocuments.id, doc.id))
      .run();
    enterStage(db, actor, doc, stagesOf(doc.publicityFirst)[0]!, input.date, now, { cycle, note: input.note.trim() });
    return getRuleDoc(db, doc.id, now);
  });
}

/** Adopted documents still to be filed, soonest deadline first: the home page's reminder. */
export function rulesAwaitingFiling(db: Db, orgId: number, today: string) {
  return db.orm
    .select()
    .from(ruleDocuments)
    .where(and(eq(ruleDocuments.orgId, orgId), eq(ruleDocuments.stage, '备案')))
    .all()
    .filter((d) => d.filingDue !== null)
    .map((d) => ({ id: d.id, title: d.title, filingDue: d.filingDue!, daysLeft: daysBetween(today, d.filingDue!) }))
    .sort((a, b) => a.filingDue.localeCompare(b.filingDue));
}
