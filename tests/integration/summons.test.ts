import { describe, expect, it } from 'vitest';
import { clockOf } from '../../db/clock';
import { completeSummons, createSummons, listSummons, reportSummons } from '../../db/summons';
import { failure, value, village } from '../support/village';
import { write } from '../support/write';

describe('吹哨报到', () => {
  it('computes the three rates per department against a hand-checked fixture', async () => {
    const { ctx, db, org } = await village(2);
    const topic = async (title: string) =>
      (await value(ctx, 'topics.create', { orgId: org.id, receivedOn: '2026-09-28', channel: '热线电话', raiserKind: 'anonymous', title, content: title }))
        .id as number;
    const t1 = await topic('占道经营');
    const t2 = await topic('违章搭建');
    const t3 = await topic('停电');
    const at = (iso: string) => new Date(iso);
    // 城管: three summons in October (Shanghai dates), one reported late, one never.
    const s1 = write(
      db,
      (tx) => createSummons(tx, { orgId: org.id, topicId: t1, department: '城管执法队', summonedAt: '2026-10-08T01:00:00Z' }),
      at('2026-10-08T01:00:00Z'),
    );
    write(db, (tx) => reportSummons(tx, { id: s1.id, reportedAt: '2026-10-08T20:00:00Z' }), at('2026-10-08T20:00:00Z')); // 19 h: in time
    write(db, (tx) => completeSummons(tx, { id: s1.id, result: '已取缔', resolved: true }), at('2026-10-10T01:00:00Z'));
    const s2 = write(
      db,
      (tx) => createSummons(tx, { orgId: org.id, topicId: t2, department: '城管执法队', summonedAt: '2026-10-09T01:00:00Z', reportWithinHours: 2 }),
      at('2026-10-09T01:00:00Z'),
    );
    write(db, (tx) => reportSummons(tx, { id: s2.id, reportedAt: '2026-10-09T04:00:00Z' }), at('2026-10-09T04:00:00Z')); // 3 h > 2 h: late
    write(db, (tx) => completeSummons(tx, { id: s2.id, result: '限期拆除未执行', resolved: false }), at('2026-10-20T01:00:00Z'));
    write(db, (tx) => createSummons(tx, { orgId: org.id, department: '城管执法队', summonedAt: '2026-10-31T15:30:00Z' }), at('2026-10-31T15:30:00Z')); // 23:30 on Oct 31 in Shanghai, never reported
    write(db, (tx) => createSummons(tx, { orgId: org.id, department: '城管执法队', summonedAt: '2026-10-31T16:30:00Z' }), at('2026-10-31T16:30:00Z')); // already Nov 1 in Shanghai: outside
    // 供电所: one summons, in time, resolved.
    const s5 = write(
      db,
      (tx) => createSummons(tx, { orgId: org.id, topicId: t3, department: '供电所', summonedAt: '2026-10-15T01:00:00Z' }),
      at('2026-10-15T01:00:00Z'),
    );
    write(db, (tx) => reportSummons(tx, { id: s5.id, reportedAt: '2026-10-15T01:30:00Z' }), at('2026-10-15T01:30:00Z'));
    write(db, (tx) => completeSummons(tx, { id: s5.id, result: '已恢复供电', resolved: true }), at('2026-10-15T06:00:00Z'));
    // Residents' feedback: t1 满意, t2 不满意, t3 none.
    await value(ctx, 'topics.close', { id: t1, result: '已取缔', date: '2026-10-11' });
    await value(ctx, 'topics.feedback', { id: t1, satisfaction: '满意', date: '2026-10-12' });
    await value(ctx, 'topics.close', { id: t2, result: '未拆除', date: '2026-10-21' });
    await value(ctx, 'topics.feedback', { id: t2, satisfaction: '不满意', date: '2026-10-22' });

    const r = await value(ctx, 'summons.rates', { orgId: org.id, from: '2026-10-01', to: '2026-10-31' });
    const cg = r.departments.find((d: { department: string }) => d.department === '城管执法队');
    // 城管 in October: 3 summons (the Nov 1 one is out). In time: s1 only → 1/3 = 333‰.
    // Resolved: s1 → 1/3. Topics handled: t1 (满意), t2 (不满意) → 1/2 = 500‰.
    expect(cg.summoned).toBe(3);
    expect(cg.response).toMatchObject({ numerator: 1, denominator: 3, perMille: 333, text: '1/3（33.3%）' });
    expect(cg.resolution).toMatchObject({ numerator: 1, denominator: 3, perMille: 333 });
    expect(cg.satisfaction).toMatchObject({ numerator: 1, denominator: 2, perMille: 500 });
    // 供电所: 1/1 in time, 1/1 resolved, t3 without feedback → 0/0.
    const gd = r.departments.find((d: { department: string }) => d.department === '供电所');
    expect([gd.response.text, gd.resolution.text, gd.satisfaction.text]).toEqual(['1/1（100.0%）', '1/1（100.0%）', '0/0（无数据）']);
    // Total: 4 summons; in time s1, s5 → 2/4; resolved s1, s5 → 2/4; feedback topics t1, t2 → 1/2.
    expect([r.total.summoned, r.total.response.perMille, r.total.resolution.perMille, r.total.satisfaction.text]).toEqual([4, 500, 500, '1/2（50.0%）']);
    expect(r.total.satisfaction.definition).toContain('满意');
    expect((await value(ctx, 'summons.departments', { orgId: org.id })).items).toEqual(['供电所', '城管执法队']);
    expect((await failure(ctx, 'summons.rates', { orgId: org.id, from: '2026-10-31', to: '2026-10-01' })).message).toContain('早于开始日期');
  });

  it('flags overdue summons by the local date around midnight and by the hour limit', async () => {
    const { db, org } = await village(2);
    const s = write(
      db,
      (tx) => createSummons(tx, { orgId: org.id, department: '水务站', summonedAt: '2026-11-24T01:00:00Z', deadline: '2026-11-25' }),
      new Date('2026-11-24T01:00:00Z'),
    );
    write(db, (tx) => reportSummons(tx, { id: s.id, reportedAt: '2026-11-24T02:00:00Z' }), new Date('2026-11-24T02:00:00Z'));
    const at = (iso: string) => listSummons(db, { orgId: org.id, overdueOnly: true }, clockOf(db, new Date(iso))).items.map((x) => x.overdueReason);
    expect(at('2026-11-25T15:59:00Z')).toEqual([]); // 23:59 on the 25th in Shanghai: deadline is today
    expect(at('2026-11-25T16:30:00Z')).toEqual(['已超过承诺期限（2026-11-25）1 天']); // 00:30 on the 26th
    expect(listSummons(db, { orgId: org.id }, clockOf(db, new Date('2026-11-25T15:59:00Z'))).items[0]!.dueSoon).toBe(true);

    const late = write(
      db,
      (tx) => createSummons(tx, { orgId: org.id, department: '派出所', summonedAt: '2026-11-25T08:00:00Z', reportWithinHours: 4 }),
      new Date('2026-11-25T08:00:00Z'),
    );
    expect(listSummons(db, { orgId: org.id, department: '派出所', overdueOnly: true }, clockOf(db, new Date('2026-11-25T12:00:00Z'))).items).toEqual([]);
    expect(
      listSummons(db, { orgId: org.id, department: '派出所', overdueOnly: true }, clockOf(db, new Date('2026-11-25T12:01:00Z'))).items.map((x) => x.id),
    ).toEqual([late.id]);
    write(db, (tx) => completeSummons(tx, { id: late.id, result: '已处理', resolved: true }), new Date('2026-11-25T13:00:00Z'));
    expect(listSummons(db, { orgId: org.id, department: '派出所', overdueOnly: true }, clockOf(db, new Date('2026-11-26T12:01:00Z'))).items).toEqual([]);
  });

  it('records report, commitment, completion and evaluation, and refuses bad changes', async () => {
    const { ctx, org, meeting } = await village(2);
    const m = await meeting('联席会议', '2026-11-20');
    const s = await value(ctx, 'summons.create', {
      orgId: org.id,
      meetingId: m.id,
      department: '物业公司',
      contact: '周经理',
      summonedAt: '2026-11-20T01:00:00+08:00',
    });
    expect(s).toMatchObject({ meetingTitle: '联席会议', summonedAt: '2026-11-19T17:00:00.000Z', reportDueAt: '2026-11-20T17:00:00.000Z', reportedAt: null });
    expect((await failure(ctx, 'summons.report', { id: s.id, reportedAt: '2026-11-19T16:00:00Z' })).message).toContain('早于吹哨时间');
    await value(ctx, 'summons.report', { id: s.id, reportedAt: '2026-11-20T02:00:00+08:00' });
    expect((await failure(ctx, 'summons.report', { id: s.id })).code).toBe('CONFLICT');
    const u = await value(ctx, 'summons.update', { id: s.id, commitment: '一周内修好门禁', deadline: '2026-11-27' });
    expect(u).toMatchObject({ commitment: '一周内修好门禁', deadline: '2026-11-27', reportedInTime: true });
    expect((await failure(ctx, 'summons.update', { id: s.id, deadline: '2026-11-01' })).message).toContain('早于吹哨日期');
    const done = await value(ctx, 'summons.complete', { id: s.id, result: '门禁已更换', resolved: true });
    expect(done.resolved).toBe(true);
    expect((await value(ctx, 'summons.evaluate', { id: s.id, evaluation: '基本满意' })).evaluation).toBe('基本满意');
    expect((await failure(ctx, 'summons.complete', { id: s.id, result: '再来', resolved: true })).message).toContain('已办结');
    expect((await failure(ctx, 'summons.report', { id: 9999 })).code).toBe('NOT_FOUND');
    expect((await failure(ctx, 'summons.create', { orgId: org.id, topicId: 9999, department: '物业' })).message).toContain('找不到编号为 9999 的议题');
  });
});
