import ExcelJS from 'exceljs';

export type LedgerCell = string | number | null;

export interface LedgerColumn {
  header: string;
  width: number;
}

export interface LedgerSheet {
  name: string;
  /** 和平里社区居民委员会 会议台账（2026-01-01 至 2026-11-30） */
  title: string;
  columns: LedgerColumn[];
  rows: LedgerCell[][];
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * One sheet in the shape a 街道 collects: the title row over the whole width, the header row
 * (frozen, repeated on every printed page), thin borders, wrapped text, A4 landscape fitted to
 * the page width.
 */
function addSheet(workbook: ExcelJS.Workbook, s: LedgerSheet) {
  const sheet = workbook.addWorksheet(s.name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2',
    },
  });
  sheet.columns = s.columns.map((c) => ({ width: c.width }));
  const title = sheet.addRow([s.title]);
  sheet.mergeCells(1, 1, 1, s.columns.length);
  title.height = 28;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  const header = sheet.addRow(s.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  for (const values of s.rows) {
    const row = sheet.addRow(values.map((v) => v ?? ''));
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= s.columns.length; c++) row.getCell(c).border = BORDER;
  }
  sheet.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
}

/** The ledger workbook: sheets in the order given. */
export async function ledgerToXlsx(sheets: LedgerSheet[], now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事厅';
  workbook.created = now;
  for (const s of sheets) addSheet(workbook, s);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
