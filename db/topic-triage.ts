import { and, eq } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import { closedTopicStatuses } from '../core/followup/data';
import type { TopicDetail } from '../core/contract/topics';
import { addAgendaItem } from './agenda';
import { appendAudit } from './audit';
import type { Tx } from './client';
import { assertNotFinalized, findMeeting } from './meetings';
import { agendaItems, topics } from './schema';
import { insertSummons } from './summons';
import { addTopicEvent, assertTopicOpen, closedPhrase, findTopic, type TopicRow } from './topic-events';
import { getTopic } from './topics';

// Triage (分办): each call moves an open topic on, records why on its timeline, and audits the change.

/** The day the step happened: the date given (a step recorded later), else today on the write's clock. */
function eventDate(tx: Tx, t: TopicRow, date: string | undefined): string {
  const d = date ?? tx.clock.today;
  if (d < t.receivedOn) throw new ApiError('INVALID_INPUT', `办理日期 ${d} 早于议题收到日期 ${t.receivedOn}，请核对`);
  return d;
}

function setStatus(tx: Tx, t: TopicRow, date: string, set: Partial<TopicRow> & { status: TopicRow['status'] }, action: string): void {
  tx.orm
    .update(topics)
    .set({ ...set, updatedAt: tx.clock.instant })
    .where(eq(topics.id, t.id))
    .run();
  appendAudit(tx, { action, entity: 'topic', entityId: t.id, before: t, after: findTopic(tx, t.id) });
  if (set.status !== t.status) addTopicEvent(tx, t.id, date, '状态', `状态：${t.status} → ${set.status}`);
}

/** 纳入议程: a new agenda item on a meeting not yet finalized, linked back to the topic. */
export function topicToAgenda(tx: Tx, input: ParsedInput<'topics.toAgenda'>): TopicDetail {
  const t = findTopic(tx, input.id);
  assertTopicOpen(t, '纳入议程');
  const m = findMeeting(tx, input.meetingId);
  if (m.orgId !== t.orgId) throw new ApiError('INVALID_INPUT', `会议“${m.title}”不属于本议事主体，请重新选择`);
  assertNotFinalized(m, '添加议题');
  const already = tx.orm
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.topicId, t.id)))
    .get();
  if (already) throw new ApiError('CONFLICT', `议题“${t.title}”已在会议“${m.title}”的议程中`);
  const date = eventDate(tx, t, input.date);
  const title = input.title?.trim() || t.title;
  const item = addAgendaItem(tx, m.id, { title, description: t.content }, { topicId: t.id });
  addTopicEvent(tx, t.id, date, '纳入议程', `纳入会议“${m.title}”（${m.date}）议程第 ${item.position} 项：${title}`);
  setStatus(tx, t, date, { status: '已纳入议程' }, 'topics.toAgenda');
  return getTopic(tx, t.id, tx.clock);
}

/** 转部门办理: a summons (吹哨) to the department, on the topic's timeline. */
export function referTopic(tx: Tx, input: ParsedInput<'topics.refer'>): TopicDetail {
  const t = findTopic(tx, input.id);
  assertTopicOpen(t, '转部门办理');
  const { id, date, ...fields } = input;
  insertSummons(tx, { ...fields, orgId: t.orgId, topicId: id, date: eventDate(tx, t, date) });
  return getTopic(tx, t.id, tx.clock);
}

export function replyTopic(tx: Tx, input: ParsedInput<'topics.reply'>): TopicDetail {
  const t = findTopic(tx, input.id);
  assertTopicOpen(t, '答复');
  const date = eventDate(tx, t, input.date);
  addTopicEvent(tx, t.id, date, '答复', `直接答复：${input.reply.trim()}`);
  setStatus(tx, t, date, { status: '已答复', reply: input.reply.trim(), closedOn: date }, 'topics.reply');
  return getTopic(tx, t.id, tx.clock);
}

/** 合并: the topic keeps its record and points at the one it joined; never into itself, a closed topic, or round in a circle. */
export function mergeTopic(tx: Tx, input: ParsedInput<'topics.merge'>): TopicDetail {
  const t = findTopic(tx, input.id);
  if (input.intoId === t.id) throw new ApiError('INVALID_INPUT', `不能把议题“${t.title}”合并到它自己，请选择另一个议题`);
  assertTopicOpen(t, '合并');
  const into = findTopic(tx, input.intoId);
  if (into.orgId !== t.orgId) throw new ApiError('INVALID_INPUT', `议题“${into.title}”不属于本议事主体，不能合并`);
  const seen = new Set<number>();
  for (let cur: TopicRow | null = into; cur?.mergedIntoId != null && !seen.has(cur.id); cur = findTopic(tx, cur.mergedIntoId)) {
    seen.add(cur.id);
    if (cur.mergedIntoId === t.id) {
      throw new ApiError('INVALID_INPUT', `议题“${into.title}”已经合并到本议题，不能再把本议题合并到它（会形成循环）`);
    }
  }
  assertOpenTarget(into);
  const date = eventDate(tx, t, input.date);
  addTopicEvent(tx, t.id, date, '合并', `合并到议题 ${into.id}“${into.title}”，由该议题统一办理`);
  addTopicEvent(tx, into.id, date, '合并', `议题 ${t.id}“${t.title}”并入本议题`);
  setStatus(tx, t, date, { status: '已合并', mergedIntoId: into.id, closedOn: date }, 'topics.merge');
  return getTopic(tx, t.id, tx.clock);
}

function assertOpenTarget(into: TopicRow) {
  if (closedTopicStatuses.includes(into.status)) {
    throw new ApiError('FORBIDDEN', `议题“${into.title}”${closedPhrase(into)}，不能合并到它；请选择一个仍在办理中的议题`);
  }
}

export function rejectTopic(tx: Tx, input: ParsedInput<'topics.reject'>): TopicDetail {
  const t = findTopic(tx, input.id);
  assertTopicOpen(t, '改为不予受理');
  const date = eventDate(tx, t, input.date);
  addTopicEvent(tx, t.id, date, '不予受理', `不予受理，理由：${input.reason.trim()}`);
  setStatus(tx, t, date, { status: '不予受理', rejectReason: input.reason.trim(), closedOn: date }, 'topics.reject');
  return getTopic(tx, t.id, tx.clock);
}

export function closeTopic(tx: Tx, input: ParsedInput<'topics.close'>): TopicDetail {
  const t = findTopic(tx, input.id);
  assertTopicOpen(t, '办结');
  const date = eventDate(tx, t, input.date);
  addTopicEvent(tx, t.id, date, '办结', `办结：${input.result.trim()}`);
  setStatus(tx, t, date, { status: '已办结', result: input.result.trim(), closedOn: date }, 'topics.close');
  return getTopic(tx, t.id, tx.clock);
}

/** The resident's own verdict (feeds 满意率); may be recorded again if they change their mind. */
export function topicFeedback(tx: Tx, input: ParsedInput<'topics.feedback'>): TopicDetail {
  const t = findTopic(tx, input.id);
  if (t.status === '待分办') throw new ApiError('FORBIDDEN', `议题“${t.title}”还没有办理，请办理或答复后再登记居民评价`);
  if (t.status === '已合并') throw new ApiError('FORBIDDEN', `议题“${t.title}”已合并到议题 ${t.mergedIntoId}，请在该议题上登记居民评价`);
  const date = eventDate(tx, t, input.date);
  const note = input.note?.trim() || null;
  addTopicEvent(tx, t.id, date, '居民评价', `居民评价：${input.satisfaction}${note ? `（${note}）` : ''}`);
  setStatus(tx, t, date, { status: t.status, satisfaction: input.satisfaction, feedbackNote: note, feedbackOn: date }, 'topics.feedback');
  return getTopic(tx, t.id, tx.clock);
}
