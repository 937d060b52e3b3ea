import defaults from './defaults.json';
import fourDeliberations from './four-deliberations.json';

export const followUpDefaults = {
  topicChannels: defaults.topicChannels as readonly string[],
  summonsReportWithinHours: defaults.summonsReportWithinHours,
  defaultMinimumPublicityDays: defaults.defaultMinimumPublicityDays,
  dueSoonDays: defaults.dueSoonDays,
  upcomingMeetingDays: defaults.upcomingMeetingDays,
  chartMonths: defaults.chartMonths,
};

export const topicStatuses = ['待分办', '已纳入议程', '转部门办理', '已答复', '已合并', '不予受理', '已办结'] as const;
export type TopicStatus = (typeof topicStatuses)[number];
/** A topic in one of these is finished: no more triage. */
export const closedTopicStatuses: readonly TopicStatus[] = ['已答复', '已合并', '不予受理', '已办结'];
export const urgencies = ['一般', '较急', '紧急'] as const;
export const satisfactions = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof satisfactions)[number];
export const noticeKinds = ['决议公开', '实施结果公开', '其他'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export interface MatterStepDefinition {
  step: number;
  name: string;
  form: '会议' | '公示';
  mayMergeWithPrevious: boolean;
  needsConfirmedVote: boolean;
  noticeKind: NoticeKind | null;
  signatures: string[];
}

export const matterSteps: readonly MatterStepDefinition[] = fourDeliberations.steps.map((s) => ({
  ...s,
  form: s.form as MatterStepDefinition['form'],
  noticeKind: s.noticeKind as NoticeKind | null,
}));
