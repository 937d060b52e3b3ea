import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeBindingFor, nativeModuleHint, readAppVersion } from '../../electron/app-info';
import { cancelledFileOutput, safeFileName, saveFilters, writeFileOutput } from '../../electron/file-output';
import { isAppPage } from '../../electron/trusted-sender';

describe('只接受本程序页面的调用', () => {
  const index = '/opt/议事厅/resources/app.asar/dist/renderer/index.html';
  const url = 'file:///opt/%E8%AE%AE%E4%BA%8B%E5%8E%85/resources/app.asar/dist/renderer/index.html';

  it('accepts our index.html with or without a hash route', () => {
    expect(isAppPage(url, index, 'linux')).toBe(true);
    expect(isAppPage(`${url}#/people?page=2`, index, 'linux')).toBe(true);
  });

  it('refuses other pages', () => {
    expect(isAppPage('file:///tmp/evil.html', index, 'linux')).toBe(false);
    expect(isAppPage('file:///opt/%E8%AE%AE%E4%BA%8B%E5%8E%85/resources/app.asar/dist/renderer/../../x.html', index, 'linux')).toBe(false);
    expect(isAppPage('https://example.com/dist/renderer/index.html', index, 'linux')).toBe(false);
    expect(isAppPage('about:blank', index, 'linux')).toBe(false);
    expect(isAppPage('data:text/html,hi', index, 'linux')).toBe(false);
    expect(isAppPage('file://evil-host/opt/x/index.html', index, 'linux')).toBe(false);
    expect(isAppPage('not a url', index, 'linux')).toBe(false);
  });

  it('compares Windows paths without regard to case', () => {
    const winIndex = 'C:\\Program Files\\议事厅\\resources\\app.asar\\dist\\renderer\\index.html';
    const winUrl = 'file:///c:/Program%20Files/%E8%AE%AE%E4%BA%8B%E5%8E%85/resources/app.asar/dist/renderer/index.html';
    expect(isAppPage(winUrl, winIndex, 'win32')).toBe(true);
    expect(isAppPage('file:///c:/Users/Public/index.html', winIndex, 'win32')).toBe(false);
  });
});

describe('保存导出文件', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-file-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const value = {
    fileName: '人员名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from('PK\u0003\u0004 roster bytes').toString('base64'),
  };

  it('writes the bytes and returns the path without the bytes', async () => {
    const target = path.join(dir, '名册.xlsx');
    const result = await writeFileOutput(value, target);
    expect(result).toEqual({ ok: true, value: { ...value, base64: '', savedTo: target } });
    expect(fs.readFileSync(target, 'latin1')).toBe('PK\u0003\u0004 roster bytes');
  });

  it('marks a cancelled dialog with an empty savedTo', () => {
    expect(cancelledFileOutput(value)).toEqual({ ...value, base64: '', savedTo: '' });
  });

  it('returns a Chinese error instead of throwing when the folder does not exist', async () => {
    const result = await writeFileOutput(value, path.join(dir, 'missing', 'x.xlsx'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).toContain('无法保存文件');
    }
  });

  it('offers the file type first in the dialog', () => {
    expect(saveFilters('会议记录.DOCX')[0]).toEqual({ name: 'Word 文档', extensions: ['docx'] });
    expect(saveFilters('名册.xlsx')[0]?.extensions).toEqual(['xlsx']);
    expect(saveFilters('无扩展名')).toEqual([{ name: '所有文件', extensions: ['*'] }]);
  });

  it('keeps a suggested name from choosing its own folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(safeFileName('a:b*c?.xlsx')).toBe('a_b_c_.xlsx');
    expect(safeFileName('...')).toBe('议事厅导出文件');
  });
});

describe('启动信息', () => {
  it('uses the Electron build of better-sqlite3 only in development and only when it exists', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-root-'));
    try {
      expect(nativeBindingFor(root, false)).toBeUndefined();
      const file = path.join(root, '.cache', 'electron-native', 'better_sqlite3.node');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
      expect(nativeBindingFor(root, false)).toBe(file);
      expect(nativeBindingFor(root, true)).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('adds a development hint only for a wrong-ABI native module', () => {
    const abiError = 'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.';
    expect(nativeModuleHint(abiError, false)).toContain('electron-native.mjs');
    expect(nativeModuleHint(abiError, true)).toBe('');
    expect(nativeModuleHint('数据文件损坏', false)).toBe('');
  });

  it('reads the version from package.json and falls back when it cannot', () => {
    expect(readAppVersion(path.resolve(__dirname, '..', '..'), 'x')).toMatch(/^\d+\.\d+\.\d+/);
    expect(readAppVersion('/nonexistent-folder', '45.5.0')).toBe('45.5.0');
  });
});
