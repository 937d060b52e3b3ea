// Issue 15, item 3: a sign-in, a 更正 or a 列席 line returns only the changed line and the new
// counts. Put into the sheet the screen already has, they must give exactly the sheet a fresh
// attendance.sheet reads — the same quorum the panel, the vote and the minutes use.
import { describe, expect, it } from 'vitest';
import type { AttendanceSheet, SheetChange } from '../../core/contract/attendance';
import { applySheetChange } from '../../core/sheet-change';
import { expectedAttendees, expectedCount, type MeetingBase } from '../../db/expected-attendees';
import { minutesData } from '../../electron/api/document-data';
import { openTemp } from '../support/db';
import { failure, value, type Ctx } from '../support/village';

type Row = { name: string; birthDate: string; householdNo: string; tags?: string; groupName?: string };

async function org(rows: Row[]) {
  const t = openTemp();
  const { ctx } = t;
  const o = await value(ctx, 'organizations.create', { name: '东风村', kind: '村' });
  await value(ctx, 'roster.commit', {
    orgId: o.id,
    rows: rows.map((r) => ({ gender: '', idNumber: '', phone: '', groupName: '', note: '', tags: '', ...r })),
  });
  const people = (await value(ctx, 'people.list', { orgId: o.id, pageSize: 500 })).items as { id: number; name: string; tags: string[] }[];
  const types = (await value(ctx, 'meetingTypes.list', { orgId: o.id })).items as { id: number; name: string }[];
  const typeId = (name: string) => types.find((x) => x.name === name)!.id;
  const who = (name: string) => people.find((p) => p.name === name)!.id;
  return { ...t, ctx, org: o, people, typeId, who };
}

/** Follows one meeting's sheet the way the screen does: every change put into the sheet it has, checked against a fresh read. */
async function follow(ctx: Ctx, meetingId: number) {
  let sheet: AttendanceSheet = await value(ctx, 'attendance.sheet', { meetingId });
  const calls: string[] = [];
  return {
    async apply(name: 'attendance.signIn' | 'attendance.setStatus' | 'attendance.addObserver', input: object) {
      const change: SheetChange = await value(ctx, name, { meetingId, ...input });
      calls.push(`${name} ${JSON.stringify(input)}`);
      const fresh: AttendanceSheet = await value(ctx, 'attendance.sheet', { meetingId });
      expect(change.quorum, calls.at(-1)).toEqual(fresh.quorum);
      const merged = applySheetChange(sheet, change);
      expect(merged, calls.at(-1)).toEqual(fresh);
      sheet = merged!;
      return change;
    },
    /** After a write elsewhere (开始, 应到 set by hand): the screen reads the sheet again. */
    async reread() {
      sheet = await value(ctx, 'attendance.sheet', { meetingId });
      return sheet;
    },
    get sheet() {
      return sheet;
    },
  };
}

describe('签到只返回改动的一行和新的人数', () => {
  it('a body meeting: door sign-ins, 更正, 列席 and 应到 set by hand, before and after the start', async () => {
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => ({ name: `代表${i + 1}`, birthDate: '1970-01-01', householdNo: String(100 + i) }));
    const { ctx, org: o, typeId, who } = await org(rows);
    const body = await value(ctx, 'bodies.create', { orgId: o.id, name: '村民代表会议', kind: '村民代表会议' });
    await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: rows.map((r) => who(r.name)), role: '村民代表' });
    const m = await value(ctx, 'meetings.create', {
      orgId: o.id,
      meetingTypeId: typeId('村民代表会议'),
      title: '三月村民代表会议',
      date: '2026-03-15',
      startTime: '09:00',
      basis: 'body',
      bodyId: body.id,
    });
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化' });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
    const s = await follow(ctx, m.id);

    for (const i of [1, 2, 3, 4, 5]) await s.apply('attendance.signIn', { personId: who(`代表${i}`), time: '08:50' });
    await s.apply('attendance.setStatus', { personId: who('代表6'), status: '请假', reason: '外出务工' });
    await s.apply('attendance.setStatus', { personId: who('代表6'), status: '出席', note: '回来了' });
    await s.apply('attendance.setStatus', { personId: who('代表7'), status: '缺席' });
    await s.apply('attendance.addObserver', { name: '刘干事', unit: '镇政府', time: '08:55' });
    expect(s.sheet.quorum).toMatchObject({ expected: 12, present: 6, frozen: false });

    // 应到 set by hand, with its reason: the counts follow it at once.
    await value(ctx, 'meetings.setExpected', { id: m.id, expected: 10, reason: '两名代表已迁出本村，名册尚未更新' });
    expect((await s.reread()).quorum).toMatchObject({ expected: 10, present: 6 });
    await s.apply('attendance.signIn', { personId: who('代表8'), time: '08:58' });
    expect(s.sheet.quorum).toMatchObject({ expected: 10, present: 7, met: true });

    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    await s.reread();
    await s.apply('attendance.signIn', { personId: who('代表9'), time: '09:10' });
    expect(s.sheet.expected.find((e) => e.personId === who('代表9'))!.attendance).toMatchObject({ status: '迟到', arrivedAt: '09:10' });
    await s.apply('attendance.setStatus', { personId: who('代表1'), status: '早退', time: '10:00', note: '家中有事' });
    await s.apply('attendance.setStatus', { personId: who('代表1'), status: '出席', note: '误点了早退' });
    await s.apply('attendance.setStatus', { personId: who('代表7'), status: '迟到', time: '09:30' });
    await s.apply('attendance.addObserver', { name: '张科长', unit: '镇农业农村办', department: '镇农业农村办' });
    // A refused sign-in changes nothing.
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表2') })).message).toContain('不能重复签到');
    expect(await value(ctx, 'attendance.sheet', { meetingId: m.id })).toEqual(s.sheet);

    // The same counts the header, the vote and the minutes use.
    const quorum = s.sheet.quorum;
    expect(quorum).toMatchObject({ expected: 10, present: 9, frozen: true });
    expect((await value(ctx, 'meetings.get', { id: m.id })).quorum).toEqual(quorum);
    const p = await value(ctx, 'proposals.create', {
      agendaItemId: item.id,
      title: '村道硬化方案',
      text: '硬化村道 2 公里',
      proposerKind: 'body',
      proposerName: '村委会',
    });
    const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    expect(v).toMatchObject({ expected: quorum.expected, eligible: quorum.present });
    expect(minutesData(ctx.db, m.id)).toMatchObject({ expected: quorum.expected, present: quorum.present });
  });

  it('a household meeting: a household counts once, whoever signs for it, and through 更正 without a representative', async () => {
    const rows: Row[] = Array.from({ length: 8 }, (_, i) => ({ name: `户主${i + 1}`, birthDate: '1970-05-01', householdNo: String(101 + i) }));
    rows.push(
      { name: '户主1妻', birthDate: '1972-01-01', householdNo: '101' },
      { name: '小明', birthDate: '2014-01-01', householdNo: '101' },
      { name: '无户号', birthDate: '1980-01-01', householdNo: '' },
    );
    const { ctx, org: o, typeId, who } = await org(rows);
    const m = await value(ctx, 'meetings.create', {
      orgId: o.id,
      meetingTypeId: typeId('村民会议'),
      title: '村民会议',
      date: '2026-03-15',
      startTime: '09:00',
      basis: 'households',
    });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
    const s = await follow(ctx, m.id);
    const household = (no: string) => s.sheet.expected.find((e) => e.householdNo === no)!.householdId!;
    expect(s.sheet.quorum).toMatchObject({ expected: 8 });

    // By household with the signer named, and by a member's name (the household is found from them).
    const first = await s.apply('attendance.signIn', { householdId: household('101'), signedByPersonId: who('户主1妻'), time: '08:40' });
    expect(first.entry).toMatchObject({ householdNo: '101', attendance: { signedByName: '户主1妻' } });
    await s.apply('attendance.signIn', { personId: who('户主2'), time: '08:45' });
    await s.apply('attendance.signIn', { householdId: household('103'), time: '08:46' });
    // A minor never signs for the household; the refusal changes nothing.
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('小明'), time: '08:50' })).message).toContain('未满十八周岁');
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('户主1'), time: '08:50' })).message).toContain('不能重复签到');
    // 更正: 请假, then present without a representative named; 缺席, then 迟到.
    await s.apply('attendance.setStatus', { householdId: household('104'), status: '请假', reason: '外出务工' });
    await s.apply('attendance.setStatus', { householdId: household('104'), status: '出席', note: '补签' });
    await s.apply('attendance.setStatus', { householdId: household('105'), status: '缺席' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    await s.reread();
    await s.apply('attendance.setStatus', { householdId: household('105'), status: '迟到', time: '09:20' });
    await s.apply('attendance.setStatus', { personId: who('户主6'), status: '出席' });
    await s.apply('attendance.setStatus', { householdId: household('103'), status: '早退', time: '10:00' });
    await s.apply('attendance.addObserver', { name: '王镇长', unit: '镇政府' });

    expect(s.sheet.quorum).toMatchObject({ expected: 8, present: 5, frozen: true });
    expect(s.sheet.expected.find((e) => e.householdNo === '104')!.attendance).toMatchObject({ signedByName: '', changes: 1 });
    expect((await value(ctx, 'meetings.get', { id: m.id })).quorum).toEqual(s.sheet.quorum);
    // The minutes record who came: 103户, which left early, too.
    expect(minutesData(ctx.db, m.id)).toMatchObject({ expected: 8, present: 5 + 1 });
  });

  it('a 党员大会: 预备党员 sign in as 列席 without a vote, out of 应到 and 实到', async () => {
    const rows: Row[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ name: `党员${i + 1}`, birthDate: '1970-01-01', householdNo: String(200 + i), tags: '中共党员' })),
      ...Array.from({ length: 2 }, (_, i) => ({ name: `预备${i + 1}`, birthDate: '1990-01-01', householdNo: String(300 + i), tags: '中共预备党员' })),
    ];
    const { ctx, org: o, typeId, who } = await org(rows);
    const body = await value(ctx, 'bodies.create', { orgId: o.id, name: '村党支部', kind: '党支部' });
    await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: rows.slice(0, 6).map((r) => who(r.name)), role: '党员' });
    await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: [who('预备1'), who('预备2')], role: '预备党员' });
    const m = await value(ctx, 'meetings.create', {
      orgId: o.id,
      meetingTypeId: typeId('党员大会'),
      title: '三月党员大会',
      date: '2026-03-08',
      startTime: '19:00',
      basis: 'body',
      bodyId: body.id,
    });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
    const s = await follow(ctx, m.id);
    await s.apply('attendance.signIn', { personId: who('党员1'), time: '18:50' });
    const silent = await s.apply('attendance.signIn', { personId: who('预备1'), time: '18:51' });
    expect(silent).toMatchObject({ list: 'nonVoting', entry: { name: '预备1' }, observer: { name: '预备1', unit: '预备党员（无表决权）' } });
    await s.apply('attendance.addObserver', { name: '组织委员', unit: '镇党委' });
    await s.apply('attendance.signIn', { personId: who('预备2'), time: '18:52' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '19:00' });
    await s.reread();
    await s.apply('attendance.signIn', { personId: who('党员2'), time: '19:05' });
    await s.apply('attendance.setStatus', { personId: who('党员3'), status: '出席' });
    await s.apply('attendance.setStatus', { personId: who('党员4'), status: '请假', reason: '生病住院' });

    expect(s.sheet.quorum).toMatchObject({ expected: 6, present: 3 });
    expect(s.sheet.nonVoting.every((e) => e.attendance != null)).toBe(true);
    expect(s.sheet.observers.map((x) => x.name)).toEqual(['预备1', '组织委员', '预备2']);
    expect((await value(ctx, 'meetings.get', { id: m.id })).quorum).toEqual(s.sheet.quorum);
    expect(minutesData(ctx.db, m.id)).toMatchObject({ expected: 6, present: 3 });
  });

  it('counts 应到 in one query exactly as the list has it, for every basis', async () => {
    const rows: Row[] = [
      { name: '甲', birthDate: '1970-01-01', householdNo: '1', groupName: '一组', tags: '居民代表' },
      { name: '乙', birthDate: '2010-01-01', householdNo: '1', groupName: '一组' },
      { name: '丙', birthDate: '', householdNo: '2', groupName: '一组', tags: '居民代表' },
      { name: '丁', birthDate: '2008-03-15', householdNo: '3', groupName: '二组' },
      { name: '戊', birthDate: '2008-03-16', householdNo: '', groupName: '二组', tags: '居民代表' },
      { name: '己', birthDate: '1960-01-01', householdNo: '4', groupName: '二组', tags: '居民代表,党员' },
    ];
    const { db, org: o } = await org(rows);
    for (const basis of ['adults', 'households', 'groupRepresentatives'] as const) {
      for (const groupName of [null, '一组', '二组']) {
        const base: MeetingBase = { orgId: o.id, date: '2026-03-15', basis, bodyId: null, groupName };
        expect(expectedCount(db, base), `${basis} ${groupName}`).toBe(expectedAttendees(db, base).entries.length);
      }
    }
    expect(expectedCount(db, { orgId: o.id, date: '2026-03-15', basis: 'adults', bodyId: null, groupName: null })).toBe(3);
  });
});
