import type { ImportRow } from '../../../core/roster/fields';
import { call } from '../api/client';
import type { CheckResult } from './reviewRows';

/** Rows per roster.check call: small enough that the progress bar moves on a big roster. */
export const CHECK_CHUNK_SIZE = 500;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Checks all rows chunk by chunk, reporting progress and letting the window repaint between. */
export async function checkInChunks(orgId: number, rows: readonly ImportRow[], onProgress: (done: number, total: number) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  onProgress(0, rows.length);
  for (let start = 0; start < rows.length; start += CHECK_CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHECK_CHUNK_SIZE);
    const output = await call('roster.check', { orgId, rows: chunk });
    results.push(...output.rows);
    onProgress(Math.min(start + chunk.length, rows.length), rows.length);
    await nextFrame();
  }
  return results;
}
