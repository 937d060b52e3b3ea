// The Word documents of the follow-up loop: a posted notice (决议公开 or 实施结果公开) and the
// 四议两公开登记表, from the data the db modules assemble to the builders' plain data.
import { ApiError } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/common';
import { percent } from '../../core/documents/text';
import { MATTER_STEP_NAMES, type MatterStep } from '../../core/documents/followup-types';
import { registrationData } from '../../db/matters';
import { noticeDocumentData } from '../../db/notices';
import { getOrgProfile } from '../../db/organizations';
import { chineseDate } from '../../core/dates';
import { listResolutions } from '../../db/resolutions';
import { buildMatterRegistration, buildNoticeBoard, buildPublicNotice, buildResolutionNotice, buildResultNotice, suggestedFileName } from '../documents';
import type { HandlerGroup } from './context';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function file(kind: Parameters<typeof suggestedFileName>[0], date: string, title: string, bytes: Buffer): FileOutput {
  return { fileName: suggestedFileName(kind, { date, title }), mimeType: DOCX, base64: bytes.toString('base64'), kind };
}

export const followUpDocumentHandlers: HandlerGroup<'notices.export' | 'notices.exportBoard' | 'matters.export'> = {
  'notices.export': async (ctx, input) => {
    const d = noticeDocumentData(ctx.db, input.id, ctx.clock.today);
    const r = d.resolution;
    const minimumDays = d.minimum.statutory ? d.minimum.days : null;
    const lawBasis = d.minimum.law;
    if (!r) {
      // No resolution to print: the notice in its own words.
      const bytes = await buildPublicNotice({
        orgName: d.orgName,
        title: d.notice.title,
        content: d.notice.content,
        postFrom: d.notice.postedOn,
        postTo: d.notice.endsOn,
        minimumDays,
        lawBasis,
        place: d.notice.place,
        issuedDate: d.issuedDate,
      });
      return file('公示', d.notice.postedOn, d.notice.title, bytes);
    }
    if (d.notice.kind === '实施结果公开') {
      if (!d.completion) throw new ApiError('FORBIDDEN', `决议${r.number}还没有登记完成情况：请先在“决议督办”中登记完成日期和结果，再生成实施结果公示`);
      const bytes = await buildResultNotice({
        orgName: d.orgName,
        resolution: { number: r.number, title: r.title, text: r.text, meetingTitle: r.meetingTitle, meetingDate: r.meetingDate },
        responsible: r.responsible ?? '',
        deadline: r.deadline,
        completedOn: d.completion.completedOn,
        result: d.completion.result,
        progress: d.progress.map((p) => ({ date: p.date, text: p.text, percent: p.percent })),
        postFrom: d.notice.postedOn,
        postTo: d.notice.endsOn,
        minimumDays,
        lawBasis,
        place: d.notice.place,
        issuedDate: d.issuedDate,
      });
      return file('实施结果公示', d.notice.postedOn, r.title, bytes);
    }
    const explanation = listResolutions(ctx.db, { orgId: d.notice.orgId }).items.find((x) => x.id === r.id)?.explanation ?? '';
    const bytes = await buildResolutionNotice({
      orgName: d.orgName,
      meetingTitle: r.meetingTitle,
      meetingDate: r.meetingDate,
      resolutions: [{ number: r.number, title: r.title, text: r.text, explanation }],
      postFrom: d.notice.postedOn,
      postTo: d.notice.endsOn,
      minimumDays,
      lawBasis,
      issuedDate: d.issuedDate,
    });
    return file('决议公示', d.notice.postedOn, r.title, bytes);
  },
  'notices.exportBoard': async (ctx, input) => {
    const d = noticeDocumentData(ctx.db, input.id, ctx.clock.today);
    const n = d.notice;
    const r = d.resolution;
    let content = n.content.trim();
    if (!content && r && n.kind === '实施结果公开') {
      if (!d.completion) throw new ApiError('FORBIDDEN', `决议${r.number}还没有登记完成情况：请先在“决议督办”中登记完成日期和结果，再打印实施结果公示`);
      content = `${chineseDate(r.meetingDate)}${r.meetingTitle}作出的决议“${r.title}”，已于${chineseDate(d.completion.completedOn)}办结，现将实施结果公示如下：\n${d.completion.result}`;
    } else if (!content && r) {
      content = `${chineseDate(r.meetingDate)}召开的${r.meetingTitle}表决通过了以下决议，现予公示：\n${r.title}\n${r.text}`;
    } else if (!content) {
      content = `现将${n.title}有关情况予以公示。`;
    }
    const { bytes, plan } = await buildNoticeBoard({
      orgName: d.orgName,
      title: n.title,
      resolutionNumber: r?.number ?? null,
      content,
      postFrom: n.postedOn,
      postTo: n.endsOn,
      days: n.periodDays,
      place: n.place,
      phone: getOrgProfile(ctx.db, n.orgId).phone,
      issuedDate: d.issuedDate,
    });
    const out = file('公示张贴版', n.postedOn, n.title, bytes);
    if (!plan.truncated) return out;
    return {
      ...out,
      check: {
        ok: false,
        message: '公示内容较长，一张纸放不下：张贴版用小四号字印了开头部分，末尾注明“（全文见附页）”。请再点“导出 Word”打印全文，作为附页贴在张贴版旁边。',
      },
    };
  },
  'matters.export': async (ctx, input) => {
    const d = registrationData(ctx.db, input.id);
    const steps: MatterStep[] = d.steps.map((s) => ({
      step: s.step as MatterStep['step'],
      name: MATTER_STEP_NAMES[s.step - 1]!,
      date: s.date,
      form: s.recorded ? (s.meetingTitle ?? (s.form === '公示' ? '公示栏' : s.form)) : null,
      expected: s.expected,
      present: s.present,
      ratio: s.expected && s.present !== null ? `${s.present}/${s.expected}（${percent(s.present, s.expected)}）` : null,
      content: s.content || null,
      townshipOfficials: s.townshipOfficials || null,
      mergedWithPrevious: s.mergedWithPrevious,
    }));
    return file(
      '四议两公开登记表',
      d.createdOn,
      d.subject,
      await buildMatterRegistration({ orgName: d.orgName, subject: d.subject, content: d.content, steps, issuedDate: d.filledOn }),
    );
  },
};
