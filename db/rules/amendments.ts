// Proposed changes to the text (修改 / 新增 / 删除): the committee decides, or a meeting votes.
import { asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../core/contract';
import { ApiError } from '../../core/contract/define';
import type { RuleAmendment, RuleEditResult } from '../../core/contract/rules';
import { addAgendaItem } from '../agenda';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { assertNotFinalized, findMeeting } from '../meetings';
import { createProposal, findProposal } from '../proposals';
import { agendaItems, meetings, proposals, ruleAmendments, ruleArticles } from '../schema';
import { getRuleDoc } from './detail';
import { applyRemoval } from './edits';
import { assertEditable, findArticle, findRuleDoc, insertArticleRow, loadSnapshot, placeArticle, restructure, touch, type EditOutcome } from './text';

type Row = typeof ruleAmendments.$inferSelect;

function describe(r: Pick<Row, 'action' | 'articleLabel'>, chapterLabel: string | null): string {
  if (r.action === '新增') return r.articleLabel ? `在${r.articleLabel}后新增一条` : `在${chapterLabel ?? '正文'}开头新增一条`;
  return `${r.action}${r.articleLabel ?? '（条文已不存在）'}`;
}

function toAmendment(db: Db, r: Row): RuleAmendment {
  const snapshot = loadSnapshot(db, r.docId);
  const article = r.articleId === null ? undefined : snapshot.articles.find((a) => a.id === r.articleId);
  const chapter = r.chapterId === null ? undefined : snapshot.chapters.find((c) => c.id === r.chapterId);
  const label = article?.label ?? r.articleLabel;
  const proposal =
    r.proposalId === null
      ? undefined
      : db.orm
          .select({ meetingId: proposals.meetingId, title: meetings.title })
          .from(proposals)
          .innerJoin(meetings, eq(meetings.id, proposals.meetingId))
          .where(eq(proposals.id, r.proposalId))
          .get();
  return {
    id: r.id,
    docId: r.docId,
    action: r.action,
    articleId: r.articleId,
    chapterId: r.chapterId,
    articleLabel: label,
    description: describe({ action: r.action, articleLabel: label }, chapter ? `${chapter.label}` : null),
    currentText: r.action === '新增' ? null : (article?.text ?? null),
    text: r.text,
    proposer: r.proposer,
    reason: r.reason,
    status: r.status,
    proposalId: r.proposalId,
    meetingId: proposal?.meetingId ?? null,
    meetingTitle: proposal?.title ?? null,
    decidedOn: r.decidedOn,
    decisionNote: r.decisionNote,
  };
}

function findAmendment(db: Db, id: number): Row {
  const row = db.orm.select().from(ruleAmendments).where(eq(ruleAmendments.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的修改建议，请刷新后重试`);
  return row;
}

export function listAmendments(db: Db, docId: number): { items: RuleAmendment[] } {
  findRuleDoc(db, docId);
  return {
    items: db.orm
      .select()
      .from(ruleAmendments)
      .where(eq(ruleAmendments.docId, docId))
      .orderBy(asc(ruleAmendments.id))
      .all()
      .map((r) => toAmendment(db, r)),
  };
}

export function addAmendment(tx: Tx, input: ParsedInput<'rules.amendments.add'>): RuleAmendment {
  const doc = findRuleDoc(tx, input.docId);
  assertEditable(doc);
  const snapshot = loadSnapshot(tx, doc.id);
  const article = input.articleId === null ? undefined : snapshot.articles.find((a) => a.id === input.articleId);
  if (input.articleId !== null && !article) throw new ApiError('NOT_FOUND', '找不到这项建议涉及的条文，可能已被删除；请刷新后重新选择');
  const text = input.text.trim();
  let chapterId = input.chapterId ?? null;
  if (input.action !== '新增') {
    if (!article) throw new ApiError('INVALID_INPUT', `请选择要${input.action}的条文`);
    if (input.action === '修改' && !text) throw new ApiError('INVALID_INPUT', '请填写修改后的条文');
    if (input.action === '修改' && text === article.text) throw new ApiError('INVALID_INPUT', '修改后的条文与现在的条文相同，请修改后再提交');
    chapterId = article.chapterId;
  } else {
    if (!text) throw new ApiError('INVALID_INPUT', '请填写新增的条文');
    if (article) chapterId = article.chapterId;
    if (snapshot.chapters.length > 0 && chapterId === null) throw new ApiError('INVALID_INPUT', '请选择新增的条文放在哪一章');
  }
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(ruleAmendments)
    .values({
      docId: doc.id,
      action: input.action,
      articleId: input.articleId,
      chapterId,
      articleLabel: article?.label ?? null,
      text: input.action === '删除' ? '' : text,
      proposer: input.proposer,
      reason: input.reason?.trim() || null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  touch(tx, doc.id);
  appendAudit(tx, { action: 'rule.amendment.add', entity: 'rule_document', entityId: doc.id, after: row });
  return toAmendment(tx, row);
}

/** Applies an accepted change to the working text; call inside a transaction. */
function apply(tx: Tx, row: Row): { outcome: EditOutcome; articleId: number | null } {
  const doc = findRuleDoc(tx, row.docId);
  assertEditable(doc);
  const snapshot = loadSnapshot(tx, doc.id);
  const article = row.articleId === null ? undefined : snapshot.articles.find((a) => a.id === row.articleId);
  if (row.action !== '新增' && !article) {
    throw new ApiError('CONFLICT', `${row.articleLabel ?? '这一条'}已被删除，这项建议无法套用；请标为“不采纳”并说明原因`);
  }
  if (row.action === '修改') {
    const before = article!;
    tx.orm.update(ruleArticles).set({ text: row.text, updatedAt: tx.clock.instant }).where(eq(ruleArticles.id, before.id)).run();
    appendAudit(tx, {
      action: 'rule.article.update',
      entity: 'rule_document',
      entityId: doc.id,
      before,
      after: { ...before, text: row.text, amendment: row.id },
    });
    return { outcome: { rewritten: [], unresolved: [] }, articleId: before.id };
  }
  if (row.action === '删除') return { outcome: applyRemoval(tx, doc, findArticle(tx, article!.id)), articleId: null };
  if (row.articleId !== null && !article)
    throw new ApiError('CONFLICT', `要在其后新增的${row.articleLabel ?? '条文'}已被删除，这项建议无法套用；请标为“不采纳”并说明原因`);
  let id = 0;
  const outcome = restructure(
    tx,
    doc,
    'rule.amendment.apply',
    (s) => {
      id = insertArticleRow(tx, doc.id, row.chapterId, row.text);
      return placeArticle(s, { id, chapterId: row.chapterId, text: row.text }, row.chapterId, row.articleId);
    },
    { amendment: row.id },
  );
  return { outcome, articleId: id };
}

function settle(tx: Tx, row: Row, status: Row['status'], date: string, note: string | null): { amendment: RuleAmendment; edit: RuleEditResult | null } {
  let edit: RuleEditResult | null = null;
  let appliedArticleId: number | null = null;
  if (status === '已采纳' || status === '表决通过') {
    const applied = apply(tx, row);
    appliedArticleId = applied.articleId;
    edit = { doc: getRuleDoc(tx, row.docId, tx.clock.today), ...applied.outcome };
  }
  tx.orm
    .update(ruleAmendments)
    .set({ status, decidedOn: date, decisionNote: note, appliedArticleId, updatedAt: tx.clock.instant })
    .where(eq(ruleAmendments.id, row.id))
    .run();
  const after = findAmendment(tx, row.id);
  touch(tx, row.docId);
  appendAudit(tx, { action: 'rule.amendment.decide', entity: 'rule_document', entityId: row.docId, before: row, after });
  return { amendment: toAmendment(tx, after), edit: edit ? { ...edit, doc: getRuleDoc(tx, row.docId, tx.clock.today) } : null };
}

export function decideAmendment(tx: Tx, input: ParsedInput<'rules.amendments.decide'>) {
  const row = findAmendment(tx, input.id);
  if (row.status !== '待处理') throw new ApiError('FORBIDDEN', `这项修改建议已经“${row.status}”，不能再决定`);
  const note = input.note?.trim() || null;
  if (input.decision === '不采纳' && !note) throw new ApiError('INVALID_INPUT', '不采纳时请写明理由，提出人和会议都会看到');
  return settle(tx, row, input.decision === '采纳' ? '已采纳' : '未采纳', input.date, note);
}

export function putAmendmentToVote(tx: Tx, input: ParsedInput<'rules.amendments.putToVote'>): RuleAmendment {
  const row = findAmendment(tx, input.id);
  if (row.status !== '待处理') throw new ApiError('FORBIDDEN', `这项修改建议已经“${row.status}”，不能再提交表决`);
  const doc = findRuleDoc(tx, row.docId);
  assertEditable(doc);
  const meeting = findMeeting(tx, input.meetingId);
  if (meeting.orgId !== doc.orgId) throw new ApiError('NOT_FOUND', '请选择本单位的会议');
  assertNotFinalized(meeting, '提交表决');
  const current = toAmendment(tx, row);
  const itemId = input.agendaItemId ?? addAgendaItem(tx, meeting.id, { title: `审议《${doc.title}》修改建议` }).id;
  const item = tx.orm.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!item || item.meetingId !== meeting.id) throw new ApiError('NOT_FOUND', '所选议题不在这次会议中，请重新选择');
  const text = [
    `${current.description}。`,
    current.currentText ? `现条文：${current.currentText}` : null,
    row.action === '删除' ? null : `建议改为：${row.text}`,
    row.reason ? `理由：${row.reason}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const proposal = createProposal(tx, {
    agendaItemId: itemId,
    title: `关于《${doc.title}》${current.description}的修改建议`,
    text,
    proposerKind: 'person',
    proposerName: row.proposer,
  });
  tx.orm.update(ruleAmendments).set({ status: '表决中', proposalId: proposal.id, updatedAt: tx.clock.instant }).where(eq(ruleAmendments.id, row.id)).run();
  appendAudit(tx, {
    action: 'rule.amendment.toVote',
    entity: 'rule_document',
    entityId: doc.id,
    before: row,
    after: { proposalId: proposal.id, meetingId: meeting.id },
  });
  return toAmendment(tx, findAmendment(tx, row.id));
}

export function applyAmendmentVote(tx: Tx, input: ParsedInput<'rules.amendments.applyVote'>) {
  const row = findAmendment(tx, input.id);
  if (row.status !== '表决中' || row.proposalId === null) throw new ApiError('FORBIDDEN', `这项修改建议没有在表决中（现在是“${row.status}”）`);
  const proposal = findProposal(tx, row.proposalId);
  if (proposal.status !== '通过' && proposal.status !== '未通过') {
    throw new ApiError('FORBIDDEN', `会议对这项建议的表决还没有结果（议案现在是“${proposal.status}”）；请先在会议中完成并确认表决`);
  }
  const meeting = findMeeting(tx, proposal.meetingId);
  return settle(tx, row, proposal.status === '通过' ? '表决通过' : '表决未通过', meeting.date, `${meeting.title}表决${proposal.status}`);
}
