/**
 * The worker thread's entry (bundled as dist/electron/maintenance-worker.cjs): runs one task from
 * db/maintenance/tasks.ts with its own SQLite connection and posts progress, then the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTaskHere, type Task } from './tasks';

const port = parentPort;
if (port) {
  try {
    const result = runTaskHere(workerData as Task, (done, total) => port.postMessage({ progress: { done, total } }));
    port.postMessage({ result });
  } catch (err) {
    port.postMessage({ error: String((err as Error)?.message ?? err) });
  }
}
