// Penalty wording (罚款, 停水停电 …): conventions may not impose coercive penalties. The list is
// data the organization can edit; a flag is cleared only with a written reason, and only for
// the text as it stood — editing the article brings the flag back.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../core/contract';
import { ApiError } from '../../core/contract/define';
import { defaultPenaltyTerms, findPenaltyWording, penaltyTermProblem } from '../../core/ruletext/penalty';
import type { PenaltyTerm, RuleSnapshot } from '../../core/ruletext/types';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { getOrganization } from '../organizations';
import { ruleFlagClearances } from '../schema';
import { getSetting, setSetting } from '../settings';
import { findArticle, findRuleDoc, loadSnapshot, touch } from './text';

export type ClearanceRow = typeof ruleFlagClearances.$inferSelect;

const key = (orgId: number) => `penaltyTerms:${orgId}`;

export function getPenaltyTerms(db: Db, orgId: number): { terms: PenaltyTerm[]; isDefault: boolean } {
  getOrganization(db, orgId);
  const own = getSetting<PenaltyTerm[]>(db, key(orgId));
  return own ? { terms: own, isDefault: false } : { terms: defaultPenaltyTerms(), isDefault: true };
}

export function setPenaltyTerms(tx: Tx, input: ParsedInput<'rules.penaltyTerms.set'>) {
  const { orgId, terms } = input;
  const before = getPenaltyTerms(tx, orgId);
  if (terms) {
    const seen = new Set<string>();
    for (const t of terms) {
      const problem = penaltyTermProblem(t.term);
      if (problem) throw new ApiError('INVALID_INPUT', `“${t.term}”：${problem}`);
      if (seen.has(t.term)) throw new ApiError('INVALID_INPUT', `“${t.term}”重复了，请删去一个`);
      seen.add(t.term);
    }
  }
  setSetting(tx, key(orgId), terms);
  appendAudit(tx, { action: 'rule.penaltyTerms', entity: 'organization', entityId: orgId, before: before.terms, after: terms ?? '恢复默认清单' });
  return getPenaltyTerms(tx, orgId);
}

export const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface Flag {
  articleId: number;
  articleLabel: string;
  term: string;
  reason: string;
  match: string;
  cleared: { justification: string; by: string; at: string } | null;
}

export function flagsOf(db: Db, doc: { id: number; orgId: number }, snapshot: RuleSnapshot): Flag[] {
  const clearances = db.orm.select().from(ruleFlagClearances).where(eq(ruleFlagClearances.docId, doc.id)).all();
  return flagsFrom(getPenaltyTerms(db, doc.orgId).terms, clearances, snapshot);
}

/** The flags of one text, from the organization's terms and the document's clearances (read by the caller, once for many documents). */
export function flagsFrom(terms: PenaltyTerm[], clearances: ClearanceRow[], snapshot: RuleSnapshot): Flag[] {
  const flags: Flag[] = [];
  for (const a of snapshot.articles) {
    const hash = textHash(a.text);
    const seen = new Set<string>();
    for (const hit of findPenaltyWording(a.text, terms)) {
      if (seen.has(hit.term)) continue;
      seen.add(hit.term);
      const c = clearances.filter((x) => x.articleId === a.id && x.term === hit.term && x.textHash === hash).at(-1);
      flags.push({
        articleId: a.id,
        articleLabel: a.label,
        term: hit.term,
        reason: hit.reason,
        match: hit.match,
        cleared: c ? { justification: c.justification, by: c.by, at: c.createdAt } : null,
      });
    }
  }
  return flags;
}

export function openFlagsMessage(flags: Flag[]): string | null {
  const open = flags.filter((f) => !f.cleared);
  if (!open.length) return null;
  const list = open
    .slice(0, 3)
    .map((f) => `${f.articleLabel}“${f.match}”`)
    .join('、');
  return `还有 ${open.length} 处可能属于强制性处罚的用语（${list}${open.length > 3 ? '等' : ''}）：请修改条文，或逐条写明核查说明后再继续`;
}

export function clearFlag(tx: Tx, input: ParsedInput<'rules.flags.clear'>): void {
  const doc = findRuleDoc(tx, input.docId);
  const article = findArticle(tx, input.articleId);
  if (article.docId !== doc.id) throw new ApiError('NOT_FOUND', '这一条不属于这份规约，请刷新后重试');
  const flag = flagsOf(tx, doc, loadSnapshot(tx, doc.id)).find((f) => f.articleId === article.id && f.term === input.term);
  if (!flag) throw new ApiError('NOT_FOUND', `这一条现在没有“${input.term}”的提示，可能条文已改过；请刷新后查看`);
  if (flag.cleared) throw new ApiError('CONFLICT', `${flag.articleLabel}的“${input.term}”已经核查说明过了`);
  const row = tx.orm
    .insert(ruleFlagClearances)
    .values({
      docId: doc.id,
      articleId: article.id,
      term: input.term,
      textHash: textHash(article.text),
      justification: input.justification.trim(),
      by: tx.actor.name,
      createdAt: tx.clock.instant,
    })
    .returning()
    .get();
  touch(tx, doc.id);
  appendAudit(tx, {
    action: 'rule.flag.clear',
    entity: 'rule_document',
    entityId: doc.id,
    after: { ...row, articleLabel: flag.articleLabel, match: flag.match },
  });
}
