import { clockInfo, setTimeZone } from '../../db/clock';
import { addProgress, carryCandidates, carryResolutions, completeResolution, getFollowUp, listFollowUp } from '../../db/followup';
import { homeSummary } from '../../db/home';
import { createMatter, getMatter, listMatters, recordStep, registrationData } from '../../db/matters';
import { createNotice, getNotice, listNotices, minimumDays, noticeDocumentData, takeDownNotice } from '../../db/notices';
import { completeSummons, createSummons, evaluateSummons, listSummons, reportSummons, summonsDepartments, summonsRates, updateSummons } from '../../db/summons';
import { closeTopic, mergeTopic, referTopic, rejectTopic, replyTopic, topicFeedback, topicToAgenda } from '../../db/topic-triage';
import { createTopic, getTopic, listTopics, revealTopicCaller, setTopicChannels, topicChannels, topicsByPerson, updateTopic } from '../../db/topics';
import type { HandlerGroup, ReadContext } from './context';

/** The user's local date on the call's clock, unless the caller fixed one (tests, "as of" views). */
const today = (ctx: ReadContext, fixed?: string) => fixed ?? ctx.clock.today;

export const topicHandlers: HandlerGroup<
  | 'topics.channels'
  | 'topics.setChannels'
  | 'topics.create'
  | 'topics.update'
  | 'topics.get'
  | 'topics.revealCaller'
  | 'topics.list'
  | 'topics.byPerson'
  | 'topics.toAgenda'
  | 'topics.refer'
  | 'topics.reply'
  | 'topics.merge'
  | 'topics.reject'
  | 'topics.close'
  | 'topics.feedback'
> = {
  'topics.channels': (ctx, input) => topicChannels(ctx.db, input.orgId),
  'topics.setChannels': (ctx, input) => setTopicChannels(ctx.tx, input),
  'topics.create': (ctx, input) => createTopic(ctx.tx, input),
  'topics.update': (ctx, input) => updateTopic(ctx.tx, input),
  'topics.get': (ctx, input) => getTopic(ctx.db, input.id, ctx.clock),
  'topics.revealCaller': (ctx, input) => revealTopicCaller(ctx.tx, input),
  'topics.list': (ctx, input) => listTopics(ctx.db, input),
  'topics.byPerson': (ctx, input) => topicsByPerson(ctx.db, input.personId),
  'topics.toAgenda': (ctx, input) => topicToAgenda(ctx.tx, input),
  'topics.refer': (ctx, input) => referTopic(ctx.tx, input),
  'topics.reply': (ctx, input) => replyTopic(ctx.tx, input),
  'topics.merge': (ctx, input) => mergeTopic(ctx.tx, input),
  'topics.reject': (ctx, input) => rejectTopic(ctx.tx, input),
  'topics.close': (ctx, input) => closeTopic(ctx.tx, input),
  'topics.feedback': (ctx, input) => topicFeedback(ctx.tx, input),
};

export const summonsHandlers: HandlerGroup<
  'summons.create' | 'summons.report' | 'summons.update' | 'summons.complete' | 'summons.evaluate' | 'summons.list' | 'summons.departments' | 'summons.rates'
> = {
  'summons.create': (ctx, input) => createSummons(ctx.tx, input),
  'summons.report': (ctx, input) => reportSummons(ctx.tx, input),
  'summons.update': (ctx, input) => updateSummons(ctx.tx, input),
  'summons.complete': (ctx, input) => completeSummons(ctx.tx, input),
  'summons.evaluate': (ctx, input) => evaluateSummons(ctx.tx, input),
  'summons.list': (ctx, input) => listSummons(ctx.db, input, ctx.clock),
  'summons.departments': (ctx, input) => summonsDepartments(ctx.db, input.orgId),
  'summons.rates': (ctx, input) => summonsRates(ctx.db, input, ctx.clock),
};

export const followUpHandlers: HandlerGroup<
  'followUp.get' | 'followUp.addProgress' | 'followUp.complete' | 'followUp.list' | 'followUp.carryCandidates' | 'followUp.carry'
> = {
  'followUp.get': (ctx, input) => getFollowUp(ctx.db, input.resolutionId, today(ctx, input.today)),
  'followUp.addProgress': (ctx, input) => addProgress(ctx.tx, input),
  'followUp.complete': (ctx, input) => completeResolution(ctx.tx, input),
  'followUp.list': (ctx, input) => listFollowUp(ctx.db, input, today(ctx, input.today)),
  'followUp.carryCandidates': (ctx, input) => carryCandidates(ctx.db, input.meetingId, today(ctx, input.today)),
  'followUp.carry': (ctx, input) => carryResolutions(ctx.tx, input),
};

export const noticeHandlers: HandlerGroup<
  'notices.minimumDays' | 'notices.create' | 'notices.get' | 'notices.takeDown' | 'notices.list' | 'notices.documentData'
> = {
  'notices.minimumDays': (ctx, input) => minimumDays(ctx.db, input),
  'notices.create': (ctx, input) => createNotice(ctx.tx, input),
  'notices.get': (ctx, input) => getNotice(ctx.db, input.id, today(ctx, input.today)),
  'notices.takeDown': (ctx, input) => takeDownNotice(ctx.tx, input),
  'notices.list': (ctx, input) => listNotices(ctx.db, input, today(ctx, input.today)),
  'notices.documentData': (ctx, input) => noticeDocumentData(ctx.db, input.id, today(ctx, input.today)),
};

export const matterHandlers: HandlerGroup<'matters.create' | 'matters.list' | 'matters.get' | 'matters.recordStep' | 'matters.registrationData'> = {
  'matters.create': (ctx, input) => createMatter(ctx.tx, input),
  'matters.list': (ctx, input) => listMatters(ctx.db, input),
  'matters.get': (ctx, input) => getMatter(ctx.db, input.id),
  'matters.recordStep': (ctx, input) => recordStep(ctx.tx, input),
  'matters.registrationData': (ctx, input) => registrationData(ctx.db, input.id),
};

export const homeHandlers: HandlerGroup<'clock.get' | 'clock.setTimeZone' | 'home.summary'> = {
  'clock.get': (ctx) => clockInfo(ctx.clock),
  'clock.setTimeZone': (ctx, input) => setTimeZone(ctx.tx, input.timeZone),
  'home.summary': (ctx, input) => homeSummary(ctx.db, input.orgId, ctx.clock, today(ctx, input.today)),
};
