import { createHash } from 'node:crypto';
import { publicityCitation } from '../../core/rules/citation';
import { ApiError } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/common';
import { daysBetween, getMeeting } from '../../db/meetings';
import { addAddendum, approveMinutes, assertCanApprove, minutesReview, returnMinutes, submitMinutes } from '../../db/minutes';
import { findProposal } from '../../db/proposals';
import { listResolutions } from '../../db/resolutions';
import { getVote } from '../../db/votes';
import { buildBallots, buildMinutes, buildNotice, buildResolutionNotice, buildSignInSheet, suggestedFileName, type DocumentKind } from '../documents';
import { assertMayApprove } from '../../db/users';
import type { HandlerGroup, WriteContext } from './context';
import { meetingHeader, minutesData, noticeData, signInSheetData } from './document-data';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function file(kind: DocumentKind, header: { date: string; title: string }, bytes: Buffer): FileOutput {
  return { fileName: suggestedFileName(kind, header), mimeType: DOCX, base64: bytes.toString('base64'), kind };
}

/**
 * Finalizing exports the minutes once more and keeps the file's hash with the record, so a
 * printed copy can later be checked against what was approved. All of it — the snapshot the
 * minutes are built from, the build, the hash and the lock — happens inside the one write
 * transaction dispatch opened: the write path holds it across the build's awaits, so no autosave
 * or other write can land between the snapshot and the lock.
 */
export async function finalizeWithMinutes(ctx: WriteContext, meetingId: number) {
  assertCanApprove(ctx.tx, meetingId);
  // The record names who finalized it (定稿人): the user at the keyboard, stored as approvedBy.
  const bytes = await buildMinutes({ ...minutesData(ctx.tx, meetingId), approvedBy: ctx.tx.actor.name }, '记录');
  const hash = createHash('sha256').update(bytes).digest('hex');
  return approveMinutes(ctx.tx, meetingId, hash);
}

export const documentHandlers: HandlerGroup<
  | 'documents.minutes'
  | 'documents.signInSheet'
  | 'documents.ballots'
  | 'documents.notice'
  | 'documents.resolutionNotice'
  | 'minutes.preview'
  | 'minutes.status'
  | 'minutes.submit'
  | 'minutes.return'
  | 'minutes.approve'
  | 'minutes.addAddendum'
> = {
  'documents.minutes': async (ctx, input) => {
    const data = minutesData(ctx.db, input.meetingId);
    return file(input.variant === '纪要' ? '会议纪要' : '会议记录', data, await buildMinutes(data, input.variant));
  },
  'documents.signInSheet': async (ctx, input) => {
    const data = signInSheetData(ctx.db, input.meetingId);
    return file('签到表', data, await buildSignInSheet(data));
  },
  'documents.ballots': async (ctx, input) => {
    const vote = getVote(ctx.db, input.voteId);
    const header = meetingHeader(ctx.db, vote.meetingId);
    const subject = vote.kind === 'options' ? vote.options.map((o) => `${o.label}：${o.title}`).join('；') : findProposal(ctx.db, vote.proposalId!).title;
    const bytes = await buildBallots({
      orgName: header.orgName,
      meetingTitle: header.title,
      date: header.date,
      subject,
      kind: vote.kind,
      options: vote.options.map((o) => `${o.label}：${o.title}`),
      count: input.count ?? Math.max(1, vote.eligible),
      perPage: input.perPage,
      tellers: vote.tellers,
      counters: vote.counters,
    });
    return file('选票', header, bytes);
  },
  'documents.notice': async (ctx, input) => {
    const data = noticeData(ctx.db, input.meetingId, input.audience);
    return file('会议通知', data, await buildNotice(data));
  },
  'documents.resolutionNotice': async (ctx, input) => {
    const m = getMeeting(ctx.db, input.meetingId);
    if (input.postTo < input.postFrom) throw new ApiError('INVALID_INPUT', `公示结束日期 ${input.postTo} 早于开始日期 ${input.postFrom}，请核对`);
    const days = daysBetween(input.postFrom, input.postTo) + 1;
    const minimum = m.ruleSet.publicityDays;
    if (minimum != null && days < minimum) {
      const law = publicityCitation(m.ruleSet);
      throw new ApiError('INVALID_INPUT', `${law ? `依照${law}` : '按本类会议的规则'}，决议公示不少于 ${minimum} 天；现在只有 ${days} 天，请延长公示期`);
    }
    const resolutions = listResolutions(ctx.db, { orgId: m.orgId, meetingId: m.id }).items;
    if (resolutions.length === 0) throw new ApiError('INVALID_INPUT', '本次会议没有形成决议，没有需要公示的内容');
    const header = meetingHeader(ctx.db, m.id);
    const bytes = await buildResolutionNotice({
      orgName: header.orgName,
      meetingTitle: header.title,
      meetingDate: header.date,
      resolutions: resolutions
        .sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }))
        .map((r) => ({ number: r.number, title: r.title, text: r.text, explanation: r.explanation })),
      postFrom: input.postFrom,
      postTo: input.postTo,
      minimumDays: minimum,
      lawBasis: publicityCitation(m.ruleSet),
      issuedDate: ctx.clock.today,
    });
    return file('决议公示', header, bytes);
  },
  'minutes.preview': (ctx, input) => minutesData(ctx.db, input.meetingId),
  'minutes.status': (ctx, input) => minutesReview(ctx.db, input.meetingId),
  'minutes.submit': (ctx, input) => submitMinutes(ctx.tx, input),
  'minutes.return': (ctx, input) => returnMinutes(ctx.tx, input),
  'minutes.approve': (ctx, input) => (assertMayApprove(ctx.tx, input.meetingId, ctx.tx.actor), finalizeWithMinutes(ctx, input.meetingId)),
  'minutes.addAddendum': (ctx, input) => addAddendum(ctx.tx, input),
};
