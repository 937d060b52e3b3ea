// The procedure's record: one step row per stage entered, in rounds (cycles) of revision.
import { asc, desc, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import type { RuleStage } from '../../core/ruletext/procedure';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { meetings, ruleDocuments, ruleSteps, ruleVersions } from '../schema';
import type { RuleDocRow } from './text';

export function currentCycle(db: Db, docId: number): number {
  return (
    db.orm
      .select({ c: sql<number | null>`max(${ruleSteps.cycle})` })
      .from(ruleSteps)
      .where(eq(ruleSteps.docId, docId))
      .get()?.c ?? 1
  );
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

export function enterStage(tx: Tx, doc: RuleDocRow, stage: RuleStage, date: string, extra: Partial<typeof ruleSteps.$inferInsert> = {}) {
  const last = tx.orm.select().from(ruleSteps).where(eq(ruleSteps.docId, doc.id)).orderBy(desc(ruleSteps.id)).limit(1).get();
  if (last && date < last.date) throw new ApiError('INVALID_INPUT', `日期不能早于上一步“${last.stage}”的日期（${last.date}）`);
  tx.orm
    .insert(ruleSteps)
    .values({ docId: doc.id, cycle: extra.cycle ?? last?.cycle ?? 1, stage, date, by: tx.actor.name, createdAt: tx.clock.instant, ...extra })
    .run();
  tx.orm.update(ruleDocuments).set({ stage, updatedAt: tx.clock.instant }).where(eq(ruleDocuments.id, doc.id)).run();
  appendAudit(tx, { action: 'rule.stage', entity: 'rule_document', entityId: doc.id, before: { stage: doc.stage }, after: { stage, date, ...extra } });
}
