/**
 * A fuzz pass over every contract call (issue 14 item 9): arbitrary JSON-ish payloads — random
 * values, objects with the call's own keys holding wrong or extreme values, real ids of the
 * sample world, strings with control, invisible and half characters — sent through dispatch
 * on a copy of the sample world. For every payload: dispatch answers (never throws); every
 * refusal carries a known code and a Chinese message; malformed input never ends in INTERNAL
 * or DB_ERROR; and a refused call leaves the database as it was (PRAGMA data_version read from
 * a second connection, which changes only when the app's connection commits).
 *
 * Default: 20 s of payloads after building the sample world (FUZZ_SECONDS). More: `npm run trials` or FUZZ_SECONDS=600; replay with FUZZ_SEED.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { callNames, contract, errorCodes, type CallName } from '../../core/contract';
import type { SampleWorld } from '../../core/contract/samples';
import { listUsers } from '../../db/users';
import { dispatch } from '../../electron/api/dispatch';
import { TEST_USER } from '../support/db';
import { buildWorld, copyOfWorld } from '../support/sample-world';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
/** Payloads per call before moving on to the next call (round robin until the time is up). */
const BATCH = 25;

/** The keys a call's input object takes, read from its schema (nested objects and arrays one level). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
  if (def.type === 'object' && def.shape) return def.shape;
  if (def.innerType) return shapeOf(def.innerType);
  if (def.type === 'pipe' && def.in) return shapeOf(def.in);
  return null;
}

function payloads(name: CallName, world: SampleWorld): fc.Arbitrary<unknown> {
  const ids = [
    world.village.orgId,
    world.community.orgId,
    world.village.bodyId,
    world.village.minorId,
    world.resolutionId,
    world.running.agendaItemId,
    world.running.proposalId,
    ...Object.values(world.meetings),
    ...world.village.personIds.slice(0, 3),
    ...Object.values(world.village.typeIds).slice(0, 3),
  ];
  const weirdString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      '',
      ' ',
      '张三',
      '\u0000',
      '\uD800',
      '\u202E张三',
      '\u200B',
      'e\u0301',
      '2026-02-30',
      '2026-11-20',
      '09:30',
      '9999-99-99',
      'x'.repeat(5000),
      '__proto__',
      'constructor',
      '1; DROP TABLE people',
    ),
  );
  const weirdNumber = fc.oneof(
    fc.constantFrom(...ids),
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 1, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.NaN, Infinity, -Infinity, 0.5, 1e-300),
  );
  const leaf = fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));
  const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), leaf, fc.array(leaf, { maxLength: 5 }), fc.dictionary(weirdString, leaf, { maxKeys: 4 }));
  const shape = shapeOf(contract[name].input);
  if (!shape || Object.keys(shape).length === 0) return anyJson;
  const keys = Object.keys(shape);
  const value = fc.oneof(
    leaf,
    leaf,
    fc.array(fc.oneof(leaf, fc.dictionary(fc.constantFrom(...keys, 'name', 'id'), leaf, { maxKeys: 4 })), { maxLength: 4 }),
    anyJson,
  );
  const own = fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  // Mostly the call's own keys; sometimes an extra key, sometimes anything at all.
  return fc.oneof(
    { weight: 6, arbitrary: own },
    { weight: 1, arbitrary: fc.tuple(own, weirdString, leaf).map(([o, k, v]) => ({ ...o, [k]: v })) },
    { weight: 1, arbitrary: anyJson },
  );
}

describe('fuzz pass over every contract call (issue 14 item 9)', () => {
  it(
    `sends malformed payloads to all ${callNames.length} calls for about ${SECONDS} s`,
    async () => {
      const { file, world } = await buildWorld();
      const t = copyOfWorld(file);
      const { ctx } = t;
      const user = listUsers(t.db).find((u) => u.name === TEST_USER.name)!;
      const observer = new Database(t.file, { readonly: true });
      const dataVersion = () => observer.pragma('data_version', { simple: true }) as number;
      const generators = new Map(callNames.map((n) => [n, payloads(n, world)]));
      const stats = { sent: 0, ok: 0, refused: 0, byCode: {} as Record<string, number>, rounds: 0 };
      const failures: string[] = [];
      const deadline = Date.now() + SECONDS * 1000;
      let seed = SEED;
      outer: for (;;) {
        stats.rounds++;
        for (const name of callNames) {
          if (Date.now() > deadline) break outer;
          for (const input of fc.sample(generators.get(name)!, { numRuns: BATCH, seed: seed++ })) {
            // A fuzzed users.signOut or signIn must not leave the rest of the pass without a user.
            ctx.session.signIn(user);
            const before = dataVersion();
            let r: Awaited<ReturnType<typeof dispatch>>;
            try {
              r = await dispatch(ctx, name, input);
            } catch (err) {
              let shown: string;
              try {
                shown = JSON.stringify(input)?.slice(0, 300) ?? String(input);
              } catch {
                shown = '(cannot be shown)';
              }
              failures.push(`${name}: dispatch threw ${(err as Error).message} for ${shown}`);
              continue;
            }
            stats.sent++;
            if (r.ok) {
              stats.ok++;
              continue;
            }
            stats.refused++;
            stats.byCode[r.error.code] = (stats.byCode[r.error.code] ?? 0) + 1;
            const show = () => JSON.stringify(input)?.slice(0, 300);
            if (!errorCodes.includes(r.error.code)) failures.push(`${name}: unknown code ${r.error.code} for ${show()}`);
            if (!/[\u4e00-\u9fa5]/.test(r.error.message)) failures.push(`${name}: message not in Chinese "${r.error.message}" for ${show()}`);
            if (r.error.code === 'INTERNAL' || r.error.code === 'DB_ERROR') failures.push(`${name}: ${r.error.code} "${r.error.message}" for ${show()}`);
            if (dataVersion() !== before) failures.push(`${name}: refused (${r.error.code}) but the database changed, for ${show()}`);
          }
        }
      }
      observer.close();
      const codes = Object.entries(stats.byCode)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
      console.log(
        `[fuzz] seed ${SEED}: ${stats.sent} payloads to ${callNames.length} calls (${stats.rounds} rounds of ${BATCH} per call); ` +
          `${stats.ok} accepted, ${stats.refused} refused (${codes}); ${failures.length} problems`,
      );
      expect(failures.slice(0, 10)).toEqual([]);
      expect(t.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    },
    (SECONDS + 120) * 1000,
  );
});
