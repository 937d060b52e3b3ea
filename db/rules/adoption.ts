// 审议表决 → 备案 → 公布: adoption by a vote of a meeting the law allows, filing, publication.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { ApiError } from '../../core/contract/define';
import type { RuleDocDetail } from '../../core/contract/rules';
import { addDays } from '../../core/dates';
import { percent } from '../../core/documents/text';
import { adoptionProblem, allowedAdopters, meetingMayAdopt } from '../../core/ruletext/adoption';
import { addAgendaItem } from '../agenda';
import { appendAudit } from '../audit';
import { inTransaction, type Actor, type Db, type Tx } from '../client';
// Until this module takes the write's Tx: a Tx for the helpers that take one (issue 11).
import { clockOf } from '../clock';
import { assertNotFinalized, findMeeting, ruleSetOf } from '../meetings';
import { getOrganization } from '../organizations';
import { createProposal } from '../proposals';
import { agendaItems, meetings, people, proposals, ruleDocuments, ruleSteps, votes } from '../schema';
import { currentStep, enterStage, getRuleDoc } from './documents';
import { flagsOf, openFlagsMessage } from './flags';
import { listOpinions } from './opinions';
import { findRuleDoc, loadSnapshot, type RuleDocRow } from './text';
import { freezeVersion } from './versions';

type VoteRow = typeof votes.$inferSelect;

function tallyOf(v: VoteRow): { yes: number | null; no: number | null; abstain: number | null } {
  const t = v.tally ? (JSON.parse(v.tally) as { yes?: number; no?: number; abstain?: number }) : {};
  return { yes: t.yes ?? null, no: t.no ?? null, abstain: t.abstain ?? null };
}

/** Women among the voters frozen when the vote opened: the share the guidance asks to see. */
function womenAmong(db: Db, v: VoteRow): number {
  const ids = JSON.parse(v.eligibleVoters) as number[];
  if (!ids.length) return 0;
  return db.orm.select({ id: people.id }).from(people).where(and(inArray(people.id, ids), eq(people.gender, '女'))).all().length;
}

export function womenShareWords(women: number, present: number): string {
  const share = percent(women, present);
  return share ? `${women} 人，占到会人数的 ${share}` : `${women} 人`;
}

export function adoptionOf(db: Db, doc: RuleDocRow): RuleDocDetail['adoption'] {
  if (!doc.adoptedVoteId) return null;
  const v = db.orm.select().from(votes).where(eq(votes.id, doc.adoptedVoteId)).get();
  if (!v) return null;
  const m = findMeeting(db, v.meetingId);
  const def = ruleSetOf(m);
  const present = doc.presentCount ?? v.eligible;
  const women = doc.womenPresent ?? 0;
  return {
    meetingId: m.id,
    meetingTitle: m.title,
    meetingDate: m.date,
    meetingKind: def.meetingKind,
    lawVersion: def.lawVersion ?? '本地规则',
    voteId: v.id,
    ...tallyOf(v),
    expected: v.expected,
    present,
    womenPresent: women,
    womenShare: womenShareWords(women, present),
    explanation: v.explanation ?? '',
    delegationBasis: doc.delegationBasis,
  };
}

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
    const check = meetingMayAdopt(doc.kind, def);
    const problem = check.problem ?? (vote.outcome !== '通过' ? '这次表决未通过，不能据此登记通过' : null);
    return { voteId: vote.id, meetingId: meeting.id, meetingTitle: meeting.title, meetingDate: meeting.date, meetingKind: def.meetingKind, subject, outcome: vote.outcome, problem, needsDelegation: check.needsDelegation };
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
export function proposeAdoption(db: Db, actor: Actor, input: { docId: number; meetingId: number; agendaItemId?: number | undefined }, now = new Date()) {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.docId);
    if (doc.stage !== '审议表决') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”：审核意见登记后进入“审议表决”，才能提交会议表决`);
    const meeting = findMeeting(db, input.meetingId);
    if (meeting.orgId !== doc.orgId) throw new ApiError('NOT_FOUND', '请选择本单位的会议');
    assertNotFinalized(meeting, '提交表决');
    const check = meetingMayAdopt(doc.kind, ruleSetOf(meeting));
    if (check.problem) throw new ApiError('FORBIDDEN', check.problem);
    const snapshot = loadSnapshot(db, doc.id);
    const version = freezeVersion(db, actor, doc, '表决稿', `提交“${meeting.title}”表决`, now);
    const itemId = input.agendaItemId ?? addAgendaItem({ ...db, actor, clock: clockOf(db, now) } as Tx, meeting.id, { title: `审议表决《${doc.title}》` }).id;
    const item = db.orm.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
    if (!item || item.meetingId !== meeting.id) throw new ApiError('NOT_FOUND', '所选议题不在这次会议中，请重新选择');
    const org = getOrganization(db, doc.orgId);
    const proposal = createProposal(
      db,
      actor,
      {
        agendaItemId: itemId,
        title: `关于通过《${doc.title}》的议案`,
        text: `提请会议审议表决《${doc.title}》（表决稿，第${version.seq}版），共${snapshot.chapters.length ? `${snapshot.chapters.length}章` : ''}${snapshot.articles.length}条。${opinionSummary(db, doc.id)}`,
        proposerKind: 'body',
        proposerName: `${org.name}${org.kind === '村' ? '村民委员会' : '居民委员会'}`,
      },
      now,
    );
    return { proposalId: proposal.id, agendaItemId: itemId };
  });
}

export function adoptRuleDoc(db: Db, actor: Actor, input: { docId: number; voteId: number; delegationBasis?: string | undefined }, now = new Date()): RuleDocDetail {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.docId);
    if (doc.stage !== '审议表决') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”，不在审议表决阶段，不能登记表决通过`);
    const vote = db.orm.select().from(votes).where(eq(votes.id, input.voteId)).get();
    if (!vote) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.voteId} 的表决，请刷新后重试`);
    const meeting = findMeeting(db, vote.meetingId);
    if (meeting.orgId !== doc.orgId) throw new ApiError('NOT_FOUND', '这次表决不是本单位会议的表决，请重新选择');
    const check = adoptionProblem(doc.kind, ruleSetOf(meeting), input.delegationBasis);
    if (check.problem) throw new ApiError('FORBIDDEN', check.problem);
    if (vote.status !== '已确认') throw new ApiError('FORBIDDEN', '这次表决还没有确认结果，请先在会议中确认表决结果');
    if (vote.kind !== 'proposal') throw new ApiError('FORBIDDEN', '请选择对规约议案的表决（不是多方案表决）');
    if (vote.outcome !== '通过') throw new ApiError('FORBIDDEN', '这次表决未通过，不能据此登记规约通过；可以根据意见修改后重新表决');
    const problem = openFlagsMessage(flagsOf(db, doc, loadSnapshot(db, doc.id)));
    if (problem) throw new ApiError('FORBIDDEN', problem);
    const version = freezeVersion(db, actor, doc, '正式稿', `“${meeting.title}”表决通过`, now);
    const women = womenAmong(db, vote);
    const step = currentStep(db, doc.id);
    db.orm.update(ruleSteps).set({ meetingId: meeting.id, voteId: vote.id, outcomeDate: meeting.date, versionId: version.id }).where(eq(ruleSteps.id, step.id)).run();
    db.orm
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
    appendAudit(db, actor, { action: 'rule.adopt', entity: 'rule_document', entityId: doc.id, after: { voteId: vote.id, meetingId: meeting.id, versionId: version.id, women, present: vote.eligible } }, now);
    enterStage(db, actor, findRuleDoc(db, doc.id), '备案', meeting.date, now);
    return getRuleDoc(db, doc.id, now);
  });
}

export function fileRuleDoc(db: Db, actor: Actor, input: { docId: number; authority: string; filedOn: string; receiptNo?: string | undefined }, now = new Date()): RuleDocDetail {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.docId);
    if (doc.stage !== '备案') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”：表决通过后才能登记备案`);
    if (doc.adoptedOn && input.filedOn < doc.adoptedOn) throw new ApiError('INVALID_INPUT', `备案日期不能早于表决通过的日期（${doc.adoptedOn}）`);
    const receiptNo = input.receiptNo?.trim() || null;
    const step = currentStep(db, doc.id);
    db.orm.update(ruleSteps).set({ authority: input.authority, outcomeDate: input.filedOn, receiptNo }).where(eq(ruleSteps.id, step.id)).run();
    db.orm.update(ruleDocuments).set({ filingAuthority: input.authority, filedOn: input.filedOn, filingReceiptNo: receiptNo }).where(eq(ruleDocuments.id, doc.id)).run();
    appendAudit(db, actor, { action: 'rule.file', entity: 'rule_document', entityId: doc.id, after: input }, now);
    enterStage(db, actor, findRuleDoc(db, doc.id), '公布', input.filedOn, now);
    return getRuleDoc(db, doc.id, now);
  });
}

export function publishRuleDoc(db: Db, actor: Actor, input: { docId: number; publishedOn: string; place: string }, now = new Date()): RuleDocDetail {
  return inTransaction(db, () => {
    const doc = findRuleDoc(db, input.docId);
    if (doc.stage !== '公布') throw new ApiError('FORBIDDEN', `《${doc.title}》现在处于“${doc.stage}”：备案登记后才能登记公布`);
    const step = currentStep(db, doc.id);
    db.orm.update(ruleSteps).set({ outcomeDate: input.publishedOn, note: input.place }).where(eq(ruleSteps.id, step.id)).run();
    db.orm.update(ruleDocuments).set({ publishedOn: input.publishedOn, publishedPlace: input.place }).where(eq(ruleDocuments.id, doc.id)).run();
    appendAudit(db, actor, { action: 'rule.publish', entity: 'rule_document', entityId: doc.id, after: input }, now);
    enterStage(db, actor, findRuleDoc(db, doc.id), '已公布', input.publishedOn, now);
    return getRuleDoc(db, doc.id, now);
  });
}
