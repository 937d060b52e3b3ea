// The drafting procedure of 民政部等七部门《关于做好村规民约和居民公约工作的指导意见》(2018):
// 征集民意 → 拟定草案 → 提请审核 → 审议表决 → 备案 → 公布. Some provinces put 宣传发动 first;
// a document chooses that when it is created.

export const ruleStages = ['宣传发动', '征集民意', '拟定草案', '提请审核', '审议表决', '备案', '公布', '已公布'] as const;
export type RuleStage = (typeof ruleStages)[number];

/** The stages a document passes through, in order. '已公布' is where the procedure ends. */
export function stagesOf(publicityFirst: boolean): RuleStage[] {
  return ruleStages.filter((s) => publicityFirst || s !== '宣传发动');
}

export function nextStage(publicityFirst: boolean, stage: RuleStage): RuleStage | null {
  const list = stagesOf(publicityFirst);
  const i = list.indexOf(stage);
  return i >= 0 && i < list.length - 1 ? list[i + 1]! : null;
}

/** The text can be edited until it is adopted; afterwards only a new revision round changes it. */
export function textEditable(stage: RuleStage): boolean {
  return stage !== '备案' && stage !== '公布' && stage !== '已公布';
}

export const opinionDispositions = ['待处理', '采纳', '部分采纳', '未采纳'] as const;
export type OpinionDisposition = (typeof opinionDispositions)[number];

export const amendmentActions = ['修改', '新增', '删除'] as const;
export type AmendmentAction = (typeof amendmentActions)[number];

export const amendmentStatuses = ['待处理', '已采纳', '未采纳', '表决中', '表决通过', '表决未通过'] as const;
export type AmendmentStatus = (typeof amendmentStatuses)[number];

/** Where opinions come from; the last one lets a secretary write any other. */
export const opinionChannels = ['座谈会', '入户走访', '意见箱', '网格员收集', '议事厅留言', '线上征集', '书面意见', '其他'] as const;
