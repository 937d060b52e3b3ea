import { describe, expect, it } from 'vitest';
import { squash, textOf } from './documents/read-back';
import { value, village } from '../support/village';

describe('党组织前置讨论与四议两公开', () => {
  it('links an agenda item to the 两委 discussion where a 四议两公开 matter took its earlier steps, and the minutes say so', async () => {
    const { ctx, org, body, typeId } = await village(6);
    const matter = await value(ctx, 'matters.create', { orgId: org.id, title: '村道硬化工程', createdOn: '2026-03-01' });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 1, date: '2026-03-02', content: '支部提议' });
    const joint = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('两委联席会议'),
      title: '三月两委联席会议',
      date: '2026-03-05',
      basis: 'body',
      bodyId: body.id,
    });
    const jointItem = await value(ctx, 'agenda.add', { meetingId: joint.id, title: '村道硬化方案商议' });
    await value(ctx, 'meetings.start', { id: joint.id });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, meetingId: joint.id, content: '两委商议同意' });

    const m = await value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民代表会议'),
      title: '三月村民代表会议',
      date: '2026-03-15',
      basis: 'body',
      bodyId: body.id,
    });
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化方案', needsPartyReview: true });
    const candidates = await value(ctx, 'agenda.partyReviewCandidates', { meetingId: m.id });
    expect(candidates.items).toEqual([expect.objectContaining({ itemTitle: '村道硬化方案商议', matterTitle: '村道硬化工程' })]);

    const linked = await value(ctx, 'agenda.linkPartyReview', { id: item.id, reviewItemId: jointItem.id });
    expect(linked.partyReview.matter).toEqual({
      id: matter.id,
      title: '村道硬化工程',
      steps: [
        { step: 1, name: '党组织提议', date: '2026-03-02' },
        { step: 2, name: '“两委”会议商议', date: '2026-03-05' },
      ],
    });

    const file = await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '记录' });
    const text = squash(await textOf(Buffer.from(file.base64, 'base64')));
    expect(text).toContain(
      squash(
        '本议题已经2026年3月5日“三月两委联席会议”前置讨论（议题：村道硬化方案商议）；“村道硬化工程”按“四议两公开”办理，第一步党组织提议（2026年3月2日）、第二步“两委”会议商议（2026年3月5日）已完成。',
      ),
    );
    const preview = await value(ctx, 'minutes.preview', { meetingId: m.id });
    expect(preview.items[0].priorReview).toContain('前置讨论');
  });
});
