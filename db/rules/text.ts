// The working text of a rule document: chapters and articles in order, and the structural edits
// that renumber it. Every edit rewrites "第X条" references in the other articles in the same
// transaction, and reports those it could not rewrite.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import { textEditable, type RuleStage } from '../../core/ruletext/procedure';
import { numberStructure } from '../../core/ruletext/numbering';
import { renumberReferences } from '../../core/ruletext/references';
import type { RuleStructure, RuleSnapshot, UnresolvedReference } from '../../core/ruletext/types';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { ruleArticles, ruleChapters, ruleDocuments } from '../schema';

export type RuleDocRow = typeof ruleDocuments.$inferSelect;

export function findRuleDoc(db: Db, id: number): RuleDocRow {
  const row = db.orm.select().from(ruleDocuments).where(eq(ruleDocuments.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的规约，请刷新后重试`);
  return row;
}

export function assertEditable(doc: RuleDocRow): void {
  if (!textEditable(doc.stage as RuleStage)) {
    throw new ApiError('FORBIDDEN', `《${doc.title}》已表决通过，条文不能直接修改；如需修订，请先点“启动修订”，按程序重新征求意见和表决`);
  }
}

export function loadStructure(db: Db, docId: number): RuleStructure {
  return structuresOf(db, [docId]).get(docId)!;
}

/** The texts of several documents in two queries (chapters, articles), each ordered as loadStructure orders one. */
function structuresOf(db: Db, docIds: number[]): Map<number, RuleStructure> {
  const out = new Map<number, { chapters: (typeof ruleChapters.$inferSelect)[]; articles: (typeof ruleArticles.$inferSelect)[] }>(
    docIds.map((id) => [id, { chapters: [], articles: [] }]),
  );
  if (!docIds.length) return new Map();
  for (const c of db.orm.select().from(ruleChapters).where(inArray(ruleChapters.docId, docIds)).orderBy(asc(ruleChapters.position), asc(ruleChapters.id)).all())
    out.get(c.docId)!.chapters.push(c);
  for (const a of db.orm.select().from(ruleArticles).where(inArray(ruleArticles.docId, docIds)).orderBy(asc(ruleArticles.position), asc(ruleArticles.id)).all())
    out.get(a.docId)!.articles.push(a);
  const result = new Map<number, RuleStructure>();
  for (const [docId, { chapters, articles }] of out) {
    const order = new Map(chapters.map((c, i) => [c.id, i]));
    // Grouped by chapter in chapter order; within a chapter, by position.
    articles.sort((a, b) => (order.get(a.chapterId ?? -1) ?? -1) - (order.get(b.chapterId ?? -1) ?? -1));
    result.set(docId, {
      chapters: chapters.map((c) => ({ id: c.id, title: c.title })),
      articles: articles.map((a) => ({ id: a.id, chapterId: a.chapterId, text: a.text })),
    });
  }
  return result;
}

/** The numbered texts of several documents: the rules list reads them all at once. */
export function loadSnapshots(db: Db, docIds: number[]): Map<number, RuleSnapshot> {
  return new Map([...structuresOf(db, docIds)].map(([id, s]) => [id, numberStructure(s)]));
}

export function loadSnapshot(db: Db, docId: number): RuleSnapshot {
  return numberStructure(loadStructure(db, docId));
}

export interface EditOutcome {
  rewritten: { articleId: number; label: string; before: string; after: string }[];
  unresolved: UnresolvedReference[];
}

/**
 * Runs one structural edit: `change` does its own inserts/deletes and returns the new order;
 * positions are rewritten from it, then references are renumbered. The numbering before the
 * edit is taken first, so a row `change` inserts is not yet part of it.
 */
export function restructure(tx: Tx, doc: RuleDocRow, action: string, change: (s: RuleStructure) => RuleStructure, extra?: unknown): EditOutcome {
  const before = loadSnapshot(tx, doc.id);
  const next = change(loadStructure(tx, doc.id));
  // Checks the grouping before anything is written back.
  numberStructure(next);
  const renumbered = renumberReferences(before, next);
  const at = tx.clock.instant;
  renumbered.structure.chapters.forEach((c, i) => {
    tx.orm
      .update(ruleChapters)
      .set({ position: i + 1 })
      .where(eq(ruleChapters.id, c.id))
      .run();
  });
  const texts = new Map(renumbered.rewritten.map((r) => [r.articleId, r.after]));
  renumbered.structure.articles.forEach((a, i) => {
    tx.orm
      .update(ruleArticles)
      .set({ position: i + 1, chapterId: a.chapterId, ...(texts.has(a.id) ? { text: texts.get(a.id)!, updatedAt: at } : {}) })
      .where(eq(ruleArticles.id, a.id))
      .run();
  });
  const after = numberStructure(renumbered.structure);
  const labels = new Map(after.articles.map((a) => [a.id, a.label]));
  const outcome: EditOutcome = {
    rewritten: renumbered.rewritten.map((r) => ({ ...r, label: labels.get(r.articleId) ?? '' })),
    unresolved: renumbered.unresolved,
  };
  touch(tx, doc.id);
  appendAudit(tx, {
    action,
    entity: 'rule_document',
    entityId: doc.id,
    before: labelsOf(before),
    after: { order: labelsOf(after), ...outcome, ...(extra ? { change: extra } : {}) },
  });
  return outcome;
}

function labelsOf(s: RuleSnapshot) {
  return s.articles.map((a) => `${a.label}#${a.id}`).join(' ');
}

export function touch(tx: Tx, docId: number): void {
  tx.orm.update(ruleDocuments).set({ updatedAt: tx.clock.instant }).where(eq(ruleDocuments.id, docId)).run();
}

export function findArticle(db: Db, id: number) {
  const row = db.orm.select().from(ruleArticles).where(eq(ruleArticles.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的条文，可能已被删除；请刷新后重试`);
  return row;
}

export function findChapter(db: Db, id: number) {
  const row = db.orm.select().from(ruleChapters).where(eq(ruleChapters.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的章，可能已被删除；请刷新后重试`);
  return row;
}

/** Where a new or moved article goes: into `chapterId`, after `afterId` (null: first of the chapter). */
export function placeArticle(s: RuleStructure, article: RuleStructure['articles'][number], chapterId: number | null, afterId: number | null): RuleStructure {
  if (s.chapters.length > 0 && chapterId === null) throw new ApiError('INVALID_INPUT', '这份规约分了章，请选择条文放在哪一章');
  if (s.chapters.length === 0 && chapterId !== null) throw new ApiError('INVALID_INPUT', '这份规约没有分章，不能放进章里');
  if (chapterId !== null && !s.chapters.some((c) => c.id === chapterId)) throw new ApiError('NOT_FOUND', '找不到要放入的章，请刷新后重试');
  const rest = s.articles.filter((a) => a.id !== article.id);
  const placed = { ...article, chapterId };
  let index: number;
  if (afterId !== null) {
    const i = rest.findIndex((a) => a.id === afterId);
    if (i < 0) throw new ApiError('NOT_FOUND', '找不到要放在其后的条文，可能已被删除；请刷新后重试');
    if (rest[i]!.chapterId !== chapterId) throw new ApiError('INVALID_INPUT', '要放在其后的条文不在所选的章里，请重新选择位置');
    index = i + 1;
  } else {
    // First of its chapter: before the first article of this chapter or of any later chapter.
    const chapterOrder = s.chapters.map((c) => c.id);
    const mine = chapterId === null ? 0 : chapterOrder.indexOf(chapterId);
    index = rest.findIndex((a) => a.chapterId !== null && chapterOrder.indexOf(a.chapterId) >= mine);
    if (chapterId === null || index < 0) index = chapterId === null ? 0 : rest.length;
  }
  rest.splice(index, 0, placed);
  return { chapters: s.chapters, articles: rest };
}

export function insertArticleRow(tx: Tx, docId: number, chapterId: number | null, text: string): number {
  const at = tx.clock.instant;
  return tx.orm.insert(ruleArticles).values({ docId, chapterId, position: 0, text, createdAt: at, updatedAt: at }).returning({ id: ruleArticles.id }).get().id;
}

export function deleteArticleRows(tx: Tx, ids: number[]): void {
  if (ids.length) tx.orm.delete(ruleArticles).where(inArray(ruleArticles.id, ids)).run();
}

export function chaptersOf(db: Db, docId: number) {
  return db.orm
    .select()
    .from(ruleChapters)
    .where(and(eq(ruleChapters.docId, docId)))
    .orderBy(asc(ruleChapters.position))
    .all();
}
