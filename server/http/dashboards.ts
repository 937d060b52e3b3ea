/** The dashboards as JSON and as .xlsx (GET /api/dashboard/<name> and /api/dashboard/<name>.xlsx). */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type HubContext } from '../app';
import { anyUser, parse } from './guard';
import { type HubDb } from '../db/open';
import { matterSteps } from '../db/queries/matters';
import { MEETING_LIST_MAX, meetingList, meetingsPerMonth } from '../db/queries/meetings';
import { resolutionFollowUp } from '../db/queries/resolutions';
import { ruleFilings, ruleFilingStatuses } from '../db/queries/rules';
import { summonsRates } from '../db/queries/summons';
import { workbook, type Sheet } from '../xlsx';
import { attachment } from './admin';
import { isoDate } from './validation';
import {
  meetingStatuses,
  type MattersBody,
  type MeetingListBody,
  type MeetingsBody,
  type ResolutionsBody,
  type RulesBody,
  type SummonsRatesBody,
} from '../../exchange/hub-api';

/** What a dashboard's query function gives: the answer of exchange/hub-api.ts without its `ok`. */
type Answer<B> = Promise<Omit<B, 'ok'>>;

const scope = { communityId: z.string().max(64).optional() };

interface Dashboard<Q, R> {
  name: string;
  title: string;
  query: (ctx: HubContext) => z.ZodType<Q, any>;
  run: (db: HubDb, q: Q) => Promise<R>;
  sheets: (r: R, q: Q) => Sheet<any>[];
  /** The query the Excel twin runs (a paged list exports every row, not one page). */
  forExport?: (q: Q) => Q;
}

function define<Q, R>(d: Dashboard<Q, R>): Dashboard<unknown, unknown> {
  return d as Dashboard<unknown, unknown>;
}

const yearStart = (ctx: HubContext) => `${ctx.today().slice(0, 4)}-01-01`;
const scopeNote = (q: { communityId?: string | undefined }) => `范围：${q.communityId ? `村（社区）编号 ${q.communityId}` : '全部村（社区）'}`;

const rateColumns = (prefix: Sheet<any>['columns']) => [
  ...prefix,
  { header: '部门', width: 24, value: (r: any) => r.department },
  { header: '吹哨次数', value: (r: any) => r.summoned },
  { header: '响应率', width: 18, value: (r: any) => r.response.text },
  { header: '解决率', width: 18, value: (r: any) => r.resolution.text },
  { header: '满意率', width: 18, value: (r: any) => r.satisfaction.text },
];

export const dashboards = [
  define({
    name: 'meetings',
    title: '会议召开情况',
    query: (ctx) => z.object({ ...scope, from: isoDate('开始日期').default(yearStart(ctx)), to: isoDate('结束日期').default(ctx.today()) }),
    run: (db, q) => meetingsPerMonth(db, q) satisfies Answer<MeetingsBody>,
    sheets: (r, q) => [
      {
        name: '会议召开情况',
        notes: [`会议召开情况 ${q.from} 至 ${q.to}`, scopeNote(q), '“召开”指状态为进行中、已结束或已定稿的会议'],
        columns: [
          { header: '月份', value: (x) => x.month },
          { header: '村（社区）', width: 24, value: (x) => x.communityName },
          { header: '召开次数', value: (x) => x.held },
          { header: '已定稿', value: (x) => x.finalized },
          { header: '应到合计', value: (x) => x.expected },
          { header: '实到合计', value: (x) => x.present },
        ],
        rows: r.rows,
      },
    ],
  }),
  define({
    name: 'meetings/list',
    title: '会议列表',
    query: (ctx) =>
      z.object({
        ...scope,
        from: isoDate('开始日期').default(yearStart(ctx)),
        to: isoDate('结束日期').default(ctx.today()),
        status: z.enum(meetingStatuses, { error: '会议状态只能是草稿、已通知、进行中、已结束或已定稿' }).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    run: (db, q) => meetingList(db, q) satisfies Answer<MeetingListBody>,
    forExport: (q) => ({ ...q, limit: MEETING_LIST_MAX, offset: 0 }),
    sheets: (r, q) => [
      {
        name: '会议列表',
        notes: [
          `会议列表 ${q.from} 至 ${q.to}`,
          scopeNote(q),
          q.status ? `状态：${q.status}` : '状态：全部',
          ...(r.total > r.rows.length ? [`共 ${r.total} 次会议，表中列出最近的 ${r.rows.length} 次`] : []),
        ],
        columns: [
          { header: '村（社区）', width: 20, value: (x) => x.communityName },
          { header: '日期', width: 12, value: (x) => x.date },
          { header: '会议名称', width: 40, value: (x) => x.title },
          { header: '类型', width: 16, value: (x) => x.typeName },
          { header: '状态', value: (x) => x.status },
          { header: '应到', value: (x) => x.expected },
          { header: '实到', value: (x) => x.present },
          { header: '表决结果', width: 22, value: (x) => x.outcomes },
          { header: '会议记录', width: 40, value: (x) => (x.minutes ? x.minutes.fileName : '未报送') },
        ],
        rows: r.rows,
      },
    ],
  }),
  define({
    name: 'resolutions',
    title: '决议与督办',
    query: (ctx) => z.object({ ...scope, asOf: isoDate('统计日期').default(ctx.today()) }),
    run: (db, q) => resolutionFollowUp(db, q) satisfies Answer<ResolutionsBody>,
    sheets: (r, q) => [
      {
        name: '决议督办汇总',
        notes: [`决议与督办（截至 ${r.asOf}）`, scopeNote(q), '逾期：办结期限早于统计日期，且到统计日期仍未办结'],
        columns: [
          { header: '村（社区）', width: 24, value: (x) => x.communityName },
          { header: '决议数', value: (x) => x.total },
          { header: '已办结', value: (x) => x.completed },
          { header: '未办结', value: (x) => x.open },
          { header: '逾期', value: (x) => x.overdue },
        ],
        rows: r.summary,
      },
      {
        name: '逾期督办',
        columns: [
          { header: '村（社区）', width: 24, value: (x) => x.communityName },
          { header: '决议编号', width: 20, value: (x) => x.number },
          { header: '决议事项', width: 40, value: (x) => x.title },
          { header: '责任人', width: 16, value: (x) => x.responsible },
          { header: '办结期限', width: 12, value: (x) => x.deadline },
          { header: '逾期天数', value: (x) => x.daysOverdue },
          { header: '进度（%）', value: (x) => x.progressPercent },
        ],
        rows: r.overdue,
      },
    ],
  }),
  define({
    name: 'summons',
    title: '吹哨报到',
    query: (ctx) =>
      z.object({
        ...scope,
        from: isoDate('开始日期').default(yearStart(ctx)),
        to: isoDate('结束日期').default(ctx.today()),
        department: z.string().max(200).optional(),
      }),
    run: (db, q) => summonsRates(db, q) satisfies Answer<SummonsRatesBody>,
    sheets: (r, q) => [
      {
        name: '按部门',
        notes: [`吹哨报到 ${r.from} 至 ${r.to}`, scopeNote(q), r.definitions.response, r.definitions.resolution, r.definitions.satisfaction],
        columns: rateColumns([]),
        rows: [...r.departments, r.total],
      },
      {
        name: '按月份',
        columns: rateColumns([{ header: '月份', value: (x: any) => x.month }]),
        rows: r.months.flatMap((m) => [...m.departments, m.total].map((d) => ({ ...d, month: m.month }))),
      },
    ],
  }),
  define({
    name: 'matters',
    title: '四议两公开',
    query: (ctx) =>
      z.object({
        ...scope,
        from: isoDate('开始日期').default(yearStart(ctx)),
        to: isoDate('结束日期').default(ctx.today()),
        incompleteOnly: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true'),
      }),
    run: (db, q) => matterSteps(db, q) satisfies Answer<MattersBody>,
    sheets: (r, q) => [
      {
        name: '四议两公开',
        notes: [`四议两公开事项 ${q.from} 至 ${q.to}`, scopeNote(q), '各步骤列出完成日期；空白为尚未完成'],
        columns: [
          { header: '村（社区）', width: 24, value: (x) => x.communityName },
          { header: '事项', width: 36, value: (x) => x.title },
          { header: '立项日期', width: 12, value: (x) => x.createdOn },
          ...[0, 1, 2, 3, 4, 5].map((i) => ({ header: `第${i + 1}步`, width: 12, value: (x: any) => x.steps[i]?.date ?? '' })),
          { header: '完成步骤', value: (x) => `${x.stepsDone}/6` },
          { header: '顺序', value: (x) => (x.inOrder ? '按序' : '顺序有误') },
        ],
        rows: r.rows,
      },
    ],
  }),
  define({
    name: 'rules',
    title: '村规民约备案审查',
    query: () => z.object({ ...scope, status: z.enum(ruleFilingStatuses).optional() }),
    run: (db, q) => ruleFilings(db, q) satisfies Answer<RulesBody>,
    sheets: (r, q) => [
      {
        name: '备案审查',
        notes: ['村规民约（居民公约）备案审查', scopeNote(q), q.status ? `状态：${q.status}` : '状态：全部'],
        columns: [
          { header: '村（社区）', width: 24, value: (x) => x.communityName },
          { header: '名称', width: 30, value: (x) => x.title },
          { header: '类别', width: 12, value: (x) => x.kind },
          { header: '通过日期', width: 12, value: (x) => x.adoptedOn },
          { header: '到会人数', value: (x) => x.filingReport.presentCount },
          { header: '其中女性', value: (x) => x.filingReport.womenPresent },
          { header: '报备期限', width: 12, value: (x) => x.filingDue },
          { header: '报备日期', width: 12, value: (x) => x.filedOn },
          { header: '状态', width: 12, value: (x) => x.status },
          {
            header: '审查意见',
            width: 30,
            value: (x) => (x.latestReview ? `${x.latestReview.decision}${x.latestReview.reasons ? `：${x.latestReview.reasons}` : ''}` : ''),
          },
          { header: '审查次数', value: (x) => x.reviews.length },
          { header: '制定步骤', width: 40, value: (x) => x.steps.map((s: any) => `${s.date} ${s.stage}`).join('；') },
          { header: '文件', width: 40, value: (x) => x.documents.map((d: any) => d.fileName).join('；') },
        ],
        rows: r.rows,
      },
    ],
  }),
];

export function registerDashboards(app: FastifyInstance, ctx: HubContext) {
  for (const d of dashboards) {
    const handle = async (req: FastifyRequest, reply: FastifyReply, asXlsx: boolean) => {
      const q = parse(d.query(ctx), req.query, reply);
      if (q === undefined) return;
      const result = await d.run(ctx.db, asXlsx && d.forExport ? d.forExport(q) : q);
      if (!asXlsx) return { ok: true, ...(result as object) };
      const bytes = await workbook(d.sheets(result, q));
      const fileName = `${d.title}-${ctx.today()}.xlsx`;
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('Content-Disposition', attachment(fileName)).send(bytes);
    };
    app.get(`/api/dashboard/${d.name}`, { preHandler: anyUser }, (req, reply) => handle(req, reply, false));
    app.get(`/api/dashboard/${d.name}.xlsx`, { preHandler: anyUser }, (req, reply) => handle(req, reply, true));
  }
}
