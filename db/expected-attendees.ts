import { and, asc, count, countDistinct, eq, isNotNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { nonVotingRoles } from '../core/rules/composition';
import type { AttendeeBasis } from '../core/rules/rule-set';
import { currentMembers, membersOn } from './bodies';
import type { Db } from './client';
import { preparedOnce } from './prepared';
import { bodies, bodyMembers, households, people } from './schema';

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

/**
 * One line of the base only, as the whole list would show it: the entry of this person (in
 * household mode, of their household) or of this household. A door sign-in reads this much and
 * no more, so it costs the same in a roll of 30 or of 3,000. Warnings and `undated` describe the
 * whole roll and are left empty.
 */
export interface OnlyEntry {
  personId?: number | undefined;
  householdId?: number | undefined;
}

/** The birth date on or before which a person is 18 on `date` (string-comparable). */
export function adultCutoff(date: string): string {
  return `${String(Number(date.slice(0, 4)) - 18).padStart(4, '0')}${date.slice(4)}`;
}

// The rules of who is in the base, written once in SQL: the list, one entry and the count read the
// same conditions. Values are placeholders: each statement is prepared once per file (preparedOnce).
const dated = sql`coalesce(${people.birthDate}, '') <> ''`;
const adultOn = sql`(${dated} and ${people.birthDate} <= ${sql.placeholder('cutoff')})`;
const representative = sql`exists (select 1 from json_each(${people.tags}) where value = '居民代表')`;

/** People in the roster the base draws from: 在册, in the organization (and the group, for a group meeting). */
function rosterOf(basis: AttendeeBasis, grouped: boolean): SQL {
  return and(
    eq(people.orgId, sql.placeholder('orgId')),
    eq(people.status, '在册'),
    grouped ? eq(people.groupName, sql.placeholder('groupName')) : undefined,
    basis === 'groupRepresentatives' ? representative : undefined,
  )!;
}

const valuesOf = (m: MeetingBase, only?: OnlyEntry) => ({
  orgId: m.orgId,
  groupName: m.groupName,
  cutoff: adultCutoff(m.date),
  personId: only?.personId ?? 0,
  householdId: only?.householdId ?? 0,
});

/** The roster rows of a base (or of one entry of it), ordered as the list shows them. */
function rosterRows(db: Db, m: MeetingBase, byHouseholds: boolean, only?: OnlyEntry) {
  const by = !only ? 'all' : only.householdId !== undefined ? 'household' : only.personId !== undefined ? 'person' : 'none';
  const narrow =
    by === 'all'
      ? undefined
      : by === 'none' || (!byHouseholds && by === 'household')
        ? sql`0`
        : !byHouseholds
          ? eq(people.id, sql.placeholder('personId'))
          : by === 'household'
            ? eq(people.householdId, sql.placeholder('householdId'))
            : sql`${people.householdId} = (select p2.household_id from people p2 where p2.id = ${sql.placeholder('personId')})`;
  const statement = preparedOnce(db, `expected.rows.${m.basis}.${Boolean(m.groupName)}.${by}`, () =>
    db.orm
      .select({
        id: people.id,
        name: people.name,
        birthDate: people.birthDate,
        pinyinKeys: people.pinyinKeys,
        householdId: people.householdId,
        householdNo: households.number,
        groupName: people.groupName,
        dated: sql<number>`${dated}`,
        adult: sql<number>`${adultOn}`,
      })
      .from(people)
      .leftJoin(households, eq(households.id, people.householdId))
      .where(and(rosterOf(m.basis, Boolean(m.groupName)), narrow))
      .orderBy(asc(households.number), asc(people.pinyinKeys))
      .prepare(),
  );
  return statement.all(valuesOf(m, only));
}

function bodyKind(db: Db, bodyId: number): string {
  const statement = preparedOnce(db, 'expected.bodyKind', () =>
    db.orm
      .select({ kind: bodies.kind })
      .from(bodies)
      .where(eq(bodies.id, sql.placeholder('bodyId')))
      .prepare(),
  );
  return statement.get({ bodyId })?.kind ?? '';
}

/** Who should attend (应到), computed from the meeting's base on the meeting's date; `only` narrows it to one entry. */
export function expectedAttendees(db: Db, m: MeetingBase, only?: OnlyEntry): ExpectedBase {
  const warnings: string[] = [];
  if (m.basis === 'body') {
    if (m.bodyId == null) return { entries: [], warnings: ['尚未选择参会机构，应到人数为 0'], undated: [] };
    // A body's lines are people: a household is never one of them.
    if (only && only.personId === undefined) return { entries: [], warnings, undated: [], nonVoting: [] };
    const silent = nonVotingRoles(bodyKind(db, m.bodyId));
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
    const members = currentMembers(db, m.bodyId, m.date, only?.personId);
    return {
      entries: members.filter((p) => !silent.includes(p.role)).map(toEntry),
      warnings,
      undated: [],
      nonVoting: members.filter((p) => silent.includes(p.role)).map(toEntry),
    };
  }
  const byHouseholds = m.basis !== 'adults' && m.basis !== 'groupRepresentatives';
  const active = rosterRows(db, m, byHouseholds, only);
  if (!byHouseholds) {
    const undated = active.filter((p) => !p.dated).map((p) => p.id);
    if (undated.length > 0) warnings.push(`名册中有 ${undated.length} 人没有出生日期，无法判断是否年满十八周岁，未计入应到人数；请补全出生日期`);
    return {
      entries: active
        .filter((p) => p.adult)
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
    const members = byHousehold.get(p.householdId);
    if (members) members.push(p);
    else byHousehold.set(p.householdId, [p]);
  }
  if (withoutHousehold > 0) warnings.push(`名册中有 ${withoutHousehold} 人没有户号，未计入按户计算的应到数`);
  const cutoff = adultCutoff(m.date);
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
  entries.sort((a, b) => householdOrder.compare(a.householdNo ?? '', b.householdNo ?? ''));
  return { entries, warnings, undated: [] };
}

// One collator for every sort: localeCompare with a locale builds a new one per comparison.
const householdOrder = new Intl.Collator('zh-CN', { numeric: true });

/**
 * How many entries the base has (应到 before it is frozen): one aggregate query over the same
 * conditions as the list, so a sign-in before the start reads no roll into memory.
 */
export function expectedCount(db: Db, m: MeetingBase): number {
  if (m.basis === 'body') {
    if (m.bodyId == null) return 0;
    const silent = nonVotingRoles(bodyKind(db, m.bodyId));
    return db.orm
      .select({ n: count() })
      .from(bodyMembers)
      .innerJoin(people, eq(people.id, bodyMembers.personId))
      .where(and(membersOn(m.bodyId, m.date), silent.length > 0 ? notInArray(bodyMembers.role, [...silent]) : undefined))
      .get()!.n;
  }
  const byHouseholds = m.basis !== 'adults' && m.basis !== 'groupRepresentatives';
  const statement = preparedOnce(db, `expected.count.${m.basis}.${Boolean(m.groupName)}`, () =>
    db.orm
      .select({ n: byHouseholds ? countDistinct(people.householdId) : count() })
      .from(people)
      .where(and(rosterOf(m.basis, Boolean(m.groupName)), byHouseholds ? isNotNull(people.householdId) : adultOn))
      .prepare(),
  );
  return statement.get(valuesOf(m))!.n;
}
