import { chineseDate } from '../../../core/dates';
import type { Threshold } from '../../../core/rules/fraction';
import { thresholdWords } from '../../../core/rules/fraction';
import type { AttendeeBasis, RuleSetDefinition } from '../../../core/rules/rule-set';
import type { RuleSet } from '../../../core/contract/meeting-types';
import { lawCitation, lawName } from '../../../core/rules/citation';

/** Who a basis counts, in a few words that fit in a sentence. */
export const basisShortWords: Record<AttendeeBasis, string> = {
  body: '组成人员',
  adults: '年满十八周岁的村（居）民',
  households: '户的代表',
  groupRepresentatives: '推选的代表',
};

/** "须应到人数的三分之二以上" — or that there is no quorum at all. */
export function quorumWords(quorum: Threshold | null): string {
  return quorum ? `须应到人数的${thresholdWords(quorum)}` : '没有法定人数要求';
}

/** The attendance rule of a whole version, every basis it allows. */
export function attendanceWords(def: RuleSetDefinition): string {
  if (def.bases.length === 1) {
    const only = def.bases[0]!;
    return only.quorum ? `${quorumWords(only.quorum)}出席` : '没有法定人数要求';
  }
  const parts = def.bases.map((b) => (b.quorum ? `${basisShortWords[b.basis]}的${thresholdWords(b.quorum)}` : `${basisShortWords[b.basis]}（无人数要求）`));
  return `须${parts.join('，或')}出席`;
}

/** "到会人员过半数通过" or, for Party branches, "应到人员过半数通过". */
export function passWords(def: RuleSetDefinition): string {
  const who = def.pass.denominator === 'present' ? '到会人员' : '应到人员';
  return `${who}${thresholdWords(def.pass)}通过`;
}

export function denominatorWords(def: RuleSetDefinition): string {
  return def.pass.denominator === 'present' ? '以实到人数计' : '以应到人数计';
}

export function noticeWords(def: RuleSetDefinition): string {
  if (def.noticeDays == null) return '没有规定通知期';
  return `提前 ${def.noticeDays} 天通知${def.urgentAllowed ? '（特殊情况可临时召开）' : ''}`;
}

/** "2025年文本：须应到人数的三分之二以上出席，到会人员过半数通过". */
export function ruleSummary(version: Pick<RuleSet, 'label' | 'definition'>): string {
  return `${version.label}：${attendanceWords(version.definition)}，${passWords(version.definition)}`;
}

/** When a version applies: "2026年1月1日起", "2025年12月31日前", "一直适用". */
export function effectiveWords(version: Pick<RuleSet, 'effectiveFrom' | 'effectiveTo'>): string {
  if (version.effectiveFrom && version.effectiveTo) return `${chineseDate(version.effectiveFrom)}至${chineseDate(version.effectiveTo)}`;
  if (version.effectiveFrom) return `${chineseDate(version.effectiveFrom)}起`;
  if (version.effectiveTo) return `${chineseDate(version.effectiveTo)}前`;
  return '不限日期';
}

/** Which law applies on the chosen date, in one sentence: "2026年1月1日起适用2025年修订的法律". */
export function lawNote(version: Pick<RuleSet, 'label' | 'effectiveFrom' | 'effectiveTo' | 'definition'>): string {
  const def = version.definition;
  if (!def.statutory || def.lawVersion == null) return `使用“${version.label}”规则（本地规则，不是法律规定的比例）`;
  const amended = def.lawVersion === '2018' ? '2018年修正' : `${def.lawVersion}年修订`;
  return `${effectiveWords(version)}适用${amended}的法律（${lawCitation(def.source)}）`;
}

/** The law version of a stored meeting, for lists and headers. */
export function lawVersionLabel(lawVersion: string | null): string {
  if (lawVersion == null) return '本地规则';
  return lawVersion === '2018' ? '2018年文本' : `${lawVersion}年文本`;
}

/** A law's name without the country prefix and the edition note: "《村民委员会组织法》". */
export function shortLawName(law: string): string {
  return lawName(law)
    .replace('《中华人民共和国', '《')
    .replace(/（[^）]*）$/, '');
}
