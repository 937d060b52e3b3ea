// A rule document and its procedure: create, the early stages, review and revision.
import { and, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../core/contract';
import { ApiError } from '../../core/contract/define';
import type { RuleDocDetail } from '../../core/contract/rules';
import { addDays } from '../../core/dates';
import { nextStage, stagesOf } from '../../core/ruletext/procedure';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { daysBetween } from '../meetings';
import { getOrganization } from '../organizations';
import { ruleArticles, ruleChapters, ruleDocuments, ruleSteps } from '../schema';
import { getRuleDoc } from './detail';
import { flagsOf, openFlagsMessage } from './flags';
import { currentCycle, currentStep, enterStage } from './steps';
import { findRuleDoc, loadSnapshot } from './text';
import { freezeVersion } from './versions';

export function createRuleDoc(tx: Tx, input: ParsedInput<'rules.create'>): RuleDocDetail {
  getOrganization(tx, input.orgId);
  const chapters = input.chapters ?? [];
  const articles = input.articles ?? [];
  for (const [i, a] of articles.entries()) {
    if (chapters.length && (a.chapterIndex === null || a.chapterIndex >= chapters.length)) {
      throw new ApiError('INVALID_INPUT', `第 ${i + 1} 条没有归入任何一章，请在预览中为它选择一章`);
    }
    if (!chapters.length && a.chapterIndex !== null) throw new ApiError('INVALID_INPUT', '条文指向了不存在的章，请重新识别');
  }
  const at = tx.clock.instant;
  const doc = tx.orm
    .insert(ruleDocuments)
    .values({
      orgId: input.orgId,
      kind: input.kind,
      title: input.title,
      publicityFirst: input.publicityFirst,
      stage: stagesOf(input.publicityFirst)[0]!,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  const chapterIds = chapters.map(
    (c, i) =>
      tx.orm
        .insert(ruleChapters)
        .values({ docId: doc.id, position: i + 1, title: c.title })
        .returning({ id: ruleChapters.id })
        .get().id,
  );
  // Stable sort by chapter keeps the order inside each chapter as given.
  const ordered = articles.map((a, i) => ({ ...a, i })).sort((a, b) => (a.chapterIndex ?? 0) - (b.chapterIndex ?? 0) || a.i - b.i);
  ordered.forEach((a, i) => {
    tx.orm
      .insert(ruleArticles)
      .values({
        docId: doc.id,
        chapterId: a.chapterIndex === null ? null : chapterIds[a.chapterIndex]!,
        position: i + 1,
        text: a.text.trim(),
        createdAt: at,
        updatedAt: at,
      })
      .run();
  });
  tx.orm.insert(ruleSteps).values({ docId: doc.id, cycle: 1, stage: doc.stage, date: input.date, by: tx.actor.name, createdAt: at }).run();
  appendAudit(tx, {
    action: 'rule.create',
    entity: 'rule_document',
    entityId: doc.id,
    after: { ...doc, chapters: chapters.length, articles: articles.length },
  });
  return getRuleDoc(tx, doc.id, tx.clock.today);
}

export function updateRuleDoc(tx: Tx, input: ParsedInput<'rules.update'>): RuleDocDetail {
  const doc = findRuleDoc(tx, input.id);
  const filingDays = input.filingDays ?? doc.filingDays;
  // A new deadline applies to an adopted document that is not filed yet.
  const filingDue = doc.adoptedOn && !doc.filedOn ? addDays(doc.adoptedOn, filingDays) : doc.filingDue;
  tx.orm
    .update(ruleDocuments)
    .set({ title: input.title ?? doc.title, filingDays, filingDue, updatedAt: tx.clock.instant })
    .where(eq(ruleDocuments.id, doc.id))
    .run();
  appendAudit(tx, {
    action: 'rule.update',
    entity: 'rule_document',
    entityId: doc.id,
    before: { title: doc.title, filingDays: doc.filingDays },
    after: { title: input.title ?? doc.title, filingDays },
  });
  return getRuleDoc(tx, doc.id, tx.clock.today);
}

/** The early stages move on by this call; 审议表决, 备案 and 公布 close with their own records. */
export function advanceRuleDoc(tx: Tx, input: ParsedInput<'rules.advance'>): RuleDocDetail {
  const doc = findRuleDoc(tx, input.id);
  const to = nextStage(doc.publicityFirst, doc.stage);
  if (doc.stage === '审议表决') throw new ApiError('FORBIDDEN', '审议表决这一步以会议表决结束：请在“表决与备案”中选择通过它的那次表决');
  if (doc.stage === '备案') throw new ApiError('FORBIDDEN', '请登记备案机关、日期和回执编号，登记后自动进入“公布”');
  if (doc.stage === '公布' || !to) throw new ApiError('FORBIDDEN', '请登记公布日期和方式；如需修改已公布的规约，请点“启动修订”');
  const snapshot = loadSnapshot(tx, doc.id);
  const extra: Partial<typeof ruleSteps.$inferInsert> = { note: input.note?.trim() || null };
  if (to === '提请审核') {
    if (snapshot.articles.length === 0) throw new ApiError('INVALID_INPUT', '草案还没有条文，请先起草条文再提请审核');
    // What the township reviews is frozen, so its opinion always refers to a fixed text.
    extra.versionId = freezeVersion(tx, doc, '审核稿', '提请审核时自动保存').id;
  }
  if (to === '审议表决') {
    const review = currentStep(tx, doc.id);
    if (!review.opinion) throw new ApiError('FORBIDDEN', '还没有登记乡镇（街道）的审核意见：请先登记审核机关、日期和意见，再提交会议审议表决');
    const problem = openFlagsMessage(flagsOf(tx, doc, snapshot));
    if (problem) throw new ApiError('FORBIDDEN', problem);
  }
  enterStage(tx, doc, to, input.date, extra);
  return getRuleDoc(tx, doc.id, tx.clock.today);
}

export function recordReview(tx: Tx, input: ParsedInput<'rules.recordReview'>): RuleDocDetail {
  const doc = findRuleDoc(tx, input.id);
  if (doc.stage !== '提请审核') throw new ApiError('FORBIDDEN', `审核意见在“提请审核”这一步登记；《${doc.title}》现在处于“${doc.stage}”`);
  const step = currentStep(tx, doc.id);
  if (input.date < step.date) throw new ApiError('INVALID_INPUT', `审核日期不能早于提请审核的日期（${step.date}）`);
  tx.orm.update(ruleSteps).set({ authority: input.authority, opinion: input.opinion.trim(), outcomeDate: input.date }).where(eq(ruleSteps.id, step.id)).run();
  appendAudit(tx, {
    action: 'rule.review',
    entity: 'rule_document',
    entityId: doc.id,
    before: { authority: step.authority, opinion: step.opinion },
    after: input,
  });
  return getRuleDoc(tx, doc.id, tx.clock.today);
}

/** A published document is changed by the same procedure: a new round, with its own steps. */
export function startRevision(tx: Tx, input: ParsedInput<'rules.startRevision'>): RuleDocDetail {
  const doc = findRuleDoc(tx, input.id);
  if (doc.stage !== '已公布') throw new ApiError('FORBIDDEN', `只有已公布的规约需要启动修订；《${doc.title}》还在“${doc.stage}”，可直接修改条文`);
  const cycle = currentCycle(tx, doc.id) + 1;
  tx.orm
    .update(ruleDocuments)
    .set({
      adoptedVoteId: null,
      adoptedOn: null,
      delegationBasis: null,
      presentCount: null,
      womenPresent: null,
      filingDue: null,
      filingAuthority: null,
      filedOn: null,
      filingReceiptNo: null,
      publishedOn: null,
      publishedPlace: null,
    })
    .where(eq(ruleDocuments.id, doc.id))
    .run();
  enterStage(tx, doc, stagesOf(doc.publicityFirst)[0]!, input.date, { cycle, note: input.note.trim() });
  return getRuleDoc(tx, doc.id, tx.clock.today);
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
