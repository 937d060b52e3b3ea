import { z } from 'zod';
import { closedTopicStatuses, satisfactions, topicStatuses, urgencies } from '../followup/data';
import { id, isoDate, isoMonth, line, nameLine, paragraph, requiredLine } from './common';
import { defineRead, defineWrite } from './define';
import { summonsSchema, summonsFields } from './summons';

export const topicStatusSchema = z.enum(topicStatuses, { error: `状态只能是：${topicStatuses.join('、')}` });
export const urgencySchema = z.enum(urgencies, { error: '紧急程度只能是“一般”“较急”或“紧急”' });
export const satisfactionSchema = z.enum(satisfactions, { error: '评价只能是“满意”“基本满意”或“不满意”' });
export { closedTopicStatuses };

export const topicSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  receivedOn: z.string(),
  channel: z.string(),
  raiserKind: z.enum(['person', 'name', 'anonymous']),
  raiserPersonId: z.number().nullable(),
  /** The name to show: the roster name, the name as written, or 匿名. */
  raiserName: z.string(),
  householdId: z.number().nullable(),
  householdNumber: z.string().nullable(),
  place: z.string().nullable(),
  category: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  attachments: z.array(z.string()),
  urgency: urgencySchema,
  status: topicStatusSchema,
  closed: z.boolean(),
  reply: z.string().nullable(),
  rejectReason: z.string().nullable(),
  result: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  satisfaction: satisfactionSchema.nullable(),
  feedbackNote: z.string().nullable(),
  feedbackOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** Hotline fields; the caller's phone only masked here (topics.revealCaller shows it whole). */
  ticketNumber: z.string().nullable(),
  callerName: z.string().nullable(),
  callerPhoneMasked: z.string().nullable(),
  replyDueOn: z.string().nullable(),
  createdAt: z.string(),
});
export type Topic = z.infer<typeof topicSchema>;

export const topicEventSchema = z.object({ id: z.number(), date: z.string(), at: z.string(), kind: z.string(), text: z.string(), actor: z.string() });

export const topicDetailSchema = topicSchema.extend({
  /** The whole timeline, oldest first. */
  events: z.array(topicEventSchema),
  mergedInto: z.object({ id: z.number(), title: z.string(), status: topicStatusSchema }).nullable(),
  mergedTopics: z.array(z.object({ id: z.number(), title: z.string() })),
  agendaItems: z.array(
    z.object({ id: z.number(), title: z.string(), meetingId: z.number(), meetingTitle: z.string(), meetingDate: z.string(), meetingStatus: z.string() }),
  ),
  resolutions: z.array(z.object({ id: z.number(), number: z.string(), title: z.string(), completedOn: z.string().nullable() })),
  summons: z.array(summonsSchema),
});
export type TopicDetail = z.infer<typeof topicDetailSchema>;

const eventDate = isoDate('办理日期').optional();

/**
 * The old rule, now only the default: before the secretary chose which channels carry 工单号,
 * 来电人, 来电电话 and 答复时限, a channel carried them when its name said 12345 or 热线
 * (“市长热线”, “12345 热线”). topics.channels answers the organization's own choice (`hotline`).
 */
export function channelNameLooksHotline(channel: string | null | undefined): boolean {
  return !!channel && /12345|热线/.test(channel);
}

/** Whether topics on this channel carry the hotline fields, by the organization's list. */
export function channelIsHotline(channel: string | null | undefined, hotline: readonly string[]): boolean {
  return !!channel && hotline.includes(channel);
}

/** The hotline fields as the form and topics.create name them, for messages. */
export const hotlineFieldLabels = { ticketNumber: '工单号', callerName: '来电人', callerPhone: '来电电话', replyDueOn: '答复时限' } as const;

/** 7–12 digits, one optional “-” between them (0571-88886666); empty clears the field. */
export const callerPhoneSchema = line('来电电话', 20).refine(
  (s) => {
    if (s === '') return true;
    if (!/^\d+(-\d+)?$/.test(s)) return false;
    const n = s.replace('-', '').length;
    return n >= 7 && n <= 12;
  },
  { error: '来电电话只能是 7 至 12 位数字，区号后可加一个“-”，例如 13812345678 或 0571-88886666' },
);

const topicFields = {
  receivedOn: isoDate('收到日期'),
  channel: requiredLine('来源渠道', 20),
  raiserKind: z.enum(['person', 'name', 'anonymous'], { error: '请选择反映人：名册中的人员、填写姓名或匿名' }),
  raiserPersonId: id('反映人').optional(),
  raiserName: nameLine('反映人姓名', 50).optional(),
  householdId: id('户').nullable().optional(),
  place: line('地点', 100).optional(),
  category: line('类别', 20).optional(),
  title: requiredLine('议题标题', 100),
  content: paragraph('议题内容', 5000).refine((s) => s.trim().length > 0, { error: '请填写议题内容' }),
  attachments: z.array(requiredLine('附件路径', 500)).max(50, { error: '附件最多 50 个' }).optional(),
  urgency: urgencySchema.optional(),
  ticketNumber: line('工单号', 40).optional(),
  callerName: nameLine('来电人', 50).optional(),
  callerPhone: callerPhoneSchema.optional(),
  replyDueOn: isoDate('答复时限').nullable().optional(),
};

const detail = { output: topicDetailSchema };

const channelsOutput = z.object({
  channels: z.array(z.string()),
  /** The channels (of `channels`) whose topics carry 工单号, 来电人, 来电电话 and 答复时限. */
  hotline: z.array(z.string()),
});

export const topicCalls = {
  'topics.channels': defineRead({
    summary: '查看议题来源渠道',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: channelsOutput,
  }),
  'topics.setChannels': defineWrite({
    summary: '修改议题来源渠道',
    input: z
      .object({
        orgId: id('议事主体'),
        channels: z
          .array(requiredLine('渠道名称', 20))
          .min(1, { error: '至少保留一个来源渠道' })
          .max(30, { error: '来源渠道最多 30 个' })
          .refine((c) => new Set(c).size === c.length, { error: '来源渠道有重复，请删去重复的一项' }),
        /** The channels whose topics carry 工单号, 来电人, 来电电话 and 答复时限; left out, the choice stays as it was. */
        hotline: z.array(requiredLine('渠道名称', 20)).max(30, { error: '来源渠道最多 30 个' }).optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        const stray = v.hotline?.find((h) => !v.channels.includes(h));
        if (stray !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['hotline'],
            message: `“${stray}”不在来源渠道列表中，不能设为带热线工单字段。请先添加这个渠道，或取消勾选`,
          });
        }
      }),
    output: channelsOutput,
  }),
  'topics.create': defineWrite({ summary: '登记议题', input: z.object({ orgId: id('议事主体'), ...topicFields }).strict(), ...detail }),
  'topics.update': defineWrite({
    summary: '修改议题',
    input: z
      .object({ id: id('议题'), ...topicFields })
      .partial()
      .required({ id: true })
      .strict(),
    ...detail,
  }),
  'topics.revealCaller': defineWrite({
    summary: '查看来电人完整电话',
    input: z.object({ id: id('议题') }).strict(),
    output: z.object({ id: z.number(), callerPhone: z.string().nullable() }),
  }),
  'topics.get': defineRead({ summary: '查看议题及办理过程', input: z.object({ id: id('议题') }).strict(), ...detail }),
  'topics.list': defineRead({
    summary: '查看议题',
    input: z
      .object({
        orgId: id('议事主体'),
        status: topicStatusSchema.optional(),
        channel: line('来源渠道', 20).optional(),
        personId: id('反映人').optional(),
        query: line('搜索内容', 50).optional(),
        month: isoMonth('收到月份').optional(),
        page: z.number().int().min(1).max(100_000).optional(),
        pageSize: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(topicSchema), total: z.number() }),
  }),
  'topics.byPerson': defineRead({
    summary: '查看居民反映的议题',
    input: z.object({ personId: id('人员') }).strict(),
    output: z.object({ items: z.array(topicSchema) }),
  }),
  'topics.toAgenda': defineWrite({
    summary: '议题纳入会议议程',
    input: z.object({ id: id('议题'), meetingId: id('会议'), title: line('议程中的议题名称', 200).optional(), date: eventDate }).strict(),
    ...detail,
  }),
  'topics.refer': defineWrite({
    summary: '议题转部门办理（吹哨）',
    input: z.object({ id: id('议题'), ...summonsFields, date: eventDate }).strict(),
    ...detail,
  }),
  'topics.reply': defineWrite({
    summary: '直接答复议题',
    input: z
      .object({ id: id('议题'), reply: paragraph('答复内容', 5000).refine((s) => s.trim().length > 0, { error: '请填写答复内容' }), date: eventDate })
      .strict(),
    ...detail,
  }),
  'topics.merge': defineWrite({
    summary: '合并议题',
    input: z.object({ id: id('议题'), intoId: id('合并到的议题'), date: eventDate }).strict(),
    ...detail,
  }),
  'topics.reject': defineWrite({
    summary: '议题不予受理',
    input: z.object({ id: id('议题'), reason: requiredLine('不予受理的理由', 500), date: eventDate }).strict(),
    ...detail,
  }),
  'topics.close': defineWrite({
    summary: '议题办结',
    input: z
      .object({ id: id('议题'), result: paragraph('办理结果', 5000).refine((s) => s.trim().length > 0, { error: '请填写办理结果' }), date: eventDate })
      .strict(),
    ...detail,
  }),
  'topics.feedback': defineWrite({
    summary: '登记居民评价',
    input: z.object({ id: id('议题'), satisfaction: satisfactionSchema, note: line('评价说明', 500).optional(), date: eventDate }).strict(),
    ...detail,
  }),
};
