import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPackage, type ReportBody } from '../../exchange';
import { signPullRequest } from '../../server/replies';
import { enrollCommunity, meeting, reportPackage, send, signIn, startHub, targets, type FakeCommunity, type TestHub } from './support';

type Body = Partial<ReportBody>;
const summons = (
  uid: string,
  department: string,
  summonedAt: string,
  hours: number,
  reportedAt: string | null,
  resolved: boolean | null,
  topicUid: string | null,
) => ({
  uid,
  topicUid,
  meetingUid: null,
  department,
  summonedAt,
  reportWithinHours: hours,
  reportedAt,
  commitment: null,
  deadline: null,
  result: null,
  resolved,
  evaluation: null,
  closedAt: null,
});
const topic = (uid: string, satisfaction: '满意' | '基本满意' | '不满意' | null) => ({
  uid,
  receivedOn: '2026-02-01',
  channel: '走访',
  category: null,
  title: `议题 ${uid}`,
  status: '已办结',
  replyDueOn: null,
  closedOn: null,
  satisfaction,
});
const resolution = (uid: string, deadline: string | null, completedOn: string | null) => ({
  uid,
  meetingUid: 'a-m1',
  number: `决议〔2026〕${uid}`,
  title: `决议 ${uid}`,
  text: '',
  responsible: '张主任',
  deadline,
  completedOn,
  result: null,
  progress: [{ date: '2026-02-01', percent: 40, text: '推进中' }],
});
const step = (n: number, date: string) => ({
  step: n,
  date,
  form: n >= 5 ? ('公示' as const) : ('会议' as const),
  meetingUid: null,
  expected: null,
  present: null,
  content: '',
});
const rule = (uid: string, filedOn: string | null) => ({
  uid,
  kind: '居民公约',
  title: `公约 ${uid}`,
  stage: filedOn ? '备案' : '表决',
  adoptedOn: '2026-04-20',
  presentCount: 40,
  womenPresent: 15,
  delegationBasis: null,
  filingDue: '2026-04-30',
  filingAuthority: '幸福街道办事处',
  filedOn,
  filingReceiptNo: null,
  publishedOn: null,
  steps: [],
  text: null,
});

describe.each(targets)('street hub API on $name', (target) => {
  let t: TestHub;
  let admin: string;
  let readOnly: string;
  let chengguan: string;
  let a: FakeCommunity;
  let b: FakeCommunity;
  const docBytes = Buffer.from('备案报告 docx bytes');

  beforeAll(async () => {
    t = await startHub(target);
    admin = await signIn(t, '王芳', '街道管理员');
    readOnly = await signIn(t, '赵看看', '只读');
    chengguan = await signIn(t, '城管科', '部门', '城管');
    a = await enrollCommunity(t, admin, '幸福里社区', '社区');
    b = await enrollCommunity(t, admin, '青石村', '村');
    const bodyA: Body = {
      meetings: [
        meeting('a-m1', '2026-01-10', { status: '已定稿', expected: 30, present: 25 }),
        meeting('a-m2', '2026-01-20', { status: '已结束', expected: 30, present: 20 }),
        meeting('a-m3', '2026-02-05', { status: '草稿', expected: null, present: null }),
      ],
      resolutions: [
        resolution('r1', '2026-03-01', '2026-02-20'),
        resolution('r2', '2026-04-01', null),
        resolution('r3', '2026-05-01', '2026-07-15'),
        resolution('r4', '2026-12-31', null),
      ],
      topics: [topic('t1', '满意'), topic('t2', '不满意')],
      summons: [
        summons('s1', '城管', '2026-03-01T02:00:00.000Z', 24, '2026-03-01T10:00:00.000Z', true, 't1'),
        summons('s2', '城管', '2026-03-20T02:00:00.000Z', 24, '2026-03-22T02:00:00.000Z', false, 't2'),
        summons('s3', '住建', '2026-04-02T01:00:00.000Z', 48, null, null, null),
      ],
      matters: [
        {
          uid: 'mt1',
          title: '道路硬化',
          category: null,
          createdOn: '2026-02-01',
          steps: [step(1, '2026-02-01'), step(2, '2026-02-03'), step(3, '2026-02-10'), step(4, '2026-02-20'), step(5, '2026-02-21'), step(6, '2026-05-01')],
        },
        { uid: 'mt2', title: '垃圾分类点', category: null, createdOn: '2026-03-01', steps: [step(3, '2026-03-05'), step(1, '2026-03-01')] },
        { uid: 'mt3', title: '停车位', category: null, createdOn: '2026-03-10', steps: [step(1, '2026-03-10'), step(2, '2026-03-08')] },
      ],
      rules: [rule('rule1', '2026-05-10'), rule('rule2', null)],
      documents: [
        {
          uid: 'doc-rule1',
          recordUid: 'rule1',
          kind: '备案报告',
          fileName: '备案报告.docx',
          sha256: crypto.createHash('sha256').update(docBytes).digest('hex'),
          base64: docBytes.toString('base64'),
        },
      ],
    };
    const bodyB: Body = {
      organization: { name: '青石村', kind: '村', committeeName: null, superiorName: null },
      meetings: [meeting('b-m1', '2026-01-15', { typeName: '村民代表会议', expected: 50, present: 40 })],
      resolutions: [resolution('r5', null, null)],
      topics: [topic('t3', '基本满意')],
      // 01:00 on 1 April in China: counts in April.
      summons: [summons('s4', '城管', '2026-03-31T17:00:00.000Z', 24, '2026-04-01T00:00:00.000Z', true, 't3')],
      rules: [rule('rule3', '2026-04-01')],
    };
    expect((await send(t, reportPackage(a, 1, bodyA))).body).toMatchObject({ ok: true });
    expect((await send(t, reportPackage(b, 1, bodyB))).body).toMatchObject({ ok: true });
  }, 60_000);
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const post = (url: string, payload: object, cookie?: string) => t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });

  it('refuses a wrong password and locks the account after five in a row', async () => {
    await signIn(t, '李四', '只读');
    const wrong = await post('/api/login', { username: '李四', password: '不对的密码123' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe('用户名或密码不对，请重新输入');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const nobody = await post('/api/login', { username: '没有这个人', password: 'whatever123' });
    expect(nobody.json().message).toBe('用户名或密码不对，请重新输入');
    for (let i = 0; i < 4; i++) await post('/api/login', { username: '李四', password: '不对的密码123' });
    const locked = await post('/api/login', { username: '李四', password: '口令-李四-12345' });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().message).toContain('已暂时锁定');
  });

  it('checks the role on every endpoint', async () => {
    expect((await get('/api/dashboard/meetings')).statusCode).toBe(401);
    expect((await get('/api/communities')).statusCode).toBe(401);
    expect((await post('/api/communities', { name: '新社区' }, readOnly)).statusCode).toBe(403);
    expect((await post('/api/users', { username: 'x', password: '12345678', role: '街道管理员' }, chengguan)).statusCode).toBe(403);
    const review = await post('/api/rules/review', { communityId: a.communityId, ruleUid: 'rule1', decision: '同意备案' }, readOnly);
    expect(review.statusCode).toBe(403);
    expect((await post('/api/rules/review', { communityId: a.communityId, ruleUid: 'rule1', decision: '同意备案' }, chengguan)).statusCode).toBe(403);
    expect((await post('/api/summons/answer', { communityId: a.communityId, summonsUid: 's1', reported: true }, readOnly)).statusCode).toBe(403);
    // A department answers its own summons only.
    const other = await post('/api/summons/answer', { communityId: a.communityId, summonsUid: 's3', answer: '已处理' }, chengguan);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('住建');
    expect((await get('/api/dashboard/meetings', readOnly)).statusCode).toBe(200);
    const spare = await signIn(t, '临时只读', '只读');
    expect((await post('/api/logout', {}, spare)).statusCode).toBe(200);
    expect((await get('/api/me', spare)).statusCode).toBe(401);
    // A disabled account's session ends at once.
    const leaving = await signIn(t, '调离人员', '只读');
    const me = (await get('/api/me', leaving)).json();
    expect((await post(`/api/users/${me.user.id}/disable`, { disabled: true }, readOnly)).statusCode).toBe(403);
    expect((await post(`/api/users/${me.user.id}/disable`, { disabled: true }, admin)).json()).toEqual({ ok: true });
    expect((await get('/api/me', leaving)).statusCode).toBe(401);
  });

  it('counts meetings held per month, per community and across them', async () => {
    const all = (await get('/api/dashboard/meetings?from=2026-01-01&to=2026-12-31', admin)).json();
    expect(all.total).toBe(3);
    expect(all.rows.map((r: any) => [r.month, r.communityName, r.held, r.finalized])).toEqual([
      ['2026-01', '幸福里社区', 2, 1],
      ['2026-01', '青石村', 1, 1],
    ]);
    const one = (await get(`/api/dashboard/meetings?from=2026-01-01&to=2026-12-31&communityId=${a.communityId}`, admin)).json();
    expect(one.total).toBe(2);
    expect(one.rows[0]).toMatchObject({ present: 45, expected: 60 });
  });

  it('finds overdue 督办 as of a date', async () => {
    const r = (await get('/api/dashboard/resolutions?asOf=2026-06-30', admin)).json();
    expect(r.summary).toEqual([
      { communityId: a.communityId, communityName: '幸福里社区', total: 4, completed: 1, open: 3, overdue: 2 },
      { communityId: b.communityId, communityName: '青石村', total: 1, completed: 0, open: 1, overdue: 0 },
    ]);
    expect(r.overdue.map((o: any) => [o.uid, o.daysOverdue, o.progressPercent])).toEqual([
      ['r2', 90, 40],
      ['r3', 60, 40],
    ]);
    const later = (await get('/api/dashboard/resolutions?asOf=2026-08-01', admin)).json();
    expect(later.overdueTotal).toBe(1);
  });

  it('gives 吹哨报到 rates by department and month with the desktop definitions', async () => {
    const r = (await get('/api/dashboard/summons?from=2026-01-01&to=2026-12-31', admin)).json();
    const cg = r.departments.find((d: any) => d.department === '城管');
    expect([cg.summoned, cg.response.text, cg.resolution.text, cg.satisfaction.text]).toEqual([3, '2/3（66.7%）', '2/3（66.7%）', '2/3（66.7%）']);
    const zj = r.departments.find((d: any) => d.department === '住建');
    expect([zj.summoned, zj.response.text, zj.satisfaction.text]).toEqual([1, '0/1（0.0%）', '0/0（无数据）']);
    expect(r.total.response.text).toBe('2/4（50.0%）');
    expect(r.months.map((m: any) => [m.month, m.total.summoned])).toEqual([
      ['2026-03', 2],
      ['2026-04', 2],
    ]);
    expect(r.definitions.response).toContain('响应率');
  });

  it('lists 四议两公开 matters with their six steps in order', async () => {
    const r = (await get(`/api/dashboard/matters?from=2026-01-01&to=2026-12-31&communityId=${a.communityId}`, admin)).json();
    expect([r.total, r.complete, r.outOfOrder]).toEqual([3, 1, 2]);
    const road = r.rows.find((m: any) => m.uid === 'mt1');
    expect(road.steps.map((s: any) => s.name)).toEqual([
      '党组织提议',
      '“两委”会议商议',
      '党员大会审议',
      '居民会议或居民代表会议决议',
      '决议公开',
      '实施结果公开',
    ]);
    expect(road).toMatchObject({ inOrder: true, complete: true });
    const skipped = r.rows.find((m: any) => m.uid === 'mt2');
    expect(skipped.steps.map((s: any) => s.done)).toEqual([true, false, true, false, false, false]);
    expect(skipped.inOrder).toBe(false);
  });

  it('returns a 备案审查意见 and a department answer in a signed 回执包 the community pulls', async () => {
    const before = (await get('/api/dashboard/rules?status=待审查', readOnly)).json();
    expect(before.rows.map((r: any) => r.uid).sort()).toEqual(['rule1', 'rule3']);
    expect(before.rows.find((r: any) => r.uid === 'rule1').documents).toEqual([expect.objectContaining({ fileName: '备案报告.docx', size: docBytes.length })]);
    expect(before.rows.find((r: any) => r.uid === 'rule1').filingReport).toMatchObject({ presentCount: 40, womenPresent: 15 });

    const noReason = await post('/api/rules/review', { communityId: b.communityId, ruleUid: 'rule3', decision: '退回' }, admin);
    expect(noReason.json().message).toContain('退回时请写明理由');
    const review = await post('/api/rules/review', { communityId: b.communityId, ruleUid: 'rule3', decision: '退回', reasons: '第五条与法律不符' }, admin);
    expect(review.json()).toMatchObject({ ok: true, review: { decision: '退回', reviewer: '王芳' } });
    const answer = await post('/api/summons/answer', { communityId: a.communityId, summonsUid: 's1', reported: true, answer: '已安排清运' }, chengguan);
    expect(answer.json()).toMatchObject({ ok: true, reply: { department: '城管', answer: '已安排清运', by: '城管科' } });

    const rulesAfter = (await get('/api/dashboard/rules', admin)).json();
    expect(rulesAfter.counts).toEqual({ 未报备: 1, 待审查: 1, 已同意备案: 0, 已退回: 1 });

    // The community signs { communityId, after, timestamp }.
    const pull = () =>
      t.app.inject({
        url: '/api/replies',
        query: Object.fromEntries(Object.entries(signPullRequest(a.communityId, 0, a.keys.privateKeyPem)).map(([k, v]) => [k, String(v)])),
      });
    const first = await pull();
    expect(first.statusCode).toBe(200);
    const packages = first.json().packages as { sequence: number; text: string }[];
    expect(packages.map((p) => p.sequence)).toEqual([1]);
    const opened = openPackage(packages[0]!.text, 'reply', t.hub.publicKey);
    expect(opened.header).toMatchObject({ communityId: a.communityId, hubId: t.hub.hubId, sequence: 1 });
    expect(opened.body.acknowledgedSequence).toBe(1);
    expect(opened.body.summonsReplies).toEqual([expect.objectContaining({ summonsUid: 's1', answer: '已安排清运' })]);
    expect(opened.body.filingReviews).toEqual([]);
    // Pulled again: the very same package, nothing new built.
    const second = await pull();
    expect(second.json().packages.map((p: any) => p.text)).toEqual([packages[0]!.text]);

    // The admin hands B its 回执包 as a file.
    const list = (await get(`/api/communities/${b.communityId}/replies?after=0`, admin)).json();
    expect(list.items.map((i: any) => i.sequence)).toEqual([1]);
    const file = await get(`/api/communities/${b.communityId}/replies/1`, admin);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('议事厅回执包-青石村-第1号.json'));
    const forB = openPackage(file.body, 'reply', t.hub.publicKey);
    expect(forB.body.filingReviews).toEqual([
      expect.objectContaining({ ruleUid: 'rule3', decision: '退回', reasons: '第五条与法律不符', authority: '幸福街道议事集散中心' }),
    ]);
  });

  it('refuses a pull that is replayed, too old or signed by another key', async () => {
    const signed = signPullRequest(b.communityId, 0, b.keys.privateKeyPem);
    const q = (s: object) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)]));
    expect((await t.app.inject({ url: '/api/replies', query: q(signed) })).statusCode).toBe(200);
    const replay = await t.app.inject({ url: '/api/replies', query: q(signed) });
    expect(replay.statusCode).toBe(403);
    expect(replay.json().message).toContain('已经用过');
    const old = signPullRequest(b.communityId, 0, b.keys.privateKeyPem, new Date(Date.now() - 10 * 60_000));
    expect((await t.app.inject({ url: '/api/replies', query: q(old) })).json().message).toContain('5 分钟');
    const foreign = signPullRequest(b.communityId, 0, a.keys.privateKeyPem);
    expect((await t.app.inject({ url: '/api/replies', query: q(foreign) })).json().message).toContain('签名核对不上');
  });

  it('exports each dashboard as .xlsx that reads back with the same figures', async () => {
    const res = await get('/api/dashboard/summons.xlsx?from=2026-01-01&to=2026-12-31', admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('按部门')!;
    const values = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(values).toContainEqual(['城管', 3, '2/3（66.7%）', '2/3（66.7%）', '2/3（66.7%）']);
    expect(values).toContainEqual(['合计', 4, '2/4（50.0%）', '2/4（50.0%）', '2/3（66.7%）']);

    for (const name of ['meetings', 'resolutions', 'matters', 'rules']) {
      const x = await get(
        `/api/dashboard/${name}.xlsx?${name === 'resolutions' ? 'asOf=2026-06-30' : name === 'rules' ? '' : 'from=2026-01-01&to=2026-12-31'}`,
        admin,
      );
      expect(x.statusCode, name).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets.length, name).toBeGreaterThan(0);
    }
    const meetingsBook = new ExcelJS.Workbook();
    await meetingsBook.xlsx.load((await get('/api/dashboard/meetings.xlsx?from=2026-01-01&to=2026-12-31', admin)).rawPayload as unknown as ArrayBuffer);
    const rows = meetingsBook.worksheets[0]!.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows).toContainEqual(['2026-01', '幸福里社区', 2, 1, 60, 45]);
  });

  it('answers bad query parameters in Chinese', async () => {
    const bad = await get('/api/dashboard/meetings?from=2026/01/01', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('开始日期的格式应为');
    const missing = await get('/api/no-such-thing', admin);
    expect(missing.json()).toEqual({ ok: false, message: '没有这个地址' });
  });
});
