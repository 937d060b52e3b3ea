import { ApiError } from '../../core/contract/define';
import { appendAudit } from '../audit';
import type { Actor, Db, Tx } from '../client';
import { clockOf } from '../clock';
import { blockWrites, writeNow, writesBlocked } from '../write';
import type { BackupHead } from '../backups/head';
import {
  acknowledgedFindings,
  addReplacedHead,
  checkAuditTrail,
  markVerified,
  openFindings,
  resetHead,
  saveAcknowledged,
  saveFindings,
  type AuditFinding,
} from './audit-check';
import { ensureApplicationId } from './files';
import { fileCheckOf, type FileCheckState } from '../maintenance/state';
import { readReplacementNote, removeReplacementNote } from './replacement';
import { checkGuards, describeGuards, expectedTriggers, guardsIntact, restoreGuards, type GuardReport, type TriggerSet } from './guards';

export { APPLICATION_ID, describeSqliteError, inspectBeforeOpen } from './files';

/** Who records what the start-up check found. */
export const INTEGRITY_ACTOR: Actor = { name: '议事厅（完整性检查）' };

/** Calls that run while writes are refused: signing in, and the repair itself. */
export const ALLOWED_WHILE_BLOCKED: ReadonlySet<string> = new Set(['system.repairGuards', 'users.signIn', 'users.signOut']);

const expectedOf = new WeakMap<Db['sqlite'], TriggerSet>();

function blockMessage(r: GuardReport): string {
  return `${describeGuards(r)}。为防止已定稿的记录被改动，议事厅暂停保存任何修改。请点击页面顶部提示中的“修复”恢复这些规则（修复会记入操作记录），然后再继续工作。`;
}

/**
 * At every open, after migrations: marks the file as ours, checks that every shipped trigger is
 * there as shipped (refusing writes when not), and checks the audit trail against its anchors;
 * what it finds is recorded in the trail itself and kept for the banner until acknowledged.
 */
export function checkIntegrityAtOpen(db: Db, options: { migrationsFolder: string; nativeBinding?: string; newestBackup?: BackupHead | null }): void {
  ensureApplicationId(db.sqlite);
  const expected = expectedTriggers(options.migrationsFolder, options.nativeBinding);
  expectedOf.set(db.sqlite, expected);
  const guards = checkGuards(db, expected);
  blockWrites(db, guardsIntact(guards) ? null : blockMessage(guards));

  const clock = clockOf(db);
  recordReplacement(db);
  const acknowledged = new Set([...acknowledgedFindings(db), ...openFindings(db).map((f) => f.message)]);
  const fresh = checkAuditTrail(db, options.newestBackup ?? null).filter((m) => !acknowledged.has(m));
  if (fresh.length > 0) {
    writeNow(
      db,
      INTEGRITY_ACTOR,
      clock,
      (tx) => {
        const at = tx.clock.instant;
        saveFindings(tx, [...openFindings(tx), ...fresh.map((message) => ({ at, message }))], at);
        // Re-anchored on the trail as found, so the same cut is not reported as new at every start.
        resetHead(tx, at);
        appendAudit(tx, { action: 'audit.anomaly', entity: 'system', entityId: null, after: { findings: fresh } });
      },
      { whileBlocked: true },
    );
  }
  db.sqlite.transaction(() => markVerified(db, clock.instant))();
}

/**
 * A file put in place by a restore or an import: its trail records where it came from, and the
 * head it replaced (kept in the 恢复前 / 导入前 backup) is not taken for a cut.
 */
function recordReplacement(db: Db): void {
  const note = readReplacementNote(db.file);
  if (!note) return;
  writeNow(
    db,
    INTEGRITY_ACTOR,
    clockOf(db),
    (tx) => {
      if (note.replaced.hash) addReplacedHead(tx, note.replaced.hash, tx.clock.instant);
      appendAudit(tx, {
        action: note.how === 'restore' ? 'backup.restored' : 'move.imported',
        entity: 'database',
        entityId: null,
        before: { entries: note.replaced.count, lastHash: note.replaced.hash, savedAs: note.savedAs },
        after: { from: note.from },
      });
    },
    { whileBlocked: true },
  );
  removeReplacementNote(db.file);
}

export interface IntegrityReport {
  /** What is wrong with the lock triggers, or null. */
  guards: { message: string; missing: string[]; altered: string[]; unexpected: string[] } | null;
  /** What the audit trail check found and nobody has acknowledged yet. */
  audit: AuditFinding[];
  /** Why writes are refused, or null. */
  writesBlocked: string | null;
  /** The full check of the file and this start's backup, which run after the window shows (db/maintenance). */
  fileCheck: FileCheckState;
}

export function integrityReport(db: Db): IntegrityReport {
  const expected = expectedOf.get(db.sqlite);
  const guards = expected ? checkGuards(db, expected) : null;
  return {
    guards: guards && !guardsIntact(guards) ? { message: describeGuards(guards), ...guards } : null,
    audit: openFindings(db),
    writesBlocked: writesBlocked(db),
    fileCheck: fileCheckOf(db.sqlite),
  };
}

/** 修复: re-creates the shipped triggers, acknowledges the audit findings (recorded), and lets writes through again. */
export function repairGuards(tx: Tx): IntegrityReport {
  const expected = expectedOf.get(tx.sqlite);
  if (!expected) throw new ApiError('INTERNAL', '软件内部出错：数据文件还没有完成检查，请重新启动议事厅');
  const before = checkGuards(tx, expected);
  const findings = openFindings(tx);
  restoreGuards(tx, expected, before);
  const after = checkGuards(tx, expected);
  if (!guardsIntact(after)) throw new ApiError('INTERNAL', `修复没有成功：${describeGuards(after)}。请联系技术人员`);
  const at = tx.clock.instant;
  saveAcknowledged(tx, [...acknowledgedFindings(tx), ...findings.map((f) => f.message)], at);
  saveFindings(tx, [], at);
  markVerified(tx, at);
  resetHead(tx, at);
  appendAudit(tx, {
    action: 'system.repairGuards',
    entity: 'system',
    entityId: null,
    before: { missing: before.missing, altered: before.altered, unexpected: before.unexpected, findings: findings.map((f) => f.message) },
    after: { triggers: expected.size },
  });
  blockWrites(tx, null);
  return { guards: null, audit: [], writesBlocked: null, fileCheck: fileCheckOf(tx.sqlite) };
}
