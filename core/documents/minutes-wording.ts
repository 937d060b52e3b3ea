// Wording shared by the minutes (会议记录) and the summary (会议纪要).
import { clock, percent, sentence } from './text';
import { chineseNumeral } from './numerals';
import { fractionWords, meets, minimumCount } from '../rules/fraction';
import type { AttendeeList, MinutesData, MinutesVote } from './types';

/** "村民代表会议" + 记录 → "村民代表会议记录"; "党员大会" → "党员大会会议记录". */
export function titleWith(meetingTitle: string, kind: '记录' | '纪要'): string {
  const t = meetingTitle.trim();
  return t.endsWith('会议') ? `${t}${kind}` : `${t}会议${kind}`;
}

/** "9:00至11:30", "9:00开始", or null. */
export function timeSpan(start: string | null, end: string | null): string | null {
  const s = clock(start);
  const e = clock(end);
  if (s && e) return `${s}至${e}`;
  if (s) return `${s}开始`;
  if (e) return `${e}结束`;
  return null;
}

/**
 * "应到 45 人，实到 31 人（占应到人数的 68.9%）"; where 应到 was set by hand, its reason follows the
 * number: "应到 48 人（由会议记录人据实际情况确定：名册缺第五组新迁入的 3 户），实到 31 人…".
 */
export function attendanceLine(d: Pick<MinutesData, 'expected' | 'present' | 'expectedReason'>): string {
  const share = percent(d.present, d.expected);
  const reason = d.expectedReason?.trim() ? `（由会议记录人据实际情况确定：${d.expectedReason.trim()}）` : '';
  return `应到 ${d.expected} 人${reason}，实到 ${d.present} 人${share ? `（占应到人数的 ${share}）` : ''}`;
}

export const joinNames = (names: string[]) => (names.length ? names.join('、') : '无');

export function attendeeNames(d: MinutesData): string {
  return joinNames(d.attendees.map((a) => (a.late ? `${a.name}（迟到${a.arrivedAt ? `，${clock(a.arrivedAt)}到会` : ''}）` : a.name)));
}

export const leaveNames = (d: MinutesData) => joinNames(d.onLeave.map((l) => (l.reason?.trim() ? `${l.name}（${l.reason.trim()}）` : l.name)));
export const absentNames = (d: MinutesData) => joinNames(d.absent.map((a) => a.name));
export const earlyNames = (d: MinutesData) => joinNames(d.leftEarly.map((l) => (l.leftAt ? `${l.name}（${clock(l.leftAt)}离会）` : l.name)));

/** 列席 grouped by unit, in order of first appearance: "街道办事处王明、李华；派出所张强". */
export function observerNames(d: MinutesData): string {
  const groups = new Map<string, string[]>();
  for (const o of d.observers) {
    const unit = o.unit?.trim() ?? '';
    const list = groups.get(unit) ?? [];
    list.push(o.name);
    groups.set(unit, list);
  }
  const parts = [...groups].map(([unit, names]) => (unit ? `${unit}${names.join('、')}` : names.join('、')));
  return parts.length ? parts.join('；') : '无';
}

export const departmentNames = (d: MinutesData) =>
  joinNames(d.departments.map((x) => `${x.department}${x.name ? x.name : ''}${x.arrivedAt ? `（${clock(x.arrivedAt)}报到）` : ''}`));

export const METHOD_WORDS: Record<MinutesVote['method'], string> = { 举手: '举手表决', 记名: '记名投票表决', 无记名: '无记名投票表决' };

/** 票 for ballots, 人 for a show of hands. */
const unitOf = (v: MinutesVote) => (v.method === '举手' ? '人' : '票');

const share = (n: number, v: MinutesVote) => {
  const p = percent(n, v.eligible);
  return p ? `（占实到人数的 ${p}）` : '';
};

/** "12 票（占实到人数的 38.7%）" for one option. */
export function optionVotes(v: MinutesVote, votes: number): string {
  return `${votes} ${unitOf(v)}${share(votes, v)}`;
}

/** "赞成 16 票（占实到人数的 51.6%），反对 10 票（…），弃权 5 票（…）". */
export function tallyLine(v: MinutesVote): string | null {
  const u = unitOf(v);
  if (v.options && v.options.length) {
    return [
      ...v.options.map((o) => `${o.label} ${o.votes} ${u}${share(o.votes, v)}`),
      ...(v.abstain != null ? [`弃权 ${v.abstain} ${u}${share(v.abstain, v)}`] : []),
    ].join('，');
  }
  if (v.yes == null && v.no == null && v.abstain == null) return null;
  return [
    `赞成 ${v.yes ?? 0} ${u}${share(v.yes ?? 0, v)}`,
    `反对 ${v.no ?? 0} ${u}${share(v.no ?? 0, v)}`,
    `弃权 ${v.abstain ?? 0} ${u}${share(v.abstain ?? 0, v)}`,
  ].join('，');
}

export function ballotLine(v: MinutesVote): string | null {
  const b = v.ballots;
  if (!b) return null;
  return `发出选票 ${b.issued} 张，收回 ${b.returned} 张，其中有效票 ${b.valid} 张，无效票 ${b.invalid} 张`;
}

export function tellerLine(v: MinutesVote): string | null {
  const parts = [v.tellers?.trim() ? `监票人：${v.tellers.trim()}` : null, v.counters?.trim() ? `计票人：${v.counters.trim()}` : null].filter(Boolean);
  return parts.length ? parts.join('；') : null;
}

/** One sentence for the summary: "经无记名投票表决，赞成 16 票…，通过。" */
export function voteSentence(v: MinutesVote): string {
  const tally = tallyLine(v);
  return sentence(`经${METHOD_WORDS[v.method]}${tally ? `，${tally}` : ''}，${v.outcome}`);
}

/** 1. → "1．" (GB/T 9704 writes the third level with a full stop after the Arabic numeral). */
export const arabicItem = (n: number) => `${n}．`;

export const numeral = chineseNumeral;

/** More present than this and the minutes list them in a grid unless the secretary chose otherwise. */
export const GRID_ABOVE = 60;

/** How the minutes list those present: the secretary's choice, else names up to GRID_ABOVE and a grid beyond. */
export function attendeeListOf(d: Pick<MinutesData, 'attendeeList' | 'attendees'>): AttendeeList {
  return d.attendeeList ?? (d.attendees.length > GRID_ABOVE ? '表格' : '名单');
}

/** Columns of the 表格 list of those present. */
export const GRID_COLUMNS = 6;

/** 表格: those present, six to a row (the last row padded), for the Word file and the preview alike; empty otherwise. */
export function attendeeGridRows(d: Pick<MinutesData, 'attendeeList' | 'attendees'>): string[][] {
  if (attendeeListOf(d) !== '表格') return [];
  const names = d.attendees.map((a) => (a.late ? `${a.name}（迟到）` : a.name));
  const rows: string[][] = [];
  for (let i = 0; i < names.length; i += GRID_COLUMNS) rows.push(Array.from({ length: GRID_COLUMNS }, (_, j) => names[i + j] ?? ''));
  return rows;
}

/** The 出席人员 line: the names, or where to find them. */
export function attendeeLine(d: MinutesData): string {
  const list = attendeeListOf(d);
  if (list === '表格') return `共 ${d.attendees.length} 人，名单见下表`;
  if (list === '签到表') return `共 ${d.attendees.length} 人，名单见会议签到表（附后）`;
  return attendeeNames(d);
}

/**
 * Whether the meeting could decide, in the law's words, with the article:
 * "实到 31 人，超过应到人数的三分之二，符合法定人数，会议有效（依据《…》第二十五条）".
 * Integer arithmetic only: 超过 when present × den > num × expected, 达到 when equal.
 */
export function quorumSentence(d: Pick<MinutesData, 'expected' | 'present' | 'quorum'>): string {
  const { threshold, citation } = d.quorum;
  const basis = citation.trim() ? `（依据：${citation.trim()}）` : '';
  if (!threshold) return `实到 ${d.present} 人；本类会议没有法定人数要求${basis}`;
  const words = fractionWords(threshold.fraction);
  const lhs = d.present * threshold.fraction.den;
  const rhs = threshold.fraction.num * d.expected;
  if (meets(d.present, d.expected, threshold)) {
    const how = lhs > rhs ? `超过应到人数的${words}` : `达到应到人数的${words}`;
    return `实到 ${d.present} 人，${how}，符合法定人数，会议有效${basis}`;
  }
  const required = minimumCount(d.expected, threshold);
  const short = threshold.comparison === 'atLeast' ? `不足应到人数的${words}` : `未超过应到人数的${words}`;
  return `实到 ${d.present} 人，${short}（至少须 ${required} 人），不符合法定人数，会议不能作出决定${basis}`;
}

/** 记名 votes: "赞成（16 人）：张三、李四…" per choice, in the order given. */
export function namedVoteLines(v: MinutesVote): string[] {
  return (v.named ?? []).filter((c) => c.names.length > 0).map((c) => `${c.choice}（${c.names.length} 人）：${c.names.join('、')}`);
}
