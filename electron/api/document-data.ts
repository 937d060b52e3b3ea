import { ApiError } from '../../core/contract/define';
import { priorReviewSentence } from '../../core/documents/prior-review';
import { ruleCitation } from '../../core/rules/citation';
import { residentWord } from '../../core/documents/wording';
import { listAgenda } from '../../db/agenda';
import { attendanceSheet, nonVotingUnit } from '../../db/attendance';
import type { Db } from '../../db/client';
import { getMeeting } from '../../db/meetings';
import { minutesReview } from '../../db/minutes';
import { issuerFor } from '../../core/documents/issuer';
import { getOrganization, getOrgProfile } from '../../db/organizations';
import { listProposals } from '../../db/proposals';
import { listResolutions } from '../../db/resolutions';
import { listSpeeches } from '../../db/speeches';
import { listVotes } from '../../db/votes';
import type { Vote } from '../../core/contract/votes';
import type { MeetingHeader, MinutesData, MinutesVote, NoticeData, SignInSheetData } from '../documents/types';

export function meetingHeader(db: Db, meetingId: number): MeetingHeader {
  const m = getMeeting(db, meetingId);
  const org = getOrganization(db, m.orgId);
  return {
    orgName: org.name,
    issuer: issuerFor(getOrgProfile(db, m.orgId), m.ruleSet.meetingKind),
    title: m.title,
    typeName: m.typeName,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    chairName: m.chairName,
    recorderName: m.recorderName,
    ruleSource: ruleCitation(m.ruleSet),
  };
}

/** Everything the minutes print, read from the database in print order. */
export function minutesData(db: Db, meetingId: number): MinutesData {
  const m = getMeeting(db, meetingId);
  const review = minutesReview(db, meetingId);
  const sheet = attendanceSheet(db, meetingId);
  const agenda = listAgenda(db, meetingId).items;
  const speeches = listSpeeches(db, meetingId).items;
  const proposals = listProposals(db, meetingId).items;
  const votes = listVotes(db, meetingId).items.filter((v) => v.status === '已确认');
  const resolutions = listResolutions(db, { orgId: m.orgId, meetingId }).items.sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }));
  const lines = sheet.expected.map((e) => ({
    name: e.householdId != null ? `${e.householdNo ?? ''}户 ${e.attendance?.signedByName ?? ''}`.trim() : e.name,
    a: e.attendance,
  }));
  const attendees = lines
    .filter((l) => l.a && (l.a.status === '出席' || l.a.status === '迟到'))
    .map((l) => ({ name: l.name, late: l.a!.status === '迟到', arrivedAt: l.a!.arrivedAt }));
  const leftEarly = lines.filter((l) => l.a?.status === '早退').map((l) => ({ name: l.name, leftAt: l.a!.leftAt }));
  const titleOf = (id: number | null) => proposals.find((p) => p.id === id)?.title ?? '';
  const questionOf = (agendaItemId: number) => agenda.find((a) => a.id === agendaItemId)?.title.trim() ?? '';
  const toVote = (v: (typeof votes)[number]): MinutesVote => ({
    method: v.method,
    // An options vote is on a question (the agenda item); its options follow one per line.
    subject: v.kind === 'proposal' ? titleOf(v.proposalId) : questionOf(v.agendaItemId) || v.options.map((o) => `${o.label}：${o.title}`).join('；'),
    options: v.kind === 'options' ? v.options.map((o, i) => ({ label: o.label, title: o.title, votes: v.optionVotes?.[i] ?? 0 })) : null,
    yes: v.tally?.yes ?? null,
    no: v.tally?.no ?? null,
    abstain: v.kind === 'options' ? v.optionAbstain : (v.tally?.abstain ?? null),
    eligible: v.eligible,
    ballots: v.method === '举手' ? null : v.ballots,
    tellers: v.tellers,
    counters: v.counters,
    outcome: v.outcome ?? '未通过',
    explanation: v.explanation ?? '',
    named: v.method === '记名' ? namedChoices(v) : null,
  });
  return {
    ...meetingHeader(db, meetingId),
    expected: m.quorum.expected,
    expectedReason: m.expectedReason,
    present: attendees.length + leftEarly.length,
    quorum: { threshold: m.ruleSet.bases.find((b) => b.basis === m.basis)?.quorum ?? null, citation: ruleCitation(m.ruleSet) },
    attendeeList: review.attendeeList,
    attendees,
    onLeave: lines.filter((l) => l.a?.status === '请假').map((l) => ({ name: l.name, reason: l.a!.reason })),
    absent: lines.filter((l) => !l.a || l.a.status === '缺席').map((l) => ({ name: l.name })),
    leftEarly,
    observers: sheet.observers.filter((o) => !o.department).map((o) => ({ name: o.name, unit: o.unit })),
    departments: sheet.observers.filter((o) => o.department).map((o) => ({ department: o.department!, name: o.name, arrivedAt: o.arrivedAt })),
    items: agenda.map((item) => ({
      title: item.title,
      presenter: item.presenter,
      description: item.description,
      priorReview: priorReviewSentence(item.partyReview),
      speeches: speeches.filter((s) => s.agendaItemId === item.id).map((s) => ({ speaker: s.speakerName, content: s.content })),
      proposals: proposals.filter((p) => p.agendaItemId === item.id).map((p) => ({ title: p.title, text: p.text, proposer: p.proposerName, status: p.status })),
      votes: votes.filter((v) => v.agendaItemId === item.id).map(toVote),
    })),
    resolutions: resolutions.map((r) => ({ number: r.number, title: r.title, text: r.text })),
    // Members of a body (representatives, Party members) sign the minutes as well.
    attendeeSignatures: m.basis === 'body',
    addenda: review.addenda.map((a) => ({ date: a.date, text: a.text, by: a.by })),
    approvedBy: review.approvedBy,
  };
}

/** 记名: the voters' names under each choice, in the order of the choices (赞成, 反对, 弃权, or the options then 弃权). */
function namedChoices(v: Vote): { choice: string; names: string[] }[] {
  const names = new Map(v.voters.map((p) => [p.personId, p.name]));
  const order = v.kind === 'options' ? [...v.options.map((o) => o.label), '弃权'] : ['赞成', '反对', '弃权'];
  const extra = [...new Set(v.rollCall.map((c) => c.choice))].filter((c) => !order.includes(c));
  return [...order, ...extra].map((choice) => ({
    choice,
    names: v.rollCall.filter((c) => c.choice === choice).map((c) => names.get(c.personId) ?? `人员${c.personId}`),
  }));
}

/**
 * The sign-in sheet: 应到 in print order with what each attends as; then 列席 — members without a
 * vote (预备党员), observers and departments registered for the meeting (a member without a vote
 * who has signed in is on both lists: listed once).
 */
export function signInSheetData(db: Db, meetingId: number): SignInSheetData {
  const sheet = attendanceSheet(db, meetingId);
  const nonVoting = sheet.nonVoting.map((e) => ({ name: e.name, unit: nonVotingUnit(e) }));
  const registered = sheet.observers
    .filter((o) => !nonVoting.some((n) => n.name === o.name && n.unit === o.unit))
    .map((o) => ({ name: o.name, unit: o.department ?? o.unit }));
  return {
    ...meetingHeader(db, meetingId),
    rows: sheet.expected.map((e) => ({
      name: e.householdId != null ? `${e.householdNo ?? ''}户（${e.members.map((p) => p.name).join('、')}）` : e.name,
      groupOrHousehold: [e.groupName, e.householdNo && e.householdId == null ? `${e.householdNo}户` : null].filter(Boolean).join(' ') || null,
      role: e.role,
    })),
    observers: [...nonVoting, ...registered],
  };
}

export function noticeData(db: Db, meetingId: number, audience: string | undefined, noticeDate?: string): NoticeData {
  const m = getMeeting(db, meetingId);
  // A notice bears the day it was issued: the registered notice date, else the one given now.
  const issued = m.noticeDate ?? noticeDate;
  if (!issued) throw new ApiError('INVALID_INPUT', '还没有登记通知日期：请填写通知的落款日期，或先在会议页“登记会议通知”');
  const resident = residentWord(getOrganization(db, m.orgId).kind);
  const defaultAudience = m.bodyName
    ? `${m.bodyName}全体组成人员`
    : m.basis === 'households'
      ? '各户户代表'
      : m.basis === 'adults'
        ? `年满十八周岁的全体${resident}`
        : '各位代表';
  return {
    ...meetingHeader(db, meetingId),
    audience: audience?.trim() || defaultAudience,
    agenda: listAgenda(db, meetingId).items.map((i) => i.title),
    noticeDate: issued,
    phone: getOrgProfile(db, m.orgId).phone,
    urgentReason: m.urgentReason,
  };
}
