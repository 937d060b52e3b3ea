import { describe, expect, it } from 'vitest';
import { openTemp } from '../support/db';
import { failure, value } from '../support/village';
import { makeId } from '../support/ids';

/** A village with 45 representatives in a body, as the end-to-end story has it. */
async function village(memberCount = 45) {
  const t = openTemp();
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name: '东风村', kind: '村' });
  const rows = Array.from({ length: memberCount }, (_, i) => ({
    name: `代表${String(i + 1).padStart(2, '0')}`,
    gender: i % 3 === 0 ? '女' : '男',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(100 + i),
    groupName: `第${(i % 5) + 1}组`,
    tags: '村民代表',
    note: '',
  }));
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 500 })).items as { id: number; name: string }[];
  const body = await value(ctx, 'bodies.create', { orgId: org.id, name: '第三届村民代表会议', kind: '村民代表会议', termStart: '2024-01-01' });
  await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: people.map((p) => p.id), role: '村民代表' });
  const types = (await value(ctx, 'meetingTypes.list', { orgId: org.id })).items as { id: number; name: string; versions: { id: number }[] }[];
  const typeId = (name: string) => types.find((t) => t.name === name)!.id;
  return { ...t, org, people, body, typeId, types };
}

describe('会议：规则、生命周期与锁定', () => {
  it('picks the 2018 or 2025 rules by the meeting date and keeps them', async () => {
    const { ctx, org, body, typeId } = await village(3);
    const old = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民代表会议'),
      title: '2025年第四季度村民代表会议',
      date: '2025-12-20',
      basis: 'body',
      bodyId: body.id,
    });
    expect(old.lawVersion).toBe('2018');
    expect(old.ruleSet.source.articles).toContain('第二十五条');
    const moved = await value(ctx, 'meetings.update', { id: old.id, date: '2026-01-10' });
    expect(moved.lawVersion).toBe('2025');
    expect(moved.ruleSet.source.articles).toContain('第二十九条');
  });

  it('refuses a basis the type does not have, and a body basis without a body', async () => {
    const { ctx, org, typeId } = await village(3);
    expect(
      (await failure(ctx, 'meetings.create', { orgId: org.id, meetingTypeId: typeId('村民代表会议'), title: '会', date: '2026-03-01', basis: 'households' }))
        .message,
    ).toContain('不能按这种方式');
    expect(
      (await failure(ctx, 'meetings.create', { orgId: org.id, meetingTypeId: typeId('村民代表会议'), title: '会', date: '2026-03-01', basis: 'body' })).message,
    ).toContain('请选择参会的机构');
  });

  it('asks for the special circumstance when the notice is shorter than the law requires', async () => {
    const { ctx, org, typeId } = await village(3);
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民会议'),
      title: '村民会议',
      date: '2026-03-10',
      basis: 'households',
    });
    const short = await failure(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-05' });
    expect(short.message).toContain('应当提前 10 天通知；本次只提前 5 天');
    expect(short.message).toContain('临时召开的特殊情况');
    const ok = await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-05', urgentReason: '防汛抢险，需立即议定' });
    expect(ok).toMatchObject({ status: '已通知', urgentReason: '防汛抢险，需立即议定' });
    expect(await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-02-28' })).toMatchObject({ noticeDate: '2026-02-28' });
  });

  it('runs 草稿 → 已通知 → 进行中 → 已结束 → 已定稿, freezes 应到 at the start, then locks the meeting in the database', async () => {
    const { ctx, db, org, body, people, typeId } = await village(45);
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民代表会议'),
      title: '2026年第一季度村民代表会议',
      date: '2026-03-15',
      startTime: '09:00',
      place: '村委会议室',
      chairName: '王主任',
      recorderName: '李文书',
      basis: 'body',
      bodyId: body.id,
    });
    expect(m.quorum).toMatchObject({ expected: 45, present: 0, required: 30, met: false, frozen: false, rule: '须应到人数的三分之二以上，即至少 30 人' });
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化工程方案' });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-10' });
    const started = await value(ctx, 'meetings.start', { id: m.id });
    expect(started).toMatchObject({ status: '进行中', quorum: { expected: 45, frozen: true } });

    for (const p of people.slice(0, 29)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:55' });
    const sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(sheet.quorum).toMatchObject({ expected: 45, present: 29, met: false, missing: 1 });
    const change = await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[29]!.id, time: '09:10' });
    expect(change.quorum).toMatchObject({ present: 30, met: true, missing: 0 });
    expect(change.entry).toMatchObject({ personId: people[29]!.id, attendance: { status: '迟到', arrivedAt: '09:10' } });

    // A person added to the body after the start does not change the frozen 应到.
    await value(ctx, 'people.create', { orgId: org.id, name: '新代表' }).then((p) =>
      value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: [p.id], role: '村民代表' }),
    );
    expect((await value(ctx, 'meetings.get', { id: m.id })).quorum.expected).toBe(45);

    await value(ctx, 'speeches.add', { agendaItemId: item.id, speakerName: people[0]!.name, speakerPersonId: people[0]!.id, content: '同意方案一' });
    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:30' });
    const final = await value(ctx, 'meetings.finalize', { id: m.id });
    expect(final.status).toBe('已定稿');

    // The app refuses, and so does the file itself, whoever writes to it.
    expect((await failure(ctx, 'agenda.add', { meetingId: m.id, title: '临时动议' })).message).toContain('已定稿');
    expect((await failure(ctx, 'meetings.update', { id: m.id, place: '别处' })).message).toContain('已定稿');
    expect(() => db.sqlite.prepare("update meetings set place = '别处' where id = ?").run(m.id)).toThrow(/会议已定稿/);
    expect(() => db.sqlite.prepare('delete from meetings where id = ?').run(m.id)).toThrow(/会议已定稿/);
    expect(() => db.sqlite.prepare("update speeches set content = '改了' where meeting_id = ?").run(m.id)).toThrow(/会议已定稿/);
    expect(() => db.sqlite.prepare('delete from attendance where meeting_id = ?').run(m.id)).toThrow(/会议已定稿/);
    expect(() =>
      db.sqlite.prepare("insert into agenda_items (meeting_id, position, title, created_at, updated_at) values (?, 9, 'x', 'x', 'x')").run(m.id),
    ).toThrow(/会议已定稿/);

    const actions = db.sqlite.prepare("select action from audit_log where entity = 'meeting' and entity_id = ? order by id").pluck().all(m.id);
    expect(actions).toEqual(['meeting.create', 'meeting.notify', 'meeting.start', 'meeting.end', 'meeting.finalize', 'minutes.finalize']);
  });

  it('refuses bad sign-ins in Chinese and keeps every correction as history', async () => {
    const { ctx, org, body, people, typeId } = await village(5);
    const outsider = await value(ctx, 'people.create', { orgId: org.id, name: '外村人' });
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民代表会议'),
      title: '会',
      date: '2026-03-15',
      startTime: '09:00',
      endTime: '11:00',
      basis: 'body',
      bodyId: body.id,
    });
    const p = people[0]!;
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:51' })).message).toBe(
      `${p.name}已于 08:50 签到，不能重复签到`,
    );
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: outsider.id })).message).toContain('不在本次会议的应到人员中');
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[1]!.id, time: '12:00' })).message).toContain('晚于会议结束时间 11:00');
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[1]!.id, time: '25:00' })).code).toBe('INVALID_INPUT');
    expect((await failure(ctx, 'attendance.setStatus', { meetingId: m.id, personId: people[1]!.id, status: '请假' })).message).toContain('请假原因');

    await value(ctx, 'attendance.setStatus', { meetingId: m.id, personId: people[1]!.id, status: '请假', reason: '外出务工' });
    await value(ctx, 'attendance.setStatus', { meetingId: m.id, personId: p.id, status: '早退', time: '10:30', note: '家中有事' });
    const sheet = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(sheet.quorum.present).toBe(0);
    expect(sheet.expected.find((e: { personId: number }) => e.personId === p.id).attendance).toMatchObject({
      status: '早退',
      arrivedAt: '08:50',
      leftAt: '10:30',
      changes: 1,
    });
    const history = await value(ctx, 'attendance.history', { meetingId: m.id, personId: p.id });
    expect(history.items).toHaveLength(2);
    expect(history.items[0]!.before).toBeNull();
    expect(history.items[0]!.after).toMatchObject({ status: '出席', arrivedAt: '08:50' });
    expect(history.items[1]!.before).toMatchObject({ status: '出席' });
    expect(history.items[1]!.after).toMatchObject({ status: '早退', leftAt: '10:30' });
    expect(history.items[1].note).toBe('家中有事');

    const observers = await value(ctx, 'attendance.addObserver', {
      meetingId: m.id,
      name: '张科长',
      unit: '镇农业农村办',
      department: '镇农业农村办',
      time: '09:05',
    });
    expect(observers.observer).toMatchObject({ name: '张科长', unit: '镇农业农村办' });
    expect(observers.quorum.present).toBe(0); // 列席 never counts
    expect((await value(ctx, 'attendance.sheet', { meetingId: m.id })).observers[0]).toMatchObject({ name: '张科长', unit: '镇农业农村办' });
  });

  it('signs in by household: one member signs for the household, which counts once', async () => {
    const { ctx, org, people, typeId } = await village(6);
    // Put two people in the same household.
    await value(ctx, 'people.update', { id: people[1]!.id, householdNo: '100' });
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民会议'),
      title: '村民会议',
      date: '2026-03-15',
      basis: 'households',
    });
    const before = await value(ctx, 'attendance.sheet', { meetingId: m.id });
    expect(before.quorum).toMatchObject({ expected: 5, required: 4, rule: '须应到人数的三分之二以上，即至少 4 人' });
    const household = before.expected.find((e: { householdNo: string }) => e.householdNo === '100');
    expect(household.members).toHaveLength(2);
    const after = await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[1]!.id, time: '08:30' });
    expect(after.quorum.present).toBe(1);
    expect((await failure(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[0]!.id, time: '08:31' })).message).toContain('不能重复签到');
  });

  it('orders, reorders and removes agenda items; links an earlier Party discussion', async () => {
    const { ctx, org, body, typeId } = await village(3);
    const party = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('两委联席会议'),
      title: '两委会',
      date: '2026-03-01',
      basis: 'body',
      bodyId: body.id,
    });
    const partyItem = await value(ctx, 'agenda.add', { meetingId: party.id, title: '村道硬化项目（两委商议）' });
    await value(ctx, 'meetings.start', { id: party.id });
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民代表会议'),
      title: '代表会',
      date: '2026-03-15',
      basis: 'body',
      bodyId: body.id,
    });
    const a = await value(ctx, 'agenda.add', { meetingId: m.id, title: '一', plannedMinutes: 20 });
    const b = await value(ctx, 'agenda.add', { meetingId: m.id, title: '二', needsPartyReview: true });
    const c = await value(ctx, 'agenda.add', { meetingId: m.id, title: '三' });
    const reordered = await value(ctx, 'agenda.reorder', { meetingId: m.id, orderedIds: [c.id, a.id, b.id] });
    expect(reordered.items.map((i: { title: string; position: number }) => `${i.position}${i.title}`)).toEqual(['1三', '2一', '3二']);
    expect((await failure(ctx, 'agenda.reorder', { meetingId: m.id, orderedIds: [c.id, a.id] })).message).toContain('请刷新后再调整');
    const candidates = await value(ctx, 'agenda.partyReviewCandidates', { meetingId: m.id });
    expect(candidates.items.map((i: { itemTitle: string }) => i.itemTitle)).toEqual(['村道硬化项目（两委商议）']);
    const linked = await value(ctx, 'agenda.linkPartyReview', { id: b.id, reviewItemId: partyItem.id });
    expect(linked.partyReview).toMatchObject({ meetingTitle: '两委会', meetingDate: '2026-03-01' });
    expect((await failure(ctx, 'agenda.linkPartyReview', { id: a.id, reviewItemId: c.id })).message).toContain('只能关联');
    const removed = await value(ctx, 'agenda.remove', { id: a.id });
    expect(removed.items.map((i: { position: number }) => i.position)).toEqual([1, 2]);
  });

  it('copies a rule set into an own type, refusing impossible fractions', async () => {
    const { ctx, org, types } = await village(1);
    const consult = types.find((t) => t.name === '议事协商会')!;
    const copy = await value(ctx, 'meetingTypes.copy', { orgId: org.id, fromRuleSetId: consult.versions[0]!.id, name: '居民议事会' });
    expect(copy).toMatchObject({ name: '居民议事会', builtIn: false });
    expect(copy.versions[0].definition.statutory).toBe(false);
    const def = copy.versions[0].definition;
    const bad = await failure(ctx, 'meetingTypes.copy', {
      orgId: org.id,
      fromRuleSetId: consult.versions[0]!.id,
      name: '坏规则',
      definition: { ...def, bases: [{ basis: 'body', quorum: { fraction: { num: 3, den: 2 }, comparison: 'atLeast' } }] },
    });
    expect(bad.message).toContain('比例不能大于 1');
    const zero = await failure(ctx, 'meetingTypes.copy', {
      orgId: org.id,
      fromRuleSetId: consult.versions[0]!.id,
      name: '坏规则',
      definition: { ...def, pass: { ...def.pass, fraction: { num: 1, den: 0 } } },
    });
    expect(zero.message).toContain('分母不能为零');
    expect((await failure(ctx, 'meetingTypes.archive', { id: consult.id })).message).toContain('内置会议类型');
  });

  it('warns about body composition the law asks for', async () => {
    const { ctx, body } = await village(10);
    const b = (await value(ctx, 'bodies.members', { bodyId: body.id })).body;
    // 10 representatives, 4 women (i % 3 === 0): 4/10 ≥ 1/3 and 10/10 ≥ 4/5.
    expect(b.composition.map((c: { ok: boolean }) => c.ok)).toEqual([true, true]);
    expect(b.composition[1].message).toContain('妇女占组成人员 4/10，须三分之一以上（至少 4 人），符合');
  });

  it('leaves adults out of 应到 when their birth date is missing, and says so', async () => {
    const { ctx, org, typeId } = await village(2);
    await value(ctx, 'people.create', { orgId: org.id, name: '无生日' });
    await value(ctx, 'people.create', { orgId: org.id, name: '少年', idNumber: makeId('2010-05-05', '男') });
    const m = await value(ctx, 'meetings.create', { orgId: org.id, meetingTypeId: typeId('村民会议'), title: '村民会议', date: '2026-03-15', basis: 'adults' });
    expect(m.quorum.expected).toBe(2);
    expect(m.warnings.join('')).toContain('1 人没有出生日期');
  });
});
