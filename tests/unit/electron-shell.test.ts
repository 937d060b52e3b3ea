import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeBindingFor, nativeModuleHint, readAppVersion } from '../../electron/app-info';
import { cancelledFileOutput, safeFileName, saveFilters, writeFileOutput } from '../../electron/file-output';
import { APP_INDEX_URL, APP_ORIGIN, contentTypeOf, isAppPage, resolveAppRequest } from '../../electron/app-protocol';

describe('app:// 协议：只接受本程序页面的调用，只提供本程序的文件', () => {
  it('accepts our page with or without a hash route', () => {
    expect(isAppPage(APP_INDEX_URL)).toBe(true);
    expect(isAppPage(`${APP_INDEX_URL}#/people?page=2`)).toBe(true);
    expect(isAppPage(`${APP_ORIGIN}/`)).toBe(true);
  });

  it('refuses other pages', () => {
    for (const url of [
      'file:///opt/%E8%AE%AE%E4%BA%8B%E5%8E%85/resources/app.asar/dist/renderer/index.html',
      'app://other-host/index.html',
      `${APP_ORIGIN}/assets/evil.html`,
      'https://council-hall/index.html',
      'about:blank',
      'data:text/html,hi',
      'not a url',
    ]) {
      expect(isAppPage(url), url).toBe(false);
    }
  });

  it('maps a request to a file inside the renderer folder, and nothing outside it', () => {
    const root = '/opt/议事厅/resources/app.asar/dist/renderer';
    expect(resolveAppRequest(`${APP_ORIGIN}/index.html`, root, 'linux')).toBe(`${root}/index.html`);
    expect(resolveAppRequest(`${APP_ORIGIN}/`, root, 'linux')).toBe(`${root}/index.html`);
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/index-abc.js?v=1#x`, root, 'linux')).toBe(`${root}/assets/index-abc.js`);
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/%E5%9B%BE.png`, root, 'linux')).toBe(`${root}/assets/图.png`);
    // The URL parser already folds a literal ../ back inside the origin.
    expect(resolveAppRequest(`${APP_ORIGIN}/../../x`, root, 'linux')).toBe(`${root}/x`);
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/%2e%2e/%2e%2e/secret`, root, 'linux')).toBe(`${root}/secret`);
    // An encoded slash is decoded after parsing, so its ../ is ours to refuse.
    for (const url of [
      `${APP_ORIGIN}/assets/..%2f..%2fsecret`,
      `${APP_ORIGIN}/a%5c..%5c..%5csecret`,
      `${APP_ORIGIN}/a%00.js`,
      `${APP_ORIGIN}/%E0%A4%A`,
      'app://elsewhere/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppRequest(url, root, 'linux'), url).toBeNull();
    }
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/x.js`, 'C:\\议事厅\\resources\\app.asar\\dist\\renderer', 'win32')).toBe(
      'C:\\议事厅\\resources\\app.asar\\dist\\renderer\\assets\\x.js',
    );
    expect(contentTypeOf('a/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/b.woff2')).toBe('font/woff2');
  });

  it('the built page loads only files the protocol serves (relative asset paths)', () => {
    const renderer = path.resolve(__dirname, '..', '..', 'dist', 'renderer');
    const html = fs.readFileSync(path.join(renderer, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((ref) => !ref.startsWith('data:'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const file = resolveAppRequest(new URL(ref, APP_INDEX_URL).toString(), renderer);
      expect(file, ref).not.toBeNull();
      expect(fs.existsSync(file!), ref).toBe(true);
    }
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
