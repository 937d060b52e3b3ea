import type { Proposal, Vote } from '../../../core/contract/votes';
import type { VoteMethod } from '../../../core/rules/tally';

export const proposalStatusColor: Record<Proposal['status'], string> = {
  提出: 'blue',
  讨论中: 'processing',
  表决: 'orange',
  通过: 'success',
  未通过: 'error',
  撤回: 'default',
  搁置: 'warning',
};

export const proposerKindLabels: Record<Proposal['proposerKind'], string> = {
  person: '个人',
  body: '组织',
  unit: '单位',
};

export const methodHelp: Record<VoteMethod, string> = {
  举手: '举手表决：只登记赞成、反对、弃权各多少人',
  记名: '记名表决：逐人登记每位到会人员的选择；用选票记名投票的，再登记发出、收回、有效、无效选票数',
  无记名: '无记名投票：发放选票，登记发出、收回、有效、无效选票数，并写明监票人、计票人',
};

export const voteStatusColor: Record<Vote['status'], string> = {
  进行中: 'processing',
  已确认: 'success',
  已作废: 'default',
};

/** What the vote is about: "村道硬化方案" or "方案一 水泥路面 / 方案二 沥青路面". */
export function voteSubject(v: Vote, proposals: Proposal[]): string {
  if (v.kind === 'options') return v.options.map((o) => `${o.label}：${o.title}`).join('；');
  return proposals.find((p) => p.id === v.proposalId)?.title ?? `议案 ${v.proposalId ?? ''}`;
}

/** The choices a voter has: 赞成/反对/弃权, or one option each and 弃权. */
export function choicesOf(v: Vote): string[] {
  return v.kind === 'options' ? [...v.options.map((o) => o.label), '弃权'] : ['赞成', '反对', '弃权'];
}

/** A passed amendment is not a resolution: it changes the text of the proposal it amends. */
export function outcomeNote(v: Vote, proposals: Proposal[]): string | undefined {
  if (v.kind !== 'proposal' || v.outcome !== '通过') return undefined;
  const p = proposals.find((x) => x.id === v.proposalId);
  const parent = p?.amendsId != null ? proposals.find((x) => x.id === p.amendsId) : undefined;
  return parent ? `修正案通过：“${parent.title}”的内容已改为修正后的内容，请再对“${parent.title}”表决。` : undefined;
}

/**
 * The verdict a vote's explanation states ("…；超过到会人员的半数（3），通过。依据：…"): the list
 * shows it on its own, since the full explanation is cut to two lines in a narrow column.
 */
export function explanationVerdict(explanation: string): '通过' | '未通过' | null {
  const verdict = explanation.split('。依据')[0]?.split('；').pop() ?? '';
  if (/未通过|没有方案通过/.test(verdict)) return '未通过';
  if (/通过/.test(verdict)) return '通过';
  return null;
}
