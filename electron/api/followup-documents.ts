// The Word documents of the follow-up loop: a posted notice (决议公开 or 实施结果公开) and the
// 四议两公开登记表, from the data the db modules assemble to the builders' plain data.
import { ApiError } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/common';
import { percent } from '../../core/documents/text';
import { MATTER_STEP_NAMES, type MatterStep } from '../../core/documents/followup-types';
import { registrationData } from '../../db/matters';
import { noticeDocumentData } from '../../db/notices';
import { listResolutions } from '../../db/resolutions';
import { buildMatterRegistration, buildPublicNotice, buildResolutionNotice, buildResultNotice, suggestedFileName } from '../documents';
import type { HandlerGroup } from './context';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function file(kind: Parameters<typeof suggestedFileName>[0], date: string, title: string, bytes: Buffer): FileOutput {
  return { fileName: suggestedFileName(kind, { date, title }), mimeType: DOCX, base64: bytes.toString('base64'), kind };
}

export const followUpDocumentHandlers: HandlerGroup<'notices.export' | 'matters.export'> = {
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
