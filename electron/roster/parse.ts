import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ApiError } from '../../core/contract/define';
import { ROSTER_MAX_ROWS } from '../../core/contract/roster';
import { suggestMapping, type ImportField } from '../../core/roster/fields';

export interface ParsedSheet {
  sheetName: string | null;
  encoding: 'UTF-8' | 'GBK' | null;
  headers: string[];
  rows: string[][];
  mapping: Partial<Record<ImportField, number>>;
}

const MAX_COLUMNS = 100;
const HEADER_SEARCH_ROWS = 10;

function unreadable(detail: string): ApiError {
  return new ApiError('FILE_UNREADABLE', `无法读取这个名册文件：${detail}。名册没有导入任何内容。`);
}

/** Cell values as a secretary sees them; dates become YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    // An 18-digit ID number typed into a number cell has already lost its last digits; show it
    // the way Excel does (3.30203E+17) so the row check says so instead of importing a wrong number.
    if (Math.abs(value) >= 1e15) return value.toExponential().toUpperCase();
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * Rosters often start with a title line ("幸福社区居民名册") above the real headers: take the
 * row among the first few that names the most known columns.
 */
function splitHeader(table: string[][]): { headers: string[]; rows: string[][] } {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, table.length); i++) {
    const score = Object.keys(suggestMapping(table[i]!)).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) best = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (best < 0) throw unreadable('文件里没有内容');
  const width = Math.min(
    MAX_COLUMNS,
    table.reduce((w, r) => Math.max(w, r.length), 0),
  );
  const pad = (r: string[]) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim());
  const headers = pad(table[best]!).map((h, i) => h || `第${i + 1}列`);
  const rows = table
    .slice(best + 1)
    .map(pad)
    .filter((r) => r.some((c) => c !== ''));
  if (rows.length === 0) throw unreadable('表头下面没有数据行');
  if (rows.length > ROSTER_MAX_ROWS) {
    throw new ApiError('FILE_UNREADABLE', `文件有 ${rows.length} 行，一次最多导入 ${ROSTER_MAX_ROWS} 行，请分成几个文件导入`);
  }
  return { headers, rows };
}

export async function parseXlsx(bytes: Buffer): Promise<ParsedSheet> {
  // .xlsx is a zip file: anything else is not one, whatever its name says.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw unreadable('它不是 .xlsx 格式（可能是旧版 .xls 或文件已损坏），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('文件已损坏或不完整，请重新保存后再导入');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw unreadable('工作簿里没有数据');
  if (sheet.rowCount > ROSTER_MAX_ROWS + HEADER_SEARCH_ROWS + 1000) {
    throw new ApiError('FILE_UNREADABLE', `工作表有 ${sheet.rowCount} 行，一次最多导入 ${ROSTER_MAX_ROWS} 行，请分成几个文件导入`);
  }
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = Math.min(MAX_COLUMNS, row.cellCount);
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c).value));
    table[rowNumber - 1] = cells;
  });
  const { headers, rows } = splitHeader(Array.from(table, (r) => r ?? []));
  return { sheetName: sheet.name, encoding: null, headers, rows, mapping: suggestMapping(headers) };
}

/** Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GBK. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'GBK' } {
  let body = bytes;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'GBK' };
    } catch {
      throw unreadable('文字编码既不是 UTF-8 也不是 GBK，请在 Excel 或 WPS 中另存为 .xlsx 后再导入');
    }
  }
}

export function parseCsv(bytes: Buffer): ParsedSheet {
  if (bytes.includes(0)) throw unreadable('它不是文本格式的 CSV 文件');
  const { text, encoding } = decodeCsv(bytes);
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw unreadable(`第 ${(fatal.row ?? 0) + 1} 行的引号不成对，文件可能不完整`);
  const { headers, rows } = splitHeader(result.data);
  return { sheetName: null, encoding, headers, rows, mapping: suggestMapping(headers) };
}

export async function parseRosterFile(fileName: string, bytes: Buffer): Promise<ParsedSheet> {
  if (bytes.length === 0) throw unreadable('文件是空的');
  return /\.csv$/i.test(fileName) ? parseCsv(bytes) : parseXlsx(bytes);
}
