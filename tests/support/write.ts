import { clockAt, DEFAULT_TIME_ZONE } from '../../core/clock';
import type { Actor, Db, Tx } from '../../db/client';
import { writeNow } from '../../db/write';

export const TEST_ACTOR: Actor = { name: '测试书记员' };

/** Runs `fn` as one write, the way dispatch does: one transaction, committed only with its audit rows. */
export function write<T>(db: Db, fn: (tx: Tx) => T, now = new Date(), actor: Actor = TEST_ACTOR, timeZone = DEFAULT_TIME_ZONE): T {
  return writeNow(db, actor, clockAt(timeZone, now), fn);
}
