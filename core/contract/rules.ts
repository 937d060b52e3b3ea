import { z } from 'zod';
import { base64Schema, fileOutput, id, isoDate, line, paragraph, requiredLine } from './common';
import { defineRead, defineWrite } from './define';
import {
  adoptionCandidateSchema,
  amendmentActionSchema,
  opinionDispositionSchema,
  penaltyTermSchema,
  ruleAmendmentSchema,
  ruleComparisonSchema,
  ruleDocDetailSchema,
  ruleDocSummarySchema,
  ruleEditResultSchema,
  ruleKindSchema,
  ruleOpinionSchema,
  ruleSnapshotSchema,
  ruleVersionSchema,
  splitRuleTextSchema,
} from './rules-shapes';

export * from './rules-shapes';

const articleText = (label = '条文内容') => paragraph(label, 5000).refine((s) => s.trim().length > 0, { error: `请填写${label}` });
const chapterTitle = requiredLine('章名', 40);
/** A version to compare: a saved version, or the text being drafted now. */
const versionRef = z.union([id('版本'), z.literal('current')]);

const structureInput = z.object({
  chapters: z.array(z.object({ title: chapterTitle })).max(100, { error: '章不能超过 100 个' }),
  articles: z.array(z.object({ chapterIndex: z.number().int().min(0).nullable(), text: articleText() })).max(1000, { error: '条文不能超过 1000 条' }),
});

export const ruleCalls = {
  'rules.list': defineRead({
    summary: '列出规约',
    input: z.object({ orgId: id('组织') }),
    output: z.object({ items: z.array(ruleDocSummarySchema) }),
  }),
  'rules.get': defineRead({
    summary: '查看规约',
    input: z.object({ id: id('规约') }),
    output: ruleDocDetailSchema,
  }),
  'rules.create': defineWrite({
    summary: '新建规约',
    input: z
      .object({
        orgId: id('组织'),
        kind: ruleKindSchema,
        title: requiredLine('规约名称', 60),
        publicityFirst: z.boolean().default(false),
        date: isoDate('开始日期'),
      })
      .extend(structureInput.partial().shape),
    output: ruleDocDetailSchema,
  }),
  'rules.update': defineWrite({
    summary: '修改规约信息',
    input: z.object({
      id: id('规约'),
      title: requiredLine('规约名称', 60).optional(),
      filingDays: z
        .number({ error: '备案期限应为天数' })
        .int({ error: '备案期限应为整天数' })
        .min(1, { error: '备案期限至少 1 天' })
        .max(90, { error: '备案期限不能超过 90 天' })
        .optional(),
    }),
    output: ruleDocDetailSchema,
  }),
  'rules.importPreview': defineRead({
    summary: '识别规约文本的章和条',
    input: z.object({
      text: paragraph('粘贴的文本', 200_000).optional(),
      docx: base64Schema('Word 文件', 20 * 1024 * 1024).optional(),
    }),
    output: splitRuleTextSchema,
  }),
  'rules.advance': defineWrite({
    summary: '进入规约制定的下一步',
    input: z.object({ id: id('规约'), date: isoDate('日期'), note: paragraph('说明', 2000).optional() }),
    output: ruleDocDetailSchema,
  }),
  'rules.recordReview': defineWrite({
    summary: '登记审核意见',
    input: z.object({
      id: id('规约'),
      authority: requiredLine('审核机关', 60),
      date: isoDate('审核日期'),
      opinion: paragraph('审核意见', 5000).refine((s) => s.trim().length > 0, { error: '请填写审核意见' }),
    }),
    output: ruleDocDetailSchema,
  }),
  'rules.startRevision': defineWrite({
    summary: '启动规约修订',
    input: z.object({
      id: id('规约'),
      date: isoDate('日期'),
      note: paragraph('修订原因', 2000).refine((s) => s.trim().length > 0, { error: '请写明修订原因' }),
    }),
    output: ruleDocDetailSchema,
  }),

  'rules.chapters.add': defineWrite({
    summary: '新增一章',
    input: z.object({ docId: id('规约'), title: chapterTitle, afterChapterId: id('章').nullable().optional() }),
    output: ruleEditResultSchema,
  }),
  'rules.chapters.rename': defineWrite({
    summary: '修改章名',
    input: z.object({ id: id('章'), title: chapterTitle }),
    output: ruleEditResultSchema,
  }),
  'rules.chapters.remove': defineWrite({
    summary: '删除一章',
    input: z.object({ id: id('章'), withArticles: z.boolean().default(false) }),
    output: ruleEditResultSchema,
  }),
  'rules.articles.add': defineWrite({
    summary: '新增一条',
    input: z.object({ docId: id('规约'), chapterId: id('章').nullable(), afterArticleId: id('条文').nullable(), text: articleText() }),
    output: ruleEditResultSchema,
  }),
  'rules.articles.update': defineWrite({
    summary: '修改条文',
    input: z.object({ id: id('条文'), text: articleText() }),
    output: ruleEditResultSchema,
  }),
  'rules.articles.move': defineWrite({
    summary: '移动条文',
    input: z.object({ id: id('条文'), chapterId: id('章').nullable(), afterArticleId: id('条文').nullable() }),
    output: ruleEditResultSchema,
  }),
  'rules.articles.remove': defineWrite({
    summary: '删除条文',
    input: z.object({ id: id('条文') }),
    output: ruleEditResultSchema,
  }),

  'rules.flags.clear': defineWrite({
    summary: '核查违规用语并说明',
    input: z.object({
      docId: id('规约'),
      articleId: id('条文'),
      term: requiredLine('用语', 20),
      justification: paragraph('核查说明', 1000).refine((s) => s.trim().length >= 5, { error: '请写明为什么这处用语不构成强制性处罚（至少 5 个字）' }),
    }),
    output: ruleDocDetailSchema,
  }),
  'rules.penaltyTerms.get': defineRead({
    summary: '查看违规用语清单',
    input: z.object({ orgId: id('组织') }),
    output: z.object({ terms: z.array(penaltyTermSchema), isDefault: z.boolean() }),
  }),
  'rules.penaltyTerms.set': defineWrite({
    summary: '修改违规用语清单',
    input: z.object({
      orgId: id('组织'),
      /** null restores the shipped list. */
      terms: z
        .array(z.object({ term: requiredLine('用语', 20), reason: requiredLine('原因', 200) }))
        .max(200)
        .nullable(),
    }),
    output: z.object({ terms: z.array(penaltyTermSchema), isDefault: z.boolean() }),
  }),

  'rules.versions.list': defineRead({
    summary: '列出规约版本',
    input: z.object({ docId: id('规约') }),
    output: z.object({ items: z.array(ruleVersionSchema) }),
  }),
  'rules.versions.create': defineWrite({
    summary: '保存规约版本',
    input: z.object({ docId: id('规约'), name: requiredLine('版本名称', 30), note: paragraph('说明', 1000).optional() }),
    output: ruleVersionSchema,
  }),
  'rules.versions.get': defineRead({
    summary: '查看规约版本',
    input: z.object({ id: id('版本') }),
    output: ruleVersionSchema.extend({ text: ruleSnapshotSchema }),
  }),
  'rules.compare': defineRead({
    summary: '比较规约版本',
    input: z.object({ docId: id('规约'), from: versionRef, to: versionRef }),
    output: z.object({ fromName: z.string(), toName: z.string(), comparison: ruleComparisonSchema }),
  }),

  'rules.opinions.list': defineRead({
    summary: '列出征求到的意见',
    input: z.object({ docId: id('规约') }),
    output: z.object({ items: z.array(ruleOpinionSchema), channels: z.array(z.string()) }),
  }),
  'rules.opinions.add': defineWrite({
    summary: '登记意见',
    input: z.object({
      docId: id('规约'),
      articleId: id('条文').nullable(),
      personId: id('居民').nullable().optional(),
      name: line('提出人', 40),
      channel: requiredLine('意见来源', 20),
      receivedOn: isoDate('收到日期'),
      content: paragraph('意见内容', 5000).refine((s) => s.trim().length > 0, { error: '请填写意见内容' }),
    }),
    output: ruleOpinionSchema,
  }),
  'rules.opinions.dispose': defineWrite({
    summary: '处理意见',
    input: z.object({ id: id('意见'), disposition: opinionDispositionSchema, reason: paragraph('理由', 2000).optional() }),
    output: ruleOpinionSchema,
  }),

  'rules.amendments.list': defineRead({
    summary: '列出修改建议',
    input: z.object({ docId: id('规约') }),
    output: z.object({ items: z.array(ruleAmendmentSchema) }),
  }),
  'rules.amendments.add': defineWrite({
    summary: '提出修改建议',
    input: z.object({
      docId: id('规约'),
      action: amendmentActionSchema,
      /** 修改/删除: the article; 新增: the article to insert after (null: first of the chapter). */
      articleId: id('条文').nullable(),
      chapterId: id('章').nullable().optional(),
      text: paragraph('修改后的条文', 5000).default(''),
      proposer: requiredLine('提出人', 60),
      reason: paragraph('理由', 2000).optional(),
    }),
    output: ruleAmendmentSchema,
  }),
  'rules.amendments.decide': defineWrite({
    summary: '决定修改建议',
    input: z.object({
      id: id('修改建议'),
      decision: z.enum(['采纳', '不采纳'], { error: '请选择采纳或不采纳' }),
      date: isoDate('日期'),
      note: paragraph('说明', 2000).optional(),
    }),
    output: z.object({ amendment: ruleAmendmentSchema, edit: ruleEditResultSchema.nullable() }),
  }),
  'rules.amendments.putToVote': defineWrite({
    summary: '把修改建议提交会议表决',
    input: z.object({ id: id('修改建议'), meetingId: id('会议'), agendaItemId: id('议题').optional() }),
    output: ruleAmendmentSchema,
  }),
  'rules.amendments.applyVote': defineWrite({
    summary: '按表决结果处理修改建议',
    input: z.object({ id: id('修改建议') }),
    output: z.object({ amendment: ruleAmendmentSchema, edit: ruleEditResultSchema.nullable() }),
  }),

  'rules.adoption.candidates': defineRead({
    summary: '列出可用于通过规约的表决',
    input: z.object({ docId: id('规约') }),
    output: z.object({ items: z.array(adoptionCandidateSchema), allowedKinds: z.array(z.string()) }),
  }),
  'rules.adoption.propose': defineWrite({
    summary: '把规约提交会议表决',
    input: z.object({ docId: id('规约'), meetingId: id('会议'), agendaItemId: id('议题').optional() }),
    output: z.object({ proposalId: z.number(), agendaItemId: z.number() }),
  }),
  'rules.adopt': defineWrite({
    summary: '登记规约表决通过',
    input: z.object({ docId: id('规约'), voteId: id('表决'), delegationBasis: paragraph('授权依据', 500).optional() }),
    output: ruleDocDetailSchema,
  }),
  'rules.file': defineWrite({
    summary: '登记规约备案',
    input: z.object({
      docId: id('规约'),
      authority: requiredLine('备案机关', 60),
      filedOn: isoDate('备案日期'),
      receiptNo: line('备案回执编号', 60).optional(),
    }),
    output: ruleDocDetailSchema,
  }),
  'rules.publish': defineWrite({
    summary: '登记规约公布',
    input: z.object({ docId: id('规约'), publishedOn: isoDate('公布日期'), place: requiredLine('公布方式或地点', 100) }),
    output: ruleDocDetailSchema,
  }),

  'rules.export': defineRead({
    summary: '导出规约文书',
    producesFile: true,
    input: z.object({
      docId: id('规约'),
      document: z.enum(['规约文本', '修订对照稿', '意见采纳情况表', '备案报告'], { error: '不认识这种文书' }),
      /** 规约文本: which text (default: the adopted 正式稿, else the current draft). */
      versionId: versionRef.optional(),
      /** 修订对照稿: from and to. */
      from: versionRef.optional(),
      to: versionRef.optional(),
      /** 备案报告 before filing is registered: the date it bears (落款日期). */
      date: isoDate('报告日期').optional(),
    }),
    output: fileOutput,
  }),
};
