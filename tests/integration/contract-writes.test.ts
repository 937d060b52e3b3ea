import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, writeCallNames, type WriteCallName } from '../../core/contract';
import { writeSamples, type SampleWorld, type WriteSample } from '../../core/contract/samples';
import { verifyAuditChain } from '../../db/audit';
import { dispatch } from '../../electron/api/dispatch';
import { buildWorld, caller, copyOfWorld } from '../support/sample-world';
import { startStreetHub, type StreetHub } from '../support/street-hub';

let built: { file: string; world: SampleWorld };
// The 报送 calls talk to the street hub itself (server/ on PGlite); each sample enrolls afresh.
let hub: StreetHub;

beforeAll(async () => {
  built = await buildWorld();
  hub = await startStreetHub();
}, 120_000);

afterAll(() => hub?.close());

function auditActionsAfter(db: Database.Database, lastId: number): string[] {
  return db.prepare('select action from audit_log where id > ? order by id').pluck().all(lastId) as string[];
}

/** Another connection's view: its data_version changes whenever any other connection commits. */
function watch(file: string) {
  const other = new Database(file, { readonly: true });
  const version = () => other.pragma('data_version', { simple: true }) as number;
  return { version, close: () => other.close() };
}

describe('契约中的每个写操作', () => {
  it('has a sample input for every write call', () => {
    expect(writeCallNames.filter((n) => !writeSamples[n])).toEqual([]);
  });

  it('declares every call as a read or a write', () => {
    for (const spec of Object.values(contract)) expect(typeof spec.writes).toBe('boolean');
  });

  for (const name of writeCallNames) {
    it(`${name}: a valid call commits with exactly its audit rows; a refused one changes nothing`, async () => {
      const sample = writeSamples[name] as WriteSample<WriteCallName> | undefined;
      expect(sample, `${name} has no sample in core/contract/samples/`).toBeDefined();
      if (!sample) return;
      const t = copyOfWorld(built.file);
      const kit = {
        world: built.world,
        call: caller(t.ctx),
        hubUrl: hub.url,
        hubCode: () => hub.code(),
        hubReply: (communityId: string) => hub.replyText(communityId),
      };
      const input = await sample.input(kit);
      const refusedInput = sample.refused ? await sample.refused(kit) : undefined;
      const watcher = watch(t.file);
      try {
        const v0 = watcher.version();
        const malformed = await dispatch(t.ctx, name, '这不是一个对象');
        expect(malformed.ok).toBe(false);
        if (refusedInput !== undefined) {
          const refused = await dispatch(t.ctx, name, refusedInput);
          expect(refused.ok, `${name} should refuse its refused sample`).toBe(false);
          if (!refused.ok) expect(refused.error.code).not.toBe('INTERNAL');
        }
        expect(watcher.version(), 'a refused call must not commit anything').toBe(v0);

        const last = (t.db.sqlite.prepare('select coalesce(max(id), 0) from audit_log').pluck().get() as number) ?? 0;
        const r = await dispatch(t.ctx, name, input);
        expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`).toBe('ok');
        if (!r.ok) return;
        const out = contract[name].output.safeParse(r.value);
        expect(out.success ? '' : out.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toBe('');
        expect(auditActionsAfter(t.db.sqlite, last)).toEqual(sample.audits);
        expect(watcher.version()).not.toBe(v0);
        expect(verifyAuditChain(t.db).ok).toBe(true);
      } finally {
        watcher.close();
        t.db.sqlite.close();
      }
    });
  }
});
