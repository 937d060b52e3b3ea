import { createHash } from 'node:crypto';
import { bench, describe } from 'vitest';
import { commitImport } from '../../db/roster-import';
import { createOrganization } from '../../db/organizations';
import { dispatch } from '../../electron/api/dispatch';
import { openTemp } from '../support/db';
import { write } from '../support/write';

// Issue 15, item 3: a door check-in through dispatch against the same write in plain SQL, in a
// body meeting of 300 and a 村民会议 of 2,000 households, before the start (应到 from the roster)
// and once started (应到 frozen). Speed is measured here, never asserted in tests.

const HOUSEHOLDS = 2000;
const BODY = 300;
const DATE = '2026-03-15';

const t = openTemp();
const { ctx, db } = t;
// CHECKIN_SYNC=off leaves out the disk flush at each commit (the app flushes: synchronous=FULL),
// to show the work done in the process apart from the disk's speed.
if (process.env.CHECKIN_SYNC === 'off') db.sqlite.pragma('synchronous = OFF');
const org = write(db, (tx) => createOrganization(tx, { name: '大村', kind: '村' }));
write(db, (tx) =>
  commitImport(tx, {
    orgId: org.id,
    rows: Array.from({ length: HOUSEHOLDS * 3 }, (_, i) => ({
      name: `村民${i}`,
      gender: '',
      birthDate: `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`,
      idNumber: '',
      phone: '',
      householdNo: String(1 + Math.floor(i / 3)).padStart(4, '0'),
      groupName: `第${(i % 12) + 1}小组`,
      tags: '',
      note: '',
    })),
  }),
);

async function value<T = any>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

const personIds = db.sqlite.prepare('select id from people where org_id = ? order by id').pluck().all(org.id) as number[];
const householdIds = db.sqlite.prepare('select id from households where org_id = ? order by id').pluck().all(org.id) as number[];
const body = await value('bodies.create', { orgId: org.id, name: '村民代表会议', kind: '村民代表会议' });
// Every tenth villager: a body spread over the roster, as a real one is.
const bodyPeople = personIds.filter((_, i) => i % 10 === 0).slice(0, BODY);
await value('bodies.addMembers', { bodyId: body.id, personIds: bodyPeople, role: '村民代表' });
const types = (await value('meetingTypes.list', { orgId: org.id })).items as { id: number; name: string }[];
const typeId = (name: string) => types.find((x) => x.name === name)!.id;

async function meeting(basis: 'body' | 'households', started: boolean): Promise<number> {
  const m = await value('meetings.create', {
    orgId: org.id,
    meetingTypeId: typeId(basis === 'body' ? '村民代表会议' : '村民会议'),
    title: basis === 'body' ? '村民代表会议' : '村民会议',
    date: DATE,
    startTime: '09:00',
    basis,
    ...(basis === 'body' ? { bodyId: body.id } : {}),
  });
  await value('meetings.notify', { id: m.id, noticeDate: '2026-03-01', urgentReason: '测试' });
  if (started) await value('meetings.start', { id: m.id, startTime: '09:00' });
  return m.id;
}

// The raw-SQL twin: the same rows written (the line, its change record, a chained audit entry)
// and the present count read back, in one IMMEDIATE transaction.
const insertLine = db.sqlite.prepare(
  `insert into attendance (meeting_id, kind, person_id, household_id, name, status, arrived_at, created_at, updated_at)
   values (?, 'member', ?, ?, ?, '出席', '08:50', ?, ?) returning *`,
);
const insertChange = db.sqlite.prepare(`insert into attendance_changes (meeting_id, attendance_id, at, actor, before, after) values (?, ?, ?, ?, null, ?)`);
const lastHash = db.sqlite.prepare('select hash from audit_log order by id desc limit 1').pluck();
const insertAudit = db.sqlite.prepare(
  `insert into audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) values (?, ?, 'attendance.create', 'attendance', ?, null, ?, ?, ?)`,
);
const presentNow = db.sqlite.prepare(`select count(*) from attendance where meeting_id = ? and kind = 'member' and status in ('出席', '迟到')`).pluck();
const nameOf = db.sqlite.prepare('select name from people where id = ?').pluck();
const rawSignIn = db.sqlite.transaction((item: { meetingId: number; personId?: number; householdId?: number }) => {
  const at = new Date().toISOString();
  const line = insertLine.get(item.meetingId, item.personId ?? null, item.householdId ?? null, item.personId ? nameOf.get(item.personId) : '户', at, at) as {
    id: number;
  };
  const after = JSON.stringify(line);
  insertChange.run(item.meetingId, line.id, at, '测试书记员', after);
  const prev = lastHash.get() as string;
  insertAudit.run(
    at,
    '测试书记员',
    line.id,
    after,
    prev,
    createHash('sha256')
      .update(prev + after)
      .digest('hex'),
  );
  return presentNow.get(item.meetingId);
});
/**
 * Sign-ins waiting to happen (meetings made ahead, outside the timing). A household meeting is
 * timed half full: the first `prefilled` households are signed in beforehand in plain SQL.
 */
async function queue(basis: 'body' | 'households', started: boolean, meetings: number, prefilled = 0) {
  const roll = basis === 'body' ? bodyPeople.map((personId) => ({ personId })) : householdIds.map((householdId) => ({ householdId }));
  const items: { meetingId: number; personId?: number; householdId?: number }[] = [];
  for (let i = 0; i < meetings; i++) {
    const meetingId = await meeting(basis, started);
    for (const r of roll.slice(0, prefilled)) rawSignIn.immediate({ meetingId, ...r });
    items.push(...roll.slice(prefilled).map((r) => ({ meetingId, ...r })));
  }
  let next = 0;
  return () => {
    const item = items[next++];
    if (!item) throw new Error('签到队列用完了：请多建几个会议');
    return item;
  };
}

/** Milliseconds, app and raw twin, one after the other: the ratio is taken under the same load (the machine is shared). */
function interleaved(appQueue: () => object, rawQueue: () => { meetingId: number }) {
  const app: number[] = [];
  const rawMs: number[] = [];
  const fn = async () => {
    let t0 = performance.now();
    const r = await dispatch(ctx, 'attendance.signIn', { ...appQueue(), time: '08:50' });
    app.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
    t0 = performance.now();
    rawSignIn.immediate(rawQueue());
    rawMs.push(performance.now() - t0);
  };
  return { fn, app, raw: rawMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;
const ms = (x: number) => x.toFixed(3).padStart(8);

// A fixed number of sign-ins each (a body meeting's whole roll; 100 households from half full):
// the queues are finite, so the count, not the time, ends a run. The table printed after each
// run gives the medians of the dispatch call and of its raw twin, and their ratio.
function runs(label: string, iterations: number, m: ReturnType<typeof interleaved>) {
  return {
    time: 0,
    iterations,
    warmupTime: 0,
    warmupIterations: 10,
    teardown: (_task: unknown, mode?: string) => {
      if (mode === 'warmup') {
        m.app.length = 0;
        m.raw.length = 0;
        return;
      }
      const a = median(m.app);
      const r = median(m.raw);
      process.stdout.write(
        `\n[签到] ${label}\n  dispatch 中位数 ${ms(a)} ms  p90 ${ms(p90(m.app))} ms · 纯 SQL 中位数 ${ms(r)} ms  p90 ${ms(p90(m.raw))} ms · 倍数 ${(a / r).toFixed(1)}×（${m.app.length} 次）\n`,
      );
    },
  };
}

for (const started of [false, true]) {
  const when = started ? '会议开始后（应到已冻结）' : '会议开始前（应到按名册）';
  const body = interleaved(await queue('body', started, 2), await queue('body', started, 2));
  const house = interleaved(await queue('households', started, 1, HOUSEHOLDS / 2), await queue('households', started, 1, HOUSEHOLDS / 2));
  describe(`门口签到 · ${when}`, () => {
    bench(`${BODY} 人的村民代表会议：attendance.signIn 与纯 SQL 交替`, body.fn, runs(`${BODY} 人的村民代表会议 · ${when}`, BODY, body));
    bench(
      `${HOUSEHOLDS} 户的村民会议（半数已到）：attendance.signIn 与纯 SQL 交替`,
      house.fn,
      runs(`${HOUSEHOLDS} 户的村民会议（半数已到）· ${when}`, 100, house),
    );
  });
}
