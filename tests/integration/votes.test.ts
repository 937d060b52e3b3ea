import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { MIGRATIONS, openTemp } from '../support/db';
import { failure, value } from '../support/village';

/** A 村民代表会议 of 45 members, started, with `present` of them signed in. */
async function meetingWith(present: number, t = openTemp()) {
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name: `东风村${Math.random()}`, kind: '村' });
  const rows = Array.from({ length: 45 }, (_, i) => ({
    name: `代表${i + 1}`,
    gender: '',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i),
    groupName: '',
    tags: '',
    note: '',
  }));
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 500, sortField: 'householdNo' })).items as { id: number; name: string }[];
  const body = await value(ctx, 'bodies.create', { orgId: org.id, name: '村民代表会议', kind: '村民代表会议' });
  await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: people.map((p) => p.id), role: '村民代表' });
  const type = (await value(ctx, 'meetingTypes.list', { orgId: org.id })).items.find((x: { name: string }) => x.name === '村民代表会议');
  const m = await value(ctx, 'meetings.create', {
    orgId: org.id,
    meetingTypeId: type.id,
    title: '2026年第一季度村民代表会议',
    date: '2026-03-15',
    startTime: '09:00',
    basis: 'body',
    bodyId: body.id,
  });
  const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化工程' });
  await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
  for (const p of people.slice(0, present)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
  const proposal = (title: string) =>
    value(ctx, 'proposals.create', { agendaItemId: item.id, title, text: `${title}的具体内容`, proposerKind: 'body', proposerName: '村党支部' });
  return { ...t, ctx, org, people, m, item, proposal };
}

describe('表决与决议', () => {
  it('refuses to open a vote without a quorum, in the law’s words', async () => {
    const { ctx, item, proposal } = await meetingWith(29);
    const p = await proposal('方案');
    const e = await failure(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    expect(e.message).toBe(
      '依照《中华人民共和国村民委员会组织法》（2025年修订）第二十九条、第三十条，村民代表会议须应到人数的三分之二以上，即至少 30 人；现实到 29 人，还差 1 人，不能开始表决',
    );
  });

  it('runs the issue’s story: a paper ballot 31/31/2 invalid/16 yes passes, 15 yes fails, an options vote, resolutions numbered', async () => {
    const { ctx, org, item, proposal, people, m } = await meetingWith(31);
    const first = await proposal('村道硬化方案');
    let v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [first.id], method: '无记名', tellers: '张三、李四', counters: '王五' });
    expect(v).toMatchObject({ expected: 45, eligible: 31, status: '进行中' });
    // A late arrival after the vote opened does not change the frozen voters.
    await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: people[40]!.id, time: '09:40' });
    const bad = await failure(ctx, 'votes.record', {
      id: v.id,
      tally: { yes: 16, no: 10, abstain: 3 },
      ballots: { issued: 31, returned: 31, valid: 30, invalid: 2 },
    });
    expect(bad.message).toContain('有效票 30 张加无效票 2 张应等于收回的 31 张');
    v = await value(ctx, 'votes.record', { id: v.id, tally: { yes: 16, no: 10, abstain: 3 }, ballots: { issued: 31, returned: 31, valid: 29, invalid: 2 } });
    expect(v.check).toMatchObject({ problems: [], remaining: 0, passes: true });
    v = await value(ctx, 'votes.confirm', { id: v.id });
    expect(v.outcome).toBe('通过');
    expect(v.eligible).toBe(31);
    expect(v.explanation).toContain('应到 45 人，实到 31 人，赞成 16 票');
    expect(v.explanation).toContain('超过实到人数的半数（15.5），通过');
    expect(v.resolution.number).toBe('〔2026〕1号');

    const second = await proposal('增设路灯方案');
    let w = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [second.id], method: '举手' });
    expect(w.eligible).toBe(32); // the late arrival votes from now on
    w = await value(ctx, 'votes.record', { id: w.id, tally: { yes: 15, no: 15, abstain: 2 } });
    w = await value(ctx, 'votes.confirm', { id: w.id });
    expect(w.outcome).toBe('未通过');
    expect(w.resolution).toBeNull();

    const a = await proposal('方案一：水泥路面');
    const b = await proposal('方案二：沥青路面');
    let o = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [a.id, b.id], method: '举手' });
    expect(o.options.map((x: { label: string }) => x.label)).toEqual(['方案一', '方案二']);
    o = await value(ctx, 'votes.record', { id: o.id, optionVotes: [20, 12] });
    o = await value(ctx, 'votes.confirm', { id: o.id });
    expect(o).toMatchObject({ outcome: '通过', winnerProposalId: a.id });
    expect(o.resolution.number).toBe('〔2026〕2号');

    const list = await value(ctx, 'resolutions.list', { orgId: org.id });
    expect(list.items.map((r: { number: string; title: string }) => `${r.number} ${r.title}`)).toEqual([
      '〔2026〕2号 村道硬化工程（采用方案一：水泥路面）',
      '〔2026〕1号 村道硬化方案',
    ]);
    const proposals = (await value(ctx, 'proposals.list', { meetingId: m.id })).items.map((p: { title: string; status: string }) => `${p.title}:${p.status}`);
    expect(proposals).toEqual(['村道硬化方案:通过', '增设路灯方案:未通过', '方案一：水泥路面:通过', '方案二：沥青路面:未通过']);
  });

  it('keeps corrections as history and asks why (唱票复核)', async () => {
    const { ctx, item, proposal } = await meetingWith(31);
    const p = await proposal('方案');
    const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    await value(ctx, 'votes.record', { id: v.id, tally: { yes: 15, no: 10, abstain: 6 } });
    expect((await failure(ctx, 'votes.record', { id: v.id, tally: { yes: 16, no: 9, abstain: 6 } })).message).toContain('更正原因');
    const fixed = await value(ctx, 'votes.record', { id: v.id, tally: { yes: 16, no: 9, abstain: 6 }, reason: '复核时发现一张赞成票计入了反对' });
    expect(fixed.corrections).toBe(1);
    const history = await value(ctx, 'votes.history', { id: v.id });
    expect(history.items).toHaveLength(2);
    expect(history.items[0]!.before).toBeNull();
    expect(history.items[1]!.before).toEqual({ tally: { yes: 15, no: 10, abstain: 6 }, optionVotes: null, ballots: null });
    expect(history.items[1]!.after).toEqual({ tally: { yes: 16, no: 9, abstain: 6 }, optionVotes: null, ballots: null });
    expect(history.items[1]!.reason).toBe('复核时发现一张赞成票计入了反对');
  });

  it('refuses bad votes in Chinese and changes nothing', async () => {
    const { ctx, db, item, proposal, people, m } = await meetingWith(31);
    const p = await proposal('方案');
    const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '记名' });
    const snapshot = () => db.sqlite.prepare('select (select count(*) from audit_log), (select tally from votes where id = ?)').raw().get(v.id);
    const other = await proposal('另一个');
    const before = snapshot();
    const cases: [string, unknown, RegExp][] = [
      ['votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' }, /已表决|正在进行/],
      ['votes.record', { id: v.id, tally: { yes: 20, no: 10, abstain: 2 } }, /超过了有表决权的到会人数 31 人/],
      ['votes.record', { id: v.id, tally: { yes: -1, no: 0, abstain: 0 } }, /不能为负数/],
      ['votes.record', { id: v.id, rollCall: [{ personId: people[44]!.id, choice: '赞成' }] }, /不在本次表决开始时的有表决权人员中/],
      ['votes.record', { id: v.id, rollCall: [{ personId: people[0]!.id, choice: '同意' }] }, /选择只能是赞成、反对、弃权/],
      [
        'votes.open',
        {
          agendaItemId: item.id,
          proposalIds: [p.id],
          method: '举手',
          proxies: [{ grantorPersonId: people[44]!.id, holderPersonId: people[0]!.id, document: '委托书' }],
        },
        /./,
      ],
      ['votes.confirm', { id: v.id }, /请先录入计票结果/],
    ];
    for (const [name, input, message] of cases) expect((await failure(ctx, name, input)).message).toMatch(message);
    expect(
      (
        await failure(ctx, 'votes.open', {
          agendaItemId: item.id,
          proposalIds: [other.id],
          method: '举手',
          proxies: [{ grantorPersonId: people[44]!.id, holderPersonId: people[0]!.id, document: '委托书' }],
        })
      ).message,
    ).toContain('不允许委托投票');
    expect(snapshot()).toEqual(before);

    await value(ctx, 'votes.record', { id: v.id, rollCall: people.slice(0, 31).map((x, i) => ({ personId: x.id, choice: i < 16 ? '赞成' : '反对' })) });
    expect((await value(ctx, 'votes.confirm', { id: v.id })).outcome).toBe('通过');
    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
    await value(ctx, 'meetings.finalize', { id: m.id });
    expect((await failure(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [other.id], method: '举手' })).message).toContain('已定稿');
    expect(() => db.sqlite.prepare("update votes set outcome = '未通过' where id = ?").run(v.id)).toThrow(/会议已定稿/);
  });

  it('numbers resolutions without gaps or duplicates when two connections to the file confirm in turn', async () => {
    const t = openTemp();
    const { ctx, item, proposal } = await meetingWith(31, t);
    // A second connection to the same file, as a second window or process would have.
    const other = openDatabase(t.file, { migrationsFolder: MIGRATIONS });
    const ctx2 = { ...ctx, db: other.db };
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const p = await proposal(`方案${i}`);
      const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
      await value(ctx, 'votes.record', { id: v.id, tally: { yes: 20, no: 5, abstain: 6 } });
      ids.push(v.id);
    }
    await Promise.all(ids.map((id, i) => value(i % 2 ? ctx2 : ctx, 'votes.confirm', { id })));
    const seqs = t.db.sqlite.prepare('select seq from resolutions order by seq').pluck().all();
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    other.db.sqlite.close();
  });
});
