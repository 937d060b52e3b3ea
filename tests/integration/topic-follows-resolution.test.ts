import { describe, expect, it } from 'vitest';
import { failure, value, village } from '../support/village';

describe('议题随决议推进', () => {
  it('a topic on the agenda moves on with its resolution: 表决 → 督办 → 办结, dated when each happened', async () => {
    const { ctx, org, people, meeting } = await village(45);
    const topic = await value(ctx, 'topics.create', {
      orgId: org.id,
      receivedOn: '2026-10-20',
      channel: '热线电话',
      raiserKind: 'name',
      raiserName: '张大爷',
      title: '村东路灯不亮',
      content: '村东路灯不亮，请尽快处理',
    });
    const m = await meeting('十一月村民代表会议', '2026-11-02');
    await value(ctx, 'topics.toAgenda', { id: topic.id, meetingId: m.id, date: '2026-10-25' });
    const item = (await value(ctx, 'agenda.list', { meetingId: m.id })).items.find((i: { topicId: number | null }) => i.topicId === topic.id);
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-10-22' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    for (const p of people.slice(0, 31)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
    const p = await value(ctx, 'proposals.create', {
      agendaItemId: item.id,
      title: '更换村东路灯',
      text: '更换路灯 12 盏',
      proposerKind: 'body',
      proposerName: '村委会',
    });
    const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
    await value(ctx, 'votes.record', { id: v.id, tally: { yes: 25, no: 4, abstain: 2 } });
    const done = await value(ctx, 'votes.confirm', { id: v.id });
    const number = done.resolution.number as string;

    // Progress entries come in after the fact: the one typed later but dated earlier sorts first.
    await value(ctx, 'followUp.addProgress', { resolutionId: done.resolution.id, date: '2026-11-10', text: '采购路灯', percent: 40 });
    expect((await failure(ctx, 'followUp.addProgress', { resolutionId: done.resolution.id, date: '2099-01-01', text: '未来', percent: 50 })).message).toContain(
      '晚于今天',
    );
    expect((await failure(ctx, 'followUp.complete', { resolutionId: done.resolution.id, completedOn: '2026-11-05', result: '已更换' })).message).toContain(
      '早于最后一次进度登记',
    );
    await value(ctx, 'followUp.complete', { resolutionId: done.resolution.id, completedOn: '2026-11-15', result: '12 盏路灯已更换' });

    const t = await value(ctx, 'topics.get', { id: topic.id });
    expect(t.status).toBe('已办结');
    const lines = t.events.map((e: { date: string; kind: string; text: string }) => `${e.date} ${e.kind} ${e.text}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        `2026-11-02 表决 “十一月村民代表会议”表决通过，形成决议${number}：更换村东路灯`,
        `2026-11-10 督办 决议${number}督办进度 40%：采购路灯`,
        `2026-11-15 办结 决议${number}已办结：12 盏路灯已更换`,
      ]),
    );
    const dates = t.events.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
  });
});
