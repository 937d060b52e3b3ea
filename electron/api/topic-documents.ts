// 办理结果告知单 of a topic, from the topic as stored and the committee's profile.
import { ApiError } from '../../core/contract/define';
import { getOrgProfile } from '../../db/organizations';
import { getTopic } from '../../db/topics';
import { suggestedFileName } from '../documents';
import { buildTopicResult } from '../documents/topic-result';
import type { HandlerGroup } from './context';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const topicDocumentHandlers: HandlerGroup<'documents.topicResult'> = {
  'documents.topicResult': async (ctx, input) => {
    const t = getTopic(ctx.db, input.id, ctx.clock);
    const result = t.result ?? t.reply;
    if (!result?.trim()) throw new ApiError('FORBIDDEN', `议题“${t.title}”还没有答复或办理结果：请先登记答复或办结，再生成办理结果告知单`);
    const issuedDate = t.closedOn ?? ctx.clock.today;
    const bytes = await buildTopicResult({
      orgName: getOrgProfile(ctx.db, t.orgId).committeeName,
      ticketNumber: t.ticketNumber,
      callerName: t.callerName ?? t.raiserName,
      receivedOn: t.receivedOn,
      channel: t.channel,
      title: t.title,
      content: t.content,
      result,
      resultKind: t.result ? '办理结果' : '答复意见',
      issuedDate,
    });
    const fileName = suggestedFileName('办理结果告知单', { date: issuedDate, title: t.ticketNumber ? `${t.title}（${t.ticketNumber}）` : t.title });
    return { fileName, mimeType: DOCX, base64: bytes.toString('base64'), kind: '办理结果告知单' as const };
  },
};
