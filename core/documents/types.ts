// Plain data the Word builders (electron/documents) and the minutes preview (renderer) share. The
// database is read elsewhere; a builder only turns this data into bytes, testable without a database.
import type { Threshold } from '../rules/fraction';

export interface MeetingHeader {
  /** The 议事主体's short name (青石村), used in titles. */
  orgName: string;
  /** Who signs for the meeting (落款, 向…请假): 青石村村民委员会, or 中共青石村支部委员会 for a Party meeting. */
  issuer: string;
  title: string;
  typeName: string;
  /** YYYY-MM-DD; printed as 2026年1月5日. */
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  chairName: string | null;
  recorderName: string | null;
  /** The law or rule the meeting was held under, e.g. 《…村民委员会组织法》第二十九条、第三十条. */
  ruleSource: string;
}

export interface MinutesVote {
  method: '举手' | '记名' | '无记名';
  /** What was voted on: a proposal title, or 方案一：… / 方案二：… for an options vote. */
  subject: string;
  options: { label: string; title: string; votes: number }[] | null;
  yes: number | null;
  no: number | null;
  /** 弃权: of a proposal's tally, or of an options vote (chose none of the options). */
  abstain: number | null;
  /** 实到 with a vote when the vote opened: shares are printed as a part of this. */
  eligible: number;
  /** Paper ballots only (无记名, or 记名 by ballot); never for a show of hands. */
  ballots: { issued: number; returned: number; valid: number; invalid: number } | null;
  tellers: string | null;
  counters: string | null;
  outcome: '通过' | '未通过';
  /** The stored explanation, printed verbatim. */
  explanation: string;
  /** 记名 votes: who chose what, in the order of the choices (赞成, 反对, 弃权, or the options). */
  named?: { choice: string; names: string[] }[] | null;
}

export interface MinutesItem {
  title: string;
  presenter: string | null;
  description: string | null;
  /** The Party organization's prior discussion and earlier 四议两公开 steps, in one sentence. */
  priorReview?: string | null;
  speeches: { speaker: string; content: string }[];
  proposals: { title: string; text: string; proposer: string; status: string }[];
  votes: MinutesVote[];
}

export interface MinutesData extends MeetingHeader {
  expected: number;
  /** Where 应到 was set by hand (meetings.setExpected): the written reason, printed with the number. */
  expectedReason?: string | null;
  present: number;
  /** The quorum the meeting's rule sets (null: none) and what it rests on, for the sentence saying the meeting was valid. */
  quorum: { threshold: Threshold | null; citation: string };
  /** How those present are listed: names in the text, a compact grid, or 见签到表; null chooses by size. */
  attendeeList?: AttendeeList | null;
  attendees: { name: string; late: boolean; arrivedAt: string | null }[];
  onLeave: { name: string; reason: string | null }[];
  absent: { name: string }[];
  leftEarly: { name: string; leftAt: string | null }[];
  observers: { name: string; unit: string | null }[];
  /** 吹哨报到: departments that reported to the meeting. */
  departments: { department: string; name: string; arrivedAt: string | null }[];
  items: MinutesItem[];
  resolutions: { number: string; title: string; text: string }[];
  /** Attendees sign a page of their own where the meeting type asks for it. */
  attendeeSignatures: boolean;
  /** Corrections after finalizing (更正记录), printed as an appendix. */
  addenda: { date: string; text: string; by: string }[];
  /** The user who finalized the minutes (定稿人), once they are; printed under the signatures. */
  approvedBy?: string | null;
}

/** 名单: names in the text; 表格: a compact grid of names; 签到表: the minutes refer to the signed sheet. */
export type AttendeeList = '名单' | '表格' | '签到表';

export interface SignInSheetData extends MeetingHeader {
  /** Expected attendees (those with a vote) in print order; role is what they attend as (村民代表, 户代表…). */
  rows: { name: string; groupOrHousehold: string | null; role: string | null }[];
  /**
   * 列席: observers registered for the meeting, departments reporting (吹哨报到) and members without a
   * vote (预备党员), each with their unit or what they attend as. The 备注 column stays blank for the pen.
   */
  observers: { name: string; unit: string | null }[];
}

export interface BallotData {
  orgName: string;
  meetingTitle: string;
  date: string;
  /** What is decided (表决事项): the proposal's title, or for an options vote the question the options answer (its agenda item). */
  subject: string;
  /** Proposal ballots have 赞成/反对/弃权 boxes; options ballots one box per option. */
  kind: 'proposal' | 'options';
  /** 记名 ballots carry a line for the voter's signature. */
  method: '举手' | '记名' | '无记名';
  /** An options vote's options, "方案一：…", one a line with its box. */
  options: string[];
  /** How many ballots to print (ballots issued). */
  count: number;
  perPage: 2 | 4;
  tellers: string | null;
  counters: string | null;
}

export interface NoticeData extends MeetingHeader {
  /** The office telephone from 本单位信息, printed for leave requests; null when none was saved. */
  phone?: string | null;
  /** Who should attend, in words: 全体村民代表, 各户户代表… */
  audience: string;
  agenda: string[];
  /** The notice's own date (落款日期). */
  noticeDate: string;
  urgentReason: string | null;
}

export interface ResolutionNoticeData {
  /** The issuing committee's full name (青石村村民委员会): it convened the meeting and signs the notice. */
  orgName: string;
  meetingTitle: string;
  meetingDate: string;
  resolutions: { number: string; title: string; text: string; explanation: string }[];
  postFrom: string;
  postTo: string;
  /** The minimum posting period in days where the law sets one (15 under the 2025 texts), else null. */
  minimumDays: number | null;
  /** The provision that sets it, "《…》（2025年修订）第三十五条"; without it the notice says 有关法律规定. */
  lawBasis?: string | null;
  issuedDate: string;
}
