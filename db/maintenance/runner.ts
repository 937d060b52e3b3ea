import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runTaskHere, type Progress, type Task, type TaskResult } from './tasks';

/** The worker bundle's name beside main.cjs / web-host.cjs (scripts/build.mjs). */
export const WORKER_BUNDLE = 'maintenance-worker.cjs';

let configured: string | null | undefined;

/** Where the worker bundle is: set by tests (a bundle of worker.ts), else found beside this bundle. */
export function setWorkerScript(file: string | null | undefined): void {
  configured = file;
}

export function workerScript(): string | null {
  if (configured !== undefined) return configured;
  const beside = path.join(__dirname, WORKER_BUNDLE);
  return fs.existsSync(beside) ? beside : null;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: Progress;
}

export class TaskStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'TaskStopped';
  }
}

/**
 * Runs a task in a worker thread; where no worker bundle exists (the sources run directly) or a
 * worker cannot start, on this thread instead — slower for the window, never skipped.
 */
export function runTask<T extends Task>(task: T, options: RunOptions = {}): Promise<TaskResult<T['kind']>> {
  if (options.signal?.aborted) return Promise.reject(new TaskStopped());
  const script = workerScript();
  if (!script) return inline(task, options);
  return new Promise((resolve, reject) => {
    let settled = false;
    let heard = false;
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: task });
    } catch {
      inline(task, options).then(resolve, reject);
      return;
    }
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', stop);
      fn();
    };
    const stop = () => {
      settle(() => reject(new TaskStopped()));
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', stop);
    worker.on('message', (m: { progress?: { done: number; total: number }; result?: TaskResult<T['kind']>; error?: string }) => {
      heard = true;
      if (m.progress) options.onProgress?.(m.progress.done, m.progress.total);
      else if (m.error !== undefined) settle(() => reject(new Error(m.error)));
      else settle(() => resolve(m.result!));
    });
    worker.on('error', (err) => {
      // A bundle that cannot even load (a packaging fault): do the work here rather than not at all.
      if (!heard) settle(() => inline(task, options).then(resolve, reject));
      else settle(() => reject(err));
    });
    worker.on('exit', () => settle(() => reject(new Error('worker exited without a result'))));
  });
}

function inline<T extends Task>(task: T, options: RunOptions): Promise<TaskResult<T['kind']>> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      if (options.signal?.aborted) return reject(new TaskStopped());
      try {
        resolve(runTaskHere(task, options.onProgress));
      } catch (err) {
        reject(err);
      }
    });
  });
}
