import ExcelJS from 'exceljs';

export interface SkippedRow {
  rowNumber: number;
  cells: readonly string[];
  reason: string;
}

/**
 * The rows an import left out, under the file's own headers plus 原因, so the secretary can fix
 * them in Excel and import the file again; 原序号 is the row's place among the file's data rows,
 * as the review step numbered them. An extra column is ignored on the next import's mapping.
 */
export async function skippedRowsToXlsx(headers: readonly string[], rows: readonly SkippedRow[], now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事厅';
  workbook.created = now;
  const sheet = workbook.addWorksheet('未导入的行', { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  const names = Array.from({ length: width }, (_, i) => headers[i] ?? `第${i + 1}列`);
  sheet.columns = [
    ...names.map((h) => ({ header: h, width: Math.min(30, Math.max(8, h.length * 2 + 4)) })),
    { header: '原因', width: 50 },
    { header: '原序号', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  // Text format keeps ID numbers and phone numbers as typed when the file is opened and saved again.
  for (let i = 1; i <= width; i++) sheet.getColumn(i).numFmt = '@';
  for (const r of rows) sheet.addRow([...Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), r.reason, r.rowNumber]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
