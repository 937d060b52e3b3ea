import { describe, expect, it } from 'vitest';
import { squash, textOf, expectInOrder } from './documents/read-back';
import { failure, value, village } from '../support/village';

const hotline = (orgId: number, extra: Record<string, unknown> = {}) => ({
  orgId,
  receivedOn: '2026-11-20',
  channel: '12345热线',
  raiserKind: 'name',
  raiserName: '王阿姨',
  title: '楼道灯不亮',
  content: '5号楼2单元楼道灯坏了一个月。',
  ticketNumber: '  GD2026112000123 ',
  callerName: '王阿姨',
  callerPhone: '13812345678',
  replyDueOn: '2026-11-25',
  ...extra,
});

describe('12345 热线的工单字段', () => {
  it('stores the ticket, shows the caller’s phone masked, reveals it only through an audited call, and puts the deadline on the home page', async () => {
    const { ctx, org } = await village(3);
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '12345热线'] });
    const t = await value(ctx, 'topics.create', hotline(org.id));
    expect(t).toMatchObject({ ticketNumber: 'GD2026112000123', callerName: '王阿姨', callerPhoneMasked: '138****5678', replyDueOn: '2026-11-25' });
    expect(JSON.stringify(t)).not.toContain('13812345678');
    const listed = await value(ctx, 'topics.list', { orgId: org.id });
    expect(listed.items[0]).toMatchObject({ callerPhoneMasked: '138****5678' });
    expect(JSON.stringify(listed)).not.toContain('13812345678');
    // The audit trail keeps the phone masked too.
    const trail = ctx.db.sqlite.prepare("select after_json from audit_log where action = 'topics.create'").pluck().all() as string[];
    expect(trail.join('')).not.toContain('13812345678');

    expect(await value(ctx, 'topics.revealCaller', { id: t.id })).toEqual({ id: t.id, callerPhone: '13812345678' });
    const reveals = ctx.db.sqlite.prepare("select count(*) from audit_log where action = 'topic.revealCaller' and entity_id = ?").pluck().get(t.id);
    expect(reveals).toBe(1);

    expect((await failure(ctx, 'topics.create', hotline(org.id, { callerPhone: '12345' }))).message).toContain('来电电话只能是 7 至 12 位数字');
    expect((await failure(ctx, 'topics.create', hotline(org.id, { callerPhone: '138-1234-5678' }))).message).toContain('来电电话');
    expect((await failure(ctx, 'topics.create', hotline(org.id, { ticketNumber: 'X'.repeat(41) }))).message).toContain('工单号不能超过 40 个字');
    const landline = await value(ctx, 'topics.create', hotline(org.id, { callerPhone: '0571-88886666', title: '井盖松动', replyDueOn: '2026-11-30' }));
    expect(landline.callerPhoneMasked).toBe('0571-****6666');

    // On 11-27: the first is two days overdue, the second due in three days; a topic answered is no longer listed.
    const home = await value(ctx, 'home.summary', { orgId: org.id, today: '2026-11-27' });
    expect(home.hotlineReplies).toMatchObject([
      { id: t.id, ticketNumber: 'GD2026112000123', replyDueOn: '2026-11-25', daysLeft: -2 },
      { id: landline.id, replyDueOn: '2026-11-30', daysLeft: 3 },
    ]);
    expect(home.counts).toMatchObject({ hotlineRepliesOverdue: 1, hotlineRepliesDueSoon: 1 });
    await value(ctx, 'topics.reply', { id: landline.id, reply: '已安排维修。', date: '2026-11-27' });
    expect((await value(ctx, 'home.summary', { orgId: org.id, today: '2026-11-27' })).hotlineReplies.map((r: { id: number }) => r.id)).toEqual([t.id]);

    // Clearing the fields on update.
    const cleared = await value(ctx, 'topics.update', { id: t.id, callerPhone: '', replyDueOn: null });
    expect(cleared).toMatchObject({ callerPhoneMasked: null, replyDueOn: null, ticketNumber: 'GD2026112000123' });
  });

  it('prints a 办理结果告知单 with the ticket, the caller’s name (no phone), the matter, the result and the sign-off', async () => {
    const { ctx, org } = await village(3);
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['12345热线'] });
    const t = await value(ctx, 'topics.create', hotline(org.id));
    expect((await failure(ctx, 'documents.topicResult', { id: t.id })).message).toContain('还没有答复或办理结果');
    await value(ctx, 'topics.close', { id: t.id, result: '物业已于11月24日更换楼道灯。', date: '2026-11-24' });
    const file = await value(ctx, 'documents.topicResult', { id: t.id });
    expect(file.fileName).toMatch(/办理结果告知单\.docx$/);
    const text = squash(await textOf(Buffer.from(file.base64, 'base64')));
    expectInOrder(text, [
      '办理结果告知单',
      '王阿姨：',
      '工单号：GD2026112000123',
      '反映事项：楼道灯不亮',
      '5号楼2单元楼道灯坏了一个月',
      '办理结果：物业已于11月24日更换楼道灯',
      '2026年11月24日',
    ]);
    expect(text).not.toContain('5678');
  });
});

describe('哪些来源渠道带热线工单字段，由书记员在渠道设置中勾选', () => {
  const topic = (orgId: number, channel: string, extra: Record<string, unknown> = {}) => ({
    orgId,
    receivedOn: '2026-11-20',
    channel,
    raiserKind: 'name',
    raiserName: '刘网格',
    title: '路灯不亮',
    content: '东风路口路灯坏了。',
    ...extra,
  });
  const ticket = { ticketNumber: 'WG2026112001', callerName: '赵大爷', callerPhone: '13900001111', replyDueOn: '2026-11-28' };

  it('defaults to the channels named 12345 or 热线 until the secretary chooses, then keeps her choice', async () => {
    const { ctx, org } = await village(3);
    expect(await value(ctx, 'topics.channels', { orgId: org.id })).toMatchObject({ hotline: ['热线电话'] });
    // A list changed without a choice: still by name.
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '12345热线', '政务服务便民热线', '网格员上报'] });
    expect((await value(ctx, 'topics.channels', { orgId: org.id })).hotline).toEqual(['12345热线', '政务服务便民热线']);

    const saved = await value(ctx, 'topics.setChannels', {
      orgId: org.id,
      channels: ['居民信箱', '热线电话', '网格员上报', '市民服务平台'],
      hotline: ['市民服务平台', '网格员上报'],
    });
    // In the list's order, whatever order they were ticked in.
    expect(saved).toEqual({ channels: ['居民信箱', '热线电话', '网格员上报', '市民服务平台'], hotline: ['网格员上报', '市民服务平台'] });
    expect(await value(ctx, 'topics.channels', { orgId: org.id })).toEqual(saved);
    const row = ctx.db.sqlite.prepare("select before_json b, after_json a from audit_log where action = 'topics.channels' order by id desc limit 1").get() as {
      b: string;
      a: string;
    };
    expect(JSON.parse(row.b)).toEqual({ channels: ['居民信箱', '12345热线', '政务服务便民热线', '网格员上报'], hotline: ['12345热线', '政务服务便民热线'] });
    expect(JSON.parse(row.a)).toEqual(saved);

    // Once chosen, a list saved without a choice keeps it: a new 热线 channel is not ticked by its name, a removed one drops out.
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '网格员上报', '12345热线'] });
    expect((await value(ctx, 'topics.channels', { orgId: org.id })).hotline).toEqual(['网格员上报']);
    // Nothing ticked is a choice too.
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '网格员上报', '12345热线'], hotline: [] });
    expect((await value(ctx, 'topics.channels', { orgId: org.id })).hotline).toEqual([]);
  });

  it('refuses a ticked channel that is not in the list and changes nothing', async () => {
    const { ctx, org } = await village(3);
    const snapshot = () => ({
      settings: ctx.db.sqlite.prepare("select key, value from settings where key like 'topic%' order by key").all(),
      audit: ctx.db.sqlite.prepare('select count(*) from audit_log').pluck().get(),
    });
    const before = snapshot();
    const refused = await failure(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '热线电话'], hotline: ['热线电话', '微信群'] });
    expect(refused.message).toContain('“微信群”不在来源渠道列表中');
    expect(snapshot()).toEqual(before);
    expect(await value(ctx, 'topics.channels', { orgId: org.id })).toMatchObject({ hotline: ['热线电话'] });
  });

  it('takes the hotline fields only on a ticked channel; a topic keeps them when its channel is unticked later', async () => {
    const { ctx, org } = await village(3);
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '热线电话', '网格员上报'], hotline: ['网格员上报'] });
    const topicsCount = () => ctx.db.sqlite.prepare('select count(*) from topics').pluck().get();

    // 热线电话 unticked: its name no longer decides.
    const refused = await failure(ctx, 'topics.create', topic(org.id, '热线电话', { ticketNumber: 'GD1', replyDueOn: '2026-11-28' }));
    expect(refused.message).toContain('该渠道未设置热线工单字段');
    expect(refused.message).toContain('“热线电话”不能填写工单号、答复时限');
    expect(refused.message).toContain('勾选');
    expect(topicsCount()).toBe(0);
    // Empty fields are no fields.
    const plain = await value(ctx, 'topics.create', topic(org.id, '热线电话', { ticketNumber: ' ', callerPhone: '', replyDueOn: null }));
    expect(plain).toMatchObject({ ticketNumber: null, callerPhoneMasked: null, replyDueOn: null });

    const grid = await value(ctx, 'topics.create', topic(org.id, '网格员上报', ticket));
    expect(grid).toMatchObject({ ticketNumber: 'WG2026112001', callerName: '赵大爷', callerPhoneMasked: '139****1111', replyDueOn: '2026-11-28' });
    // Moving a plain topic to a ticked channel and filling the fields in.
    const moved = await value(ctx, 'topics.update', { id: plain.id, channel: '网格员上报', ticketNumber: 'WG2' });
    expect(moved).toMatchObject({ channel: '网格员上报', ticketNumber: 'WG2' });

    // 网格员上报 unticked: the topic keeps what it holds, and its deadline stays on the home page.
    await value(ctx, 'topics.setChannels', { orgId: org.id, channels: ['居民信箱', '热线电话', '网格员上报'], hotline: [] });
    expect(await value(ctx, 'topics.get', { id: grid.id })).toMatchObject({ ticketNumber: 'WG2026112001', callerPhoneMasked: '139****1111' });
    const home = await value(ctx, 'home.summary', { orgId: org.id, today: '2026-11-27' });
    expect(home.hotlineReplies.map((r: { id: number }) => r.id)).toEqual([grid.id]);
    // Editing it otherwise, or sending back what it holds, is fine; a new value is refused; clearing is fine.
    await value(ctx, 'topics.update', { id: grid.id, title: '东风路口路灯不亮', ticketNumber: 'WG2026112001', callerName: '赵大爷' });
    const changed = await failure(ctx, 'topics.update', { id: grid.id, callerPhone: '13900002222' });
    expect(changed.message).toContain('“网格员上报”不能填写来电电话');
    expect((await value(ctx, 'topics.get', { id: grid.id })).callerPhoneMasked).toBe('139****1111');
    expect(await value(ctx, 'topics.update', { id: grid.id, replyDueOn: null, callerPhone: '' })).toMatchObject({
      title: '东风路口路灯不亮',
      ticketNumber: 'WG2026112001',
      replyDueOn: null,
      callerPhoneMasked: null,
    });
  });
});
