// Citations and wording that fit the organization: a 社区's documents cite the residents'
// committee law once and whole, and never speak of 村民; refusals quote the text in force on the
// meeting's date; a 社区 cannot hold a 村民会议. Documents are read back by mammoth.
import { describe, expect, it } from 'vitest';
import { NO_STATUTE } from '../../core/rules/citation';
import { textOf } from './documents/read-back';
import { openTemp } from '../support/db';
import { failure, value } from '../support/village';

const docText = async (file: { base64: string }) => textOf(Buffer.from(file.base64, 'base64'));
const count = (text: string, part: string) => text.split(part).length - 1;

const RESIDENTS = '《中华人民共和国城市居民委员会组织法》';
const VILLAGERS = '《中华人民共和国村民委员会组织法》';

async function organization(kind: '社区' | '村', name: string) {
  const t = openTemp();
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name, kind });
  const word = kind === '社区' ? '居民' : '村民';
  const rows = Array.from({ length: 6 }, (_, i) => ({
    name: `${['张', '李', '王', '赵', '钱', '孙'][i]}${kind === '社区' ? '明' : '田'}`,
    gender: i % 2 ? '男' : '女',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1),
    groupName: '',
    tags: '',
    note: '',
  }));
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id })).items as { id: number; name: string }[];
  const types = (await value(ctx, 'meetingTypes.list', { orgId: org.id })).items as { id: number; name: string; versions: { id: number }[] }[];
  const typeId = (name: string) => types.find((x) => x.name === name)!.id;
  return { ...t, ctx, org, people, types, typeId, word };
}

/** A 居民代表会议 (or 村民代表会议) on `date`, five of six present, a proposal passed, ended. */
async function heldRepresentatives(o: Awaited<ReturnType<typeof organization>>, date: string) {
  const { ctx, org, people, typeId, word } = o;
  const kind = `${word}代表会议`;
  const body = await value(ctx, 'bodies.create', { orgId: org.id, name: `第一届${kind}${date}`, kind });
  await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: people.map((p) => p.id), role: `${word}代表` });
  const m = await value(ctx, 'meetings.create', {
    orgId: org.id,
    meetingTypeId: typeId(kind),
    title: `${date.slice(0, 4)}年${kind}`,
    date,
    startTime: '09:00',
    place: '议事室',
    chairName: '张明',
    recorderName: '李明',
    basis: 'body',
    bodyId: body.id,
  });
  const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '加装电梯', presenter: '张明' });
  await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
  for (const p of people.slice(0, 5)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:55' });
  const p = await value(ctx, 'proposals.create', {
    agendaItemId: item.id,
    title: '加装电梯方案',
    text: '一号楼加装电梯。',
    proposerKind: 'body',
    proposerName: '议事会',
  });
  const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
  await value(ctx, 'votes.record', { id: v.id, tally: { yes: 4, no: 1, abstain: 0 } });
  const confirmed = await value(ctx, 'votes.confirm', { id: v.id });
  await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
  return { m, confirmed };
}

describe('社区的文书引用城市居民委员会组织法，一次、完整，不出现“村民”', () => {
  it('prints the minutes with the residents’ law, its articles once, and no 村民', async () => {
    const o = await organization('社区', '幸福里社区');
    const { m, confirmed } = await heldRepresentatives(o, '2026-03-15');
    const citation = `${RESIDENTS}（2025年修订）第二十八条、第二十九条`;
    expect(confirmed.resolution?.explanation ?? confirmed.explanation).toContain(`依据：${citation}`);

    const minutes = await docText(await value(o.ctx, 'documents.minutes', { meetingId: m.id }));
    expect(minutes).toContain(`会议依据：${citation}`);
    expect(count(minutes, '会议依据')).toBe(1);
    // Every mention of the law is the whole citation, its articles once.
    expect(count(minutes, RESIDENTS)).toBe(count(minutes, citation));
    expect(minutes).not.toContain('第二十九条第二十八条');
    expect(minutes).not.toContain('施行');
    expect(minutes).not.toContain('村民');
    expect(minutes).not.toContain(VILLAGERS);
    const summary = await docText(await value(o.ctx, 'documents.minutes', { meetingId: m.id, variant: '纪要' }));
    expect(summary).toContain(`会议依据${citation}召开`);
    expect(count(summary, RESIDENTS)).toBe(count(summary, citation));
    expect(summary).not.toContain('村民');
  });

  it('prints the meeting notice and the resolution notice in 居民 words, citing the publicity article', async () => {
    const o = await organization('社区', '和平里社区');
    const { m } = await heldRepresentatives(o, '2026-03-15');
    const notice = await docText(await value(o.ctx, 'documents.notice', { meetingId: m.id, noticeDate: '2026-03-01' }));
    expect(notice).not.toContain('村民');
    expect(notice).not.toContain(VILLAGERS);
    // Signed by the residents' committee, not by the short name.
    expect(notice).toContain('请于会前向和平里社区居民委员会请假');
    expect(notice).toMatch(/和平里社区居民委员会\s*2026年3月1日\s*$/);

    const posted = await docText(await value(o.ctx, 'documents.resolutionNotice', { meetingId: m.id, postFrom: '2026-03-16', postTo: '2026-03-31' }));
    expect(posted).toContain(`依照${RESIDENTS}（2025年修订）第三十四条，公示时间不少于 15 日`);
    expect(count(posted, RESIDENTS)).toBe(count(posted, `${RESIDENTS}（2025年修订）第`));
    expect(posted).not.toContain('村民');
    expect(posted).toContain('和平里社区居民委员会（盖章）');
    const short = await failure(o.ctx, 'documents.resolutionNotice', { meetingId: m.id, postFrom: '2026-03-16', postTo: '2026-03-20' });
    expect(short.message).toContain(`依照${RESIDENTS}（2025年修订）第三十四条，决议公示不少于 15 天`);
  });

  it('addresses a 居民会议 notice to 居民', async () => {
    const o = await organization('社区', '东湖社区');
    const m = await value(o.ctx, 'meetings.create', {
      orgId: o.org.id,
      meetingTypeId: o.typeId('居民会议'),
      title: '居民会议',
      date: '2026-04-20',
      basis: 'adults',
    });
    const notice = await docText(await value(o.ctx, 'documents.notice', { meetingId: m.id, noticeDate: '2026-03-01' }));
    expect(notice).toContain('年满十八周岁的全体居民');
    expect(notice).not.toContain('村民');
  });

  it('a 社区 议事协商会 borrows no article of the villagers’ law', async () => {
    const o = await organization('社区', '协商社区');
    const body = await value(o.ctx, 'bodies.create', { orgId: o.org.id, name: '居民议事会', kind: '议事协商会' });
    await value(o.ctx, 'bodies.addMembers', { bodyId: body.id, personIds: o.people.map((p) => p.id), role: '议事代表' });
    const m = await value(o.ctx, 'meetings.create', {
      orgId: o.org.id,
      meetingTypeId: o.typeId('议事协商会'),
      title: '议事协商会',
      date: '2026-05-10',
      startTime: '09:00',
      basis: 'body',
      bodyId: body.id,
    });
    const item = await value(o.ctx, 'agenda.add', { meetingId: m.id, title: '停车位划线' });
    await value(o.ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    for (const p of o.people.slice(0, 3)) await value(o.ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:55' });
    const p = await value(o.ctx, 'proposals.create', {
      agendaItemId: item.id,
      title: '划线方案',
      text: '东侧划线。',
      proposerKind: 'person',
      proposerName: '张明',
    });
    const v = await value(o.ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    await value(o.ctx, 'votes.record', { id: v.id, tally: { yes: 3, no: 0, abstain: 0 } });
    const confirmed = await value(o.ctx, 'votes.confirm', { id: v.id });
    expect(confirmed.explanation).toContain(`依据：${NO_STATUTE}`);
    await value(o.ctx, 'meetings.end', { id: m.id, endTime: '10:00' });
    const minutes = await docText(await value(o.ctx, 'documents.minutes', { meetingId: m.id }));
    expect(minutes).toContain(NO_STATUTE);
    expect(minutes).not.toContain('第三十三条');
    expect(minutes).not.toContain('村民');
    const summary = await docText(await value(o.ctx, 'documents.minutes', { meetingId: m.id, variant: '纪要' }));
    expect(summary).toContain(`${NO_STATUTE}。`);
    expect(summary).not.toContain('会议依据本类');
    expect(summary).not.toContain('村民');
  });
});

describe('拒绝时引用会议日期当天施行的条文', () => {
  it('a 2026 meeting cites the 2025 text; a 2025 meeting the 2018 text', async () => {
    const o = await organization('社区', '幸福社区');
    const m2026 = await value(o.ctx, 'meetings.create', {
      orgId: o.org.id,
      meetingTypeId: o.typeId('居民会议'),
      title: '居民会议',
      date: '2026-04-20',
      basis: 'adults',
    });
    const late = (await failure(o.ctx, 'meetings.notify', { id: m2026.id, noticeDate: '2026-04-17' })).message;
    expect(late).toContain(`依照${RESIDENTS}（2025年修订）第二十六条、第二十七条，居民会议应当提前 10 天通知`);
    expect(late).not.toMatch(/2018|第九条|第十条|村民/);

    const v = await organization('村', '东风村');
    const body = await value(v.ctx, 'bodies.create', { orgId: v.org.id, name: '村民代表会议', kind: '村民代表会议' });
    await value(v.ctx, 'bodies.addMembers', { bodyId: body.id, personIds: v.people.map((p) => p.id), role: '村民代表' });
    for (const [date, article, not] of [
      ['2026-03-15', '（2025年修订）第二十九条、第三十条', '第二十五条'],
      ['2025-12-20', '（2018年修正）第二十五条、第二十六条', '2025'],
    ] as const) {
      const m = await value(v.ctx, 'meetings.create', {
        orgId: v.org.id,
        meetingTypeId: v.typeId('村民代表会议'),
        title: `代表会${date}`,
        date,
        startTime: '09:00',
        basis: 'body',
        bodyId: body.id,
      });
      const item = await value(v.ctx, 'agenda.add', { meetingId: m.id, title: '议题' });
      await value(v.ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
      await value(v.ctx, 'attendance.signIn', { meetingId: m.id, personId: v.people[0]!.id, time: '08:55' });
      const p = await value(v.ctx, 'proposals.create', { agendaItemId: item.id, title: '方案', text: '方案。', proposerKind: 'person', proposerName: '张田' });
      const refused = (await failure(v.ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' })).message;
      expect(refused).toContain(`依照${VILLAGERS}${article}，村民代表会议须应到人数的三分之二以上`);
      expect(refused).not.toContain(not);
      expect(count(refused, VILLAGERS)).toBe(1);
    }
  });
});

describe('会议类型按议事主体', () => {
  it('offers a 社区 only its own types and refuses a 村民会议, in Chinese', async () => {
    const o = await organization('社区', '幸福里社区');
    expect(o.types.map((t) => t.name)).toEqual(['居民会议', '居民代表会议', '党员大会', '两委联席会议', '议事协商会']);
    const v = await organization('村', '东风村');
    expect(v.types.map((t) => t.name)).toEqual(['村民会议', '村民代表会议', '村民小组会议', '党员大会', '两委联席会议', '议事协商会']);

    const villagers = v.typeId('村民会议');
    const refused = await failure(o.ctx, 'meetings.create', {
      orgId: o.org.id,
      meetingTypeId: villagers,
      title: '村民会议',
      date: '2026-04-20',
      basis: 'adults',
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('“村民会议”是村的会议，幸福里社区是社区，不能使用这个会议类型');
    expect(refused.message).toContain('居民会议');
    expect((await value(o.ctx, 'meetings.list', { orgId: o.org.id })).items).toHaveLength(0);

    const rule = v.types.find((t) => t.name === '村民会议')!.versions[0]!.id;
    const copy = await failure(o.ctx, 'meetingTypes.copy', { orgId: o.org.id, fromRuleSetId: rule, name: '我们的村民会议' });
    expect(copy.message).toContain('不能使用这个会议类型');
  });

  it('gives a 街道 Party meetings and consultations, and its own copies', async () => {
    const t = openTemp();
    const org = await value(t.ctx, 'organizations.create', { name: '城南街道', kind: '街道' });
    const types = (await value(t.ctx, 'meetingTypes.list', { orgId: org.id })).items as { name: string; versions: { id: number }[] }[];
    expect(types.map((x) => x.name)).toEqual(['党员大会', '议事协商会']);
    await value(t.ctx, 'meetingTypes.copy', { orgId: org.id, fromRuleSetId: types[1]!.versions[0]!.id, name: '街道议事会' });
    expect((await value(t.ctx, 'meetingTypes.list', { orgId: org.id })).items.map((x: { name: string }) => x.name)).toContain('街道议事会');
  });
});
