// 备案报告: after the meeting adopts the text, the committee reports it to the township government
// or street office for filing — the meeting, attendance (with the share of women), the vote, the
// legal basis, the attachments (GB/T 9704 §7.3.4) and room for the seal.
import { type ISectionOptions, type Paragraph } from 'docx';
import { chineseDate } from '../../core/dates';
import type { RuleFilingData } from '../../core/documents/rule-types';
import { blank, body, CHAR, INDENT, pack, percent, run, section, signOff, textWidth, title } from './layout';

export function ruleFilingTitle(d: RuleFilingData): string {
  return `关于《${d.title.trim()}》的备案报告`;
}

/** 我村 for a village meeting, 我社区 otherwise. */
const selfName = (d: RuleFilingData) => (d.meetingKind.includes('村民') || d.kind === '村规民约' ? '我村' : '我社区');

export function filingParagraph(d: RuleFilingData): string {
  const meeting = d.meetingTitle.trim();
  const held = !meeting ? d.meetingKind : meeting.includes(d.meetingKind) ? meeting : `${d.meetingKind}（${meeting}）`;
  const share = percent(d.womenPresent, d.present);
  return (
    `${selfName(d)}于${chineseDate(d.meetingDate)}召开${held}，应到${d.expected}人，实到${d.present}人，` +
    `其中女性${d.womenPresent}人${share ? `（占到会人数的${share}）` : ''}。` +
    `会议以赞成${d.votesFor}票、反对${d.votesAgainst}票、弃权${d.abstain}票审议通过了《${d.title.trim()}》。`
  );
}

/**
 * "附件：1．…" with the numbers of later lines under the first number, and a wrapped name under
 * its own first character (GB/T 9704 §7.3.4); a single attachment has no number.
 */
function attachmentLines(names: string[]): Paragraph[] {
  const label = '附件：';
  const labelW = textWidth(label) * CHAR;
  return names.map((name, i) => {
    const num = names.length > 1 ? `${i + 1}．` : '';
    const numW = textWidth(num) * CHAR;
    const left = Math.round(INDENT + labelW + numW);
    const text = `${i === 0 ? label : ''}${num}${name.trim().replace(/[。；;，,]$/, '')}`;
    return body([run(text)], { hanging: { left, hanging: Math.round(i === 0 ? labelW + numW : numW) } });
  });
}

export function ruleFilingSections(d: RuleFilingData): ISectionOptions[] {
  const basis = d.lawBasis.trim();
  const lead = basis && !/[，。；：,]$/.test(basis) ? `${basis}，` : basis;
  const children: Paragraph[] = [
    title(ruleFilingTitle(d)),
    body(`${d.authority.trim()}：`, { indent: 0 }),
    body(filingParagraph(d)),
    body(`${lead}现将有关材料报送备案，请予审查。`),
  ];
  if (d.attachments.length) children.push(blank(), ...attachmentLines(d.attachments));
  // Room above the sign-off for the seal, which goes over the organization and the date.
  children.push(blank(), blank(), blank(), ...signOff(d.orgName.trim(), chineseDate(d.issuedDate), { seal: true }));
  return [section({ children })];
}

export function buildRuleFiling(d: RuleFilingData): Promise<Buffer> {
  return pack(ruleFilingSections(d), { title: ruleFilingTitle(d), creator: d.orgName, date: d.issuedDate, subject: d.title });
}
