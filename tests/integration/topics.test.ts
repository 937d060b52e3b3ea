import { describe, expect, it } from 'vitest';
import { failure, value, village } from '../support/village';

const topicInput = (orgId: number, extra: Record<string, unknown> = {}) => ({
  orgId,
  receivedOn: '2026-03-02',
  channel: '居民信箱',
  raiserKind: 'name',
  raiserName: '张大爷',
  place: '3号楼东侧',
  category: '环境卫生',
  title: '垃圾桶满溢',
  content: '3号楼东侧垃圾桶每天下午满溢，气味很大。',
  urgency: '较急',
  ...extra,
});

describe('议题征集：登记、分办与办理过程', () => {
  it('runs a resident’s topic from the roster through agenda, summons, reply-free closing and feedback, with its whole timeline', async () => {
    const { ctx, org, people, meeting } = await village(5);
    const t = await value(
      ctx,
      'topics.create',
      topicInput(org.id, { raiserKind: 'person', raiserPersonId: people[0]!.id, raiserName: undefined, attachments: ['D:/照片/垃圾桶.jpg'] }),
    );
    expect(t).toMatchObject({ status: '待分办', raiserName: people[0]!.name, householdNumber: '100', attachments: ['D:/照片/垃圾桶.jpg'], closed: false });
    expect(t.events.map((e: { kind: string }) => e.kind)).toEqual(['登记']);

    const m = await meeting('三月议事协商', '2026-03-20');
    const onAgenda = await value(ctx, 'topics.toAgenda', { id: t.id, meetingId: m.id, date: '2026-03-05' });
    expect(onAgenda.status).toBe('已纳入议程');
    expect(onAgenda.agendaItems).toMatchObject([{ meetingId: m.id, title: '垃圾桶满溢' }]);
    const agenda = await value(ctx, 'agenda.list', { meetingId: m.id });
    expect(agenda.items[0]).toMatchObject({ title: '垃圾桶满溢', topicId: t.id, resolutionId: null });
    expect((await failure(ctx, 'topics.toAgenda', { id: t.id, meetingId: m.id })).message).toContain('已在会议');

    const referred = await value(ctx, 'topics.refer', {
      id: t.id,
      department: '街道环卫所',
      contact: '刘所长',
      summonedAt: '2026-03-21T01:00:00Z',
      deadline: '2026-03-31',
      date: '2026-03-21',
    });
    expect(referred.status).toBe('转部门办理');
    expect(referred.summons).toMatchObject([{ department: '街道环卫所', topicId: t.id, reportWithinHours: 24 }]);
    await value(ctx, 'summons.report', { id: referred.summons[0].id, reportedAt: '2026-03-21T03:00:00Z' });

    const closed = await value(ctx, 'topics.close', { id: t.id, result: '增设两个垃圾桶，每日清运两次', date: '2026-03-28' });
    expect(closed).toMatchObject({ status: '已办结', closedOn: '2026-03-28', closed: true });
    const rated = await value(ctx, 'topics.feedback', { id: t.id, satisfaction: '基本满意', note: '清运时间再早些更好', date: '2026-03-30' });
    expect(rated).toMatchObject({ satisfaction: '基本满意', feedbackOn: '2026-03-30' });
    expect(rated.events.map((e: { kind: string }) => e.kind)).toEqual([
      '登记',
      '纳入议程',
      '状态',
      '转部门办理',
      '状态',
      '部门报到',
      '办结',
      '状态',
      '居民评价',
    ]);
    expect(rated.events.find((e: { kind: string }) => e.kind === '部门报到').text).toContain('2026-03-21 11:00 报到（按时）');

    // From the resident's roster entry.
    expect((await value(ctx, 'topics.byPerson', { personId: people[0]!.id })).items.map((x: { id: number }) => x.id)).toEqual([t.id]);
    expect((await value(ctx, 'topics.byPerson', { personId: people[1]!.id })).items).toEqual([]);
  });

  it('replies, rejects with a reason, and refuses any triage of a closed topic without changing anything', async () => {
    const { ctx, db, org, meeting } = await village(3);
    const a = await value(ctx, 'topics.create', topicInput(org.id));
    const b = await value(ctx, 'topics.create', topicInput(org.id, { title: '广场舞噪音', raiserKind: 'anonymous', raiserName: undefined }));
    expect(b.raiserName).toBe('匿名');
    const replied = await value(ctx, 'topics.reply', { id: a.id, reply: '已联系物业，每天加收一次', date: '2026-03-03' });
    expect(replied).toMatchObject({ status: '已答复', reply: '已联系物业，每天加收一次', closedOn: '2026-03-03' });
    expect((await failure(ctx, 'topics.reject', { id: b.id, reason: '' })).message).toContain('请填写不予受理的理由');
    const rejected = await value(ctx, 'topics.reject', { id: b.id, reason: '不属于本社区管辖，已告知拨打12345' });
    expect(rejected).toMatchObject({ status: '不予受理', rejectReason: '不属于本社区管辖，已告知拨打12345' });

    const m = await meeting('四月会议', '2026-04-10');
    const c = await value(ctx, 'topics.create', topicInput(org.id, { title: '另一件事' }));
    const snapshot = () =>
      db.sqlite
        .prepare(
          'select (select count(*) from audit_log), (select count(*) from topic_events), (select count(*) from agenda_items), (select count(*) from summons), (select group_concat(status) from topics)',
        )
        .raw()
        .get();
    const before = snapshot();
    for (const [name, input] of [
      ['topics.toAgenda', { id: a.id, meetingId: m.id }],
      ['topics.refer', { id: a.id, department: '物业' }],
      ['topics.reply', { id: a.id, reply: '再答复' }],
      ['topics.merge', { id: a.id, intoId: c.id }],
      ['topics.reject', { id: a.id, reason: '重复' }],
      ['topics.close', { id: b.id, result: '办结' }],
      ['topics.update', { id: b.id, title: '改标题' }],
      ['summons.create', { orgId: org.id, topicId: b.id, department: '物业' }],
    ] as const) {
      const e = await failure(ctx, name, input);
      expect(e.code, name).toBe('FORBIDDEN');
      expect(e.message, name).toMatch(/议题“.+”已(答复|不予受理)（.+），不能再/);
    }
    expect(snapshot()).toEqual(before);
    expect((await failure(ctx, 'topics.feedback', { id: c.id, satisfaction: '满意' })).message).toContain('还没有办理');
    expect((await failure(ctx, 'topics.get', { id: 9999 })).message).toContain('找不到编号为 9999 的议题');
    expect((await failure(ctx, 'topics.toAgenda', { id: c.id, meetingId: 9999 })).message).toContain('找不到编号为 9999 的会议');
  });

  it('merges into another topic keeping both records, and refuses self, cycles and closed targets', async () => {
    const { ctx, db, org } = await village(3);
    const a = await value(ctx, 'topics.create', topicInput(org.id, { title: 'A 路灯不亮' }));
    const b = await value(ctx, 'topics.create', topicInput(org.id, { title: 'B 路灯坏了' }));
    const c = await value(ctx, 'topics.create', topicInput(org.id, { title: 'C 夜里太黑' }));
    const d = await value(ctx, 'topics.create', topicInput(org.id, { title: 'D 已答复' }));
    await value(ctx, 'topics.reply', { id: d.id, reply: '已修好' });

    const snapshot = () =>
      db.sqlite
        .prepare('select (select count(*) from audit_log), (select count(*) from topic_events), (select group_concat(status || merged_into_id) from topics)')
        .raw()
        .get();
    let before = snapshot();
    expect((await failure(ctx, 'topics.merge', { id: a.id, intoId: a.id })).message).toBe('不能把议题“A 路灯不亮”合并到它自己，请选择另一个议题');
    expect((await failure(ctx, 'topics.merge', { id: a.id, intoId: d.id })).message).toBe('议题“D 已答复”已答复，不能合并到它；请选择一个仍在办理中的议题');
    expect((await failure(ctx, 'topics.merge', { id: a.id, intoId: 9999 })).code).toBe('NOT_FOUND');
    expect(snapshot()).toEqual(before);

    const merged = await value(ctx, 'topics.merge', { id: a.id, intoId: b.id });
    expect(merged).toMatchObject({
      status: '已合并',
      mergedIntoId: b.id,
      mergedInto: { id: b.id, title: 'B 路灯坏了' },
      title: 'A 路灯不亮',
      content: a.content,
    });
    const target = await value(ctx, 'topics.get', { id: b.id });
    expect(target.mergedTopics).toEqual([{ id: a.id, title: 'A 路灯不亮' }]);
    expect(target.events.at(-1).text).toContain(`议题 ${a.id}“A 路灯不亮”并入本议题`);

    await value(ctx, 'topics.merge', { id: b.id, intoId: c.id });
    before = snapshot();
    // C → A would close the circle A → B → C → A.
    const cycle = await failure(ctx, 'topics.merge', { id: c.id, intoId: a.id });
    expect(cycle.message).toContain('会形成循环');
    expect((await failure(ctx, 'topics.merge', { id: a.id, intoId: c.id })).message).toContain('已合并到议题');
    expect(snapshot()).toEqual(before);
  });

  it('lists with filters and keeps an editable channel list per organization', async () => {
    const { ctx, org, people } = await village(3);
    expect((await value(ctx, 'topics.channels', { orgId: org.id })).channels).toEqual([
      '居民信箱',
      '热线电话',
      '网格员上报',
      '议事厅留言',
      '来访',
      '党组织提议',
      '两委提出',
      '其他',
    ]);
    await value(ctx, 'topics.create', topicInput(org.id, { channel: '热线电话', receivedOn: '2026-02-27', title: '井盖松动' }));
    await value(ctx, 'topics.create', topicInput(org.id, { raiserKind: 'person', raiserPersonId: people[2]!.id, title: '电梯异响' }));
    await value(ctx, 'topics.create', topicInput(org.id, { title: '停车难', content: '晚上小区里没有车位' }));
    expect((await failure(ctx, 'topics.create', topicInput(org.id, { channel: '微信群' }))).message).toContain('不在本议事主体的渠道列表中');
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '热线电话', '微信群'] });
    await value(ctx, 'topics.create', topicInput(org.id, { channel: '微信群', title: '快递柜' }));
    expect((await failure(ctx, 'topics.setChannels', { orgId: org.id, channels: ['a', 'a'] })).message).toContain('重复');

    const titles = async (q: Record<string, unknown>) =>
      (await value(ctx, 'topics.list', { orgId: org.id, ...q })).items.map((x: { title: string }) => x.title).sort();
    expect(await titles({ channel: '热线电话' })).toEqual(['井盖松动']);
    expect(await titles({ month: '2026-02' })).toEqual(['井盖松动']);
    expect(await titles({ personId: people[2]!.id })).toEqual(['电梯异响']);
    expect(await titles({ query: '车位' })).toEqual(['停车难']);
    expect(await titles({ query: people[2]!.name })).toEqual(['电梯异响']);
    expect(await titles({ status: '待分办' })).toHaveLength(4);
    expect((await value(ctx, 'topics.list', { orgId: org.id, pageSize: 2 })).total).toBe(4);
    expect((await failure(ctx, 'topics.create', topicInput(org.id, { raiserKind: 'person', raiserName: undefined }))).message).toContain(
      '请从名册中选择反映人',
    );
  });

  it('corrects a registered topic: the timeline names the changed fields (never a phone), a new raiser brings their household, the audit keeps before and after', async () => {
    const { ctx, db, org, people } = await village(3);
    const t = await value(
      ctx,
      'topics.create',
      topicInput(org.id, { channel: '热线电话', ticketNumber: 'GD1', callerName: '王阿姨', callerPhone: '13812345678', replyDueOn: '2026-03-10' }),
    );
    const fixed = await value(ctx, 'topics.update', { id: t.id, title: '垃圾桶满溢（3号楼）', receivedOn: '2026-03-01', replyDueOn: '2026-03-12' });
    expect(fixed).toMatchObject({ title: '垃圾桶满溢（3号楼）', receivedOn: '2026-03-01', replyDueOn: '2026-03-12', callerPhoneMasked: '138****5678' });
    expect(fixed.events.at(-1)).toMatchObject({ kind: '修改', text: '修改了议题：收到日期、答复时限、议题标题' });
    const phoned = await value(ctx, 'topics.update', { id: t.id, callerPhone: '13900001111', ticketNumber: 'GD2' });
    expect(phoned.events.at(-1).text).toBe('修改了议题：工单号、来电电话');
    expect(JSON.stringify(phoned.events)).not.toContain('1390000');
    // Sending back what it holds changes nothing and adds no line.
    const same = await value(ctx, 'topics.update', { id: t.id, title: '垃圾桶满溢（3号楼）' });
    expect(same.events).toHaveLength(phoned.events.length);

    const moved = await value(ctx, 'topics.update', { id: t.id, raiserKind: 'person', raiserPersonId: people[1]!.id });
    expect(moved).toMatchObject({ raiserName: people[1]!.name, householdNumber: '101' });
    expect(moved.events.at(-1).text).toBe('修改了议题：反映人、户');
    const audits = db.sqlite
      .prepare("select before_json as b, after_json as a from audit_log where action = 'topics.update' and entity_id = ? order by id")
      .all(t.id) as { b: string; a: string }[];
    expect(audits).toHaveLength(4);
    expect(JSON.parse(audits[0]!.b)).toMatchObject({ title: '垃圾桶满溢' });
    expect(JSON.parse(audits[0]!.a)).toMatchObject({ title: '垃圾桶满溢（3号楼）' });
  });

  it('keeps the timeline append-only in the database itself', async () => {
    const { ctx, db, org } = await village(2);
    const t = await value(ctx, 'topics.create', topicInput(org.id));
    expect(() => db.sqlite.prepare('update topic_events set text = ? where topic_id = ?').run('改写', t.id)).toThrow('议题办理记录不能修改');
    expect(() => db.sqlite.prepare('delete from topics where id = ?').run(t.id)).toThrow('议题不能删除');
  });
});
