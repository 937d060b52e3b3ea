import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { ApiError } from '../core/contract/define';
import type { ParsedInput } from '../core/contract';
import type { PersonRow } from '../core/contract/people';
import { checkIdNumber } from '../core/idcard';
import { maskIdNumber, maskPhone } from '../core/mask';
import { normalizePinyinQuery, pinyinKeys } from '../core/pinyin';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { ensureHousehold } from './households';
import { getOrganization } from './organizations';
import { prepared } from './prepared';
import { households, people } from './schema';
import { blankToNull, escapeLike } from './values';

type PersonRecord = typeof people.$inferSelect & { householdNo: string | null };

const selectColumns = {
  id: people.id,
  orgId: people.orgId,
  name: people.name,
  pinyinKeys: people.pinyinKeys,
  gender: people.gender,
  birthDate: people.birthDate,
  householdId: people.householdId,
  groupName: people.groupName,
  address: people.address,
  relationToHead: people.relationToHead,
  phone: people.phone,
  idNumber: people.idNumber,
  tags: people.tags,
  status: people.status,
  movedAt: people.movedAt,
  note: people.note,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
  householdNo: households.number,
};

function parseTags(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** The shape every list and form sees: personal numbers masked. */
export function toRow(p: PersonRecord): PersonRow {
  return {
    id: p.id,
    orgId: p.orgId,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    householdNo: p.householdNo,
    groupName: p.groupName,
    address: p.address,
    relationToHead: p.relationToHead,
    phoneMasked: maskPhone(p.phone),
    idNumberMasked: maskIdNumber(p.idNumber),
    tags: parseTags(p.tags),
    status: p.status,
    movedAt: p.movedAt,
    note: p.note,
    updatedAt: p.updatedAt,
  };
}

function findPerson(db: Db, id: number): PersonRecord {
  const p = db.orm.select(selectColumns).from(people).leftJoin(households, eq(households.id, people.householdId)).where(eq(people.id, id)).get();
  if (!p) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的人员，可能已被删除，请刷新名册后重试`);
  return p;
}

export interface ListQuery {
  orgId: number;
  query?: string | undefined;
  status: '在册' | '迁出' | '全部';
  tag?: string | undefined;
  page: number;
  pageSize: number;
  sortField?: 'name' | 'householdNo' | 'groupName' | 'birthDate' | 'updatedAt' | undefined;
  sortOrder?: 'ascend' | 'descend' | undefined;
}

export function listPeople(db: Db, q: ListQuery): { items: PersonRow[]; total: number } {
  getOrganization(db, q.orgId);
  const where: SQL[] = [eq(people.orgId, q.orgId)];
  if (q.status !== '全部') where.push(eq(people.status, q.status));
  if (q.tag) where.push(sql`exists (select 1 from json_each(${people.tags}) where value = ${q.tag})`);
  const text = q.query?.trim();
  if (text) {
    const contains = `%${escapeLike(text)}%`;
    const py = normalizePinyinQuery(text);
    const alternatives: SQL[] = [
      sql`${people.name} like ${contains} escape '\\'`,
      sql`${households.number} = ${text}`,
      sql`${people.groupName} like ${contains} escape '\\'`,
    ];
    // Pinyin matches the start of a key ("zs", "zhangs"), not the middle, to avoid noise.
    if (/^[a-z0-9]+$/.test(py)) alternatives.push(sql`(' ' || ${people.pinyinKeys}) like ${`% ${escapeLike(py)}%`} escape '\\'`);
    where.push(sql`(${sql.join(alternatives, sql` or `)})`);
  }
  const condition = and(...where);
  const sortColumn = {
    // Chinese names sort by their pinyin, as a printed roster would.
    name: people.pinyinKeys,
    householdNo: households.number,
    groupName: people.groupName,
    birthDate: people.birthDate,
    updatedAt: people.updatedAt,
  }[q.sortField ?? 'name'];
  const direction = q.sortOrder === 'descend' ? desc : asc;

  const total =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(people)
      .leftJoin(households, eq(households.id, people.householdId))
      .where(condition)
      .get()?.n ?? 0;
  const rows = db.orm
    .select(selectColumns)
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .where(condition)
    .orderBy(direction(sortColumn), asc(people.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all();
  return { items: rows.map(toRow), total };
}

/** People by id as list rows (numbers masked), in the order given. */
export function peopleRows(db: Db, ids: number[]): PersonRow[] {
  if (ids.length === 0) return [];
  const rows = db.orm.select(selectColumns).from(people).leftJoin(households, eq(households.id, people.householdId)).where(inArray(people.id, ids)).all();
  const byId = new Map(rows.map((r) => [r.id, toRow(r)]));
  return ids.map((id) => byId.get(id)).filter((r): r is PersonRow => r != null);
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 第一…第十二村民小组 sort as 1…12 (numerals up to 99), not by the numerals' pinyin. */
function groupSortKey(name: string): string {
  return name.replace(/[一二三四五六七八九十]+/g, (n) => {
    const ten = n.indexOf('十');
    if (ten < 0) return n.length === 1 ? String(DIGITS[n]) : n;
    const tens = ten === 0 ? 1 : (DIGITS[n[0]!] ?? 0);
    const ones = ten === n.length - 1 ? 0 : (DIGITS[n[ten + 1]!] ?? 0);
    return String(tens * 10 + ones);
  });
}

/** The 村民小组 (居民小组) named on the roster, with how many people in 在册 belong to each. */
export function listGroups(db: Db, orgId: number): { items: { name: string; count: number }[] } {
  getOrganization(db, orgId);
  const rows = db.orm
    .select({ name: people.groupName, count: sql<number>`count(*)` })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.status, '在册'), isNotNull(people.groupName)))
    .groupBy(people.groupName)
    .all();
  return {
    items: rows
      .filter((r): r is { name: string; count: number } => r.name != null && r.name.trim() !== '')
      .sort((a, b) => groupSortKey(a.name).localeCompare(groupSortKey(b.name), 'zh-CN', { numeric: true })),
  };
}

/** Checks and completes an ID number: birth date and gender come from it when not given. */
function applyIdNumber(
  fields: { idNumber?: string | undefined; birthDate?: string | null | undefined; gender?: '男' | '女' | null | undefined },
  today: string,
) {
  if (!fields.idNumber) return;
  const check = checkIdNumber(fields.idNumber, today);
  if (!check.ok) throw new ApiError('INVALID_INPUT', `身份证号有误：${check.reason}`);
  fields.idNumber = check.idNumber;
  if (!fields.birthDate) fields.birthDate = check.birthDate;
  else if (fields.birthDate !== check.birthDate) {
    throw new ApiError('INVALID_INPUT', `出生日期 ${fields.birthDate} 与身份证号中的 ${check.birthDate} 不一致，请核对`);
  }
  if (!fields.gender) fields.gender = check.gender;
  else if (fields.gender !== check.gender) {
    throw new ApiError('INVALID_INPUT', `性别“${fields.gender}”与身份证号（${check.gender}）不一致，请核对`);
  }
}

/** Another person in the organization with the same ID number, or the same name in the same household. */
export function findDuplicate(
  db: Db,
  orgId: number,
  person: { name: string; idNumber?: string | null | undefined; householdNo?: string | null | undefined },
  exceptId?: number,
): { id: number; name: string } | null {
  // Prepared once per connection: a roster import asks this for every row.
  const candidates = person.idNumber
    ? prepared<[number, string], { id: number; name: string }>(db, 'select id, name from people where org_id = ? and id_number = ?').all(orgId, person.idNumber)
    : person.householdNo
      ? prepared<[number, string, string], { id: number; name: string }>(
          db,
          'select people.id, people.name from people join households on households.id = people.household_id where people.org_id = ? and people.name = ? and households.number = ?',
        ).all(orgId, person.name, person.householdNo)
      : [];
  return candidates.find((c) => c.id !== exceptId) ?? null;
}

export function createPerson(tx: Tx, input: ParsedInput<'people.create'>): PersonRow {
  const { orgId } = input;
  getOrganization(tx, orgId);
  const fields = { ...input, idNumber: blankToNull(input.idNumber) ?? undefined };
  applyIdNumber(fields, tx.clock.today);
  const householdNo = blankToNull(fields.householdNo);
  const dup = findDuplicate(tx, orgId, { name: fields.name, idNumber: fields.idNumber, householdNo });
  if (dup) throw new ApiError('CONFLICT', `名册中已有${dup.name}（身份证号或户号与姓名相同），不能重复添加`);
  const at = tx.clock.instant;
  const groupName = blankToNull(fields.groupName);
  const householdId = householdNo ? ensureHousehold(tx, orgId, householdNo, groupName).id : null;
  const inserted = tx.orm
    .insert(people)
    .values({
      orgId,
      name: fields.name,
      pinyinKeys: pinyinKeys(fields.name),
      gender: fields.gender ?? null,
      birthDate: fields.birthDate ?? null,
      householdId,
      groupName,
      address: blankToNull(fields.address),
      relationToHead: blankToNull(fields.relationToHead),
      phone: blankToNull(fields.phone),
      idNumber: fields.idNumber ?? null,
      tags: JSON.stringify(fields.tags ?? []),
      note: blankToNull(fields.note),
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: people.id })
    .get();
  const after = findPerson(tx, inserted.id);
  appendAudit(tx, { action: 'person.create', entity: 'person', entityId: after.id, after });
  return toRow(after);
}

export function updatePerson(tx: Tx, input: ParsedInput<'people.update'>): PersonRow {
  const { id } = input;
  const before = findPerson(tx, id);
  const merged = {
    name: input.name ?? before.name,
    gender: input.gender === undefined ? before.gender : input.gender,
    birthDate: input.birthDate === undefined ? before.birthDate : input.birthDate,
    idNumber: input.idNumber === undefined ? (before.idNumber ?? undefined) : (blankToNull(input.idNumber) ?? undefined),
    householdNo: input.householdNo === undefined ? before.householdNo : blankToNull(input.householdNo),
    groupName: input.groupName === undefined ? before.groupName : blankToNull(input.groupName),
    phone: input.phone === undefined ? before.phone : blankToNull(input.phone),
    address: input.address === undefined ? before.address : blankToNull(input.address),
    relationToHead: input.relationToHead === undefined ? before.relationToHead : blankToNull(input.relationToHead),
    tags: input.tags ?? parseTags(before.tags),
    note: input.note === undefined ? before.note : blankToNull(input.note),
  };
  applyIdNumber(merged, tx.clock.today);
  const dup = findDuplicate(tx, before.orgId, merged, id);
  if (dup) throw new ApiError('CONFLICT', `名册中已有${dup.name}（身份证号或户号与姓名相同），请核对`);
  const householdId = merged.householdNo ? ensureHousehold(tx, before.orgId, merged.householdNo, merged.groupName).id : null;
  tx.orm
    .update(people)
    .set({
      name: merged.name,
      pinyinKeys: pinyinKeys(merged.name),
      gender: merged.gender,
      birthDate: merged.birthDate,
      idNumber: merged.idNumber ?? null,
      householdId,
      groupName: merged.groupName,
      phone: merged.phone,
      address: merged.address,
      relationToHead: merged.relationToHead,
      tags: JSON.stringify(merged.tags),
      note: merged.note,
      updatedAt: tx.clock.instant,
    })
    .where(eq(people.id, id))
    .run();
  const after = findPerson(tx, id);
  appendAudit(tx, { action: 'person.update', entity: 'person', entityId: id, before, after });
  return toRow(after);
}

export function setPersonStatus(tx: Tx, input: ParsedInput<'people.setStatus'>): PersonRow {
  const { id, status, movedAt } = input;
  const before = findPerson(tx, id);
  const today = tx.clock.today;
  if (status === '迁出' && movedAt && movedAt > today) {
    throw new ApiError('INVALID_INPUT', `迁出日期 ${movedAt} 晚于今天，请核对`);
  }
  tx.orm
    .update(people)
    .set({ status, movedAt: status === '迁出' ? (movedAt ?? today) : null, updatedAt: tx.clock.instant })
    .where(eq(people.id, id))
    .run();
  const after = findPerson(tx, id);
  appendAudit(tx, { action: status === '迁出' ? 'person.moveAway' : 'person.restore', entity: 'person', entityId: id, before, after });
  return toRow(after);
}

/** Full personal numbers for one person; recorded in the audit trail as a disclosure. */
export function revealPerson(tx: Tx, input: ParsedInput<'people.reveal'>) {
  const p = findPerson(tx, input.id);
  appendAudit(tx, { action: 'person.reveal', entity: 'person', entityId: input.id });
  return { id: p.id, idNumber: p.idNumber, phone: p.phone };
}

export interface ExportedPerson {
  name: string;
  gender: string | null;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  householdNo: string | null;
  groupName: string | null;
  address: string | null;
  relationToHead: string | null;
  tags: string[];
  status: string;
  movedAt: string | null;
  note: string | null;
}

export function peopleForExport(db: Db, orgId: number, status: '在册' | '迁出' | '全部'): ExportedPerson[] {
  getOrganization(db, orgId);
  const where = status === '全部' ? eq(people.orgId, orgId) : and(eq(people.orgId, orgId), eq(people.status, status));
  return db.orm
    .select(selectColumns)
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .where(where)
    .orderBy(asc(households.number), asc(people.pinyinKeys), asc(people.id))
    .all()
    .map((p) => ({
      name: p.name,
      gender: p.gender,
      birthDate: p.birthDate,
      idNumber: p.idNumber,
      phone: p.phone,
      householdNo: p.householdNo,
      groupName: p.groupName,
      address: p.address,
      relationToHead: p.relationToHead,
      tags: parseTags(p.tags),
      status: p.status,
      movedAt: p.movedAt,
      note: p.note,
    }));
}
