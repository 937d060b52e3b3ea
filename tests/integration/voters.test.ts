// Issue 12, points 1, 2 and 6 (attendance): every line present is a voter; 预备党员 attend a
// 党员大会 without a vote; 迟到/早退 follow a corrected start; a paper sign-in sheet entered afterwards.
import { describe, expect, it } from 'vitest';
import { minutesData, signInSheetData } from '../../electron/api/document-data';
import { openTemp } from '../support/db';
import { failure, value } from '../support/village';

type Row = { name: string; birthDate: string; householdNo: string; tags?: string };

async function org(rows: Row[], kind: '村' | '社区' = '村') {
  const t = openTemp();
  const { ctx } = t;
  const o = await value(ctx, 'organizations.create', { name: `东风村${Math.random()}`, kind });
  await value(ctx, 'roster.commit', {
    orgId: o.id,
    rows: rows.map((r) => ({ gender: '', idNumber: '', phone: '', groupName: '', note: '', tags: '', ...r })),
  });
  const people = (await value(ctx, 'people.list', { orgId: o.id, pageSize: 500 })).items as { id: number; name: string; householdNo: string; tags: string[] }[];
  const types = (await value(ctx, 'meetingTypes.list', { orgId: o.id })).items as { id: number; name: string }[];
  const typeId = (name: string) => types.find((x) => x.name === name)!.id;
  const who = (name: string) => people.find((p) => p.name === name)!;
  return { ...t, ctx, org: o, people, typeId, who };
}

/** Nine households (户 101–109), each an adult; 户 101 also has a child of 12. */
async function villageMeeting() {
  const rows: Row[] = Array.from({ length: 9 }, (_, i) => ({ name: `户主${i + 1}`, birthDate: '1970-05-01', householdNo: String(101 + i) }));
  rows.push({ name: '小明', birthDate: '2014-01-01', householdNo: '101' }, { name: '大强', birthDate: '2008-03-15', householdNo: '102' });
  const t = await org(rows);
  const { ctx, typeId } = t;
  const m = await value(ctx, 'meetings.create', {
    orgId: t.org.id,
    meetingTypeId: typeId('村民会议'),
    title: '村民会议',
    date: '2026-03-15',
    startTime: '09:00',
    basis: 'households',
  });
  const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化' });
  await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
  const sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
  const household = (no: string) => sheet.expected.find((e: { householdNo: string }) => e.householdNo === no).householdId as number;
  const proposal = () =>
    value(ctx, 'proposals.create', { agendaItemId: item.id, title: '村道硬化方案', text: '硬化村道 2 公里', proposerKind: 'body', proposerName: '村民委员会' });
  return { ...t, m, item, sheet, household, proposal };
}

describe('每一个到会的户都是表决人', () => {
  it('the issue’s story: households marked present through 更正 all vote, so 2 ayes of 7 do not pass', async () => {
    const { ctx, m, item, household, proposal, who } = await villageMeeting();
    await value(ctx, 'meetings.start', { id: m.id });
    // Two households at the door, five marked present through 更正 from 请假/缺席, no representative named.
    await value(ctx, 'attendance.signIn', { meetingId: m.id, householdId: household('101'), signedByPersonId: who('户主1').id, time: '08:50' });
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('户主2').id, time: '08:52' });
    for (const no of ['103', '104', '105']) {
      await value(ctx, 'attendance.setStatus', { meetingId: m.id, householdId: household(no), status: '请假', reason: '外出务工' });
      await value(ctx, 'attendance.setStatus', { meetingId: m.id, householdId: household(no), status: '出席', note: '补签' });
    }
    await value(ctx, 'attendance.setStatus', { meetingId: m.id, householdId: household('106'), status: '缺席' });
    await value(ctx, 'attendance.setStatus', { meetingId: m.id, householdId: household('106'), status: '迟到', time: '09:20' });
    const change = await value(ctx, 'attendance.setStatus', { meetingId: m.id, householdId: household('107'), status: '出席' });
    expect(change.quorum).toMatchObject({ expected: 9, present: 7, met: true });
    const sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    // A line with no representative named says so; it is never given the name of someone who did not sign.
    expect(sheet.expected.find((e: { householdNo: string }) => e.householdNo === '107').attendance.signedByName).toBe('');
    expect(minutesData(ctx.db, m.id).attendees.map((x) => x.name)).toEqual(['101户 户主1', '102户 户主2', '103户', '104户', '105户', '106户', '107户']);

    const p = await proposal();
    // A roll-call vote asks for the representatives first; nothing is opened.
    const named = await failure(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '记名' });
    expect(named.message).toContain('以下户签到时没有写明户代表：103户、104户、105户、106户、107户');
    let v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    expect(v).toMatchObject({ expected: 9, eligible: 7 });
    expect(v.voters.map((x: { name: string }) => x.name).sort()).toEqual(['户主1', '户主2']);
    expect(v.households.map((x: { name: string }) => x.name)).toEqual(['103户', '104户', '105户', '106户', '107户']);
    await value(ctx, 'votes.record', { id: v.id, tally: { yes: 2, no: 0, abstain: 0 } });
    v = await value(ctx, 'votes.confirm', { id: v.id });
    expect(v.outcome).toBe('未通过');
    expect(v.explanation).toContain('实到 7 人');

    // Naming a representative afterwards is a change of its own, kept in the history; then 记名 works.
    for (const [no, name] of [
      ['103', '户主3'],
      ['104', '户主4'],
      ['105', '户主5'],
      ['106', '户主6'],
      ['107', '户主7'],
    ] as const) {
      await value(ctx, 'attendance.setStatus', {
        meetingId: m.id,
        personId: who(name).id,
        status: no === '106' ? '迟到' : '出席',
        ...(no === '106' ? { time: '09:20' } : {}),
      });
    }
    const history = await value(ctx, 'attendance.history', { meetingId: m.id, householdId: household('103') });
    expect(history.items.at(-1).after.name).toBe('户主3');
    const q = await proposal();
    const roll = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [q.id], method: '记名' });
    expect(roll).toMatchObject({ eligible: 7, households: [] });
    expect(roll.voters).toHaveLength(7);

    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
    const minutes = minutesData(ctx.db, m.id);
    expect(minutes.present).toBe(7);
    expect(minutes.items[0]!.votes[0]!.eligible).toBe(7);
  });

  it('never takes a minor as a household’s representative, by any route', async () => {
    const { ctx, m, household, sheet, who } = await villageMeeting();
    const h101 = sheet.expected.find((e: { householdNo: string }) => e.householdNo === '101');
    expect(h101.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '小明', minor: true }), expect.objectContaining({ name: '户主1', minor: false })]),
    );
    // 大强 turns 18 on 2026-03-15, the meeting's day: he may sign.
    expect(sheet.expected.find((e: { householdNo: string }) => e.householdNo === '102').members).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '大强', minor: false })]),
    );
    await value(ctx, 'meetings.start', { id: m.id });
    const bySigner = await failure(ctx, 'attendance.signIn', {
      meetingId: m.id,
      householdId: household('101'),
      signedByPersonId: who('小明').id,
      time: '08:50',
    });
    expect(bySigner.message).toContain('小明在会议日期 2026-03-15 未满十八周岁，不能作为101户的户代表签到');
    expect(bySigner.message).toContain('村民委员会组织法');
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('小明').id, time: '08:50' })).message).toContain('未满十八周岁');
    expect((await failure(ctx, 'attendance.setStatus', { meetingId: m.id, personId: who('小明').id, status: '出席' })).message).toContain('未满十八周岁');
    const after = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(after.quorum.present).toBe(0);
    const ok = await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('大强').id, time: '08:50' });
    expect(ok.quorum.present).toBe(1);
  });
});

describe('党员大会：预备党员列席，没有表决权', () => {
  async function branch(full: number, probationary: number) {
    const rows: Row[] = [
      ...Array.from({ length: full }, (_, i) => ({ name: `党员${i + 1}`, birthDate: '1970-01-01', householdNo: String(200 + i), tags: '中共党员' })),
      ...Array.from({ length: probationary }, (_, i) => ({
        name: `预备${i + 1}`,
        birthDate: '1990-01-01',
        householdNo: String(300 + i),
        tags: '中共预备党员',
      })),
    ];
    const t = await org(rows);
    const { ctx, people, typeId } = t;
    const body = await value(ctx, 'bodies.create', { orgId: t.org.id, name: '村党支部', kind: '党支部' });
    return { ...t, body, full: people.filter((p) => p.tags.includes('党员')), probationary: people.filter((p) => p.tags.includes('预备党员')), typeId };
  }

  it('keeps 中共预备党员 apart on import and in the branch, out of 应到 and the voters, listed as attending', async () => {
    const { ctx, org: o, body, full, probationary, typeId } = await branch(8, 2);
    expect(full).toHaveLength(8);
    expect(probationary).toHaveLength(2);
    const refused = await failure(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: [probationary[0]!.id], role: '党员' });
    expect(refused.message).toContain('预备1在名册中是预备党员，没有表决权');
    expect(refused.message).toContain('第七条');
    await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: full.map((p) => p.id), role: '党员' });
    await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: probationary.map((p) => p.id), role: '预备党员' });

    const m = await value(ctx, 'meetings.create', {
      orgId: o.id,
      meetingTypeId: typeId('党员大会'),
      title: '三月党员大会',
      date: '2026-03-08',
      startTime: '19:00',
      basis: 'body',
      bodyId: body.id,
    });
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '审议村道硬化方案' });
    let sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(sheet.quorum).toMatchObject({ expected: 8, required: 4 });
    expect(sheet.quorum.rule).toContain('半数以上');
    expect(sheet.nonVoting.map((e: { name: string }) => e.name)).toEqual(['预备1', '预备2']);
    await value(ctx, 'meetings.start', { id: m.id });
    // Exactly half of those with a vote (4 of 8) is a quorum: 半数以上 includes the number.
    for (const p of full.slice(0, 3)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '18:50' });
    for (const p of probationary) {
      const change = await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '18:55' });
      expect(change).toMatchObject({ list: 'nonVoting', entry: { personId: p.id }, observer: { unit: '预备党员（无表决权）' } });
    }
    sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(sheet.quorum).toMatchObject({ present: 3, met: false });
    expect(sheet.nonVoting.every((e: { attendance: unknown }) => e.attendance != null)).toBe(true);
    expect(sheet.observers.map((o: { name: string; unit: string }) => `${o.name}${o.unit}`)).toEqual([
      '预备1预备党员（无表决权）',
      '预备2预备党员（无表决权）',
    ]);
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: probationary[0]!.id, time: '18:56' })).message).toContain('不能重复签到');
    const p = await value(ctx, 'proposals.create', {
      agendaItemId: item.id,
      title: '村道硬化方案',
      text: '硬化村道 2 公里',
      proposerKind: 'body',
      proposerName: '支部委员会',
    });
    expect((await failure(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' })).message).toContain('现实到 3 人');
    sheet = await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: full[3]!.id, time: '18:58' });
    expect(sheet.quorum).toMatchObject({ expected: 8, present: 4, met: true });

    let v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '记名' });
    expect(v).toMatchObject({ expected: 8, eligible: 4 });
    expect(v.voters.map((x: { name: string }) => x.name).sort()).toEqual(['党员1', '党员2', '党员3', '党员4']);
    const refusedChoice = await failure(ctx, 'votes.record', { id: v.id, rollCall: [{ personId: probationary[0]!.id, choice: '赞成' }] });
    expect(refusedChoice.message).toContain('不在本次表决开始时的有表决权人员中');
    // 4 ayes of 8 with a vote is not 超过应到会有表决权党员的半数.
    v = await value(ctx, 'votes.record', { id: v.id, rollCall: full.slice(0, 4).map((x) => ({ personId: x.id, choice: '赞成' })) });
    v = await value(ctx, 'votes.confirm', { id: v.id });
    expect(v.outcome).toBe('未通过');

    await value(ctx, 'meetings.end', { id: m.id, endTime: '21:00' });
    const minutes = minutesData(ctx.db, m.id);
    expect(minutes).toMatchObject({ expected: 8, present: 4 });
    expect(minutes.observers).toEqual([
      { name: '预备1', unit: '预备党员（无表决权）' },
      { name: '预备2', unit: '预备党员（无表决权）' },
    ]);
    const signIn = signInSheetData(ctx.db, m.id);
    expect(signIn.rows).toHaveLength(8);
    expect(signIn.observers).toEqual([
      { name: '预备1', unit: '预备党员（无表决权）' },
      { name: '预备2', unit: '预备党员（无表决权）' },
    ]);
  });

  it('passes with ayes over half of the roll, whoever is present', async () => {
    const { ctx, org: o, body, full, typeId } = await branch(7, 1);
    await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: full.map((p) => p.id), role: '党员' });
    const m = await value(ctx, 'meetings.create', {
      orgId: o.id,
      meetingTypeId: typeId('党员大会'),
      title: '党员大会',
      date: '2026-03-08',
      basis: 'body',
      bodyId: body.id,
    });
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '审议' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '19:00' });
    for (const p of full.slice(0, 4)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '18:50' });
    const p = await value(ctx, 'proposals.create', { agendaItemId: item.id, title: '方案', text: '内容', proposerKind: 'body', proposerName: '支部委员会' });
    let v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    v = await value(ctx, 'votes.record', { id: v.id, tally: { yes: 4, no: 0, abstain: 0 } });
    v = await value(ctx, 'votes.confirm', { id: v.id });
    // 4 > 7 / 2: passes.
    expect(v.outcome).toBe('通过');
  });
});

describe('迟到、早退随更正后的开会时间重新判断；纸质签到表事后补录', () => {
  async function representatives(n: number) {
    const rows: Row[] = Array.from({ length: n }, (_, i) => ({ name: `代表${i + 1}`, birthDate: '1970-01-01', householdNo: String(400 + i) }));
    const t = await org(rows);
    const body = await value(t.ctx, 'bodies.create', { orgId: t.org.id, name: '村民代表会议', kind: '村民代表会议' });
    await value(t.ctx, 'bodies.addMembers', { bodyId: body.id, personIds: t.people.map((p) => p.id), role: '村民代表' });
    const m = await value(t.ctx, 'meetings.create', {
      orgId: t.org.id,
      meetingTypeId: t.typeId('村民代表会议'),
      title: '代表会',
      date: '2026-03-15',
      startTime: '09:30',
      basis: 'body',
      bodyId: body.id,
    });
    const line = (sheet: any, name: string) => sheet.expected.find((e: { name: string }) => e.name === name).attendance;
    return { ...t, m, line };
  }

  it('judges those already signed in against the start time given at 开始, and again when it is corrected', async () => {
    const { ctx, m, who, line } = await representatives(4);
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表1').id, time: '08:55' });
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表2').id, time: '09:10' });
    // Planned for 09:30, actually opened at 09:00: 代表2 came after the start.
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    let sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(line(sheet, '代表1').status).toBe('出席');
    expect(line(sheet, '代表2').status).toBe('迟到');
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表3').id, time: '09:05' });
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表4').id, time: '09:40' });
    await value(ctx, 'attendance.setStatus', { meetingId: m.id, personId: who('代表4').id, status: '早退', time: '10:50' });

    // The start was in fact 09:15, the end 10:45: 代表2 and 代表3 were on time, 代表4 stayed to the end.
    await value(ctx, 'meetings.update', { id: m.id, startTime: '09:15' });
    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
    await value(ctx, 'meetings.update', { id: m.id, endTime: '10:45' });
    sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(line(sheet, '代表2')).toMatchObject({ status: '出席', arrivedAt: '09:10' });
    expect(line(sheet, '代表3')).toMatchObject({ status: '出席', arrivedAt: '09:05' });
    expect(line(sheet, '代表4')).toMatchObject({ status: '迟到', arrivedAt: '09:40', leftAt: null });
    const history = await value(ctx, 'attendance.history', { meetingId: m.id, personId: who('代表2').id });
    expect(history.items.map((h: { note: string | null }) => h.note)).toEqual([
      null,
      '会议开始时间由 09:30 更正为 09:00，按签到时间重新判断迟到、早退',
      '会议开始时间由 09:00 更正为 09:15，按签到时间重新判断迟到、早退',
    ]);
    const left = await value(ctx, 'attendance.history', { meetingId: m.id, personId: who('代表4').id });
    expect(left.items.at(-1)).toMatchObject({ before: { status: '早退', leftAt: '10:50' }, after: { status: '迟到', leftAt: null } });
    expect(left.items.at(-1).note).toContain('会议结束时间由 11:00 更正为 10:45');
    const minutes = minutesData(ctx.db, m.id);
    expect(minutes.leftEarly).toEqual([]);
    expect(minutes.present).toBe(4);
  });

  it('enters a paper sign-in sheet after the meeting, with the written times, before 定稿 only', async () => {
    const { ctx, m, who, line } = await representatives(5);
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表1').id, paper: true })).message).toContain(
      '纸质签到表只能在会议开始后、定稿前补录',
    );
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:30' });
    await value(ctx, 'attendance.setStatus', { meetingId: m.id, personId: who('代表3').id, status: '请假', reason: '外出务工' });
    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
    const door = await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表1').id });
    expect(door.message).toContain('补录纸质签到表');
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表1').id, paper: true, time: '09:20' });
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表2').id, paper: true, time: '09:42' });
    // No time written on the paper: none is invented.
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表4').id, paper: true });
    const sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(line(sheet, '代表1')).toMatchObject({ status: '出席', arrivedAt: '09:20' });
    expect(line(sheet, '代表2')).toMatchObject({ status: '迟到', arrivedAt: '09:42' });
    expect(line(sheet, '代表4')).toMatchObject({ status: '出席', arrivedAt: null });
    expect(line(sheet, '代表3')).toMatchObject({ status: '请假' });
    expect(sheet.quorum.present).toBe(3);
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表1').id, paper: true })).message).toContain('不能重复签到');
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: who('代表5').id, paper: true, time: '11:30' })).message).toContain(
      '晚于会议结束时间',
    );
    const history = await value(ctx, 'attendance.history', { meetingId: m.id, personId: who('代表2').id });
    expect(history.items).toMatchObject([{ note: '补录纸质签到表', actor: '测试书记员' }]);
    const audit = ctx.db.sqlite.prepare("select count(*) as n from audit_log where action = 'attendance.create'").get() as { n: number };
    expect(audit.n).toBeGreaterThanOrEqual(4);
    expect(minutesData(ctx.db, m.id).present).toBe(3);
  });
});
