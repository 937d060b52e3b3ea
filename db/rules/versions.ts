// Frozen versions (征求意见稿, 审核稿, 表决稿, 正式稿 …) and comparison between any two texts.
import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import { compareSnapshots } from '../../core/ruletext/compare';
import type { RuleComparison, RuleSnapshot } from '../../core/ruletext/types';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import type { ParsedInput } from '../../core/contract';
import { auditLog, ruleVersions } from '../schema';
import { findRuleDoc, loadSnapshot, touch, type RuleDocRow } from './text';

type VersionRow = typeof ruleVersions.$inferSelect;

function toVersion(v: VersionRow) {
  const snapshot = JSON.parse(v.snapshot) as RuleSnapshot;
  return { id: v.id, docId: v.docId, seq: v.seq, name: v.name, note: v.note, by: v.by, createdAt: v.createdAt, articleCount: snapshot.articles.length };
}

/** Snapshots the working text as it is now. */
export function freezeVersion(tx: Tx, doc: RuleDocRow, name: string, note: string | null): VersionRow {
  const last = tx.orm
    .select({ seq: sql<number | null>`max(${ruleVersions.seq})` })
    .from(ruleVersions)
    .where(eq(ruleVersions.docId, doc.id))
    .get();
  const row = tx.orm
    .insert(ruleVersions)
    .values({
      docId: doc.id,
      seq: (last?.seq ?? 0) + 1,
      name,
      note,
      snapshot: JSON.stringify(loadSnapshot(tx, doc.id)),
      by: tx.actor.name,
      createdAt: tx.clock.instant,
    })
    .returning()
    .get();
  touch(tx, doc.id);
  appendAudit(tx, { action: 'rule.version', entity: 'rule_document', entityId: doc.id, after: { id: row.id, seq: row.seq, name, note } });
  return row;
}

export function createVersion(tx: Tx, input: ParsedInput<'rules.versions.create'>) {
  const doc = findRuleDoc(tx, input.docId);
  if (loadSnapshot(tx, doc.id).articles.length === 0) throw new ApiError('INVALID_INPUT', '还没有条文，保存版本前请先起草条文');
  return toVersion(freezeVersion(tx, doc, input.name, input.note?.trim() || null));
}

export function listVersions(db: Db, docId: number) {
  findRuleDoc(db, docId);
  return { items: db.orm.select().from(ruleVersions).where(eq(ruleVersions.docId, docId)).orderBy(desc(ruleVersions.seq)).all().map(toVersion) };
}

function findVersion(db: Db, id: number): VersionRow {
  const row = db.orm.select().from(ruleVersions).where(eq(ruleVersions.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的版本，请刷新后重试`);
  return row;
}

export function getVersion(db: Db, id: number) {
  const row = findVersion(db, id);
  return { ...toVersion(row), text: JSON.parse(row.snapshot) as RuleSnapshot };
}

/** A saved version, or 'current' for the text being drafted; with the name a reader sees. */
export function textOf(db: Db, docId: number, ref: number | 'current'): { name: string; text: RuleSnapshot; versionId: number | null } {
  if (ref === 'current') return { name: '当前草稿', text: loadSnapshot(db, docId), versionId: null };
  const row = findVersion(db, ref);
  if (row.docId !== docId) throw new ApiError('NOT_FOUND', '这个版本不属于这份规约，请重新选择');
  return { name: `${row.name}（第${row.seq}版）`, text: JSON.parse(row.snapshot) as RuleSnapshot, versionId: row.id };
}

export function compareVersions(
  db: Db,
  input: { docId: number; from: number | 'current'; to: number | 'current' },
): { fromName: string; toName: string; comparison: RuleComparison } {
  findRuleDoc(db, input.docId);
  if (input.from === input.to) throw new ApiError('INVALID_INPUT', '请选择两个不同的版本进行比较');
  const a = textOf(db, input.docId, input.from);
  const b = textOf(db, input.docId, input.to);
  return { fromName: a.name, toName: b.name, comparison: compareSnapshots(a.text, b.text) };
}

export function latestVersion(db: Db, docId: number, name?: string): VersionRow | undefined {
  return db.orm
    .select()
    .from(ruleVersions)
    .where(name ? sql`${ruleVersions.docId} = ${docId} and ${ruleVersions.name} = ${name}` : eq(ruleVersions.docId, docId))
    .orderBy(desc(ruleVersions.seq))
    .limit(1)
    .get();
}

export function earliestVersion(db: Db, docId: number): VersionRow | undefined {
  return db.orm.select().from(ruleVersions).where(eq(ruleVersions.docId, docId)).orderBy(asc(ruleVersions.seq)).limit(1).get();
}

/** Audit actions that change the working text (or the title printed over it). */
const TEXT_ACTIONS = ['rule.create', 'rule.update', 'rule.amendment.apply'];

/**
 * When a text was last written: a version's moment of freezing, or for 'current' the last edit
 * of the working text (from the audit trail; opinions, steps and flags do not count). Documents
 * made from the text carry this instant, never the time of the export.
 */
export function textSavedAt(db: Db, docId: number, ref: number | 'current'): string {
  if (ref !== 'current') return findVersion(db, ref).createdAt;
  const last = db.orm
    .select({ at: sql<string | null>`max(${auditLog.at})` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'rule_document'),
        eq(auditLog.entityId, docId),
        or(like(auditLog.action, 'rule.article.%'), like(auditLog.action, 'rule.chapter.%'), inArray(auditLog.action, TEXT_ACTIONS)),
      ),
    )
    .get();
  return last?.at ?? findRuleDoc(db, docId).updatedAt;
}
