import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../core/contract/agenda';
import type { Proposal, Vote } from '../../core/contract/votes';
import { followedItem, shownItemId, stepItem, voteForItem } from '../../renderer/src/projector/following';
import { newTimer, pauseTimer, readTimer, resetTimer, startTimer, toggleTimer } from '../../renderer/src/projector/timer';
import { projectorHash, projectorMeetingId } from '../../renderer/src/projector/route';

const item = (id: number, title: string): AgendaItem => ({
  id,
  meetingId: 1,
  position: id,
  title,
  description: null,
  presenter: null,
  plannedMinutes: null,
  attachments: [],
  needsPartyReview: false,
  partyReview: null,
  topicId: null,
  resolutionId: null,
});
const agenda = [item(11, '村道硬化'), item(12, '文化广场'), item(13, '其他事项')];

const vote = (id: number, agendaItemId: number, status: Vote['status']): Vote =>
  ({ id, meetingId: 1, agendaItemId, kind: 'proposal', proposalId: id * 10, status }) as Vote;
const proposal = (id: number, agendaItemId: number, status: Proposal['status']): Proposal => ({ id, agendaItemId, status }) as Proposal;

describe('投影跟随的议题', () => {
  it('follows the vote now open, whatever came before', () => {
    const votes = [vote(1, 11, '已确认'), vote(2, 12, '进行中')];
    expect(followedItem(agenda, votes, []).itemId).toBe(12);
    expect(followedItem(agenda, votes, []).vote?.id).toBe(2);
  });

  it('follows the latest vote when none is open; a cancelled vote does not count', () => {
    expect(followedItem(agenda, [vote(1, 12, '已确认'), vote(2, 13, '已作废')], []).itemId).toBe(12);
  });

  it('without a vote shows the first item not yet decided', () => {
    expect(followedItem(agenda, [], []).itemId).toBe(11);
    const proposals = [proposal(1, 11, '撤回'), proposal(2, 12, '讨论中')];
    expect(followedItem(agenda, [], proposals).itemId).toBe(12);
    expect(followedItem([], [], []).itemId).toBeNull();
  });

  it('keeps a hand-made choice until the vote followed changes', () => {
    const open = followedItem(agenda, [vote(1, 12, '进行中')], []);
    const manual = { itemId: 13, anchor: open.anchor };
    expect(shownItemId(agenda, open, manual)).toBe(13);
    const confirmed = followedItem(agenda, [vote(1, 12, '已确认')], []);
    expect(shownItemId(agenda, confirmed, manual)).toBe(12);
    // Before any vote the keys move it; opening one takes the room back to it.
    const none = followedItem(agenda, [], []);
    expect(shownItemId(agenda, none, { itemId: 12, anchor: none.anchor })).toBe(12);
    expect(shownItemId(agenda, followedItem(agenda, [vote(1, 13, '进行中')], []), { itemId: 12, anchor: none.anchor })).toBe(13);
  });

  it('shows with an item its own latest vote, not another item’s', () => {
    const votes = [vote(1, 11, '已确认'), vote(2, 12, '已作废'), vote(3, 13, '进行中')];
    const followed = followedItem(agenda, votes, []);
    expect(voteForItem(13, votes, followed)?.id).toBe(3);
    expect(voteForItem(11, votes, followed)?.id).toBe(1);
    expect(voteForItem(12, votes, followed)).toBeNull();
  });

  it('steps through the agenda and stops at either end', () => {
    expect(stepItem(agenda, 11, 1)).toBe(12);
    expect(stepItem(agenda, 13, 1)).toBeNull();
    expect(stepItem(agenda, 11, -1)).toBeNull();
  });
});

describe('发言计时', () => {
  it('counts down from the chosen length, keeps the time across a pause, and resets', () => {
    let t = newTimer(2);
    expect(readTimer(t, 0)).toMatchObject({ digits: '02:00', running: false, started: false, warning: false, overrun: false });
    t = startTimer(t, 1_000);
    expect(readTimer(t, 1_500).digits).toBe('02:00');
    expect(readTimer(t, 61_000).digits).toBe('01:00');
    t = pauseTimer(t, 61_000);
    expect(readTimer(t, 500_000)).toMatchObject({ digits: '01:00', running: false, started: true });
    t = toggleTimer(t, 600_000);
    expect(readTimer(t, 630_000)).toMatchObject({ digits: '00:30', warning: true, overrun: false });
    expect(readTimer(t, 629_999).warning).toBe(false);
    expect(readTimer(t, 660_000)).toMatchObject({ digits: '00:00', overrun: false });
    expect(readTimer(t, 665_400)).toMatchObject({ digits: '00:05', overrun: true, warning: false });
    expect(readTimer(resetTimer(t), 700_000)).toMatchObject({ digits: '02:00', running: false, started: false });
  });
});

describe('投影页面的地址', () => {
  it('reads #/projector/<id> and nothing else', () => {
    expect(projectorMeetingId(projectorHash(12))).toBe(12);
    for (const hash of ['#/projector/0', '#/projector/x', '#/meetings/12', '#/projector/', '#/projector/12/extra', ''])
      expect(projectorMeetingId(hash)).toBeNull();
  });
});
