import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runRead } from '../../db/write';
import { openTemp } from '../support/db';

describe('读取不改动数据', () => {
  it('a read that tries to write fails and the file is unchanged; the connection is writable again after it', async () => {
    const t = openTemp();
    // Another connection's data_version moves whenever this one commits (its own would not).
    const other = new Database(t.file, { readonly: true });
    const version = () => other.pragma('data_version', { simple: true }) as number;
    const count = () => t.db.sqlite.prepare('select count(*) from audit_log').pluck().get() as number;
    const before = count();
    const v0 = version();
    await expect(runRead(t.db, () => t.db.sqlite.prepare("insert into audit_log (action) values ('read-wrote')").run())).rejects.toThrow(
      /readonly|read-only|query_only/i,
    );
    expect(count()).toBe(before);
    expect(version()).toBe(v0);
    // Once the read is over the connection is writable again, for the next write.
    expect(t.db.sqlite.pragma('query_only', { simple: true })).toBe(0);
    other.close();
    t.db.sqlite.close();
  });
});
