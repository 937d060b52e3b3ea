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
