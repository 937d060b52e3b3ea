import { todayIn } from '../../core/clock';
import type { Db } from '../client';
import { damageMessage } from '../backups/lifecycle';
import { copyOnline, discardCopy, nameCheckedCopy, pruneBackups, zoneOf } from '../backups/store';
import { TaskStopped, runTask } from './runner';
import { fullCheckDue, lastFullCheck, recordFullCheck } from './schedule';
import { setFileCheck } from './state';
import { blockWrites } from '../write';

/**
 * The work that used to keep the window blank, done after it shows: the full integrity check of
 * the file (at most once a day, in a worker thread) and the startup backup (the online backup API
 * in steps, the copy checked in a worker thread before it is named), then pruning. A damaged file
 * produces no backup and prunes nothing; what was found goes to the banner (system.integrity).
 */

export interface MaintenanceOptions {
  /** Where backups go; without it only the check runs. */
  backupDir?: string;
  nativeBinding?: string;
  /** Take this start's backup (not when an upgrade already took one, nor for a file just created). */
  backup: boolean;
  /** PRAGMA quick_check first, at once (writes wait for it); not for a file just created or checked whole. */
  quickCheck?: boolean;
  /** The full check already ran at this open (before an upgrade): only the day is remembered. */
  fullCheckDone?: boolean;
  now?: () => Date;
  /** Wait before starting, so the window's first reads go first. */
  delayMs?: number;
}

export interface MaintenanceResult {
  fullCheck: 'ok' | 'skipped' | 'damaged';
  /** This start's checked backup, or null (damage, no backup folder, a failed copy). */
  backupPath: string | null;
  /** What is wrong with the file, in words, or null. */
  damage: string | null;
  /** The work was stopped (the app closed, or a restore or import replaced the file). */
  stopped: boolean;
}

export interface Maintenance {
  done: Promise<MaintenanceResult>;
  /**
   * Settles when the quick check has run: null when the file may be written, else what is wrong
   * (writes are then refused with that message). Transports hold writes until it settles.
   */
  checked: Promise<string | null>;
  /** Stops the work between two steps (a half copy is removed, nothing is pruned) and waits for it. */
  stop(): Promise<void>;
}

export function startMaintenance(db: Db, options: MaintenanceOptions): Maintenance {
  const controller = new AbortController();
  setFileCheck(db.sqlite, { running: true, lastFullCheck: lastFullCheck(db.file)?.at ?? null });
  let settleChecked: (damage: string | null) => void = () => {};
  const checked = new Promise<string | null>((resolve) => (settleChecked = resolve));
  const done = new Promise<void>((resolve) => setTimeout(resolve, options.delayMs ?? 0))
    .then(() => maintain(db, options, controller.signal, settleChecked))
    .catch((err: unknown): MaintenanceResult => {
      const stopped = err instanceof TaskStopped || controller.signal.aborted;
      if (!stopped) console.warn(`[议事厅] 后台检查或备份没有完成：${(err as Error)?.name}`);
      return { fullCheck: 'skipped', backupPath: null, damage: null, stopped };
    })
    .then((result) => {
      setFileCheck(db.sqlite, { running: false, ...(result.damage ? { damage: result.damage } : {}) });
      // Stopped before the quick check ran (the app closing): nothing is known against writing.
      settleChecked(result.damage);
      return result;
    });
  return {
    done,
    checked,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

async function maintain(db: Db, options: MaintenanceOptions, signal: AbortSignal, settleChecked: (damage: string | null) => void): Promise<MaintenanceResult> {
  const now = options.now ?? (() => new Date());
  const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (signal.aborted || !db.sqlite.open) throw new TaskStopped();
  const timeZone = zoneOf(db.sqlite);
  const stopped = (): MaintenanceResult => ({ fullCheck: 'skipped', backupPath: null, damage: null, stopped: true });

  const damaged = (problems: string[]): MaintenanceResult => {
    const { message } = damageMessage(db.file, problems, options.backupDir);
    console.warn(`[议事厅] 后台检查发现数据文件损坏，没有备份、没有清理旧备份`);
    // Reading (and copying out) stays possible; writing into a damaged file could spread the damage.
    if (db.sqlite.open) blockWrites(db, `${message}为防止损坏扩大，议事厅暂停保存任何修改。`);
    setFileCheck(db.sqlite, { damage: message });
    settleChecked(message);
    return { fullCheck: 'damaged', backupPath: null, damage: message, stopped: false };
  };
  if (options.quickCheck) {
    const { problems } = await runTask({ kind: 'integrity', quick: true, file: db.file, ...native }, { signal });
    if (problems.length > 0) return damaged(problems);
  }
  settleChecked(null);

  const checkWhole = async (): Promise<string[]> => {
    const { problems } = await runTask({ kind: 'integrity', file: db.file, ...native }, { signal });
    if (problems.length === 0) {
      const at = now();
      recordFullCheck(db.file, { day: todayIn(timeZone, at), at: at.toISOString() });
      setFileCheck(db.sqlite, { lastFullCheck: at.toISOString() });
    }
    return problems;
  };

  let fullCheck: MaintenanceResult['fullCheck'] = 'skipped';
  if (options.fullCheckDone) {
    const at = now();
    recordFullCheck(db.file, { day: todayIn(timeZone, at), at: at.toISOString() });
    setFileCheck(db.sqlite, { lastFullCheck: at.toISOString() });
  } else if (fullCheckDue(db.file, todayIn(timeZone, now()))) {
    const problems = await checkWhole();
    if (problems.length > 0) return damaged(problems);
    fullCheck = 'ok';
  }

  if (!options.backup || !options.backupDir) return { fullCheck, backupPath: null, damage: null, stopped: false };
  if (signal.aborted || !db.sqlite.open) return stopped();
  const dir = options.backupDir;
  let temp: string;
  try {
    temp = await copyOnline(db.sqlite, dir, signal);
  } catch (err) {
    if (signal.aborted || !db.sqlite.open) return stopped();
    console.warn(`[议事厅] 启动备份没有完成，旧备份全部保留：${(err as Error).name}`);
    return { fullCheck, backupPath: null, damage: null, stopped: false };
  }
  let checked;
  try {
    checked = await runTask({ kind: 'inspectCopy', file: temp, ...native }, { signal });
  } catch (err) {
    discardCopy(temp);
    throw err;
  }
  if (checked.problem !== null) {
    discardCopy(temp);
    // The copy is the file page for page: unless the file was found sound just now, look at it.
    if (fullCheck !== 'ok') {
      const problems = await checkWhole();
      if (problems.length > 0) return damaged(problems);
    }
    console.warn(`[议事厅] 启动备份的检查没有通过，已删除这个副本，旧备份全部保留`);
    return { fullCheck, backupPath: null, damage: null, stopped: false };
  }
  const backupPath = nameCheckedCopy(temp, dir, 'startup', timeZone, now());
  try {
    pruneBackups(dir, timeZone);
  } catch (err) {
    console.warn(`[议事厅] 清理旧备份没有完成：${(err as Error).name}`);
  }
  return { fullCheck, backupPath, damage: null, stopped: false };
}
