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
  'organizations.setProfile': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      committeeName: '青石村村民委员会',
      partyOrgName: '中共青石村支部委员会',
      address: '青石村村委会办公楼',
      directorName: '张建国',
      partySecretaryName: '李红梅',
      phone: '0571-88886666',
      defaultRecorder: '王芳',
      superiorName: '青山镇人民政府',
    }),
    audits: ['organization.profile'],
    refused: ({ world }) => ({ orgId: world.village.orgId, committeeName: '', partyOrgName: '中共青石村支部委员会' }),
  },
} satisfies Samples<'organizations.create' | 'organizations.rename' | 'organizations.setCurrent' | 'organizations.setProfile'>;
