import { bench, describe } from 'vitest';
import { commitImport } from '../../db/roster-import';
import { listPeople } from '../../db/people';
import { createOrganization } from '../../db/organizations';
import { openTemp } from '../support/db';
import { makeId } from '../support/ids';
import { write } from '../support/write';

// A township-sized roster: 5,000 people. Speed is measured here, never asserted in tests.
const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗曾单区仇'];
const given = [...'明华国建军秀英兰芳伟强磊洋勇艳杰娟涛超'];
function rows(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const birth = `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`;
    return {
      name: surnames[i % surnames.length]! + given[(i * 7) % given.length]! + given[(i * 3) % given.length]!,
      gender: '',
      birthDate: '',
      idNumber: makeId(birth, i % 2 ? '男' : '女', String(330000 + (i % 999)).padStart(6, '0')),
      phone: `138${String(i).padStart(8, '0')}`,
      householdNo: String(Math.floor(i / 3)).padStart(4, '0'),
      groupName: `第${(i % 12) + 1}小组`,
      tags: i % 10 === 0 ? '党员' : '',
      note: '',
    };
  });
}

const seeded = openTemp();
const org = write(seeded.db, (tx) => createOrganization(tx, { name: '大社区', kind: '社区' }));
write(seeded.db, (tx) => commitImport(tx, { orgId: org.id, rows: rows(5000) }));

describe('名册', () => {
  bench(
    '导入 1,000 行（校验、建户、写入、留痕）',
    () => {
      const { db } = openTemp();
      const o = write(db, (tx) => createOrganization(tx, { name: '社区', kind: '社区' }));
      write(db, (tx) => commitImport(tx, { orgId: o.id, rows: rows(1000) }));
      db.sqlite.close();
    },
    { iterations: 3 },
  );

  bench('5,000 人中按拼音首字母搜索（zs）', () => {
    listPeople(seeded.db, { orgId: org.id, query: 'zs', status: '在册', page: 1, pageSize: 20 });
  });

  bench('5,000 人中按姓名搜索（曾）', () => {
    listPeople(seeded.db, { orgId: org.id, query: '曾', status: '在册', page: 1, pageSize: 20 });
  });

  bench('翻到第 100 页（按拼音排序）', () => {
    listPeople(seeded.db, { orgId: org.id, status: '在册', page: 100, pageSize: 20, sortField: 'name' });
  });
});
