import type { Samples } from './types';

/** A roster row as the import sends it: every column present, blank where the file had nothing. */
const row = (name: string, householdNo: string) => ({
  name,
  gender: '女',
  birthDate: '1985-06-01',
  idNumber: '',
  phone: '',
  householdNo,
  groupName: '第三村民小组',
  tags: '',
  note: '',
});

export const peopleSamples = {
  'people.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      name: '新村民',
      gender: '男',
      birthDate: '1980-01-01',
      householdNo: '300',
      groupName: '第三村民小组',
    }),
    audits: ['person.create'],
    // 村民01 of household 100 is on the roster already.
    refused: ({ world }) => ({ orgId: world.village.orgId, name: '村民01', householdNo: '100' }),
  },
  'people.update': {
    input: ({ world }) => ({ id: world.village.personIds[0]!, phone: '13812345678', note: '新换了电话' }),
    audits: ['person.update'],
    // A check digit that does not match: the ID number was copied wrong.
    refused: ({ world }) => ({ id: world.village.personIds[0]!, idNumber: '110105194912310021' }),
  },
  'people.setStatus': {
    input: ({ world }) => ({ id: world.village.personIds[19]!, status: '迁出', movedAt: '2026-11-01' }),
    audits: ['person.moveAway'],
    refused: ({ world }) => ({ id: world.village.personIds[19]!, status: '迁出', movedAt: '2099-01-01' }),
  },
  'people.reveal': {
    input: ({ world }) => ({ id: world.village.personIds[0]! }),
    audits: ['person.reveal'],
    refused: () => ({ id: 99999 }),
  },
  'roster.commit': {
    input: ({ world }) => ({ orgId: world.village.orgId, rows: [row('新户主', '300'), row('新户主之妻', '300')] }),
    audits: ['person.import', 'person.import'],
    // One good row and one already on the roster: nothing is imported.
    refused: ({ world }) => ({ orgId: world.village.orgId, rows: [row('新户主', '300'), row('村民01', '100')] }),
  },
} satisfies Samples<'people.create' | 'people.update' | 'people.setStatus' | 'people.reveal' | 'roster.commit'>;
