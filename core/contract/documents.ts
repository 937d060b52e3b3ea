import { z } from 'zod';
import { fileOutput, id, isoDate, line, paragraph } from './common';
import { defineRead, defineWrite } from './define';

const minutesStatusSchema = z.object({
  meetingId: z.number(),
  status: z.enum(['草稿', '待审核', '已定稿']),
  submittedAt: z.string().nullable(),
  reviewer: z.string().nullable(),
  returnedNote: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  fileHash: z.string().nullable(),
  /** How the minutes list those present (名单 / 表格 / 签到表); null = by the meeting's size. */
  attendeeList: z.enum(['名单', '表格', '签到表']).nullable(),
  addenda: z.array(z.object({ id: z.number(), date: z.string(), text: z.string(), by: z.string() })),
});

const minutesVoteSchema = z.object({
  method: z.enum(['举手', '记名', '无记名']),
  subject: z.string(),
  options: z.array(z.object({ label: z.string(), title: z.string(), votes: z.number() })).nullable(),
  yes: z.number().nullable(),
  no: z.number().nullable(),
  abstain: z.number().nullable(),
  eligible: z.number(),
  ballots: z.object({ issued: z.number(), returned: z.number(), valid: z.number(), invalid: z.number() }).nullable(),
  tellers: z.string().nullable(),
  counters: z.string().nullable(),
  outcome: z.enum(['通过', '未通过']),
  explanation: z.string(),
  named: z
    .array(z.object({ choice: z.string(), names: z.array(z.string()) }))
    .nullable()
    .optional(),
});

/** The minutes as data, for the in-app preview (the same content, in the same order, as the .docx). */
export const minutesPreviewSchema = z.object({
  orgName: z.string(),
  /** Who signs for the meeting: the committee, or the Party organization for a Party meeting. */
  issuer: z.string(),
  title: z.string(),
  typeName: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  chairName: z.string().nullable(),
  recorderName: z.string().nullable(),
  ruleSource: z.string(),
  expected: z.number(),
  /** Where 应到 was set by hand: the written reason printed with it. */
  expectedReason: z.string().nullable().optional(),
  present: z.number(),
  quorum: z.object({
    threshold: z.object({ fraction: z.object({ num: z.number(), den: z.number() }), comparison: z.enum(['atLeast', 'moreThan']) }).nullable(),
    citation: z.string(),
  }),
  attendeeList: z.enum(['名单', '表格', '签到表']).nullable().optional(),
  attendees: z.array(z.object({ name: z.string(), late: z.boolean(), arrivedAt: z.string().nullable() })),
  onLeave: z.array(z.object({ name: z.string(), reason: z.string().nullable() })),
  absent: z.array(z.object({ name: z.string() })),
  leftEarly: z.array(z.object({ name: z.string(), leftAt: z.string().nullable() })),
  observers: z.array(z.object({ name: z.string(), unit: z.string().nullable() })),
  departments: z.array(z.object({ department: z.string(), name: z.string(), arrivedAt: z.string().nullable() })),
  items: z.array(
    z.object({
      title: z.string(),
      presenter: z.string().nullable(),
      description: z.string().nullable(),
      /** The Party organization's prior discussion and earlier 四议两公开 steps, in one sentence. */
      priorReview: z.string().nullable().optional(),
      speeches: z.array(z.object({ speaker: z.string(), content: z.string() })),
      proposals: z.array(z.object({ title: z.string(), text: z.string(), proposer: z.string(), status: z.string() })),
      votes: z.array(minutesVoteSchema),
    }),
  ),
  resolutions: z.array(z.object({ number: z.string(), title: z.string(), text: z.string() })),
  attendeeSignatures: z.boolean(),
  addenda: z.array(z.object({ date: z.string(), text: z.string(), by: z.string() })),
  /** Who finalized the minutes (定稿人), once they are. */
  approvedBy: z.string().nullable().optional(),
});

const meetingId = z.object({ meetingId: id('会议') }).strict();

export const documentCalls = {
  'documents.minutes': defineRead({
    summary: '导出会议记录',
    producesFile: true,
    input: z
      .object({
        meetingId: id('会议'),
        variant: z.enum(['记录', '纪要']).default('记录'),
        /** A finalized meeting: 定稿 = the file as approved (checked against its sha256), 含更正 = with the 更正记录 appendix. */
        edition: z.enum(['定稿', '含更正']).default('含更正'),
      })
      .strict(),
    output: fileOutput,
  }),
  'documents.signInSheet': defineRead({
    summary: '导出签到表',
    producesFile: true,
    input: meetingId,
    output: fileOutput,
  }),
  'documents.ballots': defineRead({
    summary: '导出选票',
    producesFile: true,
    input: z
      .object({
        voteId: id('表决'),
        count: z.number().int().min(1, { error: '选票张数至少为 1' }).max(2000, { error: '一次最多打印 2000 张选票' }).optional(),
        perPage: z.union([z.literal(2), z.literal(4)]).default(4),
      })
      .strict(),
    output: fileOutput,
  }),
  'documents.notice': defineRead({
    summary: '导出会议通知',
    producesFile: true,
    input: z
      .object({
        meetingId: id('会议'),
        audience: line('通知对象', 60).optional(),
        /** The date the notice bears where no notice date was registered (meetings.notify). */
        noticeDate: isoDate('通知日期').optional(),
      })
      .strict(),
    output: fileOutput,
  }),
  'documents.topicResult': defineRead({
    summary: '生成办理结果告知单',
    producesFile: true,
    input: z.object({ id: id('议题') }).strict(),
    output: fileOutput,
  }),
  'documents.resolutionNotice': defineRead({
    summary: '导出决议公示',
    producesFile: true,
    input: z.object({ meetingId: id('会议'), postFrom: isoDate('公示开始日期'), postTo: isoDate('公示结束日期') }).strict(),
    output: fileOutput,
  }),
  'minutes.preview': defineRead({
    summary: '预览会议记录',
    input: meetingId,
    output: minutesPreviewSchema,
  }),
  'minutes.status': defineRead({
    summary: '查看会议记录审核状态',
    input: meetingId,
    output: minutesStatusSchema,
  }),
  'minutes.submit': defineWrite({
    summary: '送主持人审核会议记录',
    input: meetingId,
    output: minutesStatusSchema,
  }),
  'minutes.return': defineWrite({
    summary: '退回会议记录修改',
    input: z.object({ meetingId: id('会议'), note: paragraph('退回意见', 500).refine((s) => s.trim().length > 0, { error: '请写明退回修改的意见' }) }).strict(),
    output: minutesStatusSchema,
  }),
  'minutes.approve': defineWrite({
    summary: '会议记录定稿',
    input: meetingId,
    output: minutesStatusSchema,
  }),
  'minutes.setAttendeeList': defineWrite({
    summary: '选择会议记录中出席人员的列法',
    input: z
      .object({
        meetingId: id('会议'),
        attendeeList: z.enum(['名单', '表格', '签到表'], { error: '出席人员的列法只能是“名单”“表格”或“签到表”' }).nullable(),
      })
      .strict(),
    output: minutesStatusSchema,
  }),
  'minutes.addAddendum': defineWrite({
    summary: '添加更正记录',
    input: z.object({ meetingId: id('会议'), text: paragraph('更正内容', 5000).refine((s) => s.trim().length > 0, { error: '请填写更正内容' }) }).strict(),
    output: minutesStatusSchema,
  }),
};
