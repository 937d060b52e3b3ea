// The four Word documents of a rule text, from the database to the builders' plain data.
import { zonedParts, type Clock } from '../../core/clock';
import type { ParsedInput } from '../../core/contract';
import { ApiError } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/common';
import { chineseDate } from '../../core/dates';
import { adoptionLaw } from '../../core/ruletext/adoption';
import type { Db } from '../../db/client';
import type { RuleDocDetail } from '../../core/contract/rules-shapes';
import { getOrganization, getOrgProfile } from '../../db/organizations';
import { getRuleDoc } from '../../db/rules/detail';
import { opinionsForTable } from '../../db/rules/opinions';
import { compareVersions, earliestVersion, latestVersion, textOf, textSavedAt } from '../../db/rules/versions';
import { buildRuleFiling, buildRuleOpinions, buildRuleRevision, buildRuleText, suggestedFileName, type DocumentKind } from '../documents';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function file(kind: DocumentKind, date: string, title: string, bytes: Buffer): FileOutput {
  return { fileName: suggestedFileName(kind, { date, title }), mimeType: DOCX, base64: bytes.toString('base64'), kind };
}

/**
 * The 意见采纳情况表 is dated when the opinions were settled: the day the procedure moved on from
 * 征集民意 (the latest such step), else the last opinion received — never the day it was printed.
 */
function opinionsDate(doc: RuleDocDetail, opinions: { receivedOn: string }[]): string {
  const closed = doc.steps.filter((s) => s.stage === '拟定草案').map((s) => s.date);
  const dates = closed.length ? closed : opinions.map((o) => o.receivedOn);
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** `clock` is the call's: the documents are dated by the user's calendar, not the computer's zone. */
export async function exportRuleDocument(db: Db, input: ParsedInput<'rules.export'>, clock: Clock): Promise<FileOutput> {
  const today = clock.today;
  const doc = getRuleDoc(db, input.docId, today);
  const org = getOrganization(db, doc.orgId);
  // The committee signs and authors the rule documents (本单位信息).
  const { committeeName: committee, superiorName: superior } = getOrgProfile(db, doc.orgId);
  switch (input.document) {
    case '规约文本': {
      // By default the adopted text; before adoption, the text being drafted.
      const ref = input.versionId ?? (doc.adoption ? (latestVersion(db, doc.id, '正式稿')?.id ?? 'current') : 'current');
      const version = textOf(db, doc.id, ref);
      if (version.text.articles.length === 0) throw new ApiError('INVALID_INPUT', '这份规约还没有条文，无法导出');
      const isFinal = version.versionId !== null && version.name.startsWith('正式稿') && doc.adoption;
      const adoptedNote = isFinal && doc.adoption ? `（${chineseDate(doc.adoption.meetingDate)}${doc.adoption.meetingTitle}表决通过）` : null;
      const versionName = version.versionId === null ? '草稿' : version.name.replace(/（第\d+版）$/, '');
      // The file carries the text's own date (when it was saved), so two exports are the same bytes.
      const textDate = zonedParts(clock.timeZone, textSavedAt(db, doc.id, ref)).date;
      const bytes = await buildRuleText({
        orgName: org.name,
        kind: doc.kind,
        title: doc.title,
        versionName,
        adoptedNote,
        date: textDate,
        snapshot: version.text,
      });
      return file('规约文本', today, `${doc.title}（${versionName}）`, bytes);
    }
    case '修订对照稿': {
      const first = earliestVersion(db, doc.id);
      if (input.from === undefined && !first) throw new ApiError('INVALID_INPUT', '还没有保存过版本：请先保存一个版本（如“征求意见稿”），再生成修订对照稿');
      const from = input.from ?? first!.id;
      const to = input.to ?? 'current';
      const { fromName, toName, comparison } = compareVersions(db, { docId: doc.id, from, to });
      // Dated by the newer text (when it was saved), not by the export: the same bytes every time.
      const savedAt = textSavedAt(db, doc.id, to);
      const bytes = await buildRuleRevision({
        orgName: org.name,
        title: doc.title,
        fromName,
        toName,
        author: committee,
        date: new Date(savedAt).toISOString().replace(/\.\d+Z$/, 'Z'),
        fileDate: zonedParts(clock.timeZone, savedAt).date,
        comparison,
      });
      return file('修订对照稿', today, doc.title, bytes);
    }
    case '意见采纳情况表': {
      const items = opinionsForTable(db, doc.id);
      if (!items.length) throw new ApiError('INVALID_INPUT', '还没有登记任何意见，无法生成意见采纳情况表');
      const rows = items.map((o, i) => ({
        seq: i + 1,
        name: o.name,
        channel: o.channel,
        receivedOn: o.receivedOn,
        articleLabel: o.articleLabel,
        currentLabel: o.currentLabel,
        content: o.content,
        disposition: o.disposition,
        reason: o.reason,
      }));
      return file(
        '意见采纳情况表',
        today,
        doc.title,
        await buildRuleOpinions({ orgName: committee, title: doc.title, rows, issuedDate: opinionsDate(doc, items) }),
      );
    }
    case '备案报告': {
      const a = doc.adoption;
      if (!a) throw new ApiError('FORBIDDEN', '规约还没有表决通过：表决通过后才能生成备案报告');
      // Before filing the addressee may be unknown: a blank to fill in by hand on paper.
      const authority = doc.filing?.authority ?? superior ?? '';
      // The report is dated when it is filed; before that, the secretary says which day it bears.
      const reportDate = doc.filing?.filedOn ?? input.date;
      if (!reportDate) throw new ApiError('INVALID_INPUT', '还没有登记备案日期：请填写备案报告的落款日期，或先登记备案');
      const bytes = await buildRuleFiling({
        orgName: committee,
        kind: doc.kind,
        title: doc.title,
        authority: authority || '＿＿＿＿＿＿＿＿',
        meetingTitle: a.meetingTitle,
        meetingDate: a.meetingDate,
        meetingKind: a.meetingKind,
        expected: a.expected,
        present: a.present,
        womenPresent: a.womenPresent,
        votesFor: a.yes ?? 0,
        votesAgainst: a.no ?? 0,
        abstain: a.abstain ?? 0,
        lawBasis: `根据${adoptionLaw(doc.kind, a.lawVersion).split('：')[0]}的规定`,
        attachments: [`《${doc.title}》正式文本`, `《${doc.title}》意见采纳情况表`, `${a.meetingTitle}会议记录`],
        issuedDate: reportDate,
      });
      return file('备案报告', today, doc.title, bytes);
    }
  }
}
