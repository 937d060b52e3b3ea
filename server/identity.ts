/** The hub's own id, name and Ed25519 key pair: made at first start, kept in the database. */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generateKeyPair } from '../exchange';
import { type HubDb } from './db/open';
import { hubIdentity } from './db/schema';

export interface HubIdentity {
  hubId: string;
  name: string;
  /** base64 of the 32 raw bytes (exchange/keys.ts). */
  publicKey: string;
  privateKeyPem: string;
  /** True when this start made it (first start). */
  created: boolean;
}

export const DEFAULT_HUB_NAME = '街道议事集散中心';

export async function ensureIdentity(db: HubDb, name: string | undefined, now: Date = new Date()): Promise<HubIdentity> {
  const [row] = await db.select().from(hubIdentity).where(eq(hubIdentity.id, 1));
  if (row) {
    if (name && name !== row.name) await db.update(hubIdentity).set({ name }).where(eq(hubIdentity.id, 1));
    return { hubId: row.hubId, name: name || row.name, publicKey: row.publicKey, privateKeyPem: row.privateKeyPem, created: false };
  }
  const keys = generateKeyPair();
  const hubId = `hub-${crypto.randomUUID()}`;
  // Two processes starting at once: the first row wins, the other reads it back.
  await db
    .insert(hubIdentity)
    .values({ id: 1, hubId, name: name || DEFAULT_HUB_NAME, publicKey: keys.publicKey, privateKeyPem: keys.privateKeyPem, createdAt: now.toISOString() })
    .onConflictDoNothing();
  const [stored] = await db.select().from(hubIdentity).where(eq(hubIdentity.id, 1));
  return { hubId: stored!.hubId, name: stored!.name, publicKey: stored!.publicKey, privateKeyPem: stored!.privateKeyPem, created: stored!.hubId === hubId };
}
