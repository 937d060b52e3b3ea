import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import type { User, UserPolicy } from '../core/contract/users';
import { appendAudit } from './audit';
import type { Actor, Db, Tx } from './client';
import { getSetting, setSetting } from './settings';
import { minutesReviews, users } from './schema';
import { RecordedRefusal } from './write';

/**
 * The people who use this installation. Who is at the keyboard is one of them, chosen at start
 * (electron/api/session.ts holds the choice); their name goes into the audit trail and onto the
 * documents (经办人, 定稿人, 更正人).
 */

type Row = typeof users.$inferSelect;

// scrypt's recommended interactive cost (2^14, 8, 1): ~50 ms, nothing a person notices.
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;

/** `scrypt$N$r$p$salt$hash` (hex): salted, with its cost, so the cost can rise later. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('hex'), hash.toString('hex')].join('$');
}

export function pinMatches(pin: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const given = scryptSync(pin, Buffer.from(salt, 'hex'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function toUser(row: Row): User {
  return { id: row.id, name: row.name, role: row.role, hasPin: row.pinHash !== null, retired: row.retiredAt !== null, createdAt: row.createdAt };
}

function rowOf(db: Db, id: number): Row {
  const row = db.orm.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', '找不到这位使用人，可能已被删除；请刷新后重试');
  return row;
}

export function getUser(db: Db, id: number): User {
  return toUser(rowOf(db, id));
}

/** Active users first, each group in the order they were added. */
export function listUsers(db: Db): User[] {
  return db.orm
    .select()
    .from(users)
    .orderBy(sql`${users.retiredAt} is not null`, asc(users.id))
    .all()
    .map(toUser);
}

export function hasUsers(db: Db): boolean {
  return db.orm.select({ id: users.id }).from(users).limit(1).get() !== undefined;
}

function activeCount(db: Db): number {
  return db.orm
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(sql`${users.retiredAt} is null`)
    .get()!.n;
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const other = db.orm.select().from(users).where(eq(users.name, name)).get();
  if (other && other.id !== exceptId) {
    throw new ApiError('CONFLICT', `已有名为“${name}”的使用人${other.retiredAt ? '（已停用）' : ''}；同名的两位请加以区分，例如“张伟（主任）”`);
  }
}

/** The same write, acted by `user`: a person's first entry and their own sign-in name themselves. */
function actedBy(tx: Tx, user: User): Tx {
  return { ...tx, actor: { name: user.name, userId: user.id } };
}

export function createUser(tx: Tx, input: ParsedInput<'users.create'>): User {
  assertNameFree(tx, input.name);
  const at = tx.clock.instant;
  const row = tx.orm
    .insert(users)
    .values({ name: input.name, role: input.role, pinHash: input.pin ? hashPin(input.pin) : null, createdAt: at, updatedAt: at })
    .returning()
    .get();
  const user = toUser(row);
  // The very first user is created before anyone is signed in: they are the actor of it.
  appendAudit(tx.actor.userId == null ? actedBy(tx, user) : tx, { action: 'user.create', entity: 'user', entityId: user.id, after: user });
  return user;
}

export function updateUser(tx: Tx, input: ParsedInput<'users.update'>): User {
  const row = rowOf(tx, input.id);
  const before = toUser(row);
  const set: Partial<Row> = { updatedAt: tx.clock.instant };
  if (input.name !== undefined && input.name !== row.name) {
    assertNameFree(tx, input.name, row.id);
    set.name = input.name;
  }
  if (input.role !== undefined) set.role = input.role;
  if (input.pin !== undefined) set.pinHash = input.pin === null ? null : hashPin(input.pin);
  if (input.retired !== undefined && input.retired !== (row.retiredAt !== null)) {
    if (input.retired) {
      if (tx.actor.userId === row.id) throw new ApiError('FORBIDDEN', '不能停用正在使用的自己；请换一位使用人来停用');
      if (activeCount(tx) <= 1) throw new ApiError('FORBIDDEN', '这是最后一位使用人，不能停用；请先添加另一位');
    }
    set.retiredAt = input.retired ? tx.clock.instant : null;
  }
  const after = toUser(tx.orm.update(users).set(set).where(eq(users.id, row.id)).returning().get());
  // The hash never goes into the trail; that the PIN changed does.
  const pinChanged = input.pin !== undefined && !(input.pin === null && row.pinHash === null);
  appendAudit(tx, { action: 'user.update', entity: 'user', entityId: row.id, before, after: pinChanged ? { ...after, pinChanged: true } : after });
  return after;
}

/**
 * Checks who is choosing to act. A wrong PIN is refused in Chinese and itself recorded in the
 * audit trail (the refusal's own small write, after this one is rolled back).
 */
export function signIn(tx: Tx, input: ParsedInput<'users.signIn'>, previous: User | null): User {
  const row = rowOf(tx, input.id);
  const user = toUser(row);
  if (row.retiredAt) throw new ApiError('FORBIDDEN', `“${row.name}”已停用，不能再选择；如需恢复，请在“设置”中恢复`);
  if (row.pinHash && !(input.pin && pinMatches(input.pin, row.pinHash))) {
    throw new RecordedRefusal('FORBIDDEN', input.pin ? '密码不对，请重新输入' : `请输入“${row.name}”的密码`, {
      action: 'user.signIn.refused',
      entity: 'user',
      entityId: row.id,
      after: { name: row.name, reason: input.pin ? '密码错误' : '未输入密码' },
    });
  }
  appendAudit(actedBy(tx, user), {
    action: 'user.signIn',
    entity: 'user',
    entityId: user.id,
    before: previous ? { name: previous.name } : undefined,
    after: { name: user.name, role: user.role },
  });
  return user;
}

export function signOut(tx: Tx, current: User): void {
  appendAudit(tx, { action: 'user.signOut', entity: 'user', entityId: current.id, before: { name: current.name } });
}

const POLICY_KEY = 'users.policy';
const DEFAULT_POLICY: UserPolicy = { approverMustDiffer: false };

export function getPolicy(db: Db): UserPolicy {
  return { ...DEFAULT_POLICY, ...(getSetting<Partial<UserPolicy>>(db, POLICY_KEY) ?? {}) };
}

export function setPolicy(tx: Tx, input: ParsedInput<'users.setPolicy'>): UserPolicy {
  const before = getPolicy(tx);
  const after: UserPolicy = { approverMustDiffer: input.approverMustDiffer };
  setSetting(tx, POLICY_KEY, after);
  appendAudit(tx, { action: 'users.policy', entity: 'settings', entityId: null, before, after });
  return after;
}

/**
 * 会议记录须由起草人以外的人定稿: where the office asks for it, whoever submitted a meeting's
 * minutes for review may not finalize them, and minutes never submitted cannot be finalized.
 */
export function assertMayApprove(db: Db, meetingId: number, actor: Actor): void {
  if (!getPolicy(db).approverMustDiffer) return;
  const review = db.orm.select().from(minutesReviews).where(eq(minutesReviews.meetingId, meetingId)).get();
  const drafter = review?.submittedBy ?? null;
  if (!drafter) {
    throw new ApiError('FORBIDDEN', '本单位规定会议记录须由起草人以外的人定稿：请起草人先“提交审核”，再由另一位使用人定稿');
  }
  if (drafter === actor.name) {
    throw new ApiError('FORBIDDEN', `本单位规定会议记录须由起草人以外的人定稿：这份记录由“${drafter}”提交审核，请换一位使用人（点右上角“切换使用人”）来定稿`);
  }
}
