// 审议表决 → 备案 → 公布: adoption by a vote of a meeting the law allows, filing, publication.
import { and, desc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../core/contract';
import { ApiError } from '../../core/contract/define';
import type { RuleDocDetail } from '../../core/contract/rules';
import { addDays } from '../../core/dates';
import { adoptionProblem, allowedAdopters, meetingMayAdopt } from '../../core/ruletext/adoption';
import { addAgendaItem } from '../agenda';
import { appendAudit } from '../audit';
import type { Db, Tx } from '../client';
import { assertNotFinalized, findMeeting, ruleSetOf } from '../meetings';
import { getOrganization } from '../organizations';
import { createProposal } from '../proposals';
import { agendaItems, meetings, proposals, ruleDocuments, ruleSteps, votes } from '../schema';
import { getRuleDoc, womenAmong } from './detail';
import { flagsOf, openFlagsMessage } from './flags';
import { listOpinions } from './opinions';
import { currentStep, enterStage } from './steps';
import { findRuleDoc, loadSnapshot } from './text';
import { freezeVersion } from './versions';

export function adoptionCandidates(db: Db, docId: number) {
  const doc = findRuleDoc(db, docId);
  const rows = db.orm
    .select({ vote: votes, meeting: meetings, subject: proposals.title })
    .from(votes)
    .innerJoin(meetings, eq(meetings.id, votes.meetingId))
    .innerJoin(proposals, eq(proposals.id, votes.proposalId))
    .where(and(eq(meetings.orgId, doc.orgId), eq(votes.status, '已确认'), eq(votes.kind, 'proposal')))
    .orderBy(desc(meetings.date), desc(votes.id))
    .all();
  const items = rows.map(({ vote, meeting, subject }) => {
    const def = ruleSetOf(meeting);
    const check = meetingMayAdopt(doc.kind, { ...def, date: meeting.date });
    const problem = check.problem ?? (vote.outcome !== '通过' ? '这次表决未通过，不能据此登记通过' : null);
    return {
      voteId: vote.id,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      meetingDate: meeting.date,
      meetingKind: def.meetingKind,
      subject,
      outcome: vote.outcome,
      problem,
      needsDelegation: check.needsDelegation,
    };
  });
  // Votes on this document first: the secretary should not have to hunt for them.
  items.sort((a, b) => Number(b.subject.includes(doc.title)) - Number(a.subject.includes(doc.title)));
  return { items, allowedKinds: allowedAdopters(doc.kind) };
}

/** 意见采纳情况说明 in one sentence, so the meeting hears it before it votes. */
function opinionSummary(db: Db, docId: number): string {
  const { items } = listOpinions(db, docId);
  if (!items.length) return '';
  const n = (d: string) => items.filter((o) => o.disposition === d).length;
  const pending = n('待处理');
  return `征求意见期间共收到意见 ${items.length} 条，采纳 ${n('采纳')} 条、部分采纳 ${n('部分采纳')} 条、未采纳 ${n('未采纳')} 条${pending ? `、尚未处理 ${pending} 条` : ''}，详见意见采纳情况表。`;
}

/** Puts the document on a meeting's agenda as a proposal; the 表决稿 is frozen with it. */
export function proposeAdoption(tx: Tx, input: ParsedInput<'rules.adoption.propose'>) {
  const doc = findRuleDoc(tx, input.docId);
  if (doc.stage !== '审议表决') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”：审核意见登记后进入“审议表决”，才能提交会议表决`);
  const meeting = findMeeting(tx, input.meetingId);
  if (meeting.orgId !== doc.orgId) throw new ApiError('NOT_FOUND', '请选择本单位的会议');
  assertNotFinalized(meeting, '提交表决');
  const check = meetingMayAdopt(doc.kind, { ...ruleSetOf(meeting), date: meeting.date });
  if (check.problem) throw new ApiError('FORBIDDEN', check.problem);
  const snapshot = loadSnapshot(tx, doc.id);
  const version = freezeVersion(tx, doc, '表决稿', `提交“${meeting.title}”表决`);
  const itemId = input.agendaItemId ?? addAgendaItem(tx, meeting.id, { title: `审议表决《${doc.title}》` }).id;
  const item = tx.orm.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!item || item.meetingId !== meeting.id) throw new ApiError('NOT_FOUND', '所选议题不在这次会议中，请重新选择');
  const org = getOrganization(tx, doc.orgId);
  const proposal = createProposal(tx, {
    agendaItemId: itemId,
    title: `关于通过《${doc.title}》的议案`,
    text: `提请会议审议表决《${doc.title}》（表决稿，第${version.seq}版），共${snapshot.chapters.length ? `${snapshot.chapters.length}章` : ''}${snapshot.articles.length}条。${opinionSummary(tx, doc.id)}`,
    proposerKind: 'body',
    proposerName: `${org.name}${org.kind === '村' ? '村民委员会' : '居民委员会'}`,
  });
  return { proposalId: proposal.id, agendaItemId: itemId };
}

export function adoptRuleDoc(tx: Tx, input: ParsedInput<'rules.adopt'>): RuleDocDetail {
  const doc = findRuleDoc(tx, input.docId);
  if (doc.stage !== '审议表决') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”，不在审议表决阶段，不能登记表决通过`);
  const vote = tx.orm.select().from(votes).where(eq(votes.id, input.voteId)).get();
  if (!vote) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.voteId} 的表决，请刷新后重试`);
  const meeting = findMeeting(tx, vote.meetingId);
  if (meeting.orgId !== doc.orgId) throw new ApiError('NOT_FOUND', '这次表决不是本单位会议的表决，请重新选择');
  const check = adoptionProblem(doc.kind, { ...ruleSetOf(meeting), date: meeting.date }, input.delegationBasis);
  if (check.problem) throw new ApiError('FORBIDDEN', check.problem);
  if (vote.status !== '已确认') throw new ApiError('FORBIDDEN', '这次表决还没有确认结果，请先在会议中确认表决结果');
  if (vote.kind !== 'proposal') throw new ApiError('FORBIDDEN', '请选择对规约议案的表决（不是多方案表决）');
  if (vote.outcome !== '通过') throw new ApiError('FORBIDDEN', '这次表决未通过，不能据此登记规约通过；可以根据意见修改后重新表决');
  const problem = openFlagsMessage(flagsOf(tx, doc, loadSnapshot(tx, doc.id)));
  if (problem) throw new ApiError('FORBIDDEN', problem);
  const version = freezeVersion(tx, doc, '正式稿', `“${meeting.title}”表决通过`);
  const women = womenAmong(tx, vote);
  const step = currentStep(tx, doc.id);
  tx.orm
    .update(ruleSteps)
    .set({ meetingId: meeting.id, voteId: vote.id, outcomeDate: meeting.date, versionId: version.id })
    .where(eq(ruleSteps.id, step.id))
    .run();
  tx.orm
    .update(ruleDocuments)
    .set({
      adoptedVoteId: vote.id,
      adoptedOn: meeting.date,
      delegationBasis: check.needsDelegation ? input.delegationBasis!.trim() : null,
      presentCount: vote.eligible,
      womenPresent: women,
      filingDue: addDays(meeting.date, doc.filingDays),
    })
    .where(eq(ruleDocuments.id, doc.id))
    .run();
  appendAudit(tx, {
    action: 'rule.adopt',
    entity: 'rule_document',
    entityId: doc.id,
    after: { voteId: vote.id, meetingId: meeting.id, versionId: version.id, women, present: vote.eligible },
  });
  enterStage(tx, findRuleDoc(tx, doc.id), '备案', meeting.date);
  return getRuleDoc(tx, doc.id, tx.clock.today);
}

export function fileRuleDoc(tx: Tx, input: ParsedInput<'rules.file'>): RuleDocDetail {
  const doc = findRuleDoc(tx, input.docId);
  if (doc.stage !== '备案') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”：表决通过后才能登记备案`);
  if (doc.adoptedOn && input.filedOn < doc.adoptedOn) throw new ApiError('INVALID_INPUT', `备案日期不能早于表决通过的日期（${doc.adoptedOn}）`);
  const receiptNo = input.receiptNo?.trim() || null;
  const step = currentStep(tx, doc.id);
  tx.orm.update(ruleSteps).set({ authority: input.authority, outcomeDate: input.filedOn, receiptNo }).where(eq(ruleSteps.id, step.id)).run();
  tx.orm
    .update(ruleDocuments)
    .set({ filingAuthority: input.authority, filedOn: input.filedOn, filingReceiptNo: receiptNo })
    .where(eq(ruleDocuments.id, doc.id))
    .run();
  appendAudit(tx, { action: 'rule.file', entity: 'rule_document', entityId: doc.id, after: input });
  enterStage(tx, findRuleDoc(tx, doc.id), '公布', input.filedOn);
  return getRuleDoc(tx, doc.id, tx.clock.today);
}

export function publishRuleDoc(tx: Tx, input: ParsedInput<'rules.publish'>): RuleDocDetail {
  const doc = findRuleDoc(tx, input.docId);
  if (doc.stage !== '公布') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”：备案登记后才能登记公布`);
  const step = currentStep(tx, doc.id);
  tx.orm.update(ruleSteps).set({ outcomeDate: input.publishedOn, note: input.place }).where(eq(ruleSteps.id, step.id)).run();
  tx.orm.update(ruleDocuments).set({ publishedOn: input.publishedOn, publishedPlace: input.place }).where(eq(ruleDocuments.id, doc.id)).run();
  appendAudit(tx, { action: 'rule.publish', entity: 'rule_document', entityId: doc.id, after: input });
  enterStage(tx, findRuleDoc(tx, doc.id), '已公布', input.publishedOn);
  return getRuleDoc(tx, doc.id, tx.clock.today);
}
