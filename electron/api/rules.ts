import mammoth from 'mammoth';
import { ApiError } from '../../core/contract/define';
import type { ruleCalls } from '../../core/contract/rules';
import { splitRuleText } from '../../core/ruletext/split';
import { adoptRuleDoc, adoptionCandidates, fileRuleDoc, proposeAdoption, publishRuleDoc } from '../../db/rules/adoption';
import { addAmendment, applyAmendmentVote, decideAmendment, listAmendments, putAmendmentToVote } from '../../db/rules/amendments';
import { getRuleDoc, listRuleDocs } from '../../db/rules/detail';
import { advanceRuleDoc, createRuleDoc, recordReview, startRevision, updateRuleDoc } from '../../db/rules/documents';
import { addArticle, addChapter, moveArticle, removeArticle, removeChapter, renameChapter, updateArticle } from '../../db/rules/edits';
import { clearFlag, getPenaltyTerms, setPenaltyTerms } from '../../db/rules/flags';
import { addOpinion, disposeOpinion, listOpinions } from '../../db/rules/opinions';
import { compareVersions, createVersion, getVersion, listVersions } from '../../db/rules/versions';
import type { HandlerGroup } from './context';
import { exportRuleDocument } from './rule-documents';

type RuleCall = Extract<keyof typeof ruleCalls, string>;

/** Reads the text of a .docx with mammoth; anything else gets a message that says what to do. */
async function docxText(base64: string): Promise<string> {
  const buffer = Buffer.from(base64, 'base64');
  if (buffer.subarray(0, 2).toString('latin1') !== 'PK') {
    throw new ApiError('FILE_UNREADABLE', '这不是 .docx 格式的 Word 文件。旧的 .doc 文件请先在 Word 或 WPS 中“另存为 .docx”，或直接把条文复制粘贴进来');
  }
  try {
    return (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw new ApiError('FILE_UNREADABLE', '无法读取这个 Word 文件，文件可能已损坏；请在 Word 或 WPS 中打开后另存为 .docx 再试，或直接粘贴条文');
  }
}

export const ruleHandlers: HandlerGroup<RuleCall> = {
  'rules.list': (ctx, input) => listRuleDocs(ctx.db, input.orgId, ctx.clock.today),
  'rules.get': (ctx, input) => getRuleDoc(ctx.db, input.id, ctx.clock.today),
  'rules.create': (ctx, input) => createRuleDoc(ctx.tx, input),
  'rules.update': (ctx, input) => updateRuleDoc(ctx.tx, input),
  'rules.importPreview': async (_ctx, input) => {
    if (input.text === undefined && input.docx === undefined) throw new ApiError('INVALID_INPUT', '请粘贴规约条文，或选择一个 Word 文件');
    const text = input.docx !== undefined ? await docxText(input.docx) : input.text!;
    const split = splitRuleText(text);
    if (split.articles.length === 0) {
      throw new ApiError('INVALID_INPUT', '这不像一份规约文本：没有找到“第一条”这样开头的条文。请确认内容，或在每条前写上“第一条”“第二条”后再识别');
    }
    return split;
  },
  'rules.advance': (ctx, input) => advanceRuleDoc(ctx.tx, input),
  'rules.recordReview': (ctx, input) => recordReview(ctx.tx, input),
  'rules.startRevision': (ctx, input) => startRevision(ctx.tx, input),
  'rules.chapters.add': (ctx, input) => addChapter(ctx.tx, input),
  'rules.chapters.rename': (ctx, input) => renameChapter(ctx.tx, input),
  'rules.chapters.remove': (ctx, input) => removeChapter(ctx.tx, input),
  'rules.articles.add': (ctx, input) => addArticle(ctx.tx, input),
  'rules.articles.update': (ctx, input) => updateArticle(ctx.tx, input),
  'rules.articles.move': (ctx, input) => moveArticle(ctx.tx, input),
  'rules.articles.remove': (ctx, input) => removeArticle(ctx.tx, input),
  'rules.flags.clear': (ctx, input) => {
    clearFlag(ctx.tx, input);
    return getRuleDoc(ctx.tx, input.docId, ctx.clock.today);
  },
  'rules.penaltyTerms.get': (ctx, input) => getPenaltyTerms(ctx.db, input.orgId),
  'rules.penaltyTerms.set': (ctx, input) => setPenaltyTerms(ctx.tx, input),
  'rules.versions.list': (ctx, input) => listVersions(ctx.db, input.docId),
  'rules.versions.create': (ctx, input) => createVersion(ctx.tx, input),
  'rules.versions.get': (ctx, input) => getVersion(ctx.db, input.id),
  'rules.compare': (ctx, input) => compareVersions(ctx.db, input),
  'rules.opinions.list': (ctx, input) => listOpinions(ctx.db, input.docId),
  'rules.opinions.add': (ctx, input) => addOpinion(ctx.tx, input),
  'rules.opinions.dispose': (ctx, input) => disposeOpinion(ctx.tx, input),
  'rules.amendments.list': (ctx, input) => listAmendments(ctx.db, input.docId),
  'rules.amendments.add': (ctx, input) => addAmendment(ctx.tx, input),
  'rules.amendments.decide': (ctx, input) => decideAmendment(ctx.tx, input),
  'rules.amendments.putToVote': (ctx, input) => putAmendmentToVote(ctx.tx, input),
  'rules.amendments.applyVote': (ctx, input) => applyAmendmentVote(ctx.tx, input),
  'rules.adoption.candidates': (ctx, input) => adoptionCandidates(ctx.db, input.docId),
  'rules.adoption.propose': (ctx, input) => proposeAdoption(ctx.tx, input),
  'rules.adopt': (ctx, input) => adoptRuleDoc(ctx.tx, input),
  'rules.file': (ctx, input) => fileRuleDoc(ctx.tx, input),
  'rules.publish': (ctx, input) => publishRuleDoc(ctx.tx, input),
  'rules.export': (ctx, input) => exportRuleDocument(ctx.db, input, ctx.clock),
};
