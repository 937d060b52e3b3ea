/**
 * Passwords (scrypt with a per-user salt, compared in constant time), session tokens (random,
 * only their SHA-256 stored) and the simple lock after repeated failed logins.
 */
import crypto from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { type HubDb } from './db/open';
import { sessions, users, type HubRole } from './db/schema';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash of nothing, checked when the user does not exist so both answers take as long. */
const dummyHash = hashPassword(crypto.randomBytes(12).toString('hex'));

export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位，请换一个更长的密码';
  if (password.length > 200) return '密码太长（最多 200 位）';
  return null;
}

export function sha256Hex(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export interface SessionUser {
  id: number;
  username: string;
  role: HubRole;
  department: string | null;
}

export type LoginResult = { ok: true; token: string; user: SessionUser; expiresAt: string } | { ok: false; message: string };

export async function login(db: HubDb, username: string, password: string, now: Date = new Date()): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, username.trim()));
  if (!user || user.disabled) {
    verifyPassword(password, dummyHash);
    return { ok: false, message: '用户名或密码不对，请重新输入' };
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    return { ok: false, message: `密码连续输错 ${MAX_FAILED_LOGINS} 次，账号已暂时锁定，请 ${LOCK_MINUTES} 分钟后再试，或请管理员重设密码` };
  }
  if (!verifyPassword(password, user.passwordHash)) {
    const failed = user.failedLogins + 1;
    const locked = failed >= MAX_FAILED_LOGINS;
    await db
      .update(users)
      .set({ failedLogins: locked ? 0 : failed, lockedUntil: locked ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : user.lockedUntil })
      .where(eq(users.id, user.id));
    return {
      ok: false,
      message: locked
        ? `密码连续输错 ${MAX_FAILED_LOGINS} 次，账号已暂时锁定，请 ${LOCK_MINUTES} 分钟后再试，或请管理员重设密码`
        : '用户名或密码不对，请重新输入',
    };
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.insert(sessions).values({ tokenHash: sha256Hex(token), userId: user.id, createdAt: now.toISOString(), expiresAt });
  return { ok: true, token, expiresAt, user: { id: user.id, username: user.username, role: user.role, department: user.department } };
}

export async function sessionUser(db: HubDb, token: string, now: Date = new Date()): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, username: users.username, role: users.role, department: users.department, disabled: users.disabled, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sha256Hex(token)));
  if (!row || row.disabled || Date.parse(row.expiresAt) <= now.getTime()) return null;
  return { id: row.id, username: row.username, role: row.role, department: row.department };
}

export async function logout(db: HubDb, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
}

export async function dropExpiredSessions(db: HubDb, now: Date = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
}

export async function createUser(
  db: HubDb,
  input: { username: string; password: string; role: HubRole; department?: string | null | undefined },
  now: Date = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  const username = input.username.trim();
  if (!username || username.length > 40) return { ok: false, message: '请填写用户名（最多 40 个字）' };
  const problem = passwordProblem(input.password);
  if (problem) return { ok: false, message: problem };
  const department = input.role === '部门' ? input.department?.trim() || null : null;
  if (input.role === '部门' && !department) return { ok: false, message: '部门账号要填写所属部门名称（与吹哨记录里的部门名称一致）' };
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (existing) return { ok: false, message: `用户名“${username}”已经有了，请换一个` };
  const [row] = await db
    .insert(users)
    .values({ username, role: input.role, department, passwordHash: hashPassword(input.password), createdAt: now.toISOString() })
    .returning({ id: users.id });
  return { ok: true, id: row!.id };
}

export async function setPassword(db: HubDb, userId: number, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const problem = passwordProblem(password);
  if (problem) return { ok: false, message: problem };
  await db
    .update(users)
    .set({ passwordHash: hashPassword(password), failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
  return { ok: true };
}

/** A disabled account cannot sign in, and its sessions end at once. */
export async function setDisabled(db: HubDb, userId: number, disabled: boolean): Promise<{ ok: true } | { ok: false; message: string }> {
  const changed = await db.update(users).set({ disabled }).where(eq(users.id, userId)).returning({ id: users.id });
  if (changed.length === 0) return { ok: false, message: '没有这个账号，请刷新后再试' };
  if (disabled) await db.delete(sessions).where(eq(sessions.userId, userId));
  return { ok: true };
}
