// The Word documents of a meeting. Each builder is a pure function from plain data (./types) to
// the bytes of a .docx: no database, no file system, no clock — the same data gives the same bytes.
import { chineseDate } from '../../core/dates';
import { buildBallots } from './ballots';
import { buildMatterRegistration } from './matter-registration';
import { buildMinutesRecord } from './minutes';
import { buildMinutesSummary } from './minutes-summary';
import { buildNotice } from './notice';
import { buildNoticeBoard } from './notice-board';
import { buildResolutionNotice } from './resolution-notice';
import { buildPublicNotice } from './public-notice';
import { buildResultNotice } from './result-notice';
import { buildRuleFiling } from './rule-filing';
import { buildRuleOpinions } from './rule-opinions';
import { buildRuleRevision } from './rule-revision';
import { buildRuleText } from './rule-text';
import { buildSignInSheet } from './sign-in-sheet';
import type { FileKind } from '../../core/contract/common';
import type { MinutesData } from './types';

export type { BallotData, MinutesData, NoticeData, ResolutionNoticeData, SignInSheetData } from './types';
export type { RuleFilingData, RuleOpinionRow, RuleOpinionsData, RuleRevisionData, RuleTextData } from '../../core/documents/rule-types';
export { buildBallots, buildNotice, buildResolutionNotice, buildSignInSheet };
export { buildRuleFiling, buildRuleOpinions, buildRuleRevision, buildRuleText };
export type { MatterRegistrationData, MatterStep, MatterStepName, ResultNoticeData } from '../../core/documents/followup-types';
export { buildMatterRegistration, buildNoticeBoard, buildPublicNotice, buildResultNotice };
export type { NoticeBoardData } from './notice-board';

/** 会议记录 (full minutes) or 会议纪要 (the short GB/T 9704 §10.3 form). */
export function buildMinutes(data: MinutesData, variant: '记录' | '纪要' = '记录'): Promise<Buffer> {
  return variant === '纪要' ? buildMinutesSummary(data) : buildMinutesRecord(data);
}

/** Every produced file kind but the roster's spreadsheet: the Word documents. */
export type DocumentKind = Exclude<FileKind, '人员名册' | '台账'>;

/** Characters Windows, macOS or Linux refuse in a file name, mapped to full-width look-alikes. */
const UNSAFE: Record<string, string> = { '/': '／', '\\': '＼', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜' };

/**
 * "2026年11月25日 幸福里社区居民代表会议 会议记录.docx" — what the save dialog offers.
 * `header.date` is the meeting's ISO date; `header.title` its title.
 */
export function suggestedFileName(kind: DocumentKind, header: { date: string; title: string }): string {
  const safeTitle = header.title
    .replace(/[\u0000-\u001F\u007F]/g, '')
    .replace(/[/\\:*?"<>|]/g, (c) => UNSAFE[c]!)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 80);
  return `${chineseDate(header.date)} ${safeTitle || '会议'} ${kind}.docx`;
}
