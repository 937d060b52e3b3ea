import { describe, expect, it } from 'vitest';
import {
  ExchangeError,
  canonicalJson,
  fingerprint,
  generateKeyPair,
  openPackage,
  packageFileName,
  packageHash,
  readPackage,
  sequenceCheck,
  signPackage,
  verifyPackage,
  type ReportBody,
} from '../../exchange';

const community = generateKeyPair();
const other = generateKeyPair();

const body: ReportBody = {
  organization: { name: '青石村', kind: '村', committeeName: '青石村村民委员会', superiorName: '云溪镇人民政府' },
  sinceAcknowledged: 0,
  meetings: [
    {
      uid: 'meetings-1',
      title: '2026年第一次村民代表会议',
      typeName: '村民代表会议',
      date: '2026-11-05',
      status: '已定稿',
      expected: 15,
      present: 12,
      finalizedAt: '2026-11-05T10:00:00.000Z',
      chairName: '王主任',
      outcomes: [{ title: '修缮村道', result: '通过', eligible: 12, voters: 12, for: 10, against: 1, abstain: 1 }],
    },
  ],
  resolutions: [],
  topics: [],
  summons: [],
  matters: [],
  rules: [],
  documents: [],
};
const header = { communityId: 'c-1', hubId: 'hub-1', sequence: 1, createdAt: '2026-11-30T08:00:00.000Z' };

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ExchangeError);
    return `${(e as ExchangeError).refusal}: ${(e as Error).message}`;
  }
  throw new Error('expected a refusal');
}

describe('signed exchange packages', () => {
  it('a signed report opens with the community key and keeps every field', () => {
    const text = signPackage('report', header, body, community.privateKeyPem);
    const pkg = openPackage(text, 'report', community.publicKey);
    expect(pkg.header).toMatchObject({ format: '议事厅报送包', version: 1, kind: 'report', sequence: 1, communityId: 'c-1' });
    expect(pkg.body.meetings[0]!.outcomes[0]!.for).toBe(10);
    expect(pkg.body.organization.name).toBe('青石村');
  });

  it('a package re-encoded with other key order and spacing has the same hash and still verifies', () => {
    const text = signPackage('report', header, body, community.privateKeyPem);
    const parsed = JSON.parse(text);
    const reordered = JSON.stringify({ signature: parsed.signature, body: parsed.body, header: parsed.header }, null, 2);
    const a = readPackage(text, 'report');
    const b = readPackage(reordered, 'report');
    verifyPackage(b, community.publicKey);
    expect(packageHash(b)).toBe(packageHash(a));
  });

  it('a package edited after signing is refused', () => {
    const parsed = JSON.parse(signPackage('report', header, body, community.privateKeyPem));
    parsed.body.meetings[0].present = 15;
    expect(refusal(() => openPackage(JSON.stringify(parsed), 'report', community.publicKey))).toMatch(/^signature: 报送包的签名核对不上/);
  });

  it('a package signed by another key is refused even when it names that key itself', () => {
    const text = signPackage('report', header, body, other.privateKeyPem);
    expect(refusal(() => openPackage(text, 'report', community.publicKey))).toMatch(/^signature:.*不是由登记的密钥/);
  });

  it('truncated, unsigned, foreign and wrong-kind files are refused with what to do', () => {
    const text = signPackage('report', header, body, community.privateKeyPem);
    expect(refusal(() => readPackage(text.slice(0, text.length - 40)))).toMatch(/^truncated: 文件不完整/);
    const unsigned = JSON.parse(text);
    delete unsigned.signature;
    expect(refusal(() => readPackage(JSON.stringify(unsigned)))).toMatch(/^unsigned: 报送包没有签名/);
    expect(refusal(() => readPackage('{"hello":1}'))).toMatch(/^format: 这个文件不是议事厅的报送包/);
    const future = JSON.parse(text);
    future.header.version = 2;
    expect(refusal(() => readPackage(JSON.stringify(future)))).toMatch(/格式版本（2）/);
    expect(refusal(() => readPackage(text, 'reply'))).toMatch(/^wrong-kind: 这是报送包，这里需要的是回执包/);
  });

  it('a body that breaks its schema is refused by name, and cannot even be signed', () => {
    const parsed = JSON.parse(signPackage('report', header, body, community.privateKeyPem));
    parsed.body.meetings[0].expected = -1;
    expect(refusal(() => readPackage(JSON.stringify(parsed)))).toMatch(/^format: 报送包的内容不符合格式（meetings\.0\.expected）/);
    expect(() => signPackage('report', header, { ...body, meetings: [{ ...body.meetings[0]!, present: -1 }] }, community.privateKeyPem)).toThrow();
  });

  it('sequence rule: next is new, same again is already, changed replay and gaps are refused', () => {
    expect(sequenceCheck('报送包', 4, 3, null)).toBe('new');
    expect(sequenceCheck('报送包', 3, 3, true)).toBe('already');
    expect(refusal(() => sequenceCheck('报送包', 3, 3, false))).toMatch(/^replay: 第 3 号报送包已经接收过/);
    expect(refusal(() => sequenceCheck('报送包', 6, 3, null))).toMatch(/^gap: 缺少第 4 号报送包（已接收到第 3 号，这个是第 6 号）/);
  });

  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"x":2,"z":1}]},"b":1}');
  });

  it('fingerprints and file names read well', () => {
    expect(fingerprint(community.publicKey)).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(packageFileName('report', '青石 村', 3)).toBe('议事厅报送包-青石村-第3号.json');
    expect(packageFileName('enrollment', '和平里社区', 0)).toBe('议事厅登记申请-和平里社区.json');
  });
});
