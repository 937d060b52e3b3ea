import { createHash } from 'node:crypto';
import { publicityCitation } from '../../core/rules/citation';
import { ApiError } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/common';
import { listAgenda } from '../../db/agenda';
import { daysBetween, getMeeting } from '../../db/meetings';
import { minutesPreviewSchema } from '../../core/contract/documents';
import type { Db } from '../../db/client';
import { addAddendum, approveMinutes, assertCanApprove, minutesReview, minutesSnapshot, returnMinutes, setAttendeeList, submitMinutes } from '../../db/minutes';
import type { MinutesData } from '../documents/types';
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
  // The data itself is kept too: a person renamed or an organization re-named later never
  // changes the minutes as they were approved.
  const data: MinutesData = { ...minutesData(ctx.tx, meetingId), approvedBy: ctx.tx.actor.name };
  const bytes = await buildMinutes(data, '记录');
  return approveMinutes(ctx.tx, meetingId, sha256(bytes), JSON.stringify(data));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The minutes as the record holds them: a finalized meeting's from the snapshot taken when it
 * was finalized (with the 更正记录 added since, unless `asApproved`), a draft's from today's data.
 */
export function recordedMinutes(db: Db, meetingId: number, asApproved = false, review = minutesReview(db, meetingId)): MinutesData {
  const stored = review.status === '已定稿' ? minutesSnapshot(db, meetingId) : null;
  // Meetings finalized before snapshots were kept rebuild from today's data (the hash check says whether that still matches).
  const base: MinutesData = stored ? minutesPreviewSchema.parse(JSON.parse(stored)) : minutesData(db, meetingId);
  const addenda = review.addenda.map((a) => ({ date: a.date, text: a.text, by: a.by }));
  return { ...base, addenda: asApproved ? [] : addenda };
}

/** Says whether a finalized meeting's minutes still give the file whose sha256 was kept at finalization. */
function checkAgainstFinal(hash: string | null, bytes: Buffer): FileOutput['check'] {
  if (!hash) return undefined;
  const actual = sha256(bytes);
  return actual === hash
    ? { ok: true, message: `与定稿时保存的文件完全一致（SHA-256：${hash.slice(0, 16)}…）` }
    : {
        ok: false,
        message: `与定稿时保存的文件不一致（定稿时 SHA-256：${hash.slice(0, 16)}…，现在：${actual.slice(0, 16)}…）。定稿后的记录可能被改动过，请保留数据库文件并联系技术人员核查。`,
      };
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
  | 'minutes.setAttendeeList'
> = {
  'documents.minutes': async (ctx, input) => {
    const review = minutesReview(ctx.db, input.meetingId);
    const asApproved = input.edition === '定稿' || review.addenda.length === 0;
    const data = recordedMinutes(ctx.db, input.meetingId, asApproved, review);
    const bytes = await buildMinutes(data, input.variant);
    const out = file(input.variant === '纪要' ? '会议纪要' : '会议记录', data, bytes);
    // The approved 会议记录 itself is checked against its hash; a 纪要 or the copy with 更正记录 is a different file by design.
    const check = review.status === '已定稿' && input.variant === '记录' && asApproved ? checkAgainstFinal(review.fileHash, bytes) : undefined;
    return check ? { ...out, check } : out;
  },
  'documents.signInSheet': async (ctx, input) => {
    const data = signInSheetData(ctx.db, input.meetingId);
    return file('签到表', data, await buildSignInSheet(data));
  },
  'documents.ballots': async (ctx, input) => {
    const vote = getVote(ctx.db, input.voteId);
    const header = meetingHeader(ctx.db, vote.meetingId);
    // An options vote has no question of its own: the agenda item it decides is the question.
    const question = () => listAgenda(ctx.db, vote.meetingId).items.find((i) => i.id === vote.agendaItemId)?.title ?? '';
    const subject = vote.kind === 'options' ? question() || vote.options.map((o) => o.title).join('、') : findProposal(ctx.db, vote.proposalId!).title;
    const bytes = await buildBallots({
      orgName: header.orgName,
      meetingTitle: header.title,
      date: header.date,
      subject,
      kind: vote.kind,
      method: vote.method,
      options: vote.options.map((o) => `${o.label}：${o.title}`),
      count: input.count ?? Math.max(1, vote.eligible),
      perPage: input.perPage,
      tellers: vote.tellers,
      counters: vote.counters,
    });
    return file('选票', header, bytes);
  },
  'documents.notice': async (ctx, input) => {
    const data = noticeData(ctx.db, input.meetingId, input.audience, input.noticeDate);
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
      orgName: header.issuer,
      meetingTitle: header.title,
      meetingDate: header.date,
      resolutions: resolutions
        .sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }))
        .map((r) => ({ number: r.number, title: r.title, text: r.text, explanation: r.explanation })),
      postFrom: input.postFrom,
      postTo: input.postTo,
      minimumDays: minimum,
      lawBasis: publicityCitation(m.ruleSet),
      // A notice is dated the day it goes up, not the day it was printed.
      issuedDate: input.postFrom,
    });
    return file('决议公示', header, bytes);
  },
  'minutes.preview': (ctx, input) => recordedMinutes(ctx.db, input.meetingId),
  'minutes.status': (ctx, input) => minutesReview(ctx.db, input.meetingId),
  'minutes.submit': (ctx, input) => submitMinutes(ctx.tx, input),
  'minutes.return': (ctx, input) => returnMinutes(ctx.tx, input),
  'minutes.approve': (ctx, input) => (assertMayApprove(ctx.tx, input.meetingId, ctx.tx.actor), finalizeWithMinutes(ctx, input.meetingId)),
  'minutes.addAddendum': (ctx, input) => addAddendum(ctx.tx, input),
  'minutes.setAttendeeList': (ctx, input) => setAttendeeList(ctx.tx, input),
};
