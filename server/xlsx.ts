/** Excel exports of the dashboards: one sheet, a bold frozen header row, column widths set. */
import ExcelJS from 'exceljs';

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

export interface Sheet<T> {
  name: string;
  /** Lines above the table: what was asked (scope, dates) and the definitions of any figures. */
  notes?: string[];
  columns: SheetColumn<T>[];
  rows: T[];
}

export async function workbook(sheets: Sheet<any>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '议事厅 街道集散中心';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    for (const note of s.notes ?? []) ws.addRow([note]);
    if (s.notes?.length) ws.addRow([]);
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    s.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2);
    });
    for (const row of s.rows) ws.addRow(s.columns.map((c) => c.value(row) ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
