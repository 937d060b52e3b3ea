import { and, asc, eq } from 'drizzle-orm';
import { nonVotingRoles } from '../core/rules/composition';
import type { AttendeeBasis } from '../core/rules/rule-set';
import { currentMembers } from './bodies';
import type { Db } from './client';
import { bodies, households, people } from './schema';

export interface ExpectedEntry {
  personId: number | null;
  householdId: number | null;
  name: string;
  /** Household mode: the members; `minor` (under 18 on the meeting's date) may never sign for the household. */
  members: { personId: number; name: string; minor: boolean }[];
  householdNo: string | null;
  groupName: string | null;
  role: string | null;
  pinyinKeys: string;
}

export interface ExpectedBase {
  entries: ExpectedEntry[];
  warnings: string[];
  /** People in the base without a birth date: they cannot be counted as 18+, so are left out of 应到. */
  undated: number[];
  /** Members who attend without a vote (预备党员 in a 党支部): never in 应到, listed apart. */
  nonVoting?: ExpectedEntry[];
}

export interface MeetingBase {
  orgId: number;
  date: string;
  basis: AttendeeBasis;
  bodyId: number | null;
  groupName: string | null;
}

/** The birth date on or before which a person is 18 on `date` (string-comparable). */
export function adultCutoff(date: string): string {
  return `${String(Number(date.slice(0, 4)) - 18).padStart(4, '0')}${date.slice(4)}`;
}

/** Who should attend (应到), computed from the meeting's base on the meeting's date. */
export function expectedAttendees(db: Db, m: MeetingBase): ExpectedBase {
  const warnings: string[] = [];
  const groupFilter = m.groupName ? eq(people.groupName, m.groupName) : undefined;
  if (m.basis === 'body') {
    if (m.bodyId == null) return { entries: [], warnings: ['尚未选择参会机构，应到人数为 0'], undated: [] };
    const kind = db.orm.select({ kind: bodies.kind }).from(bodies).where(eq(bodies.id, m.bodyId)).get()?.kind ?? '';
    const silent = nonVotingRoles(kind);
    const toEntry = (p: ReturnType<typeof currentMembers>[number]): ExpectedEntry => ({
      personId: p.personId,
      householdId: null,
      name: p.name,
      members: [],
      householdNo: p.householdNo,
      groupName: p.groupName,
      role: p.role,
      pinyinKeys: p.pinyinKeys,
    });
    const members = currentMembers(db, m.bodyId, m.date);
    return {
      entries: members.filter((p) => !silent.includes(p.role)).map(toEntry),
      warnings,
      undated: [],
      nonVoting: members.filter((p) => silent.includes(p.role)).map(toEntry),
    };
  }
  const active = db.orm
    .select({
      id: people.id,
      name: people.name,
      birthDate: people.birthDate,
      pinyinKeys: people.pinyinKeys,
      tags: people.tags,
      householdId: people.householdId,
      householdNo: households.number,
      groupName: people.groupName,
    })
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .where(and(eq(people.orgId, m.orgId), eq(people.status, '在册'), groupFilter))
    .orderBy(asc(households.number), asc(people.pinyinKeys))
    .all();
  const cutoff = adultCutoff(m.date);
  if (m.basis === 'adults' || m.basis === 'groupRepresentatives') {
    const pool = m.basis === 'adults' ? active : active.filter((p) => (JSON.parse(p.tags) as string[]).includes('居民代表'));
    const undated = pool.filter((p) => !p.birthDate).map((p) => p.id);
    if (undated.length > 0) warnings.push(`名册中有 ${undated.length} 人没有出生日期，无法判断是否年满十八周岁，未计入应到人数；请补全出生日期`);
    return {
      entries: pool
        .filter((p) => p.birthDate && p.birthDate <= cutoff)
        .map((p) => ({
          personId: p.id,
          householdId: null,
          name: p.name,
          members: [],
          householdNo: p.householdNo,
          groupName: p.groupName,
          role: null,
          pinyinKeys: p.pinyinKeys,
        })),
      warnings,
      undated,
    };
  }
  // Households: each household with someone in the roster counts once; any adult member may sign for it.
  const byHousehold = new Map<number, typeof active>();
  let withoutHousehold = 0;
  for (const p of active) {
    if (p.householdId == null) {
      withoutHousehold++;
      continue;
    }
    byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p]);
  }
  if (withoutHousehold > 0) warnings.push(`名册中有 ${withoutHousehold} 人没有户号，未计入按户计算的应到数`);
  const entries: ExpectedEntry[] = [];
  for (const [householdId, members] of byHousehold) {
    const first = members[0]!;
    entries.push({
      personId: null,
      householdId,
      name: `${first.householdNo}户（${members.map((p) => p.name).join('、')}）`,
      members: members.map((p) => ({ personId: p.id, name: p.name, minor: p.birthDate != null && p.birthDate > cutoff })),
      householdNo: first.householdNo,
      groupName: first.groupName,
      role: null,
      pinyinKeys: [...new Set(members.flatMap((p) => p.pinyinKeys.split(' ')))].join(' '),
    });
  }
  entries.sort((a, b) => (a.householdNo ?? '').localeCompare(b.householdNo ?? '', 'zh-CN', { numeric: true }));
  return { entries, warnings, undated: [] };
}

/** Count only: for lists and the frozen 应到. */
export function expectedCount(db: Db, m: MeetingBase): number {
  return expectedAttendees(db, m).entries.length;
}
