import type { AgendaItem } from '../../../core/contract/agenda';
import type { Proposal, Vote } from '../../../core/contract/votes';

/**
 * Which agenda item the projector shows. Pure, so it is unit-tested under Node.
 *
 * The room follows the vote, not the secretary's screen: the item of the vote now open, else of
 * the latest vote (a cancelled one does not count), else the first item not yet decided. The
 * projector's ←/→ keys may move away by hand; that choice holds until the vote being followed
 * changes (a vote opens, is confirmed or cancelled), and then the projector follows again.
 */
export interface Followed {
  itemId: number | null;
  /** The vote that decided it, if any. */
  vote: Vote | null;
  /** Changes whenever what is followed changes: a hand-made choice is kept only while it stays the same. */
  anchor: string;
}

/** A hand-made choice, remembered with the anchor it was made under. */
export interface ManualChoice {
  itemId: number;
  anchor: string;
}

const OPEN_PROPOSAL: ReadonlySet<Proposal['status']> = new Set(['提出', '讨论中', '表决']);

/** An item is decided once it has proposals and none of them still waits (提出, 讨论中, 表决). */
function decided(item: AgendaItem, proposals: readonly Proposal[]): boolean {
  const own = proposals.filter((p) => p.agendaItemId === item.id);
  return own.length > 0 && own.every((p) => !OPEN_PROPOSAL.has(p.status));
}

export function followedItem(agenda: readonly AgendaItem[], votes: readonly Vote[], proposals: readonly Proposal[]): Followed {
  const live = votes.filter((v) => v.status !== '已作废' && agenda.some((i) => i.id === v.agendaItemId));
  const open = live.filter((v) => v.status === '进行中').at(-1);
  if (open) return { itemId: open.agendaItemId, vote: open, anchor: `open:${open.id}` };
  const latest = live.at(-1);
  if (latest) return { itemId: latest.agendaItemId, vote: latest, anchor: `done:${latest.id}` };
  const next = agenda.find((i) => !decided(i, proposals)) ?? agenda[0];
  // Cancelled votes are part of the anchor: cancelling one is a change the projector follows.
  return { itemId: next?.id ?? null, vote: null, anchor: `none:${votes.length}` };
}

/** The item shown: the hand-made choice while it is still valid, else the followed one. */
export function shownItemId(agenda: readonly AgendaItem[], followed: Followed, manual: ManualChoice | null): number | null {
  if (manual && manual.anchor === followed.anchor && agenda.some((i) => i.id === manual.itemId)) return manual.itemId;
  return followed.itemId;
}

/** The vote to show with an item: the one followed if it is that item's, else the item's latest vote not cancelled. */
export function voteForItem(itemId: number | null, votes: readonly Vote[], followed: Followed): Vote | null {
  if (itemId === null) return null;
  if (followed.vote?.agendaItemId === itemId) return followed.vote;
  return votes.filter((v) => v.agendaItemId === itemId && v.status !== '已作废').at(-1) ?? null;
}

/** The item `step` places away from `itemId` in the agenda (←: -1, →: +1), or null at either end. */
export function stepItem(agenda: readonly AgendaItem[], itemId: number | null, step: -1 | 1): number | null {
  const index = agenda.findIndex((i) => i.id === itemId);
  const next = agenda[index === -1 ? 0 : index + step];
  return next ? next.id : null;
}
