import { describe, expect, it } from 'vitest';
import { failure, value, village } from '../support/village';

describe('四议两公开', () => {
  it('records the six steps only in order, with vote and notice checks, and fills the registration form', async () => {
    const { ctx, db, org, decide, meeting } = await village(45);
    const matter = await value(ctx, 'matters.create', {
      orgId: org.id,
      title: '村集体鱼塘承包方案',
      content: '鱼塘对外承包五年',
      category: '集体资产',
      createdOn: '2026-03-01',
    });
    expect(matter).toMatchObject({ nextStep: 1, nextStepName: '党组织提议' });
    const count = () => db.sqlite.prepare('select (select count(*) from matter_steps), (select count(*) from audit_log)').raw().get();
    const before = count();
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 3, date: '2026-03-05' })).message).toBe('请先登记第2步：“两委”会议商议');
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, date: '2026-03-05' })).message).toBe('请先登记第1步：党组织提议');
    expect((await failure(ctx, 'matters.recordStep', { matterId: 9999, step: 1, date: '2026-03-05' })).code).toBe('NOT_FOUND');
    expect(count()).toEqual(before);

    await value(ctx, 'matters.recordStep', {
      matterId: matter.id,
      step: 1,
      date: '2026-03-02',
      expected: 7,
      present: 7,
      content: '支部委员会提议鱼塘公开承包',
      townshipOfficials: '包村干部 陈明（镇农办主任）',
    });
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 1, date: '2026-03-02' })).code).toBe('CONFLICT');
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, mergedWithPrevious: true })).message).toContain('一肩挑');
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, date: '2026-03-01', expected: 9, present: 8 })).message).toContain(
      '早于第1步',
    );
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, date: '2026-03-04', expected: 9, present: 8, content: '两委联席会议商议' });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 3, date: '2026-03-08', expected: 32, present: 27, content: '党员大会审议通过' });

    // Step 4: a vote still open is refused; a confirmed, passed one is taken with its counts.
    const held = await decide('2026-03-15', ['鱼塘承包方案']);
    const other = await meeting('临时会议', '2026-03-16');
    expect(
      (await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 4, meetingId: other.id, voteId: held.resolutions[0]!.voteId })).message,
    ).toContain('不是在所选会议上进行的');
    const openVote = await (async () => {
      const m = await meeting('未完成表决的会议', '2026-03-17');
      const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '鱼塘' });
      await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-17', urgentReason: '测试' });
      await value(ctx, 'meetings.start', { id: m.id });
      const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 500 })).items as { id: number }[];
      for (const p of people.slice(0, 31)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
      const p = await value(ctx, 'proposals.create', { agendaItemId: item.id, title: '方案', text: '内容', proposerKind: 'body', proposerName: '村党支部' });
      return value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    })();
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 4, voteId: openVote.id })).message).toContain('尚未确认');
    let d = await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 4, voteId: held.resolutions[0]!.voteId, content: '村民代表会议表决通过' });
    expect(d.steps[3]).toMatchObject({ recorded: true, date: '2026-03-15', expected: 45, present: 31, voteOutcome: '通过', meetingId: held.meeting.id });

    // Steps 5 and 6 need notices of the right kind.
    const r = held.resolutions[0]!;
    const result = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '其他',
      title: '别的公示',
      postedOn: '2026-03-16',
      periodDays: 7,
      place: '公开栏',
    });
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 5, noticeId: result.id })).message).toContain('须关联“决议公开”公示');
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 5 })).message).toContain('请关联一份“决议公开”公示');
    const posted = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '决议公开',
      resolutionId: r.id,
      matterId: matter.id,
      title: '鱼塘承包决议公示',
      postedOn: '2026-03-16',
      periodDays: 15,
      place: '公开栏',
    });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 5, noticeId: posted.id });
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 6, noticeId: posted.id })).message).toContain('须关联“实施结果公开”公示');
    const done = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '实施结果公开',
      resolutionId: r.id,
      matterId: matter.id,
      title: '鱼塘承包结果公示',
      postedOn: '2026-05-01',
      periodDays: 15,
      place: '公开栏',
    });
    d = await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 6, noticeId: done.id, content: '已签订承包合同' });
    expect(d).toMatchObject({ nextStep: null });

    const form = await value(ctx, 'matters.registrationData', { id: matter.id });
    expect(form).toMatchObject({ orgName: '东风村村民委员会', subject: '村集体鱼塘承包方案' });
    expect(
      form.steps.map(
        (s: { step: number; name: string; dateText: string; form: string; ratio: string }) => `${s.step} ${s.name} ${s.dateText} ${s.form} ${s.ratio}`,
      ),
    ).toEqual([
      '1 党组织提议 2026年3月2日 会议 7/7',
      '2 “两委”会议商议 2026年3月4日 会议 8/9',
      '3 党员大会审议 2026年3月8日 会议 27/32',
      '4 村民会议或村民代表会议决议 2026年3月15日 会议 31/45',
      '5 决议公开 2026年3月16日 公示 ',
      '6 实施结果公开 2026年5月1日 公示 ',
    ]);
    expect(form.steps[0].townshipOfficials).toBe('包村干部 陈明（镇农办主任）');
    expect(form.steps[3].signatures).toEqual([
      { role: '主持人', name: '王书记' },
      { role: '记录人', name: '李会计' },
    ]);
    expect(form.steps[4].signatures.map((s: { role: string }) => s.role)).toEqual(['经办人', '村务监督委员会']);
  });

  it('lets step 2 merge into step 1 only where one person holds both posts', async () => {
    const { ctx, org } = await village(2);
    const matter = await value(ctx, 'matters.create', { orgId: org.id, title: '村部修缮', createdOn: '2026-03-01', bothPostsOnePerson: true });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 1, date: '2026-03-02', expected: 7, present: 6, content: '提议并商议' });
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 3, date: '2026-03-03', mergedWithPrevious: true })).message).toContain(
      '请先登记第2步',
    );
    const d = await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, mergedWithPrevious: true });
    expect(d.steps[1]).toMatchObject({ recorded: true, mergedWithPrevious: true, date: '2026-03-02', expected: 7, present: 6 });
    const form = await value(ctx, 'matters.registrationData', { id: matter.id });
    expect(form.steps[1].form).toBe('会议（与上一步合并召开）');
    expect(form.steps[2]).toMatchObject({ recorded: false, dateText: '', ratio: '' });
    expect((await value(ctx, 'matters.list', { orgId: org.id })).items).toMatchObject([{ title: '村部修缮', nextStep: 3, nextStepName: '党员大会审议' }]);
  });
});

describe('四议两公开：每一步由法定的会议进行', () => {
  it('refuses a step-2 meeting that is not a 两委联席会议 and a step-4 meeting that may not decide village matters, citing the article in force', async () => {
    const { ctx, db, org, typeId, body } = await village(6);
    const matter = await value(ctx, 'matters.create', { orgId: org.id, title: '村道硬化', createdOn: '2026-03-01' });
    const rep = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民代表会议'),
      title: '村民代表会议',
      date: '2026-03-04',
      basis: 'body',
      bodyId: body.id,
    });
    const joint = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('两委联席会议'),
      title: '两委联席会议',
      date: '2026-03-05',
      basis: 'body',
      bodyId: body.id,
    });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 1, date: '2026-03-02', content: '支部提议' });
    const count = () => db.sqlite.prepare('select (select count(*) from matter_steps), (select count(*) from audit_log)').raw().get();
    const before = count();
    expect((await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, meetingId: rep.id })).message).toContain(
      '须由两委联席会议进行，所选会议“村民代表会议”是村民代表会议',
    );
    expect(count()).toEqual(before);
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, meetingId: joint.id });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 3, date: '2026-03-06', content: '党员大会审议' });
    const refused = (await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 4, meetingId: joint.id })).message;
    expect(refused).toContain('须由村民会议或村民代表会议进行');
    expect(refused).toContain('（2025年修订）第二十八条');
    expect(refused).not.toContain('第二十四条');
  });

  it('refuses a step 4 with only a date and counts typed in: the decision is a confirmed vote, and nothing is recorded', async () => {
    const { ctx, db, org } = await village(6);
    const matter = await value(ctx, 'matters.create', { orgId: org.id, title: '村道硬化', createdOn: '2026-03-01' });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 1, date: '2026-03-02', content: '支部提议' });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, date: '2026-03-03', content: '两委商议' });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 3, date: '2026-03-04', content: '党员大会审议' });
    const count = () => db.sqlite.prepare('select (select count(*) from matter_steps), (select count(*) from audit_log)').raw().get();
    const before = count();
    const refused = (await failure(ctx, 'matters.recordStep', { matterId: matter.id, step: 4, date: '2026-03-10', expected: 45, present: 31 })).message;
    expect(refused).toContain('第4步“村民会议或村民代表会议决议”须关联村民会议或村民代表会议上已确认通过的表决');
    expect(refused).toContain('《中华人民共和国村民委员会组织法》（2025年修订）第二十八条');
    expect(count()).toEqual(before);
    expect((await value(ctx, 'matters.get', { id: matter.id })).nextStep).toBe(4);
  });

  it('speaks of 居民会议 and 居务监督委员会 to a 社区', async () => {
    const { ctx } = await village(1);
    const community = await value(ctx, 'organizations.create', { name: '和平里社区', kind: '社区' });
    const matter = await value(ctx, 'matters.create', { orgId: community.id, title: '加装电梯', createdOn: '2026-03-01' });
    const detail = await value(ctx, 'matters.get', { id: matter.id });
    expect(detail.steps[3].name).toBe('居民会议或居民代表会议决议');
    const form = await value(ctx, 'matters.registrationData', { id: matter.id });
    expect(form.steps[4].signatures.map((s: { role: string }) => s.role)).toEqual(['经办人', '居务监督委员会']);
    expect(JSON.stringify(form)).not.toContain('村民');
  });
});
