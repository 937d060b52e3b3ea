// Issue 12 point 7: counts only where they mean something — ballot figures (发出/收回/有效/无效) for
// paper ballots only, and 弃权 as a choice of an options vote (tally, roll call, minutes).
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { openTemp } from '../support/db';
import { failure, value, type Ctx } from '../support/village';

const text = async (file: { base64: string }) => (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value;

/** A 村民代表会议 of 12 members, started, 9 of them signed in at the door. */
async function meeting() {
  const t = openTemp();
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name: '东风村', kind: '村' });
  const rows = Array.from({ length: 12 }, (_, i) => ({
    name: `代表${i + 1}`,
    gender: '',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1),
    groupName: '',
    tags: '',
    note: '',
  }));
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 100, sortField: 'householdNo' })).items as { id: number; name: string }[];
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
  const present = people.slice(0, 9);
  for (const p of present) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
  const proposal = (title: string) =>
    value(ctx, 'proposals.create', { agendaItemId: item.id, title, text: `${title}的具体内容`, proposerKind: 'body', proposerName: '村党支部' });
  const open = async (titles: string[], method: '举手' | '记名' | '无记名') => {
    const ps = [];
    for (const title of titles) ps.push(await proposal(title));
    return value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: ps.map((p) => p.id), method });
  };
  return { ...t, ctx, m, present, open };
}

const savedCounts = (ctx: Ctx, voteId: number) =>
  ctx.db.sqlite.prepare('select tally, ballots from votes where id = ?').get(voteId) as { tally: string | null; ballots: string | null };

describe('选票数只用于纸质选票', () => {
  it('refuses ballot figures for a show of hands and keeps none', async () => {
    const { ctx, open } = await meeting();
    const v = await open(['村道硬化方案'], '举手');
    const e = await failure(ctx, 'votes.record', { id: v.id, tally: { yes: 6, no: 2, abstain: 1 }, ballots: { issued: 9, returned: 9, valid: 9, invalid: 0 } });
    expect(e.message).toBe('举手表决不发选票，不填写发出、收回、有效、无效选票数');
    expect(savedCounts(ctx, v.id)).toEqual({ tally: null, ballots: null });
    const saved = await value(ctx, 'votes.record', { id: v.id, tally: { yes: 6, no: 2, abstain: 1 } });
    expect(saved).toMatchObject({ ballots: null, check: { problems: [], passes: true } });
  });

  it('asks for them for 无记名 and checks them', async () => {
    const { ctx, open } = await meeting();
    const v = await open(['村道硬化方案'], '无记名');
    expect((await failure(ctx, 'votes.record', { id: v.id, tally: { yes: 6, no: 2, abstain: 1 } })).message).toContain(
      '无记名投票请填写发出、收回、有效和无效选票数',
    );
    expect(
      (await failure(ctx, 'votes.record', { id: v.id, tally: { yes: 6, no: 2, abstain: 1 }, ballots: { issued: 10, returned: 9, valid: 9, invalid: 0 } }))
        .message,
    ).toContain('发出选票 10 张，超过了有表决权的到会人数 9 人');
    const ok = await value(ctx, 'votes.record', { id: v.id, tally: { yes: 6, no: 2, abstain: 0 }, ballots: { issued: 9, returned: 9, valid: 8, invalid: 1 } });
    expect(ok.ballots).toEqual({ issued: 9, returned: 9, valid: 8, invalid: 1 });
  });

  it('checks them for 记名 by ballot, and does without them for a roll call', async () => {
    const { ctx, open, present, m } = await meeting();
    const roll = present.slice(0, 8).map((p, i) => ({ personId: p.id, choice: i < 6 ? '赞成' : '反对' }));
    const byName = await open(['村道硬化方案'], '记名');
    const noBallots = await value(ctx, 'votes.record', { id: byName.id, rollCall: roll });
    expect(noBallots).toMatchObject({ ballots: null, tally: { yes: 6, no: 2, abstain: 0 }, check: { problems: [] } });

    const byBallot = await open(['增设路灯方案'], '记名');
    const wrong = await failure(ctx, 'votes.record', { id: byBallot.id, rollCall: roll, ballots: { issued: 9, returned: 9, valid: 9, invalid: 0 } });
    expect(wrong.message).toContain('赞成、反对、弃权合计 8 票，应等于有效票 9 张');
    const ok = await value(ctx, 'votes.record', { id: byBallot.id, rollCall: roll, ballots: { issued: 9, returned: 9, valid: 8, invalid: 1 } });
    expect(ok.ballots).toEqual({ issued: 9, returned: 9, valid: 8, invalid: 1 });
    await value(ctx, 'votes.confirm', { id: byName.id });
    await value(ctx, 'votes.confirm', { id: byBallot.id });
    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
    const minutes = await text(await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '记录' }));
    // Only the vote by ballot prints ballot figures.
    expect(minutes.match(/发出选票/g)).toHaveLength(1);
    expect(minutes).toContain('发出选票 9 张，收回 9 张，其中有效票 8 张，无效票 1 张');
  });
});

describe('多方案表决可以弃权', () => {
  it('counts 弃权 in a show of hands: checked against those present, in the explanation and the minutes', async () => {
    const { ctx, open, m } = await meeting();
    let v = await open(['方案一：水泥路面', '方案二：沥青路面'], '举手');
    expect((await failure(ctx, 'votes.record', { id: v.id, optionVotes: [5, 2], optionAbstain: 3 })).message).toContain(
      '各方案及弃权合计 10 票，超过了有表决权的到会人数 9 人',
    );
    v = await value(ctx, 'votes.record', { id: v.id, optionVotes: [5, 2], optionAbstain: 2 });
    expect(v).toMatchObject({ optionVotes: [5, 2], optionAbstain: 2, check: { problems: [], remaining: 0, passes: true } });
    expect(JSON.parse(savedCounts(ctx, v.id).tally!)).toEqual({ options: [5, 2], abstain: 2 });
    v = await value(ctx, 'votes.confirm', { id: v.id });
    expect(v.outcome).toBe('通过');
    expect(v.explanation).toContain('方案一 5 票，方案二 2 票，弃权 2 票');
    const history = await value(ctx, 'votes.history', { id: v.id });
    expect(history.items[0].after).toMatchObject({ optionVotes: [5, 2], optionAbstain: 2 });

    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
    const record = await text(await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '记录' }));
    expect(record).toContain('方案一：水泥路面，得 5 人');
    expect(record).toContain('弃权 2 人（占实到人数的 22.2%）');
    const summary = await text(await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '纪要' }));
    expect(summary).toContain('弃权 2 人');
    const preview = await value(ctx, 'minutes.preview', { meetingId: m.id });
    expect(preview.items[0].votes[0]).toMatchObject({ abstain: 2, options: [{ votes: 5 }, { votes: 2 }] });
  });

  it('offers 弃权 in a roll call and counts abstentions among the valid ballots of a secret vote', async () => {
    const { ctx, open, present } = await meeting();
    const roll = await open(['方案一：水泥路面', '方案二：沥青路面'], '记名');
    const choices = present.map((p, i) => ({ personId: p.id, choice: i < 4 ? '方案一' : i < 6 ? '方案二' : '弃权' }));
    const r = await value(ctx, 'votes.record', { id: roll.id, rollCall: choices });
    expect(r).toMatchObject({ optionVotes: [4, 2], optionAbstain: 3 });
    expect((await failure(ctx, 'votes.record', { id: roll.id, rollCall: [{ personId: present[0]!.id, choice: '反对' }], reason: '复核' })).message).toContain(
      '选择只能是方案一、方案二、弃权',
    );
    // Majority of those present (9): 4 is not more than half, so no option passes.
    expect((await value(ctx, 'votes.confirm', { id: roll.id })).outcome).toBe('未通过');

    const secret = await open(['方案一：村东修路', '方案二：村西修路'], '无记名');
    const mismatch = await failure(ctx, 'votes.record', { id: secret.id, optionVotes: [5, 2], ballots: { issued: 9, returned: 9, valid: 9, invalid: 0 } });
    expect(mismatch.message).toContain('各方案合计 7 票，应等于有效票 9 张');
    const ok = await value(ctx, 'votes.record', {
      id: secret.id,
      optionVotes: [5, 2],
      optionAbstain: 2,
      ballots: { issued: 9, returned: 9, valid: 9, invalid: 0 },
    });
    expect(ok.check).toMatchObject({ problems: [], remaining: 0, passes: true });
  });

  it('refuses an options 弃权 on a single proposal (its 弃权 is in the tally)', async () => {
    const { ctx, open } = await meeting();
    const v = await open(['村道硬化方案'], '举手');
    expect((await failure(ctx, 'votes.record', { id: v.id, tally: { yes: 6, no: 2, abstain: 1 }, optionAbstain: 1 })).message).toContain('单个议案的弃权票');
  });
});
