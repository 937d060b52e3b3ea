// 会议记录: the full minutes, in the order of DOMAIN.md "会议记录 — what the minutes must hold".
import { AlignmentType, type ISectionOptions, type Paragraph, type Table } from 'docx';
import { chineseDate } from '../../core/dates';
import {
  blank,
  body,
  bodyText,
  clock,
  fillIn,
  heading1,
  heading2,
  hei,
  kai,
  labelLine,
  lines,
  pack,
  run,
  section,
  sentence,
  table,
  TEXT_WIDTH,
  title,
  weekday,
  LINE,
  CHAR,
} from './layout';
import {
  absentNames,
  arabicItem,
  attendanceLine,
  attendeeLine,
  attendeeGridRows,
  ballotLine,
  GRID_COLUMNS,
  departmentNames,
  earlyNames,
  leaveNames,
  METHOD_WORDS,
  namedVoteLines,
  numeral,
  quorumSentence,
  observerNames,
  optionVotes,
  tallyLine,
  tellerLine,
  timeSpan,
  titleWith,
} from '../../core/documents/minutes-wording';
import type { MinutesData, MinutesItem, MinutesVote } from './types';

type Block = Paragraph | Table;

/** The header block's values line up after the longest label (会议名称：). */
const HEAD = { width: 5 };

function headerBlock(d: MinutesData): Paragraph[] {
  const line = (label: string, value: string) => labelLine(label, value, HEAD);
  const out: Paragraph[] = [line('会议名称：', d.title)];
  const span = timeSpan(d.startTime, d.endTime);
  out.push(line('会议时间：', `${chineseDate(d.date)}（${weekday(d.date)}）${span ?? ''}`));
  if (d.place?.trim()) out.push(line('会议地点：', d.place.trim()));
  if (d.chairName?.trim()) out.push(line('主持人：', d.chairName.trim()));
  if (d.recorderName?.trim()) out.push(line('记录人：', d.recorderName.trim()));
  out.push(line('参会人数：', attendanceLine(d)));
  out.push(line('法定人数：', sentence(quorumSentence(d))));
  out.push(line('出席人员：', attendeeLine(d)));
  out.push(line('请假人员：', leaveNames(d)));
  out.push(line('缺席人员：', absentNames(d)));
  if (d.leftEarly.length) out.push(line('早退人员：', earlyNames(d)));
  if (d.observers.length) out.push(line('列席人员：', observerNames(d)));
  if (d.departments.length) out.push(line('报到部门：', departmentNames(d)));
  if (d.ruleSource.trim()) out.push(line('会议依据：', d.ruleSource.trim()));
  return out;
}

function voteBlock(v: MinutesVote, prefix: string): Paragraph[] {
  const out: Paragraph[] = [];
  const subject = lines(v.subject);
  out.push(body([hei(`${prefix}表决事项：`), run(subject[0] ?? '')]));
  for (const more of subject.slice(1)) out.push(body(more));
  out.push(body(`表决方式：${METHOD_WORDS[v.method]}；表决时实到 ${v.eligible} 人。`));
  const ballots = ballotLine(v);
  if (ballots) out.push(body(sentence(ballots)));
  if (v.options && v.options.length) {
    // One line per option, so a long option title does not hide the figures.
    for (const o of v.options) out.push(body(sentence(`${o.label}：${o.title.trim()}，得 ${optionVotes(v, o.votes)}`)));
    if (v.abstain != null) out.push(body(sentence(`弃权 ${optionVotes(v, v.abstain)}`)));
    out.push(body(`表决结果：${v.outcome}。`));
  } else {
    const tally = tallyLine(v);
    out.push(body(`表决结果：${tally ? `${tally}，` : ''}${v.outcome}。`));
  }
  // 记名: the record says who voted how.
  for (const named of namedVoteLines(v)) out.push(body(sentence(named)));
  const tellers = tellerLine(v);
  if (tellers) out.push(body(sentence(tellers)));
  // The stored explanation, verbatim.
  out.push(...bodyText(v.explanation, [run('结果说明：')]));
  return out;
}

function itemBlock(item: MinutesItem, n: number): Paragraph[] {
  const out: Paragraph[] = [heading1(`${numeral(n)}、${lines(item.title).join(' ')}`)];
  let sub = 0;
  const next = (text: string) => heading2(`（${numeral(++sub)}）${text}`);

  if (item.presenter?.trim() || lines(item.description).length || item.priorReview) {
    out.push(next('议题说明'));
    if (item.presenter?.trim()) out.push(body(`汇报人：${item.presenter.trim()}。`));
    out.push(...bodyText(item.description));
    if (item.priorReview) out.push(body(item.priorReview));
  }
  if (item.speeches.length) {
    out.push(next('讨论发言'));
    for (const s of item.speeches) out.push(...bodyText(s.content, [kai(`${s.speaker}：`)]));
  }
  if (item.proposals.length) {
    out.push(next('提出的议案'));
    item.proposals.forEach((p, i) => {
      const prefix = item.proposals.length > 1 ? arabicItem(i + 1) : '';
      const who = [p.proposer?.trim() ? `提出人：${p.proposer.trim()}` : null, p.status?.trim() ? `状态：${p.status.trim()}` : null].filter(Boolean).join('；');
      out.push(body([hei(`${prefix}${p.title.trim()}`), run(who ? `（${who}）` : '')]));
      out.push(...bodyText(p.text));
    });
  }
  if (item.votes.length) {
    out.push(next('表决情况'));
    item.votes.forEach((v, i) => out.push(...voteBlock(v, item.votes.length > 1 ? arabicItem(i + 1) : '')));
  }
  if (sub === 0) out.push(body('本议题无发言和表决记录。'));
  return out;
}

/** 表格: those present in a compact grid of names, six to a row, after the header. */
function attendeeGrid(d: MinutesData): Block[] {
  const rows = attendeeGridRows(d);
  if (rows.length === 0) return [];
  const width = Math.floor(TEXT_WIDTH / GRID_COLUMNS);
  return [
    body([hei('出席人员名单')], { alignment: AlignmentType.CENTER, indent: 0, keepNext: true }),
    table({ columns: Array.from({ length: GRID_COLUMNS }, () => width), rows, rowHeight: 400 }),
  ];
}

function resolutionsBlock(d: MinutesData): Paragraph[] {
  const out: Paragraph[] = [heading1('决议事项')];
  if (d.resolutions.length === 0) return [...out, body('本次会议未形成决议。')];
  d.resolutions.forEach((r, i) => {
    out.push(body([hei(`${arabicItem(i + 1)}${r.title.trim()}`), run(`（决议编号：${r.number}）`)]));
    out.push(...bodyText(r.text));
  });
  return out;
}

function closing(d: MinutesData): Paragraph[] {
  const end = clock(d.endTime);
  const out: Paragraph[] = [body(end ? `会议于${end}散会。` : '散会。')];
  if (d.addenda.length) out.push(body('附件：更正记录'));
  out.push(blank());
  const sign = (label: string, name: string | null) =>
    body([run(`${label}（签字）：`), run(fillIn(8)), run(name?.trim() ? `（${name.trim()}）` : '')], { signOff: true });
  out.push(sign('主持人', d.chairName), sign('记录人', d.recorderName));
  if (d.approvedBy?.trim()) out.push(body([run('定稿人：'), run(d.approvedBy.trim())], { signOff: true }));
  out.push(body(chineseDate(d.date), { alignment: AlignmentType.RIGHT, indent: 0, right: 4 * CHAR, signOff: true }));
  return out;
}

function signaturePage(d: MinutesData): Block[] {
  const columns = [900, 2200, 3845, TEXT_WIDTH - 900 - 2200 - 3845];
  return [
    title('参会人员签字', { pageBreakBefore: true, after: 0 }),
    body(`${d.title}\u3000${chineseDate(d.date)}`, { alignment: AlignmentType.CENTER, indent: 0, spacingAfter: LINE / 2 }),
    table({
      columns,
      header: ['序号', '姓名', '签字', '备注'],
      rows: d.attendees.map((a, i) => [String(i + 1), a.name, '', a.late ? '迟到' : '']),
      rowHeight: 620,
    }),
  ];
}

function addendaPage(d: MinutesData): Paragraph[] {
  const out: Paragraph[] = [body([hei('附件')], { indent: 0, pageBreakBefore: true }), title('更正记录')];
  d.addenda.forEach((a, i) => {
    out.push(...bodyText(a.text, [run(`${arabicItem(i + 1)}${chineseDate(a.date)}，${a.by}更正：`)]));
  });
  return out;
}

export function minutesSections(d: MinutesData): ISectionOptions[] {
  const children: Block[] = [title(titleWith(d.title, '记录')), ...headerBlock(d), ...attendeeGrid(d)];
  d.items.forEach((item, i) => children.push(...itemBlock(item, i + 1)));
  children.push(...resolutionsBlock(d), ...closing(d));
  if (d.attendeeSignatures) children.push(...signaturePage(d));
  if (d.addenda.length) children.push(...addendaPage(d));
  return [section({ children })];
}

export function buildMinutesRecord(d: MinutesData): Promise<Buffer> {
  return pack(minutesSections(d), { title: titleWith(d.title, '记录'), creator: d.issuer, date: d.date, subject: d.title });
}
