import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SampleWorld } from '../../core/contract/samples';
import { ledgerKinds, type LedgerKind } from '../../core/contract/ledgers';
import { dispatch } from '../../electron/api/dispatch';
import { buildWorld, caller, copyOfWorld } from '../support/sample-world';
import { makeId } from '../support/ids';

const PHONE = '13812345678';
const ID_NUMBER = makeId('1965-04-02', '男');

let world: SampleWorld;
let t: ReturnType<typeof copyOfWorld>;
let call: ReturnType<typeof caller>;

async function sheets(kind: LedgerKind, from = '2026-11-01', to = '2026-11-30') {
  const file = await call('ledgers.export', { orgId: world.village.orgId, kind, from, to });
  expect(file.fileName).toBe(`青山镇青石村村民委员会-${kind}-${from}至${to}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return { name: ws.name, rows, ws };
  });
}

/** Rows after the title and header, as objects by header. */
function records(rows: string[][]) {
  const header = rows[1]!;
  return rows.slice(2).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

beforeAll(async () => {
  const built = await buildWorld();
  world = built.world;
  t = copyOfWorld(built.file);
  call = caller(t.ctx);
  const orgId = world.village.orgId;
  // A resident with a phone and an ID number raises a topic; neither may reach any ledger.
  const raiser = await call('people.create', { orgId, name: '赵有田', birthDate: '1965-04-02', idNumber: ID_NUMBER, phone: PHONE, householdNo: '200' });
  const lamp = await call('topics.create', {
    orgId,
    receivedOn: '2026-11-02',
    channel: '居民信箱',
    raiserKind: 'person',
    raiserPersonId: raiser.id,
    category: '基础设施',
    title: '村东路灯不亮',
    content: `请回电 ${PHONE}`,
  });
  await call('topics.create', { orgId, receivedOn: '2026-10-15', channel: '热线电话', raiserKind: 'anonymous', title: '十月的旧议题', content: '旧' });
  const s = await call('summons.create', {
    orgId,
    topicId: lamp.id,
    department: '供电所',
    contact: `李师傅 ${PHONE}`,
    summonedAt: '2026-11-03T09:00:00+08:00',
    reportWithinHours: 24,
  });
  await call('summons.report', { id: s.id, reportedAt: '2026-11-03T15:00:00+08:00' });
  await call('summons.complete', { id: s.id, result: '路灯已更换', resolved: true, closedAt: '2026-11-05T10:00:00+08:00' });
  await call('topics.close', { id: lamp.id, result: '路灯已更换', date: '2026-11-06' });
  await call('summons.create', { orgId, department: '水务站', summonedAt: '2026-10-20T09:00:00+08:00', reportWithinHours: 24 });
  await call('followUp.addProgress', { resolutionId: world.resolutionId, date: '2026-11-25', text: '完成招标', percent: 30 });
  await call('resolutions.update', { id: world.resolutionId, responsible: '王主任', deadline: '2026-11-28' });
  const m = await call('matters.create', { orgId, title: '村集体果园承包', category: '集体资产', createdOn: '2026-11-01' });
  await call('matters.recordStep', { matterId: m.id, step: 1, date: '2026-11-05', expected: 7, present: 6, content: '村党组织提议果园对外承包' });
  await call('matters.create', { orgId, title: '九月的旧事项', createdOn: '2026-09-01' });
  await call('rules.create', { orgId, kind: '村规民约', title: '青石村村规民约', date: '2026-11-10' });
  await call('rules.create', { orgId, kind: '村规民约', title: '八月的旧草案', date: '2026-08-01' });
  await call('organizations.setProfile', { orgId, committeeName: '青山镇青石村村民委员会', partyOrgName: '中共青石村支部委员会' });
}, 120_000);

describe('ledgers.export', () => {
  it('会议台账: the title, header and each meeting with 应到/实到, quorum and its resolutions', async () => {
    const [sheet] = await sheets('会议台账');
    expect(sheet!.rows[0]![0]).toBe('青山镇青石村村民委员会 会议台账（2026-11-01 至 2026-11-30）');
    expect(sheet!.rows[1]).toEqual([
      '序号',
      '会议日期',
      '会议类型',
      '会议名称',
      '地点',
      '主持人',
      '记录人',
      '应到',
      '实到',
      '是否达到法定人数',
      '形成决议',
      '状态',
    ]);
    const finalized = records(sheet!.rows).find((r) => r['会议名称'] === '十一月村民代表会议（已定稿）')!;
    expect(finalized).toMatchObject({
      会议日期: '2026-11-20',
      会议类型: '村民代表会议',
      主持人: '王书记',
      记录人: '李文书',
      应到: '15',
      实到: '12',
      是否达到法定人数: '是',
      状态: '已定稿',
    });
    expect(finalized['形成决议']).toMatch(/村道硬化/);
    expect(records(sheet!.rows)).toHaveLength(5);
    expect(sheet!.ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet!.ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    // Outside the range: none.
    const [before] = await sheets('会议台账', '2026-10-01', '2026-10-31');
    expect(records(before!.rows)).toHaveLength(0);
  });

  it('决议台账: number, meeting, 责任人, 期限, status by today and the latest progress', async () => {
    const [sheet] = await sheets('决议台账');
    expect(sheet!.rows[1]).toEqual(['序号', '决议编号', '决议事项', '会议', '会议日期', '责任人', '办理期限', '办理状态', '最新进展', '办结日期']);
    const [r] = records(sheet!.rows);
    expect(r).toMatchObject({
      决议事项: '村道硬化方案',
      会议: '十一月村民代表会议（已定稿）',
      会议日期: '2026-11-20',
      责任人: '王主任',
      办理期限: '2026-11-28',
    });
    expect(r!['最新进展']).toBe('2026-11-25 完成招标（30%）');
    expect(['逾期', '进行中']).toContain(r!['办理状态']);
  });

  it('议题台账: by name only, days taken, and a topic received before the range is absent', async () => {
    const [sheet] = await sheets('议题台账');
    const rows = records(sheet!.rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      收到日期: '2026-11-02',
      来源渠道: '居民信箱',
      提出人: '赵有田',
      类别: '基础设施',
      议题: '村东路灯不亮',
      办理状态: '已办结',
      办结日期: '2026-11-06',
      '用时（天）': '4',
    });
    const [october] = await sheets('议题台账', '2026-10-01', '2026-10-31');
    expect(records(october!.rows).map((r) => r['提出人'])).toEqual(['匿名']);
  });

  it('吹哨报到台账: times in Beijing time, and the monthly rates by summonsRates', async () => {
    const [list, rates] = await sheets('吹哨报到台账', '2026-10-01', '2026-11-30');
    expect(list!.rows[1]).toEqual(['序号', '事项', '报到部门', '吹哨时间', '报到时间', '办结时间', '是否解决', '评价']);
    expect(records(list!.rows).find((r) => r['报到部门'] === '供电所')).toMatchObject({
      事项: '村东路灯不亮',
      吹哨时间: '2026-11-03 09:00',
      报到时间: '2026-11-03 15:00',
      办结时间: '2026-11-05 10:00',
      是否解决: '已解决',
    });
    expect(rates!.name).toBe('月度响应率');
    const r = records(rates!.rows);
    const nov = r.find((x) => x['月份'] === '2026-11' && x['部门'] === '供电所')!;
    const expected = await call('summons.rates', { orgId: world.village.orgId, from: '2026-11-01', to: '2026-11-30' });
    const power = expected.departments.find((d) => d.department === '供电所')!;
    expect(nov).toMatchObject({ 吹哨次数: '1', 响应率: power.response.text, 解决率: power.resolution.text, 满意率: power.satisfaction.text });
    expect(r.filter((x) => x['月份'] === '2026-10').map((x) => x['部门'])).toEqual(['水务站', '合计']);
  });

  it('四议两公开台账 and 村规民约备案台账: the range decides which records appear', async () => {
    const [matters] = await sheets('四议两公开台账');
    expect(matters!.rows[1]!.slice(0, 4)).toEqual(['序号', '事项', '类别', '登记日期']);
    expect(matters!.rows[1]).toHaveLength(10);
    const rows = records(matters!.rows);
    expect(rows.map((r) => r['事项'])).toEqual(['村集体果园承包']);
    expect(matters!.rows[2]![4]).toMatch(/^2026-11-05/);
    const [rules] = await sheets('村规民约备案台账');
    expect(rules!.rows[1]).toEqual(['序号', '名称', '类型', '所处阶段', '通过日期', '备案期限', '报备日期', '备案回执号', '备案机关']);
    expect(records(rules!.rows).map((r) => r['名称'])).toEqual(['青石村村规民约']);
  });

  it('no ledger carries a phone or an ID number', async () => {
    for (const kind of ledgerKinds) {
      for (const sheet of await sheets(kind, '2026-01-01', '2026-11-30')) {
        const text = sheet.rows.flat().join(' ');
        expect(text).not.toContain(PHONE);
        expect(text).not.toContain(ID_NUMBER);
        expect(text).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
      }
    }
  });

  it('refuses a range that ends before it starts, in Chinese', async () => {
    const r = await dispatch(t.ctx, 'ledgers.export', { orgId: world.village.orgId, kind: '会议台账', from: '2026-11-30', to: '2026-11-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('结束日期早于开始日期');
  });
});
