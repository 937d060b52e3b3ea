import type { Samples } from './types';

export const organizationSamples = {
  'organizations.create': {
    input: () => ({ name: '红星村', kind: '村' }),
    audits: ['organization.create'],
    refused: () => ({ name: '青石村', kind: '村' }),
  },
  'organizations.rename': {
    input: ({ world }) => ({ id: world.village.orgId, name: '青石村（新）' }),
    audits: ['organization.rename'],
    refused: ({ world }) => ({ id: world.village.orgId, name: '和平里社区' }),
  },
  'organizations.setCurrent': {
    input: ({ world }) => ({ id: world.community.orgId }),
    audits: ['organization.setCurrent'],
    refused: () => ({ id: 9999 }),
  },
} satisfies Samples<'organizations.create' | 'organizations.rename' | 'organizations.setCurrent'>;
