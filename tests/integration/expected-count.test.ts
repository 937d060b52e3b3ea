// Issue 12 point 3: 应到 the secretary can trust — a group meeting counts its group only, people
// without a birth date are named before the start, and 应到 set by hand keeps its written reason.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { openTemp } from '../support/db';
import { failure, value, type Ctx } from '../support/village';

const text = async (file: { base64: string }) => (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value;

/**
 * 青石村: 第一组 6 adults in 4 households, 第二组 4 adults in 2 households, a child in 第一组, and two
 * adults of 第二组 whose birth dates were never typed in.
 */
async function village() {
  const t = openTemp();
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name: '青石村', kind: '村' });
  const row = (name: string, birthDate: string, householdNo: string, groupName: string) => ({
    name,
    gender: '',
    birthDate,
    idNumber: '',
    phone: '',
    householdNo,
    groupName,
    tags: '',
    note: '',
  });
  const rows = [
    row('张一', '1960-01-01', '101', '第一村民小组'),
    row('张二', '1962-01-01', '101', '第一村民小组'),
    row('李一', '1970-05-01', '102', '第一村民小组'),
    row('李小', '2015-05-01', '102', '第一村民小组'),
    row('王一', '1980-01-01', '103', '第一村民小组'),
    row('赵一', '1975-01-01', '104', '第一村民小组'),
    row('赵二', '1977-01-01', '104', '第一村民小组'),
    row('钱一', '1965-01-01', '201', '第二村民小组'),
    row('钱二', '', '201', '第二村民小组'),
    row('孙一', '1990-01-01', '202', '第二村民小组'),
    row('孙二', '', '202', '第二村民小组'),
  ];
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 100 })).items as { id: number; name: string; birthDate: string | null }[];
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  const types = (await value(ctx, 'meetingTypes.list', { orgId: org.id })).items as { id: number; name: string }[];
  const typeId = (name: string) => types.find((x) => x.name === name)!.id;
  return { ...t, org, id, typeId };
}

const auditRows = (ctx: Ctx, action: string) =>
  ctx.db.sqlite.prepare('select actor, before_json as before, after_json as after from audit_log where action = ? order by id').all(action) as {
    actor: string;
    before: string;
    after: string;
  }[];

describe('应到：村民小组会议只计算本组', () => {
  it('refuses a 村民小组会议 without its group, or with a group the roster does not know, in Chinese with the law', async () => {
    const { ctx, org, typeId } = await village();
    const base = { orgId: org.id, meetingTypeId: typeId('村民小组会议'), title: '第一组村民小组会议', date: '2026-03-10', basis: 'adults' };
    const none = await failure(ctx, 'meetings.create', base);
    expect(none.message).toContain('请选择是哪个村民小组');
    expect(none.message).toContain('第三十二条');
    expect((await failure(ctx, 'meetings.create', { ...base, groupName: '  ' })).message).toContain('请选择是哪个村民小组');
    expect((await failure(ctx, 'meetings.create', { ...base, groupName: '第九村民小组' })).message).toContain('名册中没有属于“第九村民小组”的在册人员');
    expect((await value(ctx, 'meetings.list', { orgId: org.id })).items).toHaveLength(0);

    const m = await value(ctx, 'meetings.create', { ...base, groupName: '第一村民小组' });
    const cleared = await failure(ctx, 'meetings.update', { id: m.id, groupName: null });
    expect(cleared.message).toContain('请选择是哪个村民小组');
    expect((await value(ctx, 'meetings.get', { id: m.id })).groupName).toBe('第一村民小组');
  });

  it('counts only the named group: its adults (not its children), or its households', async () => {
    const { ctx, org, typeId } = await village();
    const adults = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民小组会议'),
      title: '第一组会议',
      date: '2026-03-10',
      basis: 'adults',
      groupName: '第一村民小组',
    });
    // 张一 张二 李一 王一 赵一 赵二: 6 adults; 李小 is a child; 第二组 not at all.
    expect(adults.quorum).toMatchObject({ expected: 6, required: 4 });
    expect(adults.undated).toEqual([]);
    const sheet = await value(ctx, 'attendance.sheet', { meetingId: adults.id });
    expect(sheet.expected.map((e: { name: string }) => e.name).sort()).toEqual(['张一', '张二', '李一', '王一', '赵一', '赵二'].sort());

    const households = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民小组会议'),
      title: '第一组户代表会议',
      date: '2026-03-10',
      basis: 'households',
      groupName: '第一村民小组',
    });
    expect(households.quorum.expected).toBe(4);
    const moved = await value(ctx, 'meetings.update', { id: households.id, groupName: '第二村民小组' });
    expect(moved.quorum.expected).toBe(2);

    // A 村民会议 counts the whole village, never one group, whatever is sent.
    const whole = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民会议'),
      title: '村民会议',
      date: '2026-03-10',
      basis: 'households',
      groupName: '第一村民小组',
    });
    expect(whole.groupName).toBeNull();
    expect(whole.quorum.expected).toBe(6);
  });

  it('lists the groups found on the roster for the meeting form', async () => {
    const { ctx, org } = await village();
    expect((await value(ctx, 'people.groups', { orgId: org.id })).items).toEqual([
      { name: '第一村民小组', count: 7 },
      { name: '第二村民小组', count: 4 },
    ]);
    // 第十二 after 第二, 第十 after 第九.
    for (const [name, groupName] of [
      ['周甲', '第十二村民小组'],
      ['周乙', '第十村民小组'],
      ['周丙', '第九村民小组'],
    ] as const) {
      await value(ctx, 'people.create', { orgId: org.id, name, birthDate: '1970-01-01', groupName });
    }
    expect((await value(ctx, 'people.groups', { orgId: org.id })).items.map((g: { name: string }) => g.name)).toEqual([
      '第一村民小组',
      '第二村民小组',
      '第九村民小组',
      '第十村民小组',
      '第十二村民小组',
    ]);
  });
});

describe('应到：没有出生日期的人员在开会前列出', () => {
  it('names the people without a birth date, refuses to start until acknowledged, and counts them once the date is added', async () => {
    const { ctx, org, id, typeId } = await village();
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民小组会议'),
      title: '第二组会议',
      date: '2026-03-10',
      basis: 'adults',
      groupName: '第二村民小组',
    });
    expect(m.quorum.expected).toBe(2);
    expect(m.undated.map((p: { name: string }) => p.name).sort()).toEqual(['孙二', '钱二']);
    expect(m.undated[0]).toMatchObject({ groupName: '第二村民小组', birthDate: null });
    expect(m.warnings.join('')).toContain('2 人没有出生日期');

    const refused = await failure(ctx, 'meetings.start', { id: m.id });
    expect(refused.message).toContain('以下 2 人没有出生日期');
    expect(refused.message).toMatch(/钱二|孙二/);
    expect((await value(ctx, 'meetings.get', { id: m.id })).status).toBe('草稿');

    // Fixed through the person form (people.update): 钱二 now counts.
    await value(ctx, 'people.update', { id: id('钱二'), birthDate: '1968-02-02' });
    const fixed = await value(ctx, 'meetings.get', { id: m.id });
    expect(fixed.quorum.expected).toBe(3);
    expect(fixed.undated.map((p: { name: string }) => p.name)).toEqual(['孙二']);

    // Starting anyway is said in so many words, and the history says so.
    const started = await value(ctx, 'meetings.start', { id: m.id, acknowledgeUndated: true });
    expect(started).toMatchObject({ status: '进行中', quorum: { expected: 3, frozen: true }, undated: [] });
    expect(auditRows(ctx, 'meeting.start').at(-1)!.after).toContain('1 人没有出生日期，经确认未计入应到人数');
  });

  it('starts without asking when everybody has a birth date', async () => {
    const { ctx, org, typeId } = await village();
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民小组会议'),
      title: '第一组会议',
      date: '2026-03-10',
      basis: 'adults',
      groupName: '第一村民小组',
    });
    expect((await value(ctx, 'meetings.start', { id: m.id })).quorum.expected).toBe(6);
  });
});

describe('应到：名册不全时手动确定，写明依据', () => {
  it('uses the number set by hand for the quorum, keeps the reason in the audit trail and prints it in both minutes', async () => {
    const { ctx, org, id, typeId } = await village();
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民小组会议'),
      title: '第一组村民小组会议',
      date: '2026-03-10',
      startTime: '09:00',
      chairName: '张一',
      recorderName: '李一',
      basis: 'adults',
      groupName: '第一村民小组',
    });
    expect(m.quorum).toMatchObject({ expected: 6, required: 4 });

    // The reason is required, five characters at least; nothing changes when refused.
    expect((await failure(ctx, 'meetings.setExpected', { id: m.id, expected: 9, reason: '' })).message).toContain('确定应到人数的依据');
    expect((await failure(ctx, 'meetings.setExpected', { id: m.id, expected: 9, reason: '名册不全' })).message).toContain('至少 5 个字');
    expect((await failure(ctx, 'meetings.setExpected', { id: m.id, expected: 0, reason: '名册缺新迁入的三户人家' })).message).toContain('至少为 1 人');
    expect((await value(ctx, 'meetings.get', { id: m.id })).expectedReason).toBeNull();

    const reason = '名册尚未录入本组新迁入的 3 人，按户籍登记确定';
    const set = await value(ctx, 'meetings.setExpected', { id: m.id, expected: 9, reason });
    expect(set).toMatchObject({ expectedManual: 9, expectedReason: reason, quorum: { expected: 9, required: 6, frozen: false } });
    const audit = auditRows(ctx, 'meeting.setExpected');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('测试书记员');
    expect(JSON.parse(audit[0]!.before)).toMatchObject({ expected: 6, expectedReason: null });
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ expected: 9, expectedReason: reason });

    // Frozen at the start as set by hand; the quorum needs 6 of 9, not 4 of 6.
    const started = await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    expect(started.quorum).toMatchObject({ expected: 9, required: 6, frozen: true });
    for (const name of ['张一', '张二', '李一', '王一', '赵一']) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: id(name), time: '08:55' });
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '组内道路维修' });
    const p = await value(ctx, 'proposals.create', {
      agendaItemId: item.id,
      title: '维修组内道路',
      text: '维修组内道路 300 米。',
      proposerKind: 'person',
      proposerName: '张一',
    });
    const short = await failure(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    expect(short.message).toContain('现实到 5 人，还差 1 人');

    // Corrected after the start (before any vote): the frozen 应到 follows.
    const corrected = await value(ctx, 'meetings.setExpected', { id: m.id, expected: 7, reason: '核实后新迁入的只有 1 人，按户籍登记确定' });
    expect(corrected.quorum).toMatchObject({ expected: 7, required: 5, met: true, frozen: true });
    const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    expect(v.expected).toBe(7);
    // Once a vote is taken on a number, it stays.
    expect((await failure(ctx, 'meetings.setExpected', { id: m.id, expected: 8, reason: '又发现一人漏登，按户籍登记确定' })).message).toContain(
      '不能再修改应到人数',
    );
    await value(ctx, 'votes.record', { id: v.id, tally: { yes: 5, no: 0, abstain: 0 } });
    await value(ctx, 'votes.confirm', { id: v.id });
    await value(ctx, 'meetings.end', { id: m.id, endTime: '10:00' });

    const record = await text(await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '记录' }));
    expect(record).toContain('应到 7 人（由会议记录人据实际情况确定：核实后新迁入的只有 1 人，按户籍登记确定），实到 5 人');
    const summary = await text(await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '纪要' }));
    expect(summary).toContain('应到 7 人（由会议记录人据实际情况确定：核实后新迁入的只有 1 人，按户籍登记确定）');
    const preview = await value(ctx, 'minutes.preview', { meetingId: m.id });
    expect(preview).toMatchObject({ expected: 7, expectedReason: '核实后新迁入的只有 1 人，按户籍登记确定' });

    // Finalized: locked.
    await value(ctx, 'minutes.submit', { meetingId: m.id });
    await value(ctx, 'minutes.approve', { meetingId: m.id });
    expect((await value(ctx, 'meetings.get', { id: m.id })).status).toBe('已定稿');
    expect((await failure(ctx, 'meetings.setExpected', { id: m.id, expected: 8, reason: '定稿后又发现一人漏登' })).message).toContain('已定稿');
    expect(auditRows(ctx, 'meeting.setExpected')).toHaveLength(2);
  });

  it('prints no reason where the roster decided 应到', async () => {
    const { ctx, org, id, typeId } = await village();
    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民小组会议'),
      title: '第一组会议',
      date: '2026-03-10',
      basis: 'adults',
      groupName: '第一村民小组',
    });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    for (const name of ['张一', '张二', '李一', '王一']) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: id(name), time: '08:55' });
    const record = await text(await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '记录' }));
    expect(record).toContain('应到 6 人，实到 4 人');
    expect(record).not.toContain('由会议记录人据');
  });
});
