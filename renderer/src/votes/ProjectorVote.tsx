import type { Meeting } from '../../../core/contract/meetings';

/** Projector view of the latest vote: the proposal, then the confirmed result (filled in by the votes work). */
export function ProjectorVote(props: { meeting: Meeting }) {
  void props;
  return null;
}
