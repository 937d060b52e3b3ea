// Every document built twice from the same record is the same file, whatever day it is exported:
// a township compares what it filed with what the village prints again years later.
import { describe, expect, it } from 'vitest';
import { value, village } from '../../support/village';
import { squash, textOf } from './read-back';

/** What a township sends back: a name said twice, 关于关于, 会议会议, a resolution "作出" by a title that is not one, the short name as issuer. */
const SENT_BACK = [/关于关于/, /会议会议/, /东风村东风村/, /作出《[^》]*[^议定]》/, /东风村（盖章）/];

describe('同一记录导出两次，文件完全相同', () => {
  it('gives the same bytes for every meeting and follow-up document a week apart', async () => {
    const { ctx, org, decide } = await village(45);
    const { meeting: m, resolutions } = await decide('2026-03-15', ['村道硬化']);
    const vote = resolutions[0]!.voteId;
    const notice = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '决议公开',
      resolutionId: resolutions[0]!.id,
      title: '村道硬化决议公示',
      postedOn: '2026-03-16',
      periodDays: 15,
      place: '村务公开栏',
    });
    const matter = await value(ctx, 'matters.create', {
      orgId: org.id,
      title: '村道硬化',
      content: '硬化 800 米',
      category: '公益事业',
      createdOn: '2026-03-01',
    });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 1, date: '2026-03-02', expected: 7, present: 7, content: '支部委员会提议' });
    await value(ctx, 'meetings.finalize', { id: m.id });

    const exports: [string, unknown][] = [
      ['documents.minutes', { meetingId: m.id, variant: '记录' }],
      ['documents.minutes', { meetingId: m.id, variant: '纪要' }],
      ['documents.signInSheet', { meetingId: m.id }],
      ['documents.ballots', { voteId: vote }],
      ['documents.notice', { meetingId: m.id }],
      ['documents.resolutionNotice', { meetingId: m.id, postFrom: '2026-03-16', postTo: '2026-03-30' }],
      ['notices.export', { id: notice.id }],
      ['notices.exportBoard', { id: notice.id }],
      ['matters.export', { id: matter.id }],
    ];
    const at = async (iso: string) => {
      ctx.now = () => new Date(iso);
      const out: string[] = [];
      for (const [name, input] of exports) out.push((await value(ctx, name, input)).base64);
      return out;
    };
    const first = await at('2026-03-20T02:00:00Z');
    const later = await at('2026-03-27T15:30:00Z');
    exports.forEach(([name, input], i) => expect(later[i], `${name} ${JSON.stringify(input)}`).toBe(first[i]));
    for (const [i, b64] of first.entries()) {
      // Line by line: the end of one line and the start of the next are not one phrase.
      const lines = (await textOf(Buffer.from(b64, 'base64'))).split('\n').map(squash);
      for (const bad of SENT_BACK)
        expect(
          lines.filter((l) => bad.test(l)),
          `${exports[i]![0]}: ${bad}`,
        ).toEqual([]);
    }
  });
});
