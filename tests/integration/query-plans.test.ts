import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCallNames, type CallName, type WriteCallName } from '../../core/contract';
import { writeSamples, type SampleWorld, type WriteSample } from '../../core/contract/samples';
import { dispatch } from '../../electron/api/dispatch';
import { buildWorld, caller, copyOfWorld } from '../support/sample-world';

/**
 * Per-record screens (a meeting, a vote, a topic, a rule document) must read through indexes,
 * so that their cost does not grow with the years of history. This runs the calls behind those
 * screens through dispatch, records every statement they execute, and asks SQLite for each
 * statement's plan: a full scan of a table that grows with history fails, naming the call and
 * the statement. The planner has no statistics (the app never runs ANALYZE), so a plan depends
 * on the schema and the SQL alone, not on how much the sample world holds.
 */

/** Tables that grow with the years of records. Small fixed tables (settings, meeting_types, rule_sets, organizations, users …) may be scanned. */
const GROWING = new Set([
  'people',
  'households',
  'bodies',
  'body_members',
  'meetings',
  'agenda_items',
  'attendance',
  'attendance_changes',
  'speeches',
  'proposals',
  'votes',
  'vote_options',
  'vote_choices',
  'vote_proxies',
  'vote_tally_changes',
  'resolutions',
  'resolution_progress',
  'minutes_reviews',
  'meeting_addenda',
  'topics',
  'topic_events',
  'summons',
  'notices',
  'matters',
  'matter_steps',
  'audit_log',
  'rule_documents',
  'rule_steps',
  'rule_chapters',
  'rule_articles',
  'rule_versions',
  'rule_opinions',
  'rule_amendments',
  'rule_flag_clearances',
]);

/**
 * Scans left in code this change does not own; each needs a query rewrite, not an index. The
 * lead removes an entry when the statement is fixed (the test then fails if it comes back).
 * `sql` is a fragment of the statement that identifies it.
 */
const KNOWN: { call: CallName; table: string; sql: string; why: string }[] = [];

/** Writes that would change who may write or replace the file: not needed to fill the world. */
const SKIP_WRITES = /^(users\.|system\.|backups\.|clock\.)/;

interface Offence {
  call: CallName;
  table: string;
  detail: string;
  sql: string;
}

const KEYWORDS = new Set([
  'where',
  'on',
  'join',
  'left',
  'inner',
  'cross',
  'outer',
  'order',
  'group',
  'limit',
  'using',
  'natural',
  'union',
  'set',
  'as',
  'values',
]);

/** alias → table for every table named after FROM or JOIN ("SCAN m" names the alias). */
function aliases(sqlText: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of sqlText.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const table = m[1]!.toLowerCase();
    map.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !KEYWORDS.has(alias)) map.set(alias, table);
  }
  return map;
}

/** Null for every parameter: positional `?` (outside string literals) and named ones. */
function nullParameters(sqlText: string): unknown[] {
  const code = sqlText.replace(/'(?:[^']|'')*'/g, "''");
  const positional = (code.match(/\?/g) ?? []).length;
  const named = [...code.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!);
  const args: unknown[] = Array.from({ length: positional }, () => null);
  if (named.length > 0) args.push(Object.fromEntries(named.map((n) => [n, null])));
  return args;
}

function scansOf(db: Database.Database, sqlText: string): { table: string; detail: string }[] {
  const plan = db.prepare(`explain query plan ${sqlText}`).all(...nullParameters(sqlText)) as { detail: string }[];
  const names = aliases(sqlText);
  const out: { table: string; detail: string }[] = [];
  for (const { detail } of plan) {
    const m = /^SCAN (\w+)/.exec(detail);
    if (!m) continue;
    const table = names.get(m[1]!.toLowerCase()) ?? m[1]!.toLowerCase();
    if (GROWING.has(table)) out.push({ table, detail });
  }
  return out;
}

let built: { file: string; world: SampleWorld };
let t: ReturnType<typeof copyOfWorld>;
let current: CallName | null = null;
const executed = new Map<CallName, Set<string>>();
const statementProto = Object.getPrototypeOf(new Database(':memory:').prepare('select 1')) as Record<string, unknown>;
const originals = new Map<string, unknown>();

/** Every statement a call runs, including ones prepared once and reused (db/prepared.ts). */
function recordStatements() {
  for (const method of ['get', 'all', 'iterate', 'run']) {
    const original = statementProto[method] as (this: { source: string }, ...args: unknown[]) => unknown;
    originals.set(method, original);
    statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (current) executed.get(current)!.add(this.source);
      return original.apply(this, args);
    };
  }
}

async function read(name: CallName, input: unknown): Promise<void> {
  if (!executed.has(name)) executed.set(name, new Set());
  current = name;
  try {
    const r = await dispatch(t.ctx, name, input);
    expect(r.ok ? 'ok' : `${name}: ${r.error.code} ${r.error.message}`).toBe('ok');
  } finally {
    current = null;
  }
}

beforeAll(async () => {
  built = await buildWorld();
  t = copyOfWorld(built.file);
  // Fill the world with one of everything (topics, summons, matters, notices, rule documents,
  // progress …) by running every write's own sample on the same file; a sample that no longer
  // fits the changed world is simply skipped.
  const kit = { world: built.world, call: caller(t.ctx) };
  for (const name of writeCallNames.filter((n) => !SKIP_WRITES.test(n))) {
    const sample = writeSamples[name] as WriteSample<WriteCallName>;
    try {
      await dispatch(t.ctx, name, await sample.input(kit));
    } catch {
      // The sample's own set-up refused: the rest of the world is enough.
    }
  }
  recordStatements();
}, 240_000);

afterAll(() => {
  for (const [method, original] of originals) statementProto[method] = original;
  t?.db.sqlite.close();
});

function firstId(table: string): number {
  const id = t.db.sqlite.prepare(`select id from ${table} order by id limit 1`).pluck().get() as number | undefined;
  expect(id, `the sample world has no row in ${table}`).toBeDefined();
  return id!;
}

describe('单条记录页面的查询计划', () => {
  it('reads a meeting, a vote, a topic, a matter and a rule document through indexes only', async () => {
    const { world } = built;
    const db = t.db.sqlite;
    const today = '2026-11-30';
    const meetingIds = Object.values(world.meetings);
    for (const meetingId of meetingIds) {
      await read('meetings.get', { id: meetingId });
      await read('agenda.list', { meetingId });
      await read('agenda.partyReviewCandidates', { meetingId });
      await read('attendance.sheet', { meetingId });
      await read('attendance.history', { meetingId });
      await read('attendance.history', { meetingId, personId: world.village.personIds[0]! });
      await read('speeches.list', { meetingId });
      await read('proposals.list', { meetingId });
      await read('votes.list', { meetingId });
      await read('minutes.preview', { meetingId });
      await read('minutes.status', { meetingId });
      await read('resolutions.list', { orgId: world.village.orgId, meetingId });
      await read('followUp.carryCandidates', { meetingId, today });
      await read('documents.signInSheet', { meetingId });
      await read('documents.notice', { meetingId });
    }
    const finalized = world.meetings.finalized;
    await read('documents.minutes', { meetingId: finalized });
    await read('documents.minutes', { meetingId: world.meetings.ended, variant: '纪要' });
    await read('documents.resolutionNotice', { meetingId: finalized, postFrom: '2026-11-21', postTo: '2026-12-06' });

    for (const voteId of db.prepare('select id from votes order by id').pluck().all() as number[]) {
      await read('votes.history', { id: voteId });
      await read('documents.ballots', { voteId, count: 2 });
    }
    await read('followUp.get', { resolutionId: world.resolutionId, today });
    await read('bodies.members', { bodyId: world.village.bodyId });
    await read('bodies.members', { bodyId: world.village.bodyId, includeFormer: true });

    await read('topics.get', { id: firstId('topics') });
    await read('topics.byPerson', { personId: world.village.personIds[0]! });
    await read('matters.get', { id: firstId('matters') });
    await read('matters.registrationData', { id: firstId('matters') });
    await read('notices.get', { id: firstId('notices'), today });
    await read('notices.documentData', { id: firstId('notices'), today });

    const docId = firstId('rule_documents');
    await read('rules.get', { id: docId });
    await read('rules.versions.list', { docId });
    await read('rules.opinions.list', { docId });
    await read('rules.amendments.list', { docId });
    await read('rules.adoption.candidates', { docId });
    await read('rules.versions.get', { id: firstId('rule_versions') });

    const offences: Offence[] = [];
    const known = new Set<(typeof KNOWN)[number]>();
    let explained = 0;
    for (const [call, statements] of executed) {
      for (const sqlText of statements) {
        if (!/^\s*(select|with)\b/i.test(sqlText)) continue;
        explained++;
        for (const scan of scansOf(db, sqlText)) {
          const allowed = KNOWN.find((k) => k.call === call && k.table === scan.table && sqlText.includes(k.sql));
          if (allowed) known.add(allowed);
          else offences.push({ call, ...scan, sql: sqlText });
        }
      }
    }
    expect(explained, 'statements recorded and explained').toBeGreaterThan(100);
    expect(offences.map((o) => `${o.call}: ${o.detail} (${o.table}) in\n  ${o.sql}`).join('\n\n')).toBe('');
    // A KNOWN entry that no longer scans has been fixed: remove it so the scan cannot come back.
    expect(KNOWN.filter((k) => !known.has(k)).map((k) => `${k.call} ${k.table}: ${k.sql}`)).toEqual([]);
  });

  it('lists the roster in pinyin order from an index, with or without a status filter', async () => {
    const { world } = built;
    for (const status of ['在册', '全部'] as const) {
      executed.delete('people.list');
      await read('people.list', { orgId: world.village.orgId, status, page: 2, pageSize: 5 });
      const listing = [...executed.get('people.list')!].filter((q) => /order by/i.test(q));
      expect(listing.length).toBe(1);
      const plan = t.db.sqlite.prepare(`explain query plan ${listing[0]!}`).all(...nullParameters(listing[0]!)) as { detail: string }[];
      const details = plan.map((r) => r.detail);
      expect(
        details.filter((d) => /^SCAN people|TEMP B-TREE FOR ORDER BY/.test(d)),
        details.join('; '),
      ).toEqual([]);
    }
  });

  it("checks a finalized meeting's locks on every insert and update through indexes", () => {
    const db = t.db.sqlite;
    const triggers = db.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as { name: string; sql: string }[];
    const offences: string[] = [];
    let checked = 0;
    for (const trigger of triggers) {
      const when = /\bWHEN\b([\s\S]*?)\bBEGIN\b/i.exec(trigger.sql)?.[1];
      if (!when || !/\bselect\b/i.test(when)) continue;
      // The row being written becomes a parameter: the plan is the one SQLite runs for each row.
      const condition = when.replace(/\b(NEW|OLD)\.`?\w+`?/gi, '?');
      const statement = `select ${condition}`;
      checked++;
      for (const scan of scansOf(db, statement)) offences.push(`${trigger.name}: ${scan.detail} (${scan.table})`);
    }
    expect(checked).toBeGreaterThan(20);
    expect(offences).toEqual([]);
  });
});
