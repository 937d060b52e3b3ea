import { and, eq } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import { closedTopicStatuses } from '../core/followup/data';
import type { TopicDetail } from '../core/contract/topics';
import { addAgendaItem } from './agenda';
import { appendAudit } from './audit';
import { inTransaction, type Actor, type Db, type Tx } from './client';
// Until this module takes the write's Tx: a Tx for the helpers that take one (issue 11).
import { clockOf, localToday } from './clock';
import { assertNotFinalized, findMeeting } from './meetings';
import { agendaItems, topics } from './schema';
import { insertSummons, type SummonsInput } from './summons';
import { addTopicEvent, assertTopicOpen, closedPhrase, findTopic, type TopicRow } from './topic-events';
import { getTopic } from './topics';

// Triage (分办): each call moves an open topic on, records why on its timeline, and audits the change.

function eventDate(db: Db, t: TopicRow, date: string | undefined, now: Date): string {
  const d = date ?? localToday(db, now);
  if (d < t.receivedOn) throw new ApiError('INVALID_INPUT', `办理日期 ${d} 早于议题收到日期 ${t.receivedOn}，请核对`);
  return d;
}

function setStatus(db: Db, actor: Actor, t: TopicRow, date: string, set: Partial<TopicRow> & { status: TopicRow['status'] }, action: string, now: Date): void {
  db.orm.update(topics).set({ ...set, updatedAt: now.toISOString() }).where(eq(topics.id, t.id)).run();
  appendAudit(db, actor, { action, entity: 'topic', entityId: t.id, before: t, after: findTopic(db, t.id) }, now);
  if (set.status !== t.status) addTopicEvent(db, actor, t.id, date, '状态', `状态：${t.status} → ${set.status}`, now);
}

/** 纳入议程: a new agenda item on a meeting not yet finalized, linked back to the topic. */
export function topicToAgenda(db: Db, actor: Actor, input: { id: number; meetingId: number; title?: string | undefined; date?: string | undefined }, now = new Date()): TopicDetail {
  return inTransaction(db, () => {
    const t = findTopic(db, input.id);
    assertTopicOpen(t, '纳入议程');
    const m = findMeeting(db, input.meetingId);
    if (m.orgId !== t.orgId) throw new ApiError('INVALID_INPUT', `会议“${m.title}”不属于本议事主体，请重新选择`);
    assertNotFinalized(m, '添加议题');
    const already = db.orm.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.topicId, t.id))).get();
    if (already) throw new ApiError('CONFLICT', `议题“${t.title}”已在会议“${m.title}”的议程中`);
    const date = eventDate(db, t, input.date, now);
    const title = input.title?.trim() || t.title;
    const item = addAgendaItem({ ...db, actor, clock: clockOf(db, now) } as Tx, m.id, { title, description: t.content }, { topicId: t.id });
    addTopicEvent(db, actor, t.id, date, '纳入议程', `纳入会议“${m.title}”（${m.date}）议程第 ${item.position} 项：${title}`, now);
    setStatus(db, actor, t, date, { status: '已纳入议程' }, 'topics.toAgenda', now);
    return getTopic(db, t.id, now);
  });
}

/** 转部门办理: a summons (吹哨) to the department, on the topic's timeline. */
export function referTopic(db: Db, actor: Actor, input: SummonsInput & { id: number; date?: string | undefined }, now = new Date()): TopicDetail {
  return inTransaction(db, () => {
    const t = findTopic(db, input.id);
    assertTopicOpen(t, '转部门办理');
    const { id, date, ...fields } = input;
    insertSummons(db, actor, { ...fields, orgId: t.orgId, topicId: id, date: eventDate(db, t, date, now) }, now);
    return getTopic(db, t.id, now);
  });
}

export function replyTopic(db: Db, actor: Actor, input: { id: number; reply: string; date?: string | undefined }, now = new Date()): TopicDetail {
  return inTransaction(db, () => {
    const t = findTopic(db, input.id);
    assertTopicOpen(t, '答复');
    const date = eventDate(db, t, input.date, now);
    addTopicEvent(db, actor, t.id, date, '答复', `直接答复：${input.reply.trim()}`, now);
    setStatus(db, actor, t, date, { status: '已答复', reply: input.reply.trim(), closedOn: date }, 'topics.reply', now);
    return getTopic(db, t.id, now);
  });
}

/** 合并: the topic keeps its record and points at the one it joined; never into itself, a closed topic, or round in a circle. */
export function mergeTopic(db: Db, actor: Actor, input: { id: number; intoId: number; date?: string | undefined }, now = new Date()): TopicDetail {
  return inTransaction(db, () => {
    const t = findTopic(db, input.id);
    if (input.intoId === t.id) throw new ApiError('INVALID_INPUT', `不能把议题“${t.title}”合并到它自己，请选择另一个议题`);
    assertTopicOpen(t, '合并');
    const into = findTopic(db, input.intoId);
    if (into.orgId !== t.orgId) throw new ApiError('INVALID_INPUT', `议题“${into.title}”不属于本议事主体，不能合并`);
    const seen = new Set<number>();
    for (let cur: TopicRow | null = into; cur?.mergedIntoId != null && !seen.has(cur.id); cur = findTopic(db, cur.mergedIntoId)) {
      seen.add(cur.id);
      if (cur.mergedIntoId === t.id) {
        throw new ApiError('INVALID_INPUT', `议题“${into.title}”已经合并到本议题，不能再把本议题合并到它（会形成循环）`);
      }
    }
    assertOpenTarget(into);
    const date = eventDate(db, t, input.date, now);
    addTopicEvent(db, actor, t.id, date, '合并', `合并到议题 ${into.id}“${into.title}”，由该议题统一办理`, now);
    addTopicEvent(db, actor, into.id, date, '合并', `议题 ${t.id}“${t.title}”并入本议题`, now);
    setStatus(db, actor, t, date, { status: '已合并', mergedIntoId: into.id, closedOn: date }, 'topics.merge', now);
    return getTopic(db, t.id, now);
  });
}

function assertOpenTarget(into: TopicRow) {
  if (closedTopicStatuses.includes(into.status)) {
    throw new ApiError('FORBIDDEN', `议题“${into.title}”${closedPhrase(into)}，不能合并到它；请选择一个仍在办理中的议题`);
  }
}

export function rejectTopic(db: Db, actor: Actor, input: { id: number; reason: string; date?: string | undefined }, now = new Date()): TopicDetail {
  return inTransaction(db, () => {
    const t = findTopic(db, input.id);
    assertTopicOpen(t, '改为不予受理');
    const date = eventDate(db, t, input.date, now);
    addTopicEvent(db, actor, t.id, date, '不予受理', `不予受理，理由：${input.reason.trim()}`, now);
    setStatus(db, actor, t, date, { status: '不予受理', rejectReason: input.reason.trim(), closedOn: date }, 'topics.reject', now);
    return getTopic(db, t.id, now);
  });
}

export function closeTopic(db: Db, actor: Actor, input: { id: number; result: string; date?: string | undefined }, now = new Date()): TopicDetail {
  return inTransaction(db, () => {
    const t = findTopic(db, input.id);
    assertTopicOpen(t, '办结');
    const date = eventDate(db, t, input.date, now);
    addTopicEvent(db, actor, t.id, date, '办结', `办结：${input.result.trim()}`, now);
    setStatus(db, actor, t, date, { status: '已办结', result: input.result.trim(), closedOn: date }, 'topics.close', now);
    return getTopic(db, t.id, now);
  });
}

/** The resident's own verdict (feeds 满意率); may be recorded again if they change their mind. */
export function topicFeedback(db: Db, actor: Actor, input: { id: number; satisfaction: '满意' | '基本满意' | '不满意'; note?: string | undefined; date?: string | undefined }, now = new Date()): TopicDetail {
  return inTransaction(db, () => {
    const t = findTopic(db, input.id);
    if (t.status === '待分办') throw new ApiError('FORBIDDEN', `议题“${t.title}”还没有办理，请办理或答复后再登记居民评价`);
    if (t.status === '已合并') throw new ApiError('FORBIDDEN', `议题“${t.title}”已合并到议题 ${t.mergedIntoId}，请在该议题上登记居民评价`);
    const date = eventDate(db, t, input.date, now);
    const note = input.note?.trim() || null;
    addTopicEvent(db, actor, t.id, date, '居民评价', `居民评价：${input.satisfaction}${note ? `（${note}）` : ''}`, now);
    setStatus(db, actor, t, date, { status: t.status, satisfaction: input.satisfaction, feedbackNote: note, feedbackOn: date }, 'topics.feedback', now);
    return getTopic(db, t.id, now);
  });
}
