import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportBody } from '../../exchange';
import { meetingListBody, rulesBody, summonsBody } from '../../exchange/hub-api';
import { enrollCommunity, meeting, reportPackage, send, signIn, startHub, targets, type FakeCommunity, type TestHub } from './support';

// The street's lists: each meeting with its outcomes and minutes (paged, filtered, as Excel), a
// rule's procedure steps and every 审查意见 given, and the 吹哨 list as Excel.

const minutesFile = Buffer.from('幸福里社区居民代表会议记录（测试）', 'utf8');

function withOutcomes(uid: string, date: string, extra: Partial<ReportBody['meetings'][number]> = {}) {
  return meeting(uid, date, {
    outcomes: [
      { title: '同意加装电梯', result: '通过', eligible: 30, voters: 25, for: 20, against: 3, abstain: 2 },
      { title: '同意收取停车费', result: '未通过', eligible: 30, voters: 25, for: 8, against: 15, abstain: 2 },
      { title: '同意更换物业', result: '通过', eligible: 30, voters: 25, for: 18, against: 5, abstain: 2 },
    ],
    ...extra,
  });
}

async function sheetRows(payload: Buffer, name: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(name)!;
  const out: string[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

describe.each(targets)('the street lists on $name', (target) => {
  let t: TestHub;
  let admin: string;
  let reader: string;
  let department: string;
  let a: FakeCommunity;
  let b: FakeCommunity;

  beforeAll(async () => {
    t = await startHub(target);
    admin = await signIn(t, '王芳', '街道管理员');
    reader = await signIn(t, '只读', '只读');
    department = await signIn(t, '城管科', '部门', '城管科');
    a = await enrollCommunity(t, admin, '幸福里社区');
    b = await enrollCommunity(t, admin, '青石村', '村');
    const stored = await send(
      t,
      reportPackage(a, 1, {
        meetings: [
          withOutcomes('meetings-1', '2026-03-05'),
          meeting('meetings-2', '2026-04-10', { status: '已结束' }),
          meeting('meetings-3', '2026-05-20', { status: '草稿', expected: null, present: null }),
        ],
        documents: [
          {
            uid: 'document-minutes-1',
            recordUid: 'meetings-1',
            kind: '会议记录',
            fileName: '幸福里社区居民代表会议记录.docx',
            sha256: createHash('sha256').update(minutesFile).digest('hex'),
            base64: minutesFile.toString('base64'),
          },
        ],
        rules: [
          {
            uid: 'rule_documents-1',
            kind: '居民公约',
            title: '幸福里社区居民公约',
            stage: '备案',
            adoptedOn: '2026-04-10',
            presentCount: 25,
            womenPresent: 12,
            delegationBasis: null,
            filingDue: '2026-05-10',
            filingAuthority: '幸福街道办事处',
            filedOn: '2026-04-20',
            filingReceiptNo: null,
            publishedOn: null,
            steps: [
              { stage: '征集民意', date: '2026-03-01', note: '发放意见表 300 份', opinion: null },
              { stage: '审议表决', date: '2026-04-10', note: '居民代表会议表决通过', opinion: '同意' },
            ],
            text: null,
          },
        ],
        summons: [
          {
            uid: 'summons-1',
            topicUid: null,
            meetingUid: null,
            department: '城管科',
            summonedAt: '2026-04-01T01:00:00.000Z',
            reportWithinHours: 24,
            reportedAt: '2026-04-01T03:00:00.000Z',
            commitment: '三日内清理',
            deadline: null,
            result: '已清理',
            resolved: true,
            evaluation: null,
            closedAt: null,
          },
          {
            uid: 'summons-2',
            topicUid: null,
            meetingUid: null,
            department: '供电所',
            summonedAt: '2026-04-02T01:00:00.000Z',
            reportWithinHours: 24,
            reportedAt: null,
            commitment: null,
            deadline: null,
            result: null,
            resolved: null,
            evaluation: null,
            closedAt: null,
          },
        ],
      }),
    );
    expect(stored.body.status).toBe('stored');
    expect((await send(t, reportPackage(b, 1, { meetings: [meeting('meetings-1', '2026-03-06', { title: '青石村村民代表会议' })] }))).body.status).toBe(
      'stored',
    );
  }, 60_000);
  afterAll(async () => t?.close());

  async function get(url: string, cookie = reader) {
    return t.app.inject({ url, headers: { cookie } });
  }
  async function list(query: string) {
    const res = await get(`/api/dashboard/meetings/list?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return meetingListBody.parse(res.json());
  }

  it('lists each meeting with 应到/实到, its outcomes and whether the minutes are there, newest first', async () => {
    const all = await list('from=2026-01-01&to=2026-12-31');
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => `${r.date} ${r.communityName}`)).toEqual([
      '2026-05-20 幸福里社区',
      '2026-04-10 幸福里社区',
      '2026-03-06 青石村',
      '2026-03-05 幸福里社区',
    ]);
    const first = all.rows.find((r) => r.uid === 'meetings-1' && r.communityId === a.communityId)!;
    expect(first).toMatchObject({
      title: '居民代表会议 2026-03-05',
      typeName: '居民代表会议',
      status: '已定稿',
      expected: 30,
      present: 25,
      passed: 2,
      failed: 1,
      outcomes: '通过 2 项 / 未通过 1 项',
      minutes: { uid: 'document-minutes-1', fileName: '幸福里社区居民代表会议记录.docx' },
    });
    expect(all.rows.find((r) => r.uid === 'meetings-3')).toMatchObject({ expected: null, present: null, outcomes: '无表决', minutes: null });
    // The link opens the minutes as sent.
    const file = await get(`/api/documents/${encodeURIComponent(a.communityId)}/${first.minutes!.uid}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString('utf8')).toBe('幸福里社区居民代表会议记录（测试）');
  });

  it('pages with limit/offset and filters by community, dates and status', async () => {
    const page1 = await list('from=2026-01-01&to=2026-12-31&limit=3&offset=0');
    const page2 = await list('from=2026-01-01&to=2026-12-31&limit=3&offset=3');
    expect([page1.total, page1.rows.length, page2.total, page2.rows.length]).toEqual([4, 3, 4, 1]);
    expect(page2.rows[0]!.date).toBe('2026-03-05');
    expect((await list(`from=2026-01-01&to=2026-12-31&communityId=${encodeURIComponent(b.communityId)}`)).rows.map((r) => r.title)).toEqual([
      '青石村村民代表会议',
    ]);
    expect((await list('from=2026-04-01&to=2026-04-30')).rows.map((r) => r.uid)).toEqual(['meetings-2']);
    const finalized = await list(`from=2026-01-01&to=2026-12-31&status=${encodeURIComponent('已定稿')}`);
    expect(finalized.total).toBe(2);
    const bad = await get(`/api/dashboard/meetings/list?status=${encodeURIComponent('开过了')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('会议状态只能是');
  });

  it('exports the whole list, not one page, as Excel', async () => {
    const res = await get('/api/dashboard/meetings/list.xlsx?from=2026-01-01&to=2026-12-31&limit=1');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('会议列表'));
    const table = await sheetRows(res.rawPayload, '会议列表');
    const header = table.findIndex((r) => r[0] === '村（社区）');
    expect(table[header]).toEqual(['村（社区）', '日期', '会议名称', '类型', '状态', '应到', '实到', '表决结果', '会议记录']);
    expect(table.slice(header + 1)).toHaveLength(4);
    expect(table.slice(header + 1).find((r) => r[1] === '2026-03-05')).toEqual([
      '幸福里社区',
      '2026-03-05',
      '居民代表会议 2026-03-05',
      '居民代表会议',
      '已定稿',
      '30',
      '25',
      '通过 2 项 / 未通过 1 项',
      '幸福里社区居民代表会议记录.docx',
    ]);
  });

  it("carries a rule's procedure steps and every review given, newest first", async () => {
    const before = rulesBody.parse((await get('/api/dashboard/rules')).json()).rows[0]!;
    expect(before.steps).toEqual([
      { stage: '征集民意', date: '2026-03-01', note: '发放意见表 300 份', opinion: null },
      { stage: '审议表决', date: '2026-04-10', note: '居民代表会议表决通过', opinion: '同意' },
    ]);
    expect(before.reviews).toEqual([]);
    const review = (decision: string, reasons: string | null) =>
      t.app.inject({
        method: 'POST',
        url: '/api/rules/review',
        headers: { cookie: admin },
        payload: { communityId: a.communityId, ruleUid: 'rule_documents-1', decision, reasons },
      });
    expect((await review('退回', '第三条与物业管理条例不一致')).statusCode).toBe(200);
    // Reviews are ordered by the instant they were recorded.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await review('同意备案', null)).statusCode).toBe(200);
    const after = rulesBody.parse((await get('/api/dashboard/rules')).json()).rows[0]!;
    expect(after.reviews!.map((r) => [r.decision, r.reasons])).toEqual([
      ['同意备案', null],
      ['退回', '第三条与物业管理条例不一致'],
    ]);
    expect(after.latestReview?.decision).toBe('同意备案');
    expect(after.status).toBe('已同意备案');
  });

  it('exports the 吹哨 list as Excel, a 部门 account its own department only', async () => {
    const res = await get('/api/summons.xlsx?from=2026-01-01&to=2026-12-31', admin);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('吹哨记录'));
    const table = await sheetRows(res.rawPayload, '吹哨记录');
    const header = table.findIndex((r) => r[0] === '村（社区）');
    const body = table.slice(header + 1);
    expect(body.map((r) => r[1])).toEqual(['供电所', '城管科']);
    // China time, as on the page.
    expect(body[1]!.slice(3, 9)).toEqual(['2026-04-01 09:00', '24', '2026-04-01 11:00', '三日内清理', '已清理', '已解决']);
    expect(body[0]![5]).toBe('未报到');

    const own = await sheetRows((await get('/api/summons.xlsx?department=供电所', department)).rawPayload, '吹哨记录');
    expect(own.slice(own.findIndex((r) => r[0] === '村（社区）') + 1).map((r) => r[1])).toEqual(['城管科']);
    // The JSON list and its Excel twin take the same filters.
    expect(summonsBody.parse((await get('/api/summons?from=2026-01-01&to=2026-12-31', department)).json()).items.map((s) => s.uid)).toEqual(['summons-1']);
  });
});
