import type { SampleKit, Samples } from './types';

const CODE = 'QS-2026-0001';

function hubOf(kit: SampleKit): Required<Pick<SampleKit, 'hubUrl' | 'hubCode' | 'hubReply'>> {
  if (!kit.hubUrl || !kit.hubCode || !kit.hubReply)
    throw new Error('the exchange samples need the test harness to run the street hub (kit.hubUrl, hubCode, hubReply)');
  return { hubUrl: kit.hubUrl, hubCode: kit.hubCode, hubReply: kit.hubReply };
}

/** The village enrolled online, with a fresh code, at the street hub the harness runs. */
async function enrolled(kit: SampleKit): Promise<number> {
  const orgId = kit.world.village.orgId;
  const hub = hubOf(kit);
  await kit.call('exchange.enrollApply', { orgId, hubUrl: hub.hubUrl, code: await hub.hubCode() });
  return orgId;
}

export const exchangeSamples = {
  'exchange.enrollRequest': {
    input: ({ world }) => ({ orgId: world.village.orgId, code: CODE }),
    audits: ['exchange.keyCreate', 'exchange.enrollRequest'],
    refused: () => ({ orgId: 999_999, code: CODE }),
  },
  'exchange.enrollApply': {
    input: async (kit) => ({ orgId: kit.world.village.orgId, hubUrl: hubOf(kit).hubUrl, code: await hubOf(kit).hubCode() }),
    audits: ['exchange.keyCreate', 'exchange.enroll'],
    // A 登记回执 before any 登记申请 was made on this computer.
    refused: ({ world }) => ({ orgId: world.community.orgId, receipt: '{"header":{}}' }),
  },
  'exchange.setHubUrl': {
    input: async (kit) => ({ orgId: await enrolled(kit), hubUrl: 'https://jiedao.example.gov.cn' }),
    audits: ['exchange.setHubUrl'],
    refused: ({ world }) => ({ orgId: world.community.orgId, hubUrl: 'https://jiedao.example.gov.cn' }),
  },
  'exchange.export': {
    input: async (kit) => ({ orgId: await enrolled(kit) }),
    audits: ['exchange.send'],
    // Not enrolled: nothing to sign for.
    refused: ({ world }) => ({ orgId: world.community.orgId }),
  },
  'exchange.push': {
    input: async (kit) => ({ orgId: await enrolled(kit) }),
    audits: ['exchange.send', 'exchange.acknowledged'],
    refused: ({ world }) => ({ orgId: world.community.orgId }),
  },
  'exchange.importReply': {
    // The file a street office hands back after the package went over the network.
    input: async (kit) => {
      const orgId = await enrolled(kit);
      await kit.call('exchange.push', { orgId });
      const { communityId } = await kit.call('exchange.status', { orgId });
      return { orgId, text: await hubOf(kit).hubReply(communityId!) };
    },
    audits: ['exchange.replyApply'],
    refused: ({ world }) => ({ orgId: world.community.orgId, text: '{}' }),
  },
  'exchange.pull': {
    input: async (kit) => {
      const orgId = await enrolled(kit);
      await kit.call('exchange.push', { orgId });
      return { orgId };
    },
    audits: ['exchange.replyApply'],
    refused: ({ world }) => ({ orgId: world.community.orgId }),
  },
} satisfies Samples<
  'exchange.enrollRequest' | 'exchange.enrollApply' | 'exchange.setHubUrl' | 'exchange.export' | 'exchange.push' | 'exchange.importReply' | 'exchange.pull'
>;
