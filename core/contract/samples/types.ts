import type { CallInput, CallName, CallOutput, WriteCallName } from '../index';

/**
 * The records every sample can count on: built once through the API itself
 * (tests/contract/world.ts) and copied fresh for each sample.
 */
export interface SampleWorld {
  /** 青石村: a village with its roster, a 村民代表会议 body and meetings in each state. */
  village: {
    orgId: number;
    /** Meeting type ids by name (村民会议, 村民代表会议, 党员大会 …). */
    typeIds: Record<string, number>;
    /** Adults on the roster, in household order. */
    personIds: number[];
    /** A person under 18 on the meetings' dates. */
    minorId: number;
    /** The 村民代表会议 body (members: the first 15 adults). */
    bodyId: number;
  };
  /** 和平里社区: a community with a few residents and no meetings. */
  community: { orgId: number; personIds: number[] };
  /** 村民代表会议 meetings of the village, one in each state. */
  meetings: {
    draft: number;
    notified: number;
    /** 进行中: 12 of 15 members signed in, one agenda item with one proposal. */
    running: number;
    ended: number;
    finalized: number;
  };
  running: { agendaItemId: number; proposalId: number };
  /** A resolution made by the finalized meeting. */
  resolutionId: number;
}

export interface SampleKit {
  world: SampleWorld;
  /** Calls the API (through dispatch) to make what a sample needs beyond the world. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** The address of the street hub the harness runs (tests/support/street-hub.ts: the real hub on PGlite), for the 报送 calls. */
  hubUrl?: string;
  /** A one-time 登记码 from that hub, as its admin reads it on 社区管理. */
  hubCode?(): Promise<string>;
  /** The newest 回执包 the hub signed for a community (acknowledging what it stored). */
  hubReply?(communityId: string): Promise<string>;
}

export interface WriteSample<N extends WriteCallName> {
  /** A valid input; may first make the records it needs with `kit.call`. */
  input(kit: SampleKit): CallInput<N> | Promise<CallInput<N>>;
  /** The audit actions the call leaves, in order. */
  audits: readonly string[];
  /** An input the schema accepts but a rule refuses: the database must not change. */
  refused?(kit: SampleKit): CallInput<N> | Promise<CallInput<N>>;
}

export type Samples<K extends WriteCallName> = { [N in K]: WriteSample<N> };
