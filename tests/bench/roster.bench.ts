import { hash } from 'node:crypto';
import { bench, describe } from 'vitest';
import { pinyinKeys } from '../../core/pinyin';
import { normalizeImportRow } from '../../core/roster/normalize';
import { commitImport } from '../../db/roster-import';
import { dispatch } from '../../electron/api/dispatch';
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

// roster.commit of 8,000 rows through dispatch against plain SQL writing the same people and
// households (and, in the second twin, the same hash-chained audit rows). Each run imports into a
// new organization of one file, so nothing is a duplicate and the file's size stays the same.
const eight = rows(8000);
const commitFile = openTemp();
let orgNo = 0;
const newOrg = () => write(commitFile.db, (tx) => createOrganization(tx, { name: `社区${++orgNo}`, kind: '社区' })).id;

function rawCommit(withAudit: boolean) {
  const orgId = newOrg();
  const db = commitFile.db.sqlite;
  const at = new Date().toISOString();
  const actor = commitFile.ctx.actor.name;
  const insertHousehold = db.prepare('insert into households (org_id, number, group_name, created_at) values (?, ?, ?, ?) on conflict do nothing');
  const household = db.prepare('select id from households where org_id = ? and number = ?').pluck();
  const insertPerson = db.prepare(
    'insert into people (org_id, name, pinyin_keys, gender, birth_date, household_id, group_name, phone, id_number, tags, note, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAudit = db.prepare(
    'insert into audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    let prev = db.prepare('select hash from audit_log order by id desc limit 1').pluck().get() as string;
    for (const r of eight) {
      // The same values the app stores (birth date and gender come from the ID number).
      const p = normalizeImportRow(r, '2026-11-30').person;
      insertHousehold.run(orgId, p.householdNo, p.groupName, at);
      const householdId = household.get(orgId, p.householdNo) as number;
      const values = [
        orgId,
        p.name,
        pinyinKeys(p.name),
        p.gender,
        p.birthDate,
        householdId,
        p.groupName,
        p.phone,
        p.idNumber,
        JSON.stringify(p.tags),
        null,
        at,
        at,
      ] as const;
      const id = Number(insertPerson.run(...values).lastInsertRowid);
      if (!withAudit) continue;
      const after = JSON.stringify({
        id,
        orgId,
        name: p.name,
        phone: `${p.phone.slice(0, 3)}****${p.phone.slice(7)}`,
        idNumber: `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`,
      });
      const h = hash('sha256', JSON.stringify([prev, at, actor, 'person.import', 'person', id, null, after]), 'hex');
      insertAudit.run(at, actor, 'person.import', 'person', id, null, after, prev, h);
      prev = h;
    }
  })();
}

describe('名册导入提交 8,000 行', () => {
  bench(
    'roster.commit（经 dispatch：校验、查重、建户、写入、逐人留痕）',
    async () => {
      const r = await dispatch(commitFile.ctx, 'roster.commit', { orgId: newOrg(), rows: eight });
      if (!r.ok) throw new Error(r.error.message);
    },
    { iterations: 5 },
  );
  bench('手写 SQL：同样的人员和户', () => rawCommit(false), { iterations: 5 });
  bench('手写 SQL：同样的人员和户，另加同样的留痕行', () => rawCommit(true), { iterations: 5 });
});

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
