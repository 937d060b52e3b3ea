import { addAgendaItem, linkPartyReview, listAgenda, partyReviewCandidates, removeAgendaItem, reorderAgenda, updateAgendaItem } from '../../db/agenda';
import { addObserver, attendanceHistory, attendanceSheet, setAttendanceStatus, signIn } from '../../db/attendance';
import { addBodyMembers, createBody, listBodies, listBodyMembers, updateBody, updateBodyMember } from '../../db/bodies';
import { archiveMeetingType, copyMeetingType, listMeetingTypes } from '../../db/meeting-types';
import { createMeeting, endMeeting, getMeeting, listMeetings, notifyMeeting, reopenMeeting, setExpected, startMeeting, updateMeeting } from '../../db/meetings';
import { addSpeech, listSpeeches, removeSpeech, updateSpeech } from '../../db/speeches';
import { createProposal, listProposals, setProposalStatus, updateProposal } from '../../db/proposals';
import { getResolutionFormat, listResolutions, setResolutionFormat, updateResolution } from '../../db/resolutions';
import { cancelVote, confirmVote, listVotes, openVote, recordVote, voteHistory } from '../../db/votes';
import type { HandlerGroup } from './context';
import { finalizeWithMinutes } from './documents';
import { assertMayApprove } from '../../db/users';

export const meetingTypeHandlers: HandlerGroup<'meetingTypes.list' | 'meetingTypes.copy' | 'meetingTypes.archive'> = {
  'meetingTypes.list': (ctx, input) => listMeetingTypes(ctx.db, input.orgId),
  'meetingTypes.copy': (ctx, input) => copyMeetingType(ctx.tx, input),
  'meetingTypes.archive': (ctx, input) => archiveMeetingType(ctx.tx, input),
};

export const bodyHandlers: HandlerGroup<'bodies.list' | 'bodies.create' | 'bodies.update' | 'bodies.members' | 'bodies.addMembers' | 'bodies.updateMember'> = {
  'bodies.list': (ctx, input) => listBodies(ctx.db, input.orgId),
  'bodies.create': (ctx, input) => createBody(ctx.tx, input),
  'bodies.update': (ctx, input) => updateBody(ctx.tx, input),
  'bodies.members': (ctx, input) => listBodyMembers(ctx.db, input.bodyId, input.includeFormer),
  'bodies.addMembers': (ctx, input) => addBodyMembers(ctx.tx, input),
  'bodies.updateMember': (ctx, input) => updateBodyMember(ctx.tx, input),
};

export const meetingHandlers: HandlerGroup<
  | 'meetings.list'
  | 'meetings.create'
  | 'meetings.get'
  | 'meetings.update'
  | 'meetings.notify'
  | 'meetings.start'
  | 'meetings.setExpected'
  | 'meetings.end'
  | 'meetings.reopen'
  | 'meetings.finalize'
> = {
  'meetings.list': (ctx, input) => listMeetings(ctx.db, input),
  'meetings.create': (ctx, input) => createMeeting(ctx.tx, input),
  'meetings.get': (ctx, input) => getMeeting(ctx.db, input.id),
  'meetings.update': (ctx, input) => updateMeeting(ctx.tx, input),
  'meetings.notify': (ctx, input) => notifyMeeting(ctx.tx, input),
  'meetings.start': (ctx, input) => startMeeting(ctx.tx, input),
  'meetings.setExpected': (ctx, input) => setExpected(ctx.tx, input),
  'meetings.end': (ctx, input) => endMeeting(ctx.tx, input),
  'meetings.reopen': (ctx, input) => reopenMeeting(ctx.tx, input),
  // Finalizing the meeting is finalizing its minutes: one path, so the file hash is always kept.
  'meetings.finalize': async (ctx, input) => {
    assertMayApprove(ctx.db, input.id, ctx.tx.actor);
    await finalizeWithMinutes(ctx, input.id);
    return getMeeting(ctx.tx, input.id);
  },
};

export const agendaHandlers: HandlerGroup<
  'agenda.list' | 'agenda.add' | 'agenda.update' | 'agenda.reorder' | 'agenda.remove' | 'agenda.partyReviewCandidates' | 'agenda.linkPartyReview'
> = {
  'agenda.list': (ctx, input) => listAgenda(ctx.db, input.meetingId),
  'agenda.add': (ctx, { meetingId, ...input }) => addAgendaItem(ctx.tx, meetingId, input),
  'agenda.update': (ctx, input) => updateAgendaItem(ctx.tx, input),
  'agenda.reorder': (ctx, input) => reorderAgenda(ctx.tx, input),
  'agenda.remove': (ctx, input) => removeAgendaItem(ctx.tx, input),
  'agenda.partyReviewCandidates': (ctx, input) => partyReviewCandidates(ctx.db, input.meetingId),
  'agenda.linkPartyReview': (ctx, input) => linkPartyReview(ctx.tx, input),
};

export const attendanceHandlers: HandlerGroup<
  'attendance.sheet' | 'attendance.signIn' | 'attendance.setStatus' | 'attendance.addObserver' | 'attendance.history'
> = {
  'attendance.sheet': (ctx, input) => attendanceSheet(ctx.db, input.meetingId),
  'attendance.signIn': (ctx, input) => signIn(ctx.tx, input),
  'attendance.setStatus': (ctx, input) => setAttendanceStatus(ctx.tx, input),
  'attendance.addObserver': (ctx, input) => addObserver(ctx.tx, input),
  'attendance.history': (ctx, input) => attendanceHistory(ctx.db, input),
};

export const speechHandlers: HandlerGroup<'speeches.list' | 'speeches.add' | 'speeches.update' | 'speeches.remove'> = {
  'speeches.list': (ctx, input) => listSpeeches(ctx.db, input.meetingId),
  'speeches.add': (ctx, input) => addSpeech(ctx.tx, input),
  'speeches.update': (ctx, input) => updateSpeech(ctx.tx, input),
  'speeches.remove': (ctx, input) => removeSpeech(ctx.tx, input),
};

export const proposalHandlers: HandlerGroup<'proposals.list' | 'proposals.create' | 'proposals.update' | 'proposals.setStatus'> = {
  'proposals.list': (ctx, input) => listProposals(ctx.db, input.meetingId),
  'proposals.create': (ctx, input) => createProposal(ctx.tx, input),
  'proposals.update': (ctx, input) => updateProposal(ctx.tx, input),
  'proposals.setStatus': (ctx, input) => setProposalStatus(ctx.tx, input),
};

export const voteHandlers: HandlerGroup<'votes.list' | 'votes.open' | 'votes.record' | 'votes.confirm' | 'votes.cancel' | 'votes.history'> = {
  'votes.list': (ctx, input) => listVotes(ctx.db, input.meetingId),
  'votes.open': (ctx, input) => openVote(ctx.tx, input),
  'votes.record': (ctx, input) => recordVote(ctx.tx, input),
  'votes.confirm': (ctx, input) => confirmVote(ctx.tx, input),
  'votes.cancel': (ctx, input) => cancelVote(ctx.tx, input),
  'votes.history': (ctx, input) => voteHistory(ctx.db, input.id),
};

export const resolutionHandlers: HandlerGroup<'resolutions.list' | 'resolutions.update' | 'resolutions.getFormat' | 'resolutions.setFormat'> = {
  'resolutions.list': (ctx, input) => listResolutions(ctx.db, input),
  'resolutions.update': (ctx, input) => updateResolution(ctx.tx, input),
  'resolutions.getFormat': (ctx, input) => getResolutionFormat(ctx.db, input.orgId, ctx.clock.today),
  'resolutions.setFormat': (ctx, input) => setResolutionFormat(ctx.tx, input),
};
