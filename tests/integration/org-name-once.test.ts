import { describe, expect, it } from 'vitest';
import { textOf } from './documents/read-back';
import { value, village } from '../support/village';

describe('机构名称只写一次', () => {
  it('prints the ballots of a meeting whose title names the village without saying the name twice', async () => {
    const { ctx, people, meeting } = await village(45);
    const m = await meeting('东风村2026年第一次村民代表会议', '2026-03-15');
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化' });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    for (const p of people.slice(0, 31)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
    const p = await value(ctx, 'proposals.create', {
      agendaItemId: item.id,
      title: '村道硬化方案',
      text: '硬化 800 米',
      proposerKind: 'body',
      proposerName: '村党支部',
    });
    const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '无记名' });
    const file = await value(ctx, 'documents.ballots', { voteId: v.id });
    const text = await textOf(Buffer.from(file.base64, 'base64'));
    expect(text).toContain('东风村2026年第一次村民代表会议');
    expect(text).not.toContain('东风村东风村');
  });
});
