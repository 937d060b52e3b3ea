import { ROSTER_MAX_FILE_BYTES } from '../../../core/contract/roster';

export interface PickedFile {
  fileName: string;
  dataBase64: string;
}

/** Checks what can be checked before reading: the kind of file and its size. */
export function checkPickedFile(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) {
    return '这是旧版 Excel 文件（.xls）。请在 Excel 或 WPS 中打开它，选择“另存为”，保存成 .xlsx 后再导入。';
  }
  if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) {
    return '只能导入 Excel 文件（.xlsx）或 CSV 文件（.csv），请重新选择。';
  }
  if (file.size === 0) return '这个文件是空的，请检查后重新选择。';
  if (file.size > ROSTER_MAX_FILE_BYTES) {
    return `文件太大（超过 ${Math.round(ROSTER_MAX_FILE_BYTES / 1024 / 1024)} MB）。请把名册分成几个文件分别导入。`;
  }
  return null;
}

/** Reads the chosen file as base64, the form the contract carries bytes in. */
export function readAsBase64(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('文件读取失败，可能正被其他软件占用。请关闭 Excel 或 WPS 后重新选择。'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve({ fileName: file.name, dataBase64: comma >= 0 ? url.slice(comma + 1) : '' });
    };
    reader.readAsDataURL(file);
  });
}
