// 导出选票 from a meeting's vote: the question an options vote decides, and the 记名 signature line.
import { describe, expect, it } from 'vitest';
import { textOf } from './documents/read-back';
import { value, village } from '../support/village';

describe('导出选票', () => {
  it('prints an options vote’s agenda item as the question, each option with its box, and a name line on 记名 ballots only', async () => {
    const { ctx, people, meeting } = await village(45);
    const m = await meeting('2026年第一次村民代表会议', '2026-03-15');
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村文化广场命名' });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    for (const p of people.slice(0, 31)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
    const option = (title: string) =>
      value(ctx, 'proposals.create', { agendaItemId: item.id, title, text: title, proposerKind: 'body', proposerName: '村民委员会' });
    const ids = [(await option('青石文化广场')).id, (await option('石溪广场')).id];
    const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: ids, method: '记名' });
    const text = await textOf(Buffer.from((await value(ctx, 'documents.ballots', { voteId: v.id, count: 2, perPage: 2 })).base64, 'base64'));
    expect(text.split('表决事项：村文化广场命名').length - 1).toBe(2 + 1); // each ballot and the 计票单
    expect(text.split('投票人（签名）').length - 1).toBe(2);
    for (const o of v.options) expect(text).toContain(`□\u00a0${o.label}：${o.title}`);
  });
});
