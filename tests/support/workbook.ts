import ExcelJS from 'exceljs';

/** An .xlsx file as a secretary's Excel would save it: optional title row, then headers and rows. */
export async function xlsxBytes(rows: (string | number | Date | null)[][], title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民名册');
  if (title) ws.addRow([title]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
