import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, signPackage } from '../../exchange';
import { rows } from '../../server/db/open';
import { enrollCommunity, enrollmentRequest, meeting, reportPackage, send, signIn, startHub, targets, type FakeCommunity, type TestHub } from './support';

async function counts(t: TestHub) {
  const [r] = await rows<Record<string, string>>(
    t.opened.db,
    sql`select (select count(*) from meetings) as meetings, (select count(*) from resolutions) as resolutions,
               (select count(*) from documents) as documents, (select count(*) from files) as files,
               (select count(*) from packages) as packages`,
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
}

describe.each(targets)('street hub ingest on $name', (target) => {
  let t: TestHub;
  let admin: string;
  let c: FakeCommunity;

  beforeAll(async () => {
    t = await startHub(target);
    admin = await signIn(t, '王芳', '街道管理员');
    c = await enrollCommunity(t, admin, '幸福里社区');
  }, 60_000);
  afterAll(async () => t?.close());

  it('enrolls by a one-time code: the key is registered and the code is burnt', async () => {
    expect(c.hubId).toBe(t.hub.hubId);
    const list = (await t.app.inject({ url: '/api/communities', headers: { cookie: admin } })).json() as {
      items: { name: string; enrolled: boolean; fingerprint: string }[];
    };
    expect(list.items.find((i) => i.name === '幸福里社区')).toMatchObject({ enrolled: true });

    const created = (
      await t.app.inject({ method: 'POST', url: '/api/communities', headers: { cookie: admin }, payload: { name: '青石村', orgKind: '村' } })
    ).json() as { code: string };
    const keys = generateKeyPair();
    const first = await t.app.inject({ method: 'POST', url: '/api/enroll', payload: enrollmentRequest(keys, created.code.toLowerCase(), '青石村', '村') });
    expect(first.json()).toMatchObject({ ok: true, hubName: '幸福街道议事集散中心', hubPublicKey: t.hub.publicKey });
    // The 登记回执 is a signed package the community checks with the hub's key.
    expect(JSON.parse((first.json() as { package: string }).package).header.kind).toBe('enrolled');
    const again = await t.app.inject({ method: 'POST', url: '/api/enroll', payload: enrollmentRequest(generateKeyPair(), created.code, '青石村', '村') });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('登记码不对或已经用过');
  });

  it('refuses an enrollment signed by a key other than the one it names', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/communities', headers: { cookie: admin }, payload: { name: '东风社区' } })).json() as {
      code: string;
    };
    const forged = JSON.parse(enrollmentRequest(generateKeyPair(), created.code, '东风社区'));
    forged.signature.publicKey = generateKeyPair().publicKey;
    const res = await t.app.inject({ method: 'POST', url: '/api/enroll', payload: JSON.stringify(forged) });
    expect(res.json()).toMatchObject({ ok: false });
    expect(res.json().message).toContain('签名核对不上');
  });

  it('stores a package, and a re-sent copy changes nothing', async () => {
    const text = reportPackage(c, 1, { meetings: [meeting('meeting-1', '2026-03-05'), meeting('meeting-2', '2026-04-09')] });
    const first = await send(t, text);
    expect(first.body).toMatchObject({ ok: true, status: 'stored', sequence: 1, records: 2 });
    const before = await counts(t);
    // Same content re-encoded (other key order, whitespace): the same package.
    const again = await send(t, JSON.stringify(JSON.parse(text), null, 2));
    expect(again.body).toMatchObject({ ok: true, status: 'already' });
    expect(again.body.message).toContain('已接收过');
    expect(await counts(t)).toEqual(before);
  });

  it('upserts by uid: a record sent again replaces the earlier copy', async () => {
    const res = await send(t, reportPackage(c, 2, { meetings: [meeting('meeting-2', '2026-04-09', { present: 28 })] }));
    expect(res.body).toMatchObject({ ok: true, status: 'stored', sequence: 2 });
    const found = await rows<{ present: number; n: string }>(
      t.opened.db,
      sql`select present, (select count(*) from meetings) as n from meetings where uid = 'meeting-2'`,
    );
    expect(found[0]!.present).toBe(28);
    // An older package sent again, unchanged: accepted as already received, nothing changes.
    const old = await send(t, reportPackage(c, 1, { meetings: [meeting('meeting-1', '2026-03-05'), meeting('meeting-2', '2026-04-09')] }));
    expect(old.body).toMatchObject({ ok: true, status: 'already', sequence: 1 });
    const after = await rows<{ present: number }>(t.opened.db, sql`select present from meetings where uid = 'meeting-2'`);
    expect(after[0]!.present).toBe(28);
    expect(Number(found[0]!.n)).toBe(2);
  });

  it('refuses a gap, a replay with other content, tampering, truncation, and foreign or unknown senders — storing nothing', async () => {
    const before = await counts(t);
    const gap = await send(t, reportPackage(c, 5, { meetings: [meeting('meeting-9', '2026-05-01')] }));
    expect(gap.status).toBe(400);
    expect(gap.body.message).toContain('缺少第 3 号报送包');

    const replay = await send(t, reportPackage(c, 2, { meetings: [meeting('meeting-2', '2026-04-09', { present: 1 })] }));
    expect(replay.body.ok).toBe(false);
    expect(replay.body.message).toContain('第 2 号报送包已经接收过');

    const tampered = JSON.parse(reportPackage(c, 3, { meetings: [meeting('meeting-3', '2026-05-01')] }));
    tampered.body.meetings[0].present = 30;
    expect((await send(t, JSON.stringify(tampered))).body.message).toContain('签名核对不上');

    const unsigned = JSON.parse(reportPackage(c, 3, {}));
    delete unsigned.signature;
    expect((await send(t, JSON.stringify(unsigned))).body.message).toContain('没有签名');

    const otherKey = reportPackage(c, 3, {}, { privateKeyPem: generateKeyPair().privateKeyPem });
    expect((await send(t, otherKey)).body.message).toContain('签名核对不上');

    const foreign = await send(t, reportPackage(c, 3, {}, { hubId: 'hub-somewhere-else' }));
    expect(foreign.body.message).toContain('另一个街道集散中心');

    const stranger = { ...c, communityId: 'c-unknown' };
    expect((await send(t, reportPackage(stranger, 1, {}))).body.message).toContain('没有在本街道登记');

    const good = reportPackage(c, 3, { meetings: [meeting('meeting-3', '2026-05-01')] });
    expect((await send(t, good.slice(0, Math.floor(good.length / 2)))).body.message).toContain('文件不完整');
    expect((await send(t, '')).body.message).toContain('空的');

    expect(await counts(t)).toEqual(before);
    const log = (await t.app.inject({ url: '/api/ingest-log?limit=20', headers: { cookie: admin } })).json() as { items: { ok: boolean; message: string }[] };
    expect(log.items.filter((i) => !i.ok).length).toBeGreaterThanOrEqual(9);
    expect(log.items[0]!.message).toContain('空的');
  });

  it('keeps all or nothing: a package whose document does not match its hash stores no record at all', async () => {
    const before = await counts(t);
    const bad = reportPackage(c, 3, {
      meetings: [meeting('meeting-3', '2026-05-01')],
      documents: [
        {
          uid: 'doc-1',
          recordUid: 'meeting-3',
          kind: '会议记录',
          fileName: '会议记录.docx',
          sha256: '0'.repeat(64),
          base64: Buffer.from('word bytes').toString('base64'),
        },
      ],
    });
    const res = await send(t, bad);
    expect(res.body.ok).toBe(false);
    expect(res.body.message).toContain('校验值不符');
    expect(await counts(t)).toEqual(before);
  });

  it('stores documents once per hash and serves them back', async () => {
    const bytes = Buffer.from('PK fake docx bytes 会议记录');
    const sha256 = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    const doc = (uid: string) => ({ uid, recordUid: 'meeting-3', kind: '会议记录', fileName: `${uid}.docx`, sha256, base64: bytes.toString('base64') });
    const res = await send(t, reportPackage(c, 3, { meetings: [meeting('meeting-3', '2026-05-01')], documents: [doc('doc-1'), doc('doc-2')] }));
    expect(res.body).toMatchObject({ ok: true, status: 'stored' });
    const after = await counts(t);
    expect(after.documents).toBe(2);
    expect(after.files).toBe(1);
    const file = await t.app.inject({ url: `/api/documents/${c.communityId}/doc-1`, headers: { cookie: admin } });
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(String(file.headers['content-disposition'])).toContain('doc-1.docx');
  });

  it('lets an admin upload a package file, under the same rules', async () => {
    const text = reportPackage(c, 4, { meetings: [meeting('meeting-4', '2026-06-01')] });
    const readOnly = await signIn(t, '只读员', '只读');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/admin/packages',
      payload: text,
      headers: { cookie: readOnly, 'content-type': 'application/octet-stream' },
    });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/packages',
      payload: text,
      headers: { cookie: admin, 'content-type': 'application/octet-stream' },
    });
    expect(res.json()).toMatchObject({ ok: true, status: 'stored', sequence: 4 });
  });

  it('answers a signed package body only through exchange/: another kind is refused', async () => {
    const reply = signPackage(
      'reply',
      { communityId: c.communityId, hubId: c.hubId, sequence: 5, createdAt: '2026-11-30T08:00:00.000Z' },
      { acknowledgedSequence: 0, filingReviews: [], summonsReplies: [] },
      c.keys.privateKeyPem,
    );
    const res = await send(t, reply);
    expect(res.body.ok).toBe(false);
    expect(res.body.message).toContain('这里需要的是报送包');
  });
});
