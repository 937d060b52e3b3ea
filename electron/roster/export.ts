import ExcelJS from 'exceljs';
import { maskIdNumber, maskPhone } from '../../core/mask';
import type { ExportedPerson } from '../../db/people';

const COLUMNS: { header: string; width: number; value: (p: ExportedPerson, i: number, full: boolean) => string | number }[] = [
  { header: '序号', width: 6, value: (_p, i) => i + 1 },
  { header: '姓名', width: 12, value: (p) => p.name },
  { header: '性别', width: 6, value: (p) => p.gender ?? '' },
  { header: '出生日期', width: 12, value: (p) => p.birthDate ?? '' },
  { header: '身份证号', width: 22, value: (p, _i, full) => (full ? p.idNumber : maskIdNumber(p.idNumber)) ?? '' },
  { header: '联系电话', width: 15, value: (p, _i, full) => (full ? p.phone : maskPhone(p.phone)) ?? '' },
  { header: '户号', width: 10, value: (p) => p.householdNo ?? '' },
  { header: '小组', width: 12, value: (p) => p.groupName ?? '' },
  { header: '住址', width: 24, value: (p) => p.address ?? '' },
  { header: '与户主关系', width: 10, value: (p) => p.relationToHead ?? '' },
  { header: '标签', width: 20, value: (p) => p.tags.join('、') },
  { header: '状态', width: 8, value: (p) => p.status },
  { header: '迁出日期', width: 12, value: (p) => p.movedAt ?? '' },
  { header: '备注', width: 30, value: (p) => p.note ?? '' },
];

/** The roster as .xlsx, in the same column names the import recognises, so it round-trips. */
export async function rosterToXlsx(orgName: string, rows: ExportedPerson[], includePersonalData: boolean, now = new Date()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事厅';
  workbook.created = now;
  const sheet = workbook.addWorksheet('人员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((p, i) => sheet.addRow(COLUMNS.map((c) => c.value(p, i, includePersonalData))));
  // Text format keeps Excel from turning ID numbers and phone numbers into numbers on edit.
  for (const key of [5, 6, 7]) sheet.getColumn(key).numFmt = '@';
  sheet.headerFooter.oddHeader = `&C${orgName} 人员名册`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
