import defaults from './defaults.json';
import fourDeliberations from './four-deliberations.json';
import { isUrbanKind } from '../documents/wording';

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
  /** The meeting kinds (rule sets' meetingKind) this step's meeting may be; null: any. */
  meetingKinds: string[] | null;
  /** The law's words for who takes this step, by the date a text came into force. */
  basis: { from: string; text: string }[];
}

/** The text in force on `date`: a 2026 meeting never cites a 2018 article. */
export function basisOn(def: MatterStepDefinition, date: string): string | null {
  return def.basis.filter((b) => b.from <= date).at(-1)?.text ?? null;
}

type Wording = '村' | '社区';
/** 社区 (and 街道) use the residents' committee law's words (居民会议, 居务监督); everyone else the villagers'. */
export function wordingOf(orgKind: string): Wording {
  return isUrbanKind(orgKind) ? '社区' : '村';
}

interface StepJson {
  step: number;
  name: string;
  form: string;
  mayMergeWithPrevious: boolean;
  needsConfirmedVote: boolean;
  noticeKind: string | null;
  signatures: string[];
  meetingKinds: Record<Wording, string[]> | null;
  nameFor?: Partial<Record<Wording, string>>;
  signaturesFor?: Partial<Record<Wording, string[]>>;
  basisFor?: Partial<Record<Wording, { from: string; text: string }[]>>;
}

/** The six steps in the words of the organization's own law. */
export function matterStepsFor(orgKind: string): readonly MatterStepDefinition[] {
  const w = wordingOf(orgKind);
  return (fourDeliberations.steps as StepJson[]).map((s) => ({
    step: s.step,
    name: s.nameFor?.[w] ?? s.name,
    form: s.form as MatterStepDefinition['form'],
    mayMergeWithPrevious: s.mayMergeWithPrevious,
    needsConfirmedVote: s.needsConfirmedVote,
    noticeKind: s.noticeKind as NoticeKind | null,
    signatures: s.signaturesFor?.[w] ?? s.signatures,
    meetingKinds: s.meetingKinds?.[w] ?? null,
    basis: s.basisFor?.[w] ?? [],
  }));
}

/** The village wording, for places that have no organization at hand. */
export const matterSteps: readonly MatterStepDefinition[] = matterStepsFor('村');
