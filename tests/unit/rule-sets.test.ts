import { describe, expect, it } from 'vitest';
import { meets } from '../../core/rules/fraction';
import { quorumStatus, ruleSetDefinitionSchema, versionInForce } from '../../core/rules/rule-set';
import { shippedMeetingTypes } from '../../core/rules/shipped';

const type = (name: string) => shippedMeetingTypes.find((t) => t.name === name)!;
const inForce = (name: string, date: string) => versionInForce(type(name).versions, date)!.definition;

describe('内置会议类型与法律文本', () => {
  it('ships every type DOMAIN.md names', () => {
    expect(shippedMeetingTypes.map((t) => t.name)).toEqual([
      '村民会议',
      '村民代表会议',
      '村民小组会议',
      '居民会议',
      '居民代表会议',
      '党员大会',
      '两委联席会议',
      '议事协商会',
    ]);
  });

  it('switches from the 2018 to the 2025 text on 2026-01-01', () => {
    for (const name of ['村民会议', '村民代表会议', '村民小组会议', '居民会议', '居民代表会议']) {
      expect(inForce(name, '2025-12-31').lawVersion, name).toBe('2018');
      expect(inForce(name, '2026-01-01').lawVersion, name).toBe('2025');
    }
    expect(inForce('居民会议', '2025-12-31').bases).toHaveLength(3);
    expect(inForce('居民会议', '2026-01-01').bases).toHaveLength(2);
    expect(inForce('居民会议', '2026-01-01').noticeDays).toBe(10);
  });

  it('村民代表会议: 45 members, 30 present meets 三分之二以上, 29 does not', () => {
    const q = inForce('村民代表会议', '2026-03-01').bases[0]!.quorum;
    expect(quorumStatus(q, 45, 30)).toMatchObject({ met: true, required: 30, missing: 0, rule: '须应到人数的三分之二以上，即至少 30 人' });
    expect(quorumStatus(q, 45, 29)).toMatchObject({ met: false, missing: 1 });
  });

  it('村民会议: more than half of villagers 18+ (exactly half fails), or two thirds of households (exactly two thirds meets)', () => {
    const [adults, households] = inForce('村民会议', '2026-03-01').bases;
    expect(quorumStatus(adults!.quorum, 400, 200).met).toBe(false);
    expect(quorumStatus(adults!.quorum, 400, 201).met).toBe(true);
    expect(quorumStatus(households!.quorum, 120, 80).met).toBe(true);
    expect(quorumStatus(households!.quorum, 120, 79).met).toBe(false);
  });

  it('pass rule 过半数 of those present: 31 present, 16 ayes pass, 15 do not; a tie fails', () => {
    const pass = inForce('村民代表会议', '2026-03-01').pass;
    expect(pass.denominator).toBe('present');
    expect(meets(16, 31, pass)).toBe(true);
    expect(meets(15, 31, pass)).toBe(false);
    expect(meets(15, 30, pass)).toBe(false);
  });

  it('党员大会 counts ayes against the roll (应到), not those present', () => {
    const def = inForce('党员大会', '2026-03-01');
    expect(def.pass.denominator).toBe('roll');
    // 40 members with a vote, 25 present: 20 ayes is more than half of those present but not of the roll.
    expect(meets(20, 25, def.pass)).toBe(true);
    expect(meets(20, 40, def.pass)).toBe(false);
    expect(meets(21, 40, def.pass)).toBe(true);
    // 半数以上 includes the number (民法典 第1259条): exactly half of those with a vote present is a quorum.
    expect(quorumStatus(def.bases[0]!.quorum, 40, 20).met).toBe(true);
    expect(quorumStatus(def.bases[0]!.quorum, 40, 19).met).toBe(false);
    expect(quorumStatus(def.bases[0]!.quorum, 7, 4).met).toBe(true);
    expect(quorumStatus(def.bases[0]!.quorum, 7, 3).met).toBe(false);
  });

  it('议事协商会 has no statutory quorum', () => {
    expect(quorumStatus(inForce('议事协商会', '2026-03-01').bases[0]!.quorum, 30, 3)).toMatchObject({ met: true, rule: '本类会议没有法定人数要求' });
  });

  it('every shipped set names its law and article', () => {
    for (const t of shippedMeetingTypes) for (const v of t.versions) expect(v.definition.source.law, t.name).toMatch(/《|实践|做法/);
  });

  it('refuses a rule set with a fraction above 1 or a zero denominator, in Chinese', () => {
    const base = inForce('村民代表会议', '2026-03-01');
    const withQuorum = (num: number, den: number) =>
      ruleSetDefinitionSchema.safeParse({ ...base, bases: [{ basis: 'body', quorum: { fraction: { num, den }, comparison: 'atLeast' } }] });
    const message = (r: ReturnType<typeof withQuorum>) => (r.success ? '' : r.error.issues.map((i) => i.message).join('；'));
    expect(message(withQuorum(3, 2))).toContain('比例不能大于 1');
    expect(message(withQuorum(1, 0))).toContain('分母不能为零');
    expect(message(withQuorum(0, 3))).toContain('比例应大于零');
    expect(withQuorum(2, 3).success).toBe(true);
  });
});

describe('更正后的规则', () => {
  it('takes the last version in force, so a shipped correction replaces the one it corrects for new meetings', () => {
    const versions = [
      { label: '支部工作条例', effectiveFrom: null, effectiveTo: null },
      { label: '支部工作条例第十一条', effectiveFrom: null, effectiveTo: null },
    ];
    expect(versionInForce(versions, '2026-03-01')!.label).toBe('支部工作条例第十一条');
    const dated = [
      { label: '2018年文本', effectiveFrom: null, effectiveTo: '2025-12-31' },
      { label: '2025年文本', effectiveFrom: '2026-01-01', effectiveTo: null },
    ];
    expect(versionInForce(dated, '2025-12-31')!.label).toBe('2018年文本');
    expect(versionInForce(dated, '2026-01-01')!.label).toBe('2025年文本');
  });
});
