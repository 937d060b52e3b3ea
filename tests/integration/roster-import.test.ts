import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/roster/fields';
import { openTemp, tempDir } from '../support/db';
import { makeId } from '../support/ids';
import { xlsxBytes } from '../support/workbook';
import { failure, value, type Ctx } from '../support/village';

const HEADERS = ['序号', '姓名', '性别', '身份证号', '联系电话', '户号', '居民小组', '备注'];
const zhang = makeId('1958-07-01', '男');
const zeng = makeId('1962-11-30', '男');

/** Every user-visible row of every table: "unchanged in content" means this is equal. */
function contentSnapshot(ctx: Ctx): string {
  const tables = ctx.db.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, ctx.db.sqlite.prepare(`select * from "${t}" order by rowid`).all()]));
}

describe('名册导入', () => {
  it('reads an .xlsx with a title row, maps the headers and imports all-or-nothing', async () => {
    const { ctx } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    const bytes = await xlsxBytes(
      [
        HEADERS,
        [1, '张三', '', zhang, '13812345678', '0101', '第一小组', ''],
        [2, '曾小明', '男', zeng, '', '0101', '第一小组', '户主之子'],
        [3, '李四', '男', '330203195807011230', '', '0102', '第二小组', ''],
        [4, '', '女', '', '', '0103', '', ''],
        // eslint-disable-next-line no-loss-of-precision -- the point: Excel stores such an ID as a lossy number
        [5, '王五', '男', 330203196003151234, '', '0104', '', ''],
      ],
      '幸福社区居民名册（2026年）',
    );
    const parsed = await value(ctx, 'roster.parseFile', { fileName: '居民名册.xlsx', dataBase64: bytes.toString('base64') });
    expect(parsed.headers).toEqual(HEADERS);
    expect(parsed.mapping).toMatchObject({ name: 1, gender: 2, idNumber: 3, phone: 4, householdNo: 5, groupName: 6, note: 7 });
    expect(parsed.rows).toHaveLength(5);

    const rows = applyMapping(parsed.rows, parsed.mapping);
    const checked = await value(ctx, 'roster.check', { orgId: org.id, rows });
    const messages = checked.rows.map((r: { errors: { message: string }[] }) => r.errors.map((e) => e.message).join('；'));
    expect(messages[0]).toBe('');
    expect(checked.rows[0].derived).toEqual(['birthDate', 'gender']);
    expect(messages[2]).toContain('校验位');
    expect(messages[3]).toContain('姓名不能为空');
    expect(messages[4]).toContain('被存成了数字');

    // With bad rows present nothing is written at all.
    const before = contentSnapshot(ctx);
    const refused = await failure(ctx, 'roster.commit', { orgId: org.id, rows });
    expect(refused.code).toBe('IMPORT_HAS_ERRORS');
    expect(refused.message).toContain('没有导入任何人');
    expect(refused.message).toContain('第 3 行');
    expect(contentSnapshot(ctx)).toBe(before);

    // Fix one, skip the others.
    rows[2]!.idNumber = makeId('1958-07-01', '男', '330204');
    const done = await value(ctx, 'roster.commit', { orgId: org.id, rows: rows.slice(0, 3) });
    expect(done).toEqual({ inserted: 3, householdsCreated: 2 });
    const list = await value(ctx, 'people.list', { orgId: org.id, query: 'zs' });
    expect(list.items[0]).toMatchObject({ name: '张三', birthDate: '1958-07-01', gender: '男', householdNo: '0101', groupName: '第一小组' });

    // Importing the same file again finds the duplicates.
    const again = await value(ctx, 'roster.check', { orgId: org.id, rows: rows.slice(0, 2) });
    expect(again.rows[0].duplicateOf.name).toBe('张三');
    expect(again.rows[0].errors[0].message).toContain('重复');
  });

  it('finds duplicates inside the same file', async () => {
    const { ctx } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '东村', kind: '村' });
    const row = { name: '张三', gender: '', birthDate: '', idNumber: zhang, phone: '', householdNo: '', groupName: '', tags: '', note: '' };
    const checked = await value(ctx, 'roster.check', { orgId: org.id, rows: [row, { ...row, name: '张叁' }] });
    expect(checked.rows[1].errors[0].message).toBe('与本文件第 1 行的身份证号相同');
  });

  it('finds people already on the roster by ID number, or by name under the same 户号, in another organization never', async () => {
    const { ctx } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '东村', kind: '村' });
    const other = await value(ctx, 'organizations.create', { name: '西村', kind: '村' });
    const blank = { gender: '', birthDate: '', idNumber: '', phone: '', householdNo: '', groupName: '', tags: '', note: '' };
    await value(ctx, 'roster.commit', {
      orgId: org.id,
      rows: [
        { ...blank, name: '张三', idNumber: zhang, householdNo: '0101' },
        { ...blank, name: '王五', householdNo: '0102' },
      ],
    });
    const firstWang = (await value(ctx, 'people.list', { orgId: org.id, query: '王五' })).items[0];
    await value(ctx, 'roster.commit', { orgId: other.id, rows: [{ ...blank, name: '王五', householdNo: '0102' }] });

    const rows = [
      { ...blank, name: '张叁', idNumber: zhang },
      { ...blank, name: '王五', householdNo: '0102' },
      { ...blank, name: '王五', householdNo: '0103' },
      { ...blank, name: '赵六', householdNo: '0101' },
      { ...blank, name: '赵六', householdNo: '0101' },
    ];
    const checked = await value(ctx, 'roster.check', { orgId: org.id, rows });
    const messages = checked.rows.map((r: { errors: { message: string }[] }) => r.errors.map((e) => e.message).join('；'));
    expect(checked.rows[0].duplicateOf.name).toBe('张三');
    expect(messages[0]).toBe('与名册中已有的张三重复（身份证号相同），请修改或跳过');
    expect(checked.rows[1].duplicateOf).toEqual({ id: firstWang.id, name: '王五' });
    expect(messages[1]).toBe('与名册中已有的王五重复（同一户号下姓名相同），请修改或跳过');
    expect(messages.slice(2)).toEqual(['', '', '与本文件第 4 行同一户号下姓名相同']);
    const otherChecked = await value(ctx, 'roster.check', { orgId: other.id, rows: rows.slice(0, 1) });
    expect(otherChecked.rows[0].errors).toEqual([]);
  });

  it('reads a GBK-encoded CSV saved by Excel on Chinese Windows', async () => {
    const { ctx } = openTemp();
    const csv = `姓名,性别,出生日期,联系电话,户号\r\n张三,男,1958/7/1,13812345678,0101\r\n区志坚,男,1970年2月3日,,0102\r\n`;
    const file = path.join(tempDir(), 'gbk.csv');
    fs.writeFileSync(path.join(path.dirname(file), 'utf8.csv'), csv);
    execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', '-o', file, path.join(path.dirname(file), 'utf8.csv')]);
    const gbk = fs.readFileSync(file);
    expect(gbk.equals(Buffer.from(csv))).toBe(false);
    const parsed = await value(ctx, 'roster.parseFile', { fileName: '名册.CSV', dataBase64: gbk.toString('base64') });
    expect(parsed.encoding).toBe('GBK');
    expect(parsed.headers).toEqual(['姓名', '性别', '出生日期', '联系电话', '户号']);
    expect(parsed.rows[1]).toEqual(['区志坚', '男', '1970年2月3日', '', '0102']);

    const utf8 = await value(ctx, 'roster.parseFile', {
      fileName: 'a.csv',
      dataBase64: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]).toString('base64'),
    });
    expect(utf8.encoding).toBe('UTF-8');
    expect(utf8.headers[0]).toBe('姓名');
  });

  it('refuses corrupt, truncated and disguised files with a Chinese message', async () => {
    const { ctx } = openTemp();
    const good = await xlsxBytes([HEADERS, [1, '张三', '男', zhang, '', '', '', '']]);
    const cases: [string, Buffer][] = [
      ['截断.xlsx', good.subarray(0, Math.floor(good.length / 2))],
      ['文本.xlsx', Buffer.from('姓名,性别\n张三,男')],
      ['空.xlsx', Buffer.alloc(0)],
      ['二进制.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1])],
      ['只有表头.csv', Buffer.from('姓名,性别\n')],
    ];
    for (const [fileName, bytes] of cases) {
      const error = await failure(ctx, 'roster.parseFile', { fileName, dataBase64: bytes.toString('base64') });
      expect(error.code, fileName).toBe('FILE_UNREADABLE');
      expect(error.message).toContain('无法读取');
    }
    const notBase64 = await failure(ctx, 'roster.parseFile', { fileName: 'a.xlsx', dataBase64: '这不是文件' });
    expect(notBase64.code).toBe('INVALID_INPUT');
  });

  it('rolls back everything when a write fails midway', async () => {
    const { ctx, db } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    await value(ctx, 'people.create', { orgId: org.id, name: '已有的人' });
    // A trigger standing in for a disk or constraint failure on the third insert.
    db.sqlite.exec("create trigger fail_third before insert on people when (select count(*) from people) >= 3 begin select raise(abort, 'disk full'); end");
    const before = contentSnapshot(ctx);
    const rows = ['甲', '乙', '丙'].map((name, i) => ({
      name: `张${name}`,
      gender: '',
      birthDate: '',
      idNumber: '',
      phone: '',
      householdNo: `9${i}`,
      groupName: '',
      tags: '',
      note: '',
    }));
    const error = await failure(ctx, 'roster.commit', { orgId: org.id, rows });
    expect(error.message).toContain('没有保存');
    expect(contentSnapshot(ctx)).toBe(before);
  });

  it('exports the roster to .xlsx, masked unless asked otherwise', async () => {
    const { ctx } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    await value(ctx, 'people.create', { orgId: org.id, name: '张三', idNumber: zhang, phone: '13812345678', householdNo: '0101', tags: ['党员', '楼栋长'] });
    const read = async (includePersonalData: boolean) => {
      const file = await value(ctx, 'roster.export', { orgId: org.id, includePersonalData });
      expect(file.fileName).toMatch(/^幸福社区-人员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('人员名册')!;
      return [ws.getRow(1).values, ws.getRow(2).values] as unknown[][];
    };
    const [headers, masked] = await read(false);
    expect(headers).toContain('身份证号');
    expect(masked).toContain(`330203********${zhang.slice(-4)}`);
    expect(masked).toContain('138****5678');
    expect(masked).toContain('党员、楼栋长');
    const [, full] = await read(true);
    expect(full).toContain(zhang);

    // The export reads back through our own import with the same columns.
    const file = await value(ctx, 'roster.export', { orgId: org.id, includePersonalData: true });
    const parsed = await value(ctx, 'roster.parseFile', { fileName: file.fileName, dataBase64: file.base64 });
    expect(applyMapping(parsed.rows, parsed.mapping)[0]).toMatchObject({ name: '张三', idNumber: zhang, householdNo: '0101' });
  });
});
