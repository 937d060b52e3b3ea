import { describe, expect, it } from 'vitest';
import { applyMapping, emptyImportRow, suggestMapping } from '../../core/roster/fields';
import { normalizeImportRow, parseLooseDate } from '../../core/roster/normalize';
import { makeId } from '../support/ids';

const row = (fields: Partial<ReturnType<typeof emptyImportRow>>) => ({ ...emptyImportRow(), ...fields });
const today = new Date('2026-11-25T00:00:00Z');

describe('名册表头识别', () => {
  it('recognises common headers, with spaces, asterisks and colons', () => {
    const m = suggestMapping(['序号', '* 姓 名', '性别', '公民身份号码', '联系电话：', '户号', '村民小组', '政治面貌', '备注']);
    expect(m).toEqual({ name: 1, gender: 2, idNumber: 3, phone: 4, householdNo: 5, groupName: 6, tags: 7, note: 8 });
  });
  it('maps cells to fields by the chosen columns', () => {
    expect(applyMapping([['1', ' 张三 ', '男']], { name: 1, gender: 2 })[0]).toMatchObject({ name: '张三', gender: '男', phone: '' });
  });
});

describe('名册行检查', () => {
  it('derives birth date and gender from a valid ID number when absent', () => {
    const r = normalizeImportRow(row({ name: '张三', idNumber: makeId('1960-03-15', '男') }), today);
    expect(r.errors).toEqual([]);
    expect(r.person).toMatchObject({ birthDate: '1960-03-15', gender: '男' });
    expect(r.derived).toEqual(['birthDate', 'gender']);
  });

  it('reports a missing name, a bad checksum and a bad date in Chinese', () => {
    const bad = makeId('1960-03-15', '男').slice(0, 17) + (makeId('1960-03-15', '男').endsWith('0') ? '1' : '0');
    const r = normalizeImportRow(row({ name: '', idNumber: bad, birthDate: '1960-02-30' }), today);
    const messages = r.errors.map((e) => `${e.field}:${e.message}`);
    expect(messages).toContain('name:姓名不能为空');
    expect(messages.some((m) => m.startsWith('idNumber:') && m.includes('校验位'))).toBe(true);
    expect(messages.some((m) => m.startsWith('birthDate:') && m.includes('不是有效日期'))).toBe(true);
  });

  it('flags an ID number that Excel turned into a number', () => {
    const r = normalizeImportRow(row({ name: '王五', idNumber: '3.30203196003151E+17' }), today);
    expect(r.errors[0]?.message).toContain('被存成了数字');
  });

  it('flags a gender that disagrees with the ID number', () => {
    const r = normalizeImportRow(row({ name: '李梅', gender: '男', idNumber: makeId('1970-01-01', '女') }), today);
    expect(r.errors.map((e) => e.message)).toContain('性别“男”与身份证号（女）不一致');
  });

  it('reads dates the ways spreadsheets write them', () => {
    expect(parseLooseDate('1960/3/5')).toBe('1960-03-05');
    expect(parseLooseDate('1960年3月5日')).toBe('1960-03-05');
    expect(parseLooseDate('19600305')).toBe('1960-03-05');
    expect(parseLooseDate('1960.03.05')).toBe('1960-03-05');
    expect(parseLooseDate('1960-02-30')).toBeNull();
  });

  it('turns 中共党员 into the 党员 tag and drops 群众', () => {
    expect(normalizeImportRow(row({ name: '赵六', tags: '中共党员、楼栋长' }), today).person.tags).toEqual(['党员', '楼栋长']);
    expect(normalizeImportRow(row({ name: '赵六', tags: '群众' }), today).person.tags).toEqual([]);
  });
});
