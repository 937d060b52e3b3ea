import type { Samples } from './types';

export const userSamples = {
  'users.create': {
    input: () => ({ name: '王主任', role: '主任', pin: '2468' }),
    audits: ['user.create'],
    // The test user (tests/support/db.ts) is already there: a second one of that name is refused.
    refused: () => ({ name: '测试书记员', role: '文书' }),
  },
  'users.update': {
    input: async ({ call }) => {
      const user = await call('users.create', { name: '李书记', role: '书记' });
      return { id: user.id, role: '党支部书记', pin: '1357' };
    },
    audits: ['user.update'],
    refused: async ({ call }) => {
      const user = await call('users.create', { name: '赵文书', role: '文书' });
      return { id: user.id, name: '测试书记员' };
    },
  },
  'users.signIn': {
    input: async ({ call }) => {
      const user = await call('users.create', { name: '钱主任', role: '主任', pin: '8642' });
      return { id: user.id, pin: '8642' };
    },
    audits: ['user.signIn'],
    refused: async ({ call }) => {
      const user = await call('users.create', { name: '孙委员', role: '委员' });
      const other = await call('users.create', { name: '周委员', role: '委员' });
      await call('users.update', { id: user.id, retired: true });
      void other;
      return { id: user.id };
    },
  },
  'users.signOut': {
    input: () => ({}),
    audits: ['user.signOut'],
  },
  'users.setPolicy': {
    input: () => ({ approverMustDiffer: true }),
    audits: ['users.policy'],
  },
  // Nothing to repair in a sound file: the call still records that the check was made.
  'system.repairGuards': {
    input: () => ({}),
    audits: ['system.repairGuards'],
  },
} satisfies Samples<'users.create' | 'users.update' | 'users.signIn' | 'users.signOut' | 'users.setPolicy' | 'system.repairGuards'>;
