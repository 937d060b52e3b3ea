// Plain data the Word builders of a rule text (村规民约 / 居民公约) take. Like ./types, no I/O:
// the caller reads the database and supplies every date, so the same data gives the same bytes.
import type { OpinionDisposition } from '../ruletext/procedure';
import type { RuleComparison, RuleKind, RuleSnapshot } from '../ruletext/types';

/** 规约文本: one frozen version (or the working text) as it is printed and posted. */
export interface RuleTextData {
  orgName: string;
  kind: RuleKind;
  /** "幸福里社区居民公约" */
  title: string;
  /** "征求意见稿", "表决稿", "正式稿" or a name the user gave the version. */
  versionName: string;
  /** "（2026年11月20日幸福里社区居民会议表决通过）"; brackets are added when missing. */
  adoptedNote: string | null;
  /** ISO date the file's properties carry (the version's date). */
  date: string;
  snapshot: RuleSnapshot;
}

/** 修订对照稿: the newer version with Word tracked changes against the older one. */
export interface RuleRevisionData {
  orgName: string;
  title: string;
  /** "征求意见稿" */
  fromName: string;
  /** "表决稿" */
  toName: string;
  /** Who the revision marks name (w:author), e.g. the committee. */
  author: string;
  /**
   * ISO date-time of the revision marks and comments (w:date), e.g. "2026-11-18T09:00:00Z": when
   * the newer text was saved, never the time of the export, so the same record gives the same bytes.
   */
  date: string;
  /** ISO date of the newer text in the user's calendar: the file's properties carry it. */
  fileDate: string;
  comparison: RuleComparison;
}

export interface RuleOpinionRow {
  seq: number;
  /** 提出人, or "匿名". */
  name: string;
  channel: string;
  /** ISO date. */
  receivedOn: string;
  /**
   * The article as it was numbered when the opinion came in ("第五条"); null for an opinion on the
   * whole text (printed 全文).
   */
  articleLabel: string | null;
  /** The same article's number today ("第六条"; printed under the first when different), null when it was deleted since. */
  currentLabel: string | null;
  content: string;
  disposition: OpinionDisposition;
  reason: string | null;
}

/** 意见采纳情况表. The counts line is worked out from the rows. */
export interface RuleOpinionsData {
  orgName: string;
  /** The rule's title, printed in 《》. */
  title: string;
  rows: RuleOpinionRow[];
  issuedDate: string;
}

/** 备案报告 to the township government or street office after the meeting adopted the text. */
export interface RuleFilingData {
  orgName: string;
  kind: RuleKind;
  title: string;
  /** The addressee: "幸福街道办事处". */
  authority: string;
  meetingTitle: string;
  /** ISO date. */
  meetingDate: string;
  /** "村民会议", "村民代表会议", "居民会议", "居民代表会议". */
  meetingKind: string;
  expected: number;
  present: number;
  womenPresent: number;
  votesFor: number;
  votesAgainst: number;
  abstain: number;
  /** A sentence citing the law, e.g. "根据《中华人民共和国城市居民委员会组织法》第十五条规定". */
  lawBasis: string;
  /** Attachment names, without numbers or final punctuation. */
  attachments: string[];
  issuedDate: string;
}
