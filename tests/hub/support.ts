/**
 * The street hub under test: PGlite in memory always, and a real PostgreSQL server too when
 * HUB_TEST_DATABASE_URL is set (each suite gets a database of its own, dropped at the end).
 * Requests go through Fastify's inject: the same routes, parsers and role checks as a server.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { type FastifyInstance } from 'fastify';
import { generateKeyPair, signPackage, type KeyPairText, type ReportBody } from '../../exchange';
import { buildHub } from '../../server/app';
import { createUser } from '../../server/auth';
import { openHubDb, type OpenedHubDb } from '../../server/db/open';
import { type HubRole } from '../../server/db/schema';
import { type HubIdentity } from '../../server/identity';

export const HUB_MIGRATIONS = path.resolve(__dirname, '../../server/db/migrations');

export interface Target {
  name: string;
  url?: string;
}

export const targets: Target[] = [
  { name: 'PGlite' },
  ...(process.env.HUB_TEST_DATABASE_URL ? [{ name: 'PostgreSQL', url: process.env.HUB_TEST_DATABASE_URL }] : []),
];

export interface TestHub {
  app: FastifyInstance;
  hub: HubIdentity;
  opened: OpenedHubDb;
  close(): Promise<void>;
}

/** A fresh database on the target (its own PostgreSQL database when on a server). */
export async function openTarget(target: Target): Promise<{ opened: OpenedHubDb; drop(): Promise<void> }> {
  if (!target.url) {
    const opened = await openHubDb({ migrationsFolder: HUB_MIGRATIONS });
    return { opened, drop: async () => opened.close() };
  }
  const { Client } = await import('pg');
  const name = `hub_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  const opened = await openHubDb({ databaseUrl: url.toString(), migrationsFolder: HUB_MIGRATIONS });
  return {
    opened,
    drop: async () => {
      await opened.close();
      const c = new Client({ connectionString: target.url });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

export async function startHub(target: Target, name = '幸福街道议事集散中心'): Promise<TestHub> {
  const { opened, drop } = await openTarget(target);
  const { app, hub } = await buildHub(opened, { name });
  await app.ready();
  return {
    app,
    hub,
    opened,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** Creates a user directly and signs them in; returns the cookie header for inject. */
export async function signIn(t: TestHub, username: string, role: HubRole, department?: string): Promise<string> {
  const password = `口令-${username}-12345`;
  const made = await createUser(t.opened.db, { username, password, role, department });
  if (!made.ok) throw new Error(made.message);
  const res = await t.app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(res.body);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return cookie;
}

export interface FakeCommunity {
  name: string;
  keys: KeyPairText;
  communityId: string;
  hubId: string;
}

/** An admin creates the entry; the community's app enrolls with the code. */
export async function enrollCommunity(t: TestHub, adminCookie: string, name: string, orgKind: '村' | '社区' = '社区'): Promise<FakeCommunity> {
  const created = await t.app.inject({ method: 'POST', url: '/api/communities', headers: { cookie: adminCookie }, payload: { name, orgKind } });
  const { code } = created.json() as { code: string };
  const keys = generateKeyPair();
  const request = enrollmentRequest(keys, code, name, orgKind);
  const res = await t.app.inject({ method: 'POST', url: '/api/enroll', payload: request, headers: { 'content-type': 'application/json' } });
  const body = res.json() as { ok: boolean; communityId: string; hubId: string; message?: string };
  if (!body.ok) throw new Error(body.message);
  return { name, keys, communityId: body.communityId, hubId: body.hubId };
}

export function enrollmentRequest(keys: KeyPairText, code: string, communityName: string, orgKind: '村' | '社区' = '社区'): string {
  return signPackage(
    'enrollment',
    { communityId: null, hubId: null, sequence: 0, createdAt: new Date().toISOString() },
    { code, communityName, orgKind },
    keys.privateKeyPem,
  );
}

export function emptyBody(c: Pick<FakeCommunity, 'name'>, orgKind: '村' | '社区' = '社区'): ReportBody {
  return {
    organization: { name: c.name, kind: orgKind, committeeName: null, superiorName: null },
    sinceAcknowledged: 0,
    meetings: [],
    resolutions: [],
    topics: [],
    summons: [],
    matters: [],
    rules: [],
    documents: [],
  };
}

export function reportPackage(c: FakeCommunity, sequence: number, body: Partial<ReportBody>, options: { hubId?: string; privateKeyPem?: string } = {}): string {
  return signPackage(
    'report',
    { communityId: c.communityId, hubId: options.hubId ?? c.hubId, sequence, createdAt: '2026-11-30T08:00:00.000Z' },
    { ...emptyBody(c), ...body },
    options.privateKeyPem ?? c.keys.privateKeyPem,
  );
}

export async function send(t: TestHub, text: string | Buffer) {
  const res = await t.app.inject({ method: 'POST', url: '/api/packages', payload: text, headers: { 'content-type': 'application/json' } });
  return { status: res.statusCode, body: res.json() as { ok: boolean; message: string; status?: string; sequence?: number; records?: number } };
}

export function meeting(uid: string, date: string, extra: Partial<ReportBody['meetings'][number]> = {}): ReportBody['meetings'][number] {
  return {
    uid,
    title: `居民代表会议 ${date}`,
    typeName: '居民代表会议',
    date,
    status: '已定稿',
    expected: 30,
    present: 25,
    finalizedAt: null,
    chairName: '李书记',
    outcomes: [],
    ...extra,
  };
}
