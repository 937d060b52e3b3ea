import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/roster/fields';
import { openTemp } from '../support/db';
import { makeId } from '../support/ids';
import { xlsxBytes } from '../support/workbook';
import { value } from '../support/village';

const HEADERS = ['姓名', '性别', '身份证号', '户号', '村民小组', '住址', '与户主关系'];

describe('村委会名册的住址、与户主关系、村民小组', () => {
  it('maps the columns, stores them, exports them, and saves the skipped rows with their reason to fix later', async () => {
    const { ctx } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '东山村', kind: '村' });
    const head = makeId('1960-03-01', '男');
    const bytes = await xlsxBytes([
      HEADERS,
      ['李大山', '男', head, '0201', '第二村民小组', '东山村二组18号', '户主'],
      ['张桂英', '女', '', '0201', '第二村民小组', '东山村二组18号', '配偶'],
      ['李小山', '男', '12345', '0201', '第二村民小组', '东山村二组18号', '子'],
    ]);
    const parsed = await value(ctx, 'roster.parseFile', { fileName: '东山村名册.xlsx', dataBase64: bytes.toString('base64') });
    expect(parsed.mapping).toMatchObject({ name: 0, gender: 1, idNumber: 2, householdNo: 3, groupName: 4, address: 5, relation: 6 });
    // The short headers a village's sheet may use map the same way.
    const short = await value(ctx, 'roster.parseFile', {
      fileName: 'b.xlsx',
      dataBase64: (
        await xlsxBytes([
          ['姓名', '地址', '关系', '小组'],
          ['甲', '一组1号', '户主', '一组'],
        ])
      ).toString('base64'),
    });
    expect(short.mapping).toMatchObject({ name: 0, address: 1, relation: 2, groupName: 3 });

    const rows = applyMapping(parsed.rows, parsed.mapping);
    const checked = await value(ctx, 'roster.check', { orgId: org.id, rows });
    const bad = checked.rows
      .map((r: { errors: { message: string }[] }, i: number) => ({ i, r }))
      .filter(({ r }: { r: { errors: unknown[] } }) => r.errors.length > 0);
    expect(bad.map((b: { i: number }) => b.i)).toEqual([2]);
    const good = rows.filter((_, i) => i !== 2);
    expect(await value(ctx, 'roster.commit', { orgId: org.id, rows: good })).toMatchObject({ inserted: 2 });

    const list = await value(ctx, 'people.list', { orgId: org.id });
    expect(list.items.find((p: { name: string }) => p.name === '张桂英')).toMatchObject({
      groupName: '第二村民小组',
      address: '东山村二组18号',
      relationToHead: '配偶',
    });
    const edited = await value(ctx, 'people.update', { id: list.items[0].id, address: '东山村二组20号', relationToHead: '户主' });
    expect(edited).toMatchObject({ address: '东山村二组20号', relationToHead: '户主' });

    const exported = await value(ctx, 'roster.export', { orgId: org.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['小组', '住址', '与户主关系']));

    const reason = bad[0].r.errors.map((e: { message: string }) => e.message).join('；');
    const skipped = await value(ctx, 'roster.skippedRows', {
      fileName: '东山村名册.xlsx',
      headers: parsed.headers,
      rows: [{ rowNumber: 4, cells: parsed.rows[2], reason }],
    });
    expect(skipped.fileName).toMatch(/^东山村名册-未导入的行-.*\.xlsx$/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(skipped.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = back.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, '原因', '原序号']);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 7)).toEqual(['李小山', '男', '12345', '0201', '第二村民小组', '东山村二组18号', '子']);
    expect(String(row[7])).toContain('身份证号');
    expect(row[8]).toBe(4);
  });
});
