import { describe, expect, it } from 'vitest';
import { contract } from '../../core/contract';

const parse = (name: keyof typeof contract, input: unknown) => contract[name].input.safeParse(input);
const firstMessage = (r: ReturnType<typeof parse>) => (r.success ? '' : r.error.issues[0]!.message);

describe('契约输入校验', () => {
  it('accepts a well-formed organization', () => {
    const r = parse('organizations.create', { name: '  幸福社区 ', kind: '社区' });
    expect(r.success).toBe(true);
    expect(r.success && r.data).toMatchObject({ name: '幸福社区', kind: '社区' });
  });

  it('rejects a missing name in Chinese', () => {
    expect(firstMessage(parse('organizations.create', { kind: '社区' }))).toMatch(/[\u4e00-\u9fa5]/);
    expect(firstMessage(parse('organizations.create', { name: '   ', kind: '村' }))).toBe('请填写议事主体名称');
  });

  it('rejects wrong types with a Chinese message', () => {
    const r = parse('organizations.create', { name: 42, kind: '社区' });
    expect(firstMessage(r)).toBe('议事主体名称应为文字');
    expect(firstMessage(parse('people.list', { orgId: '1' }))).toBe('议事主体编号应为数字');
    expect(firstMessage(parse('people.list', { orgId: 1.5 }))).toBe('议事主体编号应为整数');
  });

  it('rejects a 100,000-character string', () => {
    expect(firstMessage(parse('people.create', { orgId: 1, name: '张'.repeat(100_000) }))).toBe('姓名不能超过 50 个字');
  });

  it('rejects control characters', () => {
    expect(firstMessage(parse('people.create', { orgId: 1, name: '张\u0000三' }))).toContain('控制字符');
    expect(firstMessage(parse('people.create', { orgId: 1, name: '张三', note: '第一行\n第二行' }))).toBe('');
  });

  it('rejects impossible dates', () => {
    for (const d of ['2026-02-30', '2025-13-01', '2026/01/05', 'yesterday', '1899-12-31']) {
      expect(firstMessage(parse('people.create', { orgId: 1, name: '张三', birthDate: d }))).toContain('不是有效日期');
    }
    expect(parse('people.create', { orgId: 1, name: '张三', birthDate: '2024-02-29' }).success).toBe(true);
  });

  it('rejects unknown fields instead of ignoring them', () => {
    expect(parse('organizations.rename', { id: 1, name: '新名', sneaky: true }).success).toBe(false);
  });

  it('rejects a roster file that is not .xlsx or .csv', () => {
    expect(firstMessage(parse('roster.parseFile', { fileName: '名册.xls', dataBase64: 'AAAA' }))).toContain('另存为');
  });

  it('checks follow-up inputs in Chinese', () => {
    expect(firstMessage(parse('followUp.addProgress', { resolutionId: 1, date: '2026-05-01', text: '进展', percent: 101 }))).toBe('完成进度不能超过 100%');
    expect(firstMessage(parse('summons.create', { orgId: 1, department: '城管', summonedAt: '2026-11-25 09:30' }))).toContain('吹哨时间不是有效的时间');
    expect(parse('summons.create', { orgId: 1, department: '城管', summonedAt: '2026-11-25T09:30:00+08:00' }).success).toBe(true);
    expect(firstMessage(parse('topics.list', { orgId: 1, month: '2026-13' }))).toContain('收到月份');
    expect(firstMessage(parse('matters.recordStep', { matterId: 1, step: 7 }))).toBe('步骤只能是第 1 到第 6 步');
    expect(
      firstMessage(parse('topics.create', { orgId: 1, receivedOn: '2026-03-01', channel: '来访', raiserKind: 'anonymous', title: '路灯', content: '   ' })),
    ).toBe('请填写议题内容');
  });

  it('every call has a Chinese summary and input/output schemas', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(spec.summary, name).toMatch(/[\u4e00-\u9fa5]/);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
    }
  });
});
