// Chapters and articles: every structural edit renumbers and rewrites references (./text).
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../core/contract';
import { ApiError } from '../../core/contract/define';
import type { RuleEditResult } from '../../core/contract/rules';
import { appendAudit } from '../audit';
import type { Tx } from '../client';
import { ruleArticles, ruleChapters } from '../schema';
import { getRuleDoc } from './detail';
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

function result(tx: Tx, docId: number, outcome: EditOutcome): RuleEditResult {
  return { doc: getRuleDoc(tx, docId, tx.clock.today), ...outcome };
}

export function addChapter(tx: Tx, input: ParsedInput<'rules.chapters.add'>): RuleEditResult {
  const doc = findRuleDoc(tx, input.docId);
  assertEditable(doc);
  // The row is inserted inside `change`, after the structure before the edit was read: inserted
  // earlier, the new chapter was already in `s.chapters` and was then added a second time.
  const outcome = restructure(
    tx,
    doc,
    'rule.chapter.add',
    (s) => {
      const chapters = s.chapters.slice();
      const after = input.afterChapterId == null ? -1 : chapters.findIndex((c) => c.id === input.afterChapterId);
      if (input.afterChapterId != null && after < 0) throw new ApiError('NOT_FOUND', '找不到要放在其后的章，请刷新后重试');
      const id = tx.orm.insert(ruleChapters).values({ docId: doc.id, position: 0, title: input.title }).returning({ id: ruleChapters.id }).get().id;
      // A text without chapters gets its first one: the existing articles go into it.
      const articles = s.chapters.length === 0 ? s.articles.map((a) => ({ ...a, chapterId: id })) : s.articles;
      chapters.splice(input.afterChapterId == null ? chapters.length : after + 1, 0, { id, title: input.title });
      return { chapters, articles };
    },
    { title: input.title },
  );
  return result(tx, doc.id, outcome);
}

export function renameChapter(tx: Tx, input: ParsedInput<'rules.chapters.rename'>): RuleEditResult {
  const chapter = findChapter(tx, input.id);
  const doc = findRuleDoc(tx, chapter.docId);
  assertEditable(doc);
  tx.orm.update(ruleChapters).set({ title: input.title }).where(eq(ruleChapters.id, chapter.id)).run();
  touch(tx, doc.id);
  appendAudit(tx, { action: 'rule.chapter.rename', entity: 'rule_document', entityId: doc.id, before: chapter, after: { ...chapter, title: input.title } });
  return result(tx, doc.id, NONE);
}

export function removeChapter(tx: Tx, input: ParsedInput<'rules.chapters.remove'>): RuleEditResult {
  const chapter = findChapter(tx, input.id);
  const doc = findRuleDoc(tx, chapter.docId);
  assertEditable(doc);
  const snapshot = loadSnapshot(tx, doc.id);
  const inside = snapshot.articles.filter((a) => a.chapterId === chapter.id);
  const label = snapshot.chapters.find((c) => c.id === chapter.id)?.label ?? '这一章';
  if (inside.length > 0 && !input.withArticles) {
    throw new ApiError(
      'CONFLICT',
      `${label}“${chapter.title}”还有 ${inside.length} 条（${inside[0]!.label}${inside.length > 1 ? `至${inside[inside.length - 1]!.label}` : ''}）。请先把条文移到其他章，或确认连同条文一起删除`,
    );
  }
  const outcome = restructure(
    tx,
    doc,
    'rule.chapter.remove',
    (s) => ({
      chapters: s.chapters.filter((c) => c.id !== chapter.id),
      articles: s.articles.filter((a) => a.chapterId !== chapter.id),
    }),
    { chapter, articles: inside },
  );
  deleteArticleRows(
    tx,
    inside.map((a) => a.id),
  );
  tx.orm.delete(ruleChapters).where(eq(ruleChapters.id, chapter.id)).run();
  return result(tx, doc.id, outcome);
}

export function addArticle(tx: Tx, input: ParsedInput<'rules.articles.add'>): RuleEditResult {
  const doc = findRuleDoc(tx, input.docId);
  assertEditable(doc);
  const text = input.text.trim();
  // The row is inserted inside `change`, after the numbering before the edit was taken.
  const outcome = restructure(
    tx,
    doc,
    'rule.article.add',
    (s) => {
      const id = insertArticleRow(tx, doc.id, input.chapterId, text);
      return placeArticle(s, { id, chapterId: input.chapterId, text }, input.chapterId, input.afterArticleId);
    },
    { text },
  );
  return result(tx, doc.id, outcome);
}

export function updateArticle(tx: Tx, input: ParsedInput<'rules.articles.update'>): RuleEditResult {
  const article = findArticle(tx, input.id);
  const doc = findRuleDoc(tx, article.docId);
  assertEditable(doc);
  const text = input.text.trim();
  if (text === article.text) return result(tx, doc.id, NONE);
  tx.orm.update(ruleArticles).set({ text, updatedAt: tx.clock.instant }).where(eq(ruleArticles.id, article.id)).run();
  touch(tx, doc.id);
  appendAudit(tx, { action: 'rule.article.update', entity: 'rule_document', entityId: doc.id, before: article, after: { ...article, text } });
  return result(tx, doc.id, NONE);
}

export function moveArticle(tx: Tx, input: ParsedInput<'rules.articles.move'>): RuleEditResult {
  const article = findArticle(tx, input.id);
  if (input.afterArticleId === article.id) throw new ApiError('INVALID_INPUT', '不能把条文移到它自己的后面，请选择另一条作为位置');
  const doc = findRuleDoc(tx, article.docId);
  assertEditable(doc);
  const outcome = restructure(
    tx,
    doc,
    'rule.article.move',
    (s) => placeArticle(s, { id: article.id, chapterId: article.chapterId, text: article.text }, input.chapterId, input.afterArticleId),
    input,
  );
  return result(tx, doc.id, outcome);
}

export function removeArticle(tx: Tx, input: ParsedInput<'rules.articles.remove'>): RuleEditResult {
  const article = findArticle(tx, input.id);
  const doc = findRuleDoc(tx, article.docId);
  assertEditable(doc);
  const outcome = applyRemoval(tx, doc, article);
  return result(tx, doc.id, outcome);
}

export function applyRemoval(tx: Tx, doc: ReturnType<typeof findRuleDoc>, article: ReturnType<typeof findArticle>): EditOutcome {
  const outcome = restructure(tx, doc, 'rule.article.remove', (s) => ({ ...s, articles: s.articles.filter((a) => a.id !== article.id) }), article);
  deleteArticleRows(tx, [article.id]);
  return outcome;
}
