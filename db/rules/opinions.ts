// 征求意见: opinions on one article or the whole text, and what was done with each.
import { asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../core/contract';
import { ApiError } from '../../core/contract/define';
import type { RuleOpinion } from '../../core/contract/rules';
import { opinionChannels } from '../../core/ruletext/procedure';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { people, ruleOpinions } from '../schema';
import { findRuleDoc, loadSnapshot, touch } from './text';

type Row = typeof ruleOpinions.$inferSelect;

function toOpinion(r: Row, labels: Map<number, string>): RuleOpinion {
  const current = r.articleId === null ? undefined : labels.get(r.articleId);
  return {
    id: r.id,
    docId: r.docId,
    articleId: r.articleId,
    articleLabel: current ?? r.articleLabel,
    // The article it spoke to is gone (deleted or merged away): say so rather than point elsewhere.
    articleDeleted: r.articleLabel !== null && current === undefined,
    personId: r.personId,
    name: r.name,
    channel: r.channel,
    receivedOn: r.receivedOn,
    content: r.content,
    disposition: r.disposition,
    reason: r.reason,
  };
}

function labelsOf(db: Db, docId: number) {
  return new Map(loadSnapshot(db, docId).articles.map((a) => [a.id, a.label]));
}

export function listOpinions(db: Db, docId: number): { items: RuleOpinion[]; channels: string[] } {
  findRuleDoc(db, docId);
  const labels = labelsOf(db, docId);
  const rows = db.orm.select().from(ruleOpinions).where(eq(ruleOpinions.docId, docId)).orderBy(asc(ruleOpinions.receivedOn), asc(ruleOpinions.id)).all();
  return { items: rows.map((r) => toOpinion(r, labels)), channels: [...opinionChannels] };
}

/**
 * The opinions as the 意见采纳情况表 prints them: the article by the number it had when the
 * opinion came in, and by today's number where that changed (null when it is gone).
 */
export function opinionsForTable(db: Db, docId: number) {
  findRuleDoc(db, docId);
  const labels = labelsOf(db, docId);
  const rows = db.orm.select().from(ruleOpinions).where(eq(ruleOpinions.docId, docId)).orderBy(asc(ruleOpinions.receivedOn), asc(ruleOpinions.id)).all();
  return rows.map((r) => ({
    name: r.name,
    channel: r.channel,
    receivedOn: r.receivedOn,
    articleLabel: r.articleLabel,
    // articleId is cleared when the article is deleted (the stored label stays): gone, null.
    currentLabel: r.articleId === null ? null : (labels.get(r.articleId) ?? null),
    content: r.content,
    disposition: r.disposition,
    reason: r.reason,
  }));
}

export function addOpinion(tx: Tx, input: ParsedInput<'rules.opinions.add'>): RuleOpinion {
  const doc = findRuleDoc(tx, input.docId);
  const labels = labelsOf(tx, doc.id);
  if (input.articleId !== null && !labels.has(input.articleId)) throw new ApiError('NOT_FOUND', '找不到这条意见涉及的条文，可能已被删除；请刷新后重新选择');
  let name = input.name.trim();
  if (input.personId != null) {
    const person = tx.orm.select().from(people).where(eq(people.id, input.personId)).get();
    if (!person || person.orgId !== doc.orgId) throw new ApiError('NOT_FOUND', '在本单位花名册中找不到这位居民，请重新选择');
    name ||= person.name;
  }
  if (!name) name = '匿名';
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(ruleOpinions)
    .values({
      docId: doc.id,
      articleId: input.articleId,
      articleLabel: input.articleId === null ? null : labels.get(input.articleId)!,
      personId: input.personId ?? null,
      name,
      channel: input.channel,
      receivedOn: input.receivedOn,
      content: input.content.trim(),
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  touch(tx, doc.id);
  appendAudit(tx, { action: 'rule.opinion.add', entity: 'rule_document', entityId: doc.id, after: row });
  return toOpinion(row, labels);
}

export function disposeOpinion(tx: Tx, input: ParsedInput<'rules.opinions.dispose'>): RuleOpinion {
  const before = tx.orm.select().from(ruleOpinions).where(eq(ruleOpinions.id, input.id)).get();
  if (!before) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.id} 的意见，请刷新后重试`);
  const reason = input.reason?.trim() || null;
  if ((input.disposition === '未采纳' || input.disposition === '部分采纳') && !reason) {
    throw new ApiError('INVALID_INPUT', `意见“${input.disposition}”时请写明理由：表决前要向会议说明意见采纳情况`);
  }
  tx.orm.update(ruleOpinions).set({ disposition: input.disposition, reason, updatedAt: tx.clock.instant }).where(eq(ruleOpinions.id, before.id)).run();
  const after = tx.orm.select().from(ruleOpinions).where(eq(ruleOpinions.id, before.id)).get()!;
  touch(tx, before.docId);
  appendAudit(tx, { action: 'rule.opinion.dispose', entity: 'rule_document', entityId: before.docId, before, after });
  return toOpinion(after, labelsOf(tx, before.docId));
}
