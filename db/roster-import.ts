import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import type { ImportRow } from '../core/roster/fields';
import { normalizeImportRow, type NormalizedPerson, type NormalizedRow, type RowIssue } from '../core/roster/normalize';
import { pinyinKeys } from '../core/pinyin';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { ensureHousehold } from './households';
import { getOrganization } from './organizations';
import { prepared } from './prepared';
import type { people } from './schema';

export interface CheckedRow {
  normalized: NormalizedRow;
  errors: RowIssue[];
  duplicateOf: { id: number; name: string } | null;
}

/**
 * Validates rows as the import would write them: field rules, duplicates of people already in
 * the roster, and duplicates inside the file itself. `firstRowNumber` keeps messages pointing
 * at the row numbers the user sees when the file is checked in chunks. `today` (YYYY-MM-DD, the
 * call's clock) is the latest birth date allowed.
 */
export function checkImportRows(db: Db, orgId: number, rows: readonly ImportRow[], today: string): CheckedRow[] {
  getOrganization(db, orgId);
  const seenIds = new Map<string, number>();
  const seenNameHousehold = new Map<string, number>();
  const normalizedRows = rows.map((raw) => normalizeImportRow(raw, today));
  const lookup = (n: NormalizedRow) => n.person.name !== '' && !n.errors.some((e) => e.field === 'idNumber');
  const existing = existingPeople(
    db,
    orgId,
    normalizedRows.filter(lookup).map((n) => n.person),
  );
  return normalizedRows.map((normalized, index) => {
    const errors = [...normalized.errors];
    const p = normalized.person;
    let duplicateOf: CheckedRow['duplicateOf'] = null;
    if (lookup(normalized)) {
      duplicateOf = existing(p);
      if (duplicateOf) {
        errors.push({
          field: p.idNumber ? 'idNumber' : 'name',
          message: `与名册中已有的${duplicateOf.name}重复（${p.idNumber ? '身份证号相同' : '同一户号下姓名相同'}），请修改或跳过`,
        });
      }
      if (p.idNumber) {
        const earlier = seenIds.get(p.idNumber);
        if (earlier !== undefined) errors.push({ field: 'idNumber', message: `与本文件第 ${earlier + 1} 行的身份证号相同` });
        else seenIds.set(p.idNumber, index);
      } else if (p.householdNo) {
        const key = `${p.householdNo}\u0000${p.name}`;
        const earlier = seenNameHousehold.get(key);
        if (earlier !== undefined) errors.push({ field: 'name', message: `与本文件第 ${earlier + 1} 行同一户号下姓名相同` });
        else seenNameHousehold.set(key, index);
      }
    }
    return { normalized, errors, duplicateOf };
  });
}

/**
 * The roster's people that the file's rows would duplicate, found the way findDuplicate finds
 * one (same ID number; else same name under the same 户号, the earliest entered first) but in
 * two queries for the whole file instead of one per row. Both go through indexes by the file's
 * own ID numbers and 户号, so the cost follows the file, not the size of the roster (CROSS JOIN
 * keeps SQLite from walking the whole roster by org_id instead).
 */
function existingPeople(db: Db, orgId: number, persons: readonly NormalizedPerson[]): (p: NormalizedPerson) => CheckedRow['duplicateOf'] {
  const idNumbers = [...new Set(persons.filter((p) => p.idNumber).map((p) => p.idNumber))];
  const householdNos = [...new Set(persons.filter((p) => !p.idNumber && p.householdNo).map((p) => p.householdNo))];
  const byIdNumber = new Map<string, { id: number; name: string }>();
  const byNameHousehold = new Map<string, { id: number; name: string }>();
  if (idNumbers.length > 0) {
    const found = prepared<[number, string], { id: number; name: string; idNumber: string }>(
      db,
      'select id, name, id_number as idNumber from people where org_id = ? and id_number in (select value from json_each(?)) order by id',
    ).all(orgId, JSON.stringify(idNumbers));
    for (const r of found) if (!byIdNumber.has(r.idNumber)) byIdNumber.set(r.idNumber, { id: r.id, name: r.name });
  }
  if (householdNos.length > 0) {
    const found = prepared<[number, string, number], { id: number; name: string; number: string }>(
      db,
      'select people.id, people.name, households.number from households cross join people on people.household_id = households.id where households.org_id = ? and households.number in (select value from json_each(?)) and people.org_id = ? order by people.id',
    ).all(orgId, JSON.stringify(householdNos), orgId);
    for (const r of found) {
      const key = `${r.number}\u0000${r.name}`;
      if (!byNameHousehold.has(key)) byNameHousehold.set(key, { id: r.id, name: r.name });
    }
  }
  return (p) => (p.idNumber ? byIdNumber.get(p.idNumber) : p.householdNo ? byNameHousehold.get(`${p.householdNo}\u0000${p.name}`) : undefined) ?? null;
}

/**
 * Writes all rows in one transaction or none: any row with a problem aborts the import before
 * anything is written, and a failure midway rolls everything back.
 */
export function commitImport(tx: Tx, input: ParsedInput<'roster.commit'>): { inserted: number; householdsCreated: number } {
  const { orgId } = input;
  const checked = checkImportRows(tx, orgId, input.rows, tx.clock.today);
  const bad = checked.map((c, i) => ({ i, c })).filter(({ c }) => c.errors.length > 0);
  if (bad.length > 0) {
    const first = bad
      .slice(0, 3)
      .map(({ i, c }) => `第 ${i + 1} 行：${c.errors[0]!.message}`)
      .join('；');
    throw new ApiError(
      'IMPORT_HAS_ERRORS',
      `有 ${bad.length} 行还有问题，名册没有导入任何人。${first}${bad.length > 3 ? '……' : ''}。请修改或跳过这些行后再导入。`,
    );
  }
  const at = tx.clock.instant;
  let householdsCreated = 0;
  // lastInsertRowid rather than RETURNING: a RETURNING insert costs several times as much per row.
  const insertPerson = prepared<[typeof people.$inferInsert]>(
    tx,
    'insert into people (org_id, name, pinyin_keys, gender, birth_date, household_id, group_name, address, relation_to_head, phone, id_number, tags, note, created_at, updated_at) values (@orgId, @name, @pinyinKeys, @gender, @birthDate, @householdId, @groupName, @address, @relationToHead, @phone, @idNumber, @tags, @note, @createdAt, @updatedAt)',
  );
  for (const { normalized } of checked) {
    const p = normalized.person;
    let householdId: number | null = null;
    if (p.householdNo) {
      const h = ensureHousehold(tx, orgId, p.householdNo, p.groupName || null);
      householdId = h.id;
      if (h.created) householdsCreated++;
    }
    const values = {
      orgId,
      name: p.name,
      pinyinKeys: pinyinKeys(p.name),
      gender: p.gender,
      birthDate: p.birthDate,
      householdId,
      groupName: p.groupName || null,
      address: p.address || null,
      relationToHead: p.relation || null,
      phone: p.phone || null,
      idNumber: p.idNumber || null,
      tags: JSON.stringify(p.tags),
      note: p.note || null,
      createdAt: at,
      updatedAt: at,
    };
    const row = { id: Number(insertPerson.run(values).lastInsertRowid) };
    appendAudit(tx, { action: 'person.import', entity: 'person', entityId: row.id, after: { id: row.id, ...values } });
  }
  return { inserted: checked.length, householdsCreated };
}
