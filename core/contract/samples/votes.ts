import type { SampleKit, Samples } from './types';

/** The running meeting's open vote on its proposal, opened if there is none yet. */
async function openVote({ world, call }: SampleKit) {
  const open = (await call('votes.list', { meetingId: world.meetings.running })).items.find((v) => v.status === '进行中');
  return open ?? call('votes.open', { agendaItemId: world.running.agendaItemId, proposalIds: [world.running.proposalId], method: '举手' });
}

/** The finalized meeting's confirmed vote: nothing about it can change any more. */
async function finalizedVote({ world, call }: SampleKit) {
  return (await call('votes.list', { meetingId: world.meetings.finalized })).items[0]!;
}

export const voteSamples = {
  'proposals.create': {
    input: ({ world }) => ({
      agendaItemId: world.running.agendaItemId,
      title: '村道路灯安装',
      text: '在村东道路两侧安装路灯 20 盏',
      proposerKind: 'person',
      proposerName: '村民01',
      proposerPersonId: world.village.personIds[0]!,
      seconders: ['村民02', '村民03'],
    }),
    audits: ['proposal.create'],
    // Only a proposal 搁置 at an earlier meeting can be carried over; this one is still open.
    refused: ({ world }) => ({
      agendaItemId: world.running.agendaItemId,
      title: '接续议案',
      text: '接续',
      proposerKind: 'body',
      proposerName: '村党支部',
      carriedFromId: world.running.proposalId,
    }),
  },
  'proposals.update': {
    input: ({ world }) => ({ id: world.running.proposalId, text: '硬化村东道路 1000 米', seconders: ['村民04'] }),
    audits: ['proposal.update'],
    refused: async (kit) => ({ id: (await finalizedVote(kit)).proposalId!, text: '改写已通过的议案' }),
  },
  'proposals.setStatus': {
    input: ({ world }) => ({ id: world.running.proposalId, status: '搁置' }),
    audits: ['proposal.status'],
    refused: async (kit) => ({ id: (await finalizedVote(kit)).proposalId!, status: '撤回' }),
  },
  'votes.open': {
    input: ({ world }) => ({
      agendaItemId: world.running.agendaItemId,
      proposalIds: [world.running.proposalId],
      method: '无记名',
      tellers: '村民05',
      counters: '村民06',
    }),
    audits: ['vote.open'],
    // A proposal of another meeting's agenda item.
    refused: async (kit) => ({ agendaItemId: kit.world.running.agendaItemId, proposalIds: [(await finalizedVote(kit)).proposalId!], method: '举手' }),
  },
  'votes.record': {
    input: async (kit) => ({ id: (await openVote(kit)).id, tally: { yes: 10, no: 1, abstain: 1 } }),
    audits: ['vote.record'],
    // 20 votes from the 12 present.
    refused: async (kit) => ({ id: (await openVote(kit)).id, tally: { yes: 20, no: 0, abstain: 0 } }),
  },
  'votes.confirm': {
    input: async (kit) => {
      const v = await openVote(kit);
      await kit.call('votes.record', { id: v.id, tally: { yes: 10, no: 1, abstain: 1 } });
      return { id: v.id };
    },
    audits: ['vote.confirm', 'resolution.create'],
    refused: async (kit) => ({ id: (await finalizedVote(kit)).id }),
  },
  'votes.cancel': {
    input: async (kit) => ({ id: (await openVote(kit)).id, reason: '表决方式选错，改为无记名投票' }),
    audits: ['vote.cancel'],
    refused: async (kit) => ({ id: (await finalizedVote(kit)).id, reason: '想重新表决' }),
  },
  'resolutions.update': {
    input: ({ world }) => ({ id: world.resolutionId, responsible: '村委会', deadline: '2026-12-31' }),
    audits: ['resolution.update'],
    refused: () => ({ id: 99999, responsible: '村委会' }),
  },
  'resolutions.setFormat': {
    input: ({ world }) => ({ orgId: world.village.orgId, format: '青村决〔{年}〕{序号}号' }),
    audits: ['resolution.format'],
    refused: () => ({ orgId: 99999, format: '〔{年}〕{序号}号' }),
  },
} satisfies Samples<
  | 'proposals.create'
  | 'proposals.update'
  | 'proposals.setStatus'
  | 'votes.open'
  | 'votes.record'
  | 'votes.confirm'
  | 'votes.cancel'
  | 'resolutions.update'
  | 'resolutions.setFormat'
>;
