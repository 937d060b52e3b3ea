import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../core/clock';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import { channelNameLooksHotline, hotlineFieldLabels, type Topic, type TopicDetail } from '../core/contract/topics';
import { closedTopicStatuses, followUpDefaults } from '../core/followup/data';
import { maskPhone } from '../core/mask';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { getOrganization } from './organizations';
import { agendaItems, households, meetings, people, proposals, resolutions, topics } from './schema';
import { getSetting, setSetting } from './settings';
import { summonsOfTopic } from './summons';
import { addTopicEvent, assertTopicOpen, findTopic, topicTimeline, type TopicRow } from './topic-events';
import { blankToNull, escapeLike } from './values';

const channelsKey = (orgId: number) => `topicChannels:${orgId}`;
/** The names of the channels whose topics carry 工单号, 来电人, 来电电话 and 答复时限. */
const hotlineKey = (orgId: number) => `topicHotlineChannels:${orgId}`;

/**
 * The organization's channels and, of them, those carrying the hotline fields. Until the
 * secretary first chooses, those are the channels named 12345 or 热线 (the rule before the choice).
 */
export function topicChannels(db: Db, orgId: number): { channels: string[]; hotline: string[] } {
  getOrganization(db, orgId);
  const channels = getSetting<string[]>(db, channelsKey(orgId)) ?? [...followUpDefaults.topicChannels];
  const chosen = getSetting<string[]>(db, hotlineKey(orgId));
  return { channels, hotline: channels.filter((c) => (chosen ? chosen.includes(c) : channelNameLooksHotline(c))) };
}

export function setTopicChannels(tx: Tx, input: ParsedInput<'topics.setChannels'>): { channels: string[]; hotline: string[] } {
  const { orgId, channels } = input;
  const before = topicChannels(tx, orgId);
  setSetting(tx, channelsKey(orgId), channels);
  // Left out, the choice stays: the chosen channels still in the list, or (never chosen) the rule by name.
  const chosen = input.hotline ?? (getSetting<string[]>(tx, hotlineKey(orgId)) === null ? null : before.hotline);
  if (chosen)
    setSetting(
      tx,
      hotlineKey(orgId),
      channels.filter((c) => chosen.includes(c)),
    );
  const after = topicChannels(tx, orgId);
  appendAudit(tx, { action: 'topics.channels', entity: 'organization', entityId: orgId, before, after });
  return after;
}

const columns = { t: topics, personName: people.name, householdNumber: households.number };
type Joined = { t: TopicRow; personName: string | null; householdNumber: string | null };

function toTopic({ t, personName, householdNumber }: Joined): Topic {
  let attachments: string[] = [];
  try {
    attachments = JSON.parse(t.attachments) as string[];
  } catch {
    attachments = [];
  }
  return {
    id: t.id,
    orgId: t.orgId,
    receivedOn: t.receivedOn,
    channel: t.channel,
    raiserKind: t.raiserKind,
    raiserPersonId: t.raiserPersonId,
    raiserName: t.raiserKind === 'anonymous' ? '匿名' : t.raiserKind === 'person' ? (personName ?? '') : (t.raiserName ?? ''),
    householdId: t.householdId,
    householdNumber,
    place: t.place,
    category: t.category,
    title: t.title,
    content: t.content,
    attachments,
    urgency: t.urgency,
    status: t.status,
    closed: closedTopicStatuses.includes(t.status),
    reply: t.reply,
    rejectReason: t.rejectReason,
    result: t.result,
    mergedIntoId: t.mergedIntoId,
    satisfaction: t.satisfaction,
    feedbackNote: t.feedbackNote,
    feedbackOn: t.feedbackOn,
    closedOn: t.closedOn,
    ticketNumber: t.ticketNumber,
    callerName: t.callerName,
    callerPhoneMasked: maskPhone(t.callerPhone),
    replyDueOn: t.replyDueOn,
    createdAt: t.createdAt,
  };
}

function select(db: Db) {
  return db.orm.select(columns).from(topics).leftJoin(people, eq(people.id, topics.raiserPersonId)).leftJoin(households, eq(households.id, topics.householdId));
}

/** Topics matching `where` in `order`, at most `limit`. */
export function topicRows(db: Db, where: SQL | undefined, order: SQL[], limit: number): Topic[] {
  return select(db)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .all()
    .map(toTopic);
}

/** The topic with its timeline; its summons are judged overdue by `clock`. */
export function getTopic(db: Db, id: number, clock: Clock): TopicDetail {
  findTopic(db, id);
  const topic = toTopic(select(db).where(eq(topics.id, id)).get()!);
  const into = topic.mergedIntoId ? findTopic(db, topic.mergedIntoId) : null;
  const items = db.orm
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      meetingStatus: meetings.status,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(agendaItems.topicId, id))
    .orderBy(asc(meetings.date))
    .all();
  const decided = items.length
    ? db.orm
        .selectDistinct({ id: resolutions.id, number: resolutions.number, title: resolutions.title, completedOn: resolutions.completedOn })
        .from(resolutions)
        .innerJoin(proposals, eq(proposals.id, resolutions.proposalId))
        .where(
          inArray(
            proposals.agendaItemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(resolutions.id))
        .all()
    : [];
  return {
    ...topic,
    events: topicTimeline(db, id),
    mergedInto: into ? { id: into.id, title: into.title, status: into.status } : null,
    mergedTopics: db.orm.select({ id: topics.id, title: topics.title }).from(topics).where(eq(topics.mergedIntoId, id)).orderBy(asc(topics.id)).all(),
    agendaItems: items,
    resolutions: decided,
    summons: summonsOfTopic(db, id, clock),
  };
}

/** The raiser and household as stored, checked against the organization's roster. */
function checkFields(
  db: Db,
  orgId: number,
  f: { channel: string; raiserKind: string; raiserPersonId: number | null; raiserName: string | null; householdId: number | null },
  channelChanged: boolean,
) {
  if (channelChanged && !topicChannels(db, orgId).channels.includes(f.channel)) {
    throw new ApiError('INVALID_INPUT', `来源渠道“${f.channel}”不在本议事主体的渠道列表中，请从列表中选择，或先在设置中添加该渠道`);
  }
  if (f.raiserKind === 'person') {
    if (f.raiserPersonId == null) throw new ApiError('INVALID_INPUT', '请从名册中选择反映人');
    const p = db.orm.select({ orgId: people.orgId }).from(people).where(eq(people.id, f.raiserPersonId)).get();
    if (!p || p.orgId !== orgId) throw new ApiError('NOT_FOUND', `名册中找不到编号为 ${f.raiserPersonId} 的人员，请重新选择反映人`);
  }
  if (f.raiserKind === 'name' && !f.raiserName) throw new ApiError('INVALID_INPUT', '请填写反映人姓名，或选择“匿名”');
  if (f.householdId != null) {
    const h = db.orm.select({ orgId: households.orgId }).from(households).where(eq(households.id, f.householdId)).get();
    if (!h || h.orgId !== orgId) throw new ApiError('NOT_FOUND', `找不到编号为 ${f.householdId} 的户，请重新选择`);
  }
}

type HotlineField = keyof typeof hotlineFieldLabels;
const hotlineFields = Object.keys(hotlineFieldLabels) as HotlineField[];

/**
 * Hotline fields are filled only on a channel the organization marked as carrying them (the form
 * shows them only there): a value sent for another channel is refused, not dropped unseen. On an
 * update only a new value counts — clearing one, or sending back what the topic already holds
 * (kept when its channel stopped carrying the fields), is fine.
 */
function checkHotlineFields(db: Db, orgId: number, channel: string, given: Partial<Record<HotlineField, string | null>>, stored?: TopicRow) {
  const filled = hotlineFields.filter((k) => {
    const v = blankToNull(given[k]);
    return v !== null && (!stored || v !== stored[k]);
  });
  if (filled.length === 0 || topicChannels(db, orgId).hotline.includes(channel)) return;
  throw new ApiError(
    'INVALID_INPUT',
    `该渠道未设置热线工单字段：来源渠道“${channel}”不能填写${filled.map((k) => hotlineFieldLabels[k]).join('、')}。请在渠道设置（登记议题时点“管理渠道”）中勾选“带热线工单字段”，或改选其他渠道`,
  );
}

/** The household of a raiser from the roster (none for a name or anonymity). */
function householdOf(db: Db, personId: number | null): number | null {
  return personId === null ? null : (db.orm.select({ h: people.householdId }).from(people).where(eq(people.id, personId)).get()?.h ?? null);
}

function raiser(kind: string, personId: number | undefined | null, name: string | undefined | null) {
  return {
    raiserPersonId: kind === 'person' ? (personId ?? null) : null,
    raiserName: kind === 'name' ? blankToNull(name) : null,
  };
}

export function createTopic(tx: Tx, input: ParsedInput<'topics.create'>): TopicDetail {
  getOrganization(tx, input.orgId);
  const r = raiser(input.raiserKind, input.raiserPersonId, input.raiserName);
  // A resident's topic belongs to their household unless the secretary named another one.
  const householdId = input.householdId ?? householdOf(tx, r.raiserPersonId);
  checkFields(tx, input.orgId, { channel: input.channel, raiserKind: input.raiserKind, ...r, householdId }, true);
  checkHotlineFields(tx, input.orgId, input.channel, input);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(topics)
    .values({
      orgId: input.orgId,
      receivedOn: input.receivedOn,
      channel: input.channel,
      raiserKind: input.raiserKind,
      ...r,
      householdId,
      place: blankToNull(input.place),
      category: blankToNull(input.category),
      title: input.title,
      content: input.content.trim(),
      attachments: JSON.stringify(input.attachments ?? []),
      urgency: input.urgency ?? '一般',
      ticketNumber: blankToNull(input.ticketNumber),
      callerName: blankToNull(input.callerName),
      callerPhone: blankToNull(input.callerPhone),
      replyDueOn: input.replyDueOn ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  appendAudit(tx, { action: 'topics.create', entity: 'topic', entityId: row.id, after: row });
  addTopicEvent(tx, row.id, input.receivedOn, '登记', `经“${input.channel}”收到，登记为待分办（紧急程度：${row.urgency}）`);
  return getTopic(tx, row.id, tx.clock);
}

/** The stored columns a secretary may correct, by the name the form gives them, in the form's order. */
const changedLabels = {
  receivedOn: '收到日期',
  channel: '来源渠道',
  ...hotlineFieldLabels,
  raiserKind: '反映人',
  raiserPersonId: '反映人',
  raiserName: '反映人',
  householdId: '户',
  place: '户号或地点',
  category: '类别',
  title: '议题标题',
  content: '议题内容',
  attachments: '附件',
  urgency: '紧急程度',
} as const satisfies Partial<Record<keyof TopicRow, string>>;

export function updateTopic(tx: Tx, { id, ...input }: ParsedInput<'topics.update'>): TopicDetail {
  const before = findTopic(tx, id);
  assertTopicOpen(before, '修改');
  const kind = input.raiserKind ?? before.raiserKind;
  const r =
    input.raiserKind === undefined && input.raiserPersonId === undefined && input.raiserName === undefined
      ? { raiserPersonId: before.raiserPersonId, raiserName: before.raiserName }
      : raiser(kind, input.raiserPersonId ?? before.raiserPersonId, input.raiserName ?? before.raiserName);
  const channel = input.channel ?? before.channel;
  // A new raiser brings their household, as on registering, unless the caller named one.
  const householdId =
    input.householdId !== undefined ? input.householdId : r.raiserPersonId === before.raiserPersonId ? before.householdId : householdOf(tx, r.raiserPersonId);
  checkFields(tx, before.orgId, { channel, raiserKind: kind, ...r, householdId }, channel !== before.channel);
  checkHotlineFields(tx, before.orgId, channel, input, before);
  tx.orm
    .update(topics)
    .set({
      receivedOn: input.receivedOn ?? before.receivedOn,
      channel,
      raiserKind: kind,
      ...r,
      householdId,
      place: input.place === undefined ? before.place : blankToNull(input.place),
      category: input.category === undefined ? before.category : blankToNull(input.category),
      title: input.title ?? before.title,
      content: input.content?.trim() ?? before.content,
      attachments: input.attachments === undefined ? before.attachments : JSON.stringify(input.attachments),
      urgency: input.urgency ?? before.urgency,
      ticketNumber: input.ticketNumber === undefined ? before.ticketNumber : blankToNull(input.ticketNumber),
      callerName: input.callerName === undefined ? before.callerName : blankToNull(input.callerName),
      callerPhone: input.callerPhone === undefined ? before.callerPhone : blankToNull(input.callerPhone),
      replyDueOn: input.replyDueOn === undefined ? before.replyDueOn : input.replyDueOn,
      updatedAt: tx.clock.instant,
    })
    .where(eq(topics.id, id))
    .run();
  const after = findTopic(tx, id);
  appendAudit(tx, { action: 'topics.update', entity: 'topic', entityId: id, before, after });
  const changed = [
    ...new Set((Object.keys(changedLabels) as (keyof typeof changedLabels)[]).filter((k) => after[k] !== before[k]).map((k) => changedLabels[k])),
  ];
  // Names the fields, never their values (the caller's phone stays out of the timeline).
  if (changed.length) addTopicEvent(tx, id, tx.clock.today, '修改', `修改了议题：${changed.join('、')}`);
  return getTopic(tx, id, tx.clock);
}

/** The caller's whole phone number; recorded in the audit trail as a disclosure. */
export function revealTopicCaller(tx: Tx, input: ParsedInput<'topics.revealCaller'>): { id: number; callerPhone: string | null } {
  const t = findTopic(tx, input.id);
  appendAudit(tx, { action: 'topic.revealCaller', entity: 'topic', entityId: t.id });
  return { id: t.id, callerPhone: t.callerPhone };
}

/** '2026-12' → '2027-01'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function listTopics(db: Db, q: ParsedInput<'topics.list'>): { items: Topic[]; total: number } {
  getOrganization(db, q.orgId);
  const where: SQL[] = [eq(topics.orgId, q.orgId)];
  if (q.status) where.push(eq(topics.status, q.status));
  if (q.channel?.trim()) where.push(eq(topics.channel, q.channel.trim()));
  if (q.personId) where.push(eq(topics.raiserPersonId, q.personId));
  if (q.month) where.push(gte(topics.receivedOn, `${q.month}-01`), lt(topics.receivedOn, `${nextMonth(q.month)}-01`));
  const text = q.query?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    where.push(
      sql`(${topics.title} like ${like} escape '\\' or ${topics.content} like ${like} escape '\\' or ${topics.place} like ${like} escape '\\' or ${topics.category} like ${like} escape '\\' or ${topics.raiserName} like ${like} escape '\\' or ${people.name} like ${like} escape '\\')`,
    );
  }
  const condition = and(...where);
  // The raiser's name is only needed to match a search; without one the count reads the index alone.
  const counted = db.orm.select({ n: sql<number>`count(*)` }).from(topics);
  const total = (text ? counted.leftJoin(people, eq(people.id, topics.raiserPersonId)).where(condition) : counted.where(condition)).get()?.n ?? 0;
  const pageSize = q.pageSize ?? 50;
  const rows = select(db)
    .where(condition)
    .orderBy(desc(topics.receivedOn), desc(topics.id))
    .limit(pageSize)
    .offset(((q.page ?? 1) - 1) * pageSize)
    .all();
  return { items: rows.map(toTopic), total };
}

/** A resident's own topics, for their roster entry. */
export function topicsByPerson(db: Db, personId: number): { items: Topic[] } {
  const p = db.orm.select({ id: people.id }).from(people).where(eq(people.id, personId)).get();
  if (!p) throw new ApiError('NOT_FOUND', `名册中找不到编号为 ${personId} 的人员，请刷新后重试`);
  return { items: select(db).where(eq(topics.raiserPersonId, personId)).orderBy(desc(topics.receivedOn), desc(topics.id)).all().map(toTopic) };
}
