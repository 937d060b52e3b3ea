// Issue 12, point 1: every line present is a voter. For random meetings (a body, or households),
// any mix of door sign-ins, corrections (更正) and household lines with or without a signer, the
// quorum panel's 实到, the vote's frozen voters and the minutes' 实到 are one number, and the vote's
// outcome is the law's inequality computed here, independently, in integers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { minutesData } from '../../electron/api/document-data';
import { openTemp } from '../support/db';

const t = openTemp();
const { ctx } = t;

async function value<T = any>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
/** A call that may be refused only because it changes nothing (签到 twice, the same status again). */
async function maybe(name: string, input: unknown): Promise<boolean> {
  const r = await dispatch(ctx, name, input);
  if (r.ok) return true;
  if (r.error.code === 'CONFLICT') return false;
  throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
}

type Kind = 'households' | 'representatives' | 'party';
interface Unit {
  /** Household mode: the household's members (adults first; a minor may follow). */
  members: { adult: boolean }[];
  /** Party branch: a probationary member (预备党员), no vote. */
  probationary: boolean;
}
const unitArb = fc.record({
  members: fc.tuple(fc.constant({ adult: true }), fc.array(fc.record({ adult: fc.boolean() }), { maxLength: 2 })).map(([a, rest]) => [a, ...rest]),
  probationary: fc.boolean(),
});
const opArb = (units: number) =>
  fc.oneof(
    fc.record({
      op: fc.constant('door' as const),
      unit: fc.nat(units - 1),
      via: fc.constantFrom('household' as const, 'member' as const, 'signer' as const),
      member: fc.nat(2),
    }),
    fc.record({
      op: fc.constant('correct' as const),
      unit: fc.nat(units - 1),
      status: fc.constantFrom('出席' as const, '迟到' as const, '请假' as const, '缺席' as const),
      signer: fc.option(fc.nat(2)),
    }),
  );
const caseArb = fc
  .record({ kind: fc.constantFrom<Kind>('households', 'representatives', 'party'), units: fc.array(unitArb, { minLength: 3, maxLength: 9 }) })
  .chain((c) =>
    fc.record({
      kind: fc.constant(c.kind),
      units: fc.constant(c.units),
      ops: fc.array(opArb(c.units.length), { maxLength: 24 }),
      votes: fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)),
    }),
  );

let serial = 0;
const typeIds = new Map<string, number>();

async function setUp(kind: Kind, units: Unit[]) {
  const n = ++serial;
  const org = await value('organizations.create', { name: `性质村${n}`, kind: '村' });
  if (typeIds.size === 0)
    for (const x of (await value('meetingTypes.list', { orgId: org.id })).items as { id: number; name: string }[]) typeIds.set(x.name, x.id);
  const rows = units.flatMap((u, i) =>
    (kind === 'households' ? u.members : [{ adult: true }]).map((m, j) => ({
      name: `人${i}-${j}`,
      gender: '',
      birthDate: m.adult ? '1970-01-01' : '2015-06-01',
      idNumber: '',
      phone: '',
      householdNo: String(100 + i),
      groupName: '',
      tags: kind === 'party' ? (u.probationary ? '中共预备党员' : '中共党员') : '',
      note: '',
    })),
  );
  await value('roster.commit', { orgId: org.id, rows });
  const people = (await value('people.list', { orgId: org.id, pageSize: 500 })).items as { id: number; name: string; householdNo: string }[];
  const person = (i: number, j = 0) => people.find((p) => p.name === `人${i}-${j}`)!;
  let bodyId: number | undefined;
  if (kind !== 'households') {
    const body = await value('bodies.create', {
      orgId: org.id,
      name: kind === 'party' ? '村党支部' : '村民代表会议',
      kind: kind === 'party' ? '党支部' : '村民代表会议',
    });
    bodyId = body.id;
    const voting = units.map((u, i) => ({ u, i })).filter(({ u }) => kind !== 'party' || !u.probationary);
    const silent = units.map((u, i) => ({ u, i })).filter(({ u }) => kind === 'party' && u.probationary);
    if (voting.length)
      await value('bodies.addMembers', { bodyId, personIds: voting.map(({ i }) => person(i).id), role: kind === 'party' ? '党员' : '村民代表' });
    if (silent.length) await value('bodies.addMembers', { bodyId, personIds: silent.map(({ i }) => person(i).id), role: '预备党员' });
  }
  const typeName = kind === 'households' ? '村民会议' : kind === 'party' ? '党员大会' : '村民代表会议';
  const m = await value('meetings.create', {
    orgId: org.id,
    meetingTypeId: typeIds.get(typeName),
    title: `${typeName}${n}`,
    date: '2026-03-15',
    startTime: '09:00',
    basis: kind === 'households' ? 'households' : 'body',
    ...(bodyId ? { bodyId } : {}),
  });
  const item = await value('agenda.add', { meetingId: m.id, title: '村内事务' });
  if (kind === 'households') await value('meetings.notify', { id: m.id, noticeDate: '2026-03-01' });
  return { m, item, person };
}

describe('实到 = 表决人 = 纪要实到, and the outcome is the law’s inequality', () => {
  it('holds for random meetings, sign-ins, corrections and household lines', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ kind, units, ops, votes }) => {
        const counted = (i: number) => kind !== 'party' || !units[i]!.probationary;
        const expected = units.filter((_, i) => counted(i)).length;
        fc.pre(expected > 0);
        const { m, item, person } = await setUp(kind, units);
        // The model: who is present, by unit.
        const status = new Map<number, string>();
        const adultsOf = (i: number) =>
          kind === 'households' ? units[i]!.members.map((x, j) => ({ ...x, j })).filter((x) => x.adult) : [{ adult: true, j: 0 }];
        let started = false;
        for (const op of ops) {
          if (!started && op.op === 'correct') {
            await value('meetings.start', { id: m.id });
            started = true;
          }
          const i = op.unit;
          const adults = adultsOf(i);
          if (op.op === 'door') {
            let input: Record<string, unknown>;
            if (kind !== 'households') input = { personId: person(i).id };
            else if (op.via === 'household') input = { householdId: null };
            else {
              const a = adults[op.member % adults.length]!;
              input = op.via === 'member' ? { personId: person(i, a.j).id } : { householdId: null, signedByPersonId: person(i, a.j).id };
            }
            if (kind === 'households' && 'householdId' in input) {
              const sheet = await value('attendance.sheet', { meetingId: m.id });
              input.householdId = sheet.expected.find((e: { householdNo: string }) => e.householdNo === String(100 + i)).householdId;
            }
            const ok = await maybe('attendance.signIn', { meetingId: m.id, ...input, time: '08:50' });
            if (counted(i)) {
              expect(ok).toBe(status.get(i) !== '出席' && status.get(i) !== '迟到');
              if (ok) status.set(i, '出席');
            }
          } else {
            if (!counted(i)) continue;
            let who: Record<string, unknown> = { personId: person(i).id };
            if (kind === 'households') {
              const sheet = await value('attendance.sheet', { meetingId: m.id });
              const householdId = sheet.expected.find((e: { householdNo: string }) => e.householdNo === String(100 + i)).householdId;
              const present = op.status === '出席' || op.status === '迟到';
              who = present && op.signer != null ? { personId: person(i, adults[op.signer % adults.length]!.j).id } : { householdId };
            }
            const ok = await maybe('attendance.setStatus', {
              meetingId: m.id,
              ...who,
              status: op.status,
              time: '09:20',
              ...(op.status === '请假' ? { reason: '外出务工' } : {}),
            });
            if (ok) status.set(i, op.status);
          }
        }
        if (!started) await value('meetings.start', { id: m.id });
        const present = [...status.values()].filter((s) => s === '出席' || s === '迟到').length;

        const sheet = await value('attendance.sheet', { meetingId: m.id });
        expect(sheet.quorum.expected).toBe(expected);
        expect(sheet.quorum.present).toBe(present);
        // The law's quorum, in integers: 三分之二以上 (村民会议 by households, 村民代表会议); 半数以上 (党员大会).
        const quorumMet = kind === 'party' ? 2 * present >= expected : 3 * present >= 2 * expected;
        expect(sheet.quorum.met).toBe(quorumMet);

        const p = await value('proposals.create', { agendaItemId: item.id, title: '方案', text: '方案的内容', proposerKind: 'body', proposerName: '村党支部' });
        const opened = await dispatch(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
        if (!quorumMet) {
          expect(opened.ok).toBe(false);
          return;
        }
        if (!opened.ok) throw new Error(opened.error.message);
        const v = opened.value as { id: number; eligible: number; expected: number; voters: unknown[]; households: unknown[] };
        expect(v.eligible).toBe(present);
        expect(v.voters.length + v.households.length).toBe(present);
        expect(v.expected).toBe(expected);
        // Any split of those present into 赞成 / 反对 / 弃权 (some may not raise a hand).
        let [yes, no, abstain] = votes;
        yes = Math.min(yes, present);
        no = Math.min(no, present - yes);
        abstain = Math.min(abstain, present - yes - no);
        await value('votes.record', { id: v.id, tally: { yes, no, abstain } });
        const done = await value('votes.confirm', { id: v.id });
        // 党员大会: 赞成超过应到会有表决权党员的半数; the others: 超过实到（到会）人数的半数. A tie fails.
        const passes = yes !== no && (kind === 'party' ? 2 * yes > expected : 2 * yes > present);
        expect(done.outcome).toBe(passes ? '通过' : '未通过');

        await value('meetings.end', { id: m.id, endTime: '11:00' });
        const minutes = minutesData(t.db, m.id);
        expect(minutes.present).toBe(present);
        expect(minutes.expected).toBe(expected);
        expect(minutes.items[0]!.votes[0]!.eligible).toBe(present);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
