// Chapters and articles: every structural edit renumbers and rewrites references (./text).
import { eq } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import type { RuleEditResult } from '../../core/contract/rules';
import { appendAudit } from '../audit';
import { inTransaction, type Actor, type Db } from '../client';
import { ruleArticles, ruleChapters } from '../schema';
import { getRuleDoc } from './documents';
import {
  assertEditable,
  deleteArticleRows,
  findArticle,
  findChapter,
  findRuleDoc,
  insertArticleRow,
  loadSnapshot,
  placeArticle,
  restructure,
  touch,
  type EditOutcome,
} from './text';

const NONE: EditOutcome = { rewritten: [], unresolved: [] };

function result(db: Db, docId: number, outcome: EditOutcome, now: Date): RuleEditResult {
  return { doc: getRuleDoc(db, docId, now), ...outcome };
}

export function addChapter(db: Db, actor: Actor, input: { docId: number; title: string; afterChapterId?: number | null | undefined }, now = new Date()): RuleEditResult {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.docId);
    assertEditable(doc);
    const id = db.orm.insert(ruleChapters).values({ docId: doc.id, position: 0, title: input.title }).returning({ id: ruleChapters.id }).get().id;
    const outcome = restructure(db, actor, doc, 'rule.chapter.add', (s) => {
      const chapters = s.chapters.slice();
      const after = input.afterChapterId == null ? -1 : chapters.findIndex((c) => c.id === input.afterChapterId);
      if (input.afterChapterId != null && after < 0) throw new ApiError('NOT_FOUND', '找不到要放在其后的章，请刷新后重试');
      // A text without chapters gets its first one: the existing articles go into it.
      const articles = s.chapters.length === 0 ? s.articles.map((a) => ({ ...a, chapterId: id })) : s.articles;
      chapters.splice(input.afterChapterId == null ? chapters.length : after + 1, 0, { id, title: input.title });
      return { chapters, articles };
    }, now, { title: input.title });
    return result(db, doc.id, outcome, now);
  });
}

export function renameChapter(db: Db, actor: Actor, input: { id: number; title: string }, now = new Date()): RuleEditResult {
  return inTransaction(db, () => {
    const chapter = findChapter(db, input.id);
    const doc = findRuleDoc(db, chapter.docId);
    assertEditable(doc);
    db.orm.update(ruleChapters).set({ title: input.title }).where(eq(ruleChapters.id, chapter.id)).run();
    touch(db, doc.id, now);
    appendAudit(db, actor, { action: 'rule.chapter.rename', entity: 'rule_document', entityId: doc.id, before: chapter, after: { ...chapter, title: input.title } }, now);
    return result(db, doc.id, NONE, now);
  });
}

export function removeChapter(db: Db, actor: Actor, input: { id: number; withArticles: boolean }, now = new Date()): RuleEditResult {
  return inTransaction(db, () => {
    const chapter = findChapter(db, input.id);
    const doc = findRuleDoc(db, chapter.docId);
    assertEditable(doc);
    const snapshot = loadSnapshot(db, doc.id);
    const inside = snapshot.articles.filter((a) => a.chapterId === chapter.id);
    const label = snapshot.chapters.find((c) => c.id === chapter.id)?.label ?? '这一章';
    if (inside.length > 0 && !input.withArticles) {
      throw new ApiError(
        'CONFLICT',
        `${label}“${chapter.title}”还有 ${inside.length} 条（${inside[0]!.label}${inside.length > 1 ? `至${inside[inside.length - 1]!.label}` : ''}）。请先把条文移到其他章，或确认连同条文一起删除`,
      );
    }
    const outcome = restructure(db, actor, doc, 'rule.chapter.remove', (s) => ({
      chapters: s.chapters.filter((c) => c.id !== chapter.id),
      articles: s.articles.filter((a) => a.chapterId !== chapter.id),
    }), now, { chapter, articles: inside });
    deleteArticleRows(db, inside.map((a) => a.id));
    db.orm.delete(ruleChapters).where(eq(ruleChapters.id, chapter.id)).run();
    return result(db, doc.id, outcome, now);
  });
}

export function addArticle(db: Db, actor: Actor, input: { docId: number; chapterId: number | null; afterArticleId: number | null; text: string }, now = new Date()): RuleEditResult {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.docId);
    assertEditable(doc);
    const text = input.text.trim();
    // The row is inserted inside `change`, after the numbering before the edit was taken.
    const outcome = restructure(db, actor, doc, 'rule.article.add', (s) => {
      const id = insertArticleRow(db, doc.id, input.chapterId, text, now);
      return placeArticle(s, { id, chapterId: input.chapterId, text }, input.chapterId, input.afterArticleId);
    }, now, { text });
    return result(db, doc.id, outcome, now);
  });
}

export function updateArticle(db: Db, actor: Actor, input: { id: number; text: string }, now = new Date()): RuleEditResult {
  return inTransaction(db, () => {
    const article = findArticle(db, input.id);
    const doc = findRuleDoc(db, article.docId);
    assertEditable(doc);
    const text = input.text.trim();
    if (text === article.text) return result(db, doc.id, NONE, now);
    db.orm.update(ruleArticles).set({ text, updatedAt: now.toISOString() }).where(eq(ruleArticles.id, article.id)).run();
    touch(db, doc.id, now);
    appendAudit(db, actor, { action: 'rule.article.update', entity: 'rule_document', entityId: doc.id, before: article, after: { ...article, text } }, now);
    return result(db, doc.id, NONE, now);
  });
}

export function moveArticle(db: Db, actor: Actor, input: { id: number; chapterId: number | null; afterArticleId: number | null }, now = new Date()): RuleEditResult {
  return inTransaction(db, () => {
    const article = findArticle(db, input.id);
    if (input.afterArticleId === article.id) throw new ApiError('INVALID_INPUT', '不能把条文移到它自己的后面，请选择另一条作为位置');
    const doc = findRuleDoc(db, article.docId);
    assertEditable(doc);
    const outcome = restructure(db, actor, doc, 'rule.article.move', (s) => placeArticle(s, { id: article.id, chapterId: article.chapterId, text: article.text }, input.chapterId, input.afterArticleId), now, input);
    return result(db, doc.id, outcome, now);
  });
}

export function removeArticle(db: Db, actor: Actor, input: { id: number }, now = new Date()): RuleEditResult {
  return inTransaction(db, () => {
    const article = findArticle(db, input.id);
    const doc = findRuleDoc(db, article.docId);
    assertEditable(doc);
    const outcome = applyRemoval(db, actor, doc, article, now);
    return result(db, doc.id, outcome, now);
  });
}

export function applyRemoval(db: Db, actor: Actor, doc: ReturnType<typeof findRuleDoc>, article: ReturnType<typeof findArticle>, now: Date): EditOutcome {
  const outcome = restructure(db, actor, doc, 'rule.article.remove', (s) => ({ ...s, articles: s.articles.filter((a) => a.id !== article.id) }), now, article);
  deleteArticleRows(db, [article.id]);
  return outcome;
}
