import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveProduced } from '../../electron/file-output';
import { folderKey, parseSaveFolders, SAVE_FOLDERS_FILE, SaveFolders } from '../../electron/save-folders';
import { openResult, SavedFiles } from '../../electron/saved-files';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-export-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function folder(name: string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(p, { recursive: true });
  return p;
}

describe('每类文书记住上次保存的文件夹', () => {
  it('knows a file by its declared kind, else by the kind its name ends with, else by its extension', () => {
    expect(folderKey({ fileName: 'x.docx', kind: '签到表' })).toBe('签到表');
    expect(folderKey({ fileName: '2026年11月25日 幸福里社区居民代表会议 会议记录.docx' })).toBe('会议记录');
    // The longest kind wins: 决议公示 and 实施结果公示 are not filed as 公示.
    expect(folderKey({ fileName: '2026年12月1日 村道硬化方案 实施结果公示.docx' })).toBe('实施结果公示');
    expect(folderKey({ fileName: '2026年12月1日 村道硬化方案 决议公示.docx' })).toBe('决议公示');
    expect(folderKey({ fileName: '2026年12月1日 停车位 公示.docx' })).toBe('公示');
    expect(folderKey({ fileName: '青石村-人员名册-2026-11-05.xlsx', kind: '人员名册' })).toBe('人员名册');
    expect(folderKey({ fileName: '别的东西.XLSX' })).toBe('.xlsx');
    expect(folderKey({ fileName: '没有扩展名' })).toBe('其他');
  });

  it('opens a kind never saved in Documents, and each kind where its last file went', () => {
    const documents = folder('文档');
    const meetings = folder('会议材料/2026');
    const rules = folder('规约');
    const memory = new SaveFolders(path.join(dir, SAVE_FOLDERS_FILE), () => documents);

    expect(memory.defaultPath('签到表', 'a 签到表.docx')).toBe(path.join(documents, 'a 签到表.docx'));

    memory.remember('签到表', path.join(meetings, 'a 签到表.docx'));
    memory.remember('规约文本', path.join(rules, 'b 规约文本.docx'));

    expect(memory.defaultPath('签到表', 'c 签到表.docx')).toBe(path.join(meetings, 'c 签到表.docx'));
    expect(memory.defaultPath('规约文本', 'd 规约文本.docx')).toBe(path.join(rules, 'd 规约文本.docx'));
    // Another kind is not moved by them.
    expect(memory.defaultPath('选票', 'e 选票.docx')).toBe(path.join(documents, 'e 选票.docx'));

    // Kept on disk: a new start (a new instance over the same file) remembers.
    const again = new SaveFolders(path.join(dir, SAVE_FOLDERS_FILE), () => documents);
    expect(again.folderFor('签到表')).toBe(meetings);
    expect(JSON.parse(fs.readFileSync(path.join(dir, SAVE_FOLDERS_FILE), 'utf8'))).toEqual({ 签到表: meetings, 规约文本: rules });
    expect(fs.existsSync(path.join(dir, `${SAVE_FOLDERS_FILE}.tmp`))).toBe(false);
  });

  it('falls back to Documents when the remembered folder is gone, and to the bare name when there is no Documents', () => {
    const documents = folder('文档');
    const gone = folder('U盘');
    const memory = new SaveFolders(path.join(dir, SAVE_FOLDERS_FILE), () => documents);
    memory.remember('会议记录', path.join(gone, 'x.docx'));
    fs.rmSync(gone, { recursive: true });
    expect(memory.defaultPath('会议记录', 'y.docx')).toBe(path.join(documents, 'y.docx'));

    const noDocuments = new SaveFolders(path.join(dir, 'other.json'), () => null);
    expect(noDocuments.defaultPath('会议记录', 'y.docx')).toBe('y.docx');
    const missingDocuments = new SaveFolders(path.join(dir, 'other.json'), () => path.join(dir, 'nowhere'));
    expect(missingDocuments.defaultPath('会议记录', 'y.docx')).toBe('y.docx');
  });

  it('ignores a broken, foreign or hand-edited file instead of failing the export', () => {
    const documents = folder('文档');
    const file = path.join(dir, SAVE_FOLDERS_FILE);
    const memory = new SaveFolders(file, () => documents);
    for (const garbage of ['', '{', 'null', '[]', '"x"', JSON.stringify({ 会议记录: 42 })]) {
      fs.writeFileSync(file, garbage);
      expect(memory.folderFor('会议记录')).toBe(documents);
    }
    expect(parseSaveFolders('{"会议记录":"relative/folder","签到表":"/ok","../evil":"/x","__proto__":"/y",".xlsx":"/z"}')).toEqual({
      签到表: '/ok',
      '.xlsx': '/z',
    });
    // A broken file is replaced by a good one on the next save.
    fs.writeFileSync(file, '{');
    memory.remember('会议记录', path.join(documents, 'x.docx'));
    expect(parseSaveFolders(fs.readFileSync(file, 'utf8'))).toEqual({ 会议记录: documents });
  });

  it('does not remember unknown keys or relative paths, and never throws', () => {
    const memory = new SaveFolders(path.join(dir, SAVE_FOLDERS_FILE), () => null);
    memory.remember('../../etc', path.join(dir, 'x.docx'));
    memory.remember('会议记录', 'relative/x.docx');
    expect(fs.existsSync(path.join(dir, SAVE_FOLDERS_FILE))).toBe(false);
    // The file's folder cannot be created (a file is in the way): a warning, not an error.
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const blocked = new SaveFolders(path.join(dir, 'blocker', SAVE_FOLDERS_FILE), () => null);
    expect(() => blocked.remember('会议记录', path.join(dir, 'x.docx'))).not.toThrow();
  });
});

describe('只打开本次保存的文件', () => {
  function saved(name: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, 'x');
    return file;
  }

  it('opens and shows a file this session saved, by the path the main process stored', () => {
    const files = new SavedFiles('linux');
    const doc = saved('会议记录.docx');
    files.add(doc);
    expect(files.has(doc)).toBe(true);
    expect(files.check({ action: 'open', path: doc })).toEqual({ ok: true, action: 'open', path: doc });
    expect(files.check({ action: 'folder', path: doc })).toEqual({ ok: true, action: 'folder', path: doc });
    // Another spelling of the same path finds the stored one.
    const spelled = path.join(dir, 'sub', '..', '会议记录.docx');
    expect(files.check({ action: 'open', path: spelled })).toEqual({ ok: true, action: 'open', path: doc });
  });

  it('refuses files it did not save, relative paths and malformed requests', () => {
    const files = new SavedFiles('linux');
    files.add(saved('会议记录.docx'));
    const other = saved('别人的.docx');
    expect(files.check({ action: 'open', path: other })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(files.check({ action: 'open', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(files.check({ action: 'open', path: '会议记录.docx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const bad of [null, 'x', {}, { action: 'run', path: other }, { action: 'open' }, { action: 'open', path: '' }, { action: 'open', path: 42 }]) {
      expect(files.check(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(files.check({ action: 'open', path: `${other}\u0000.docx` })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(files.check({ action: 'open', path: 'x'.repeat(5000) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(files.check({ action: 'open', path: other, extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('says so when the saved file was moved, and refuses one swapped for a link or a folder', () => {
    const files = new SavedFiles('linux');
    const doc = saved('签到表.docx');
    files.add(doc);
    fs.rmSync(doc);
    const moved = files.check({ action: 'folder', path: doc });
    expect(moved).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!moved.ok && moved.error.message).toContain('签到表.docx');

    fs.symlinkSync('/etc/passwd', doc);
    expect(files.check({ action: 'open', path: doc })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    fs.rmSync(doc);
    fs.mkdirSync(doc);
    expect(files.check({ action: 'folder', path: doc })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('opens only documents; any saved file may be shown in its folder', () => {
    const files = new SavedFiles('linux');
    const odd = saved('名册.sh');
    files.add(odd);
    expect(files.check({ action: 'open', path: odd })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(files.check({ action: 'folder', path: odd })).toMatchObject({ ok: true });
    for (const name of ['a.docx', 'b.XLSX', 'c.csv', 'd.pdf']) {
      const f = saved(name);
      files.add(f);
      expect(files.check({ action: 'open', path: f })).toMatchObject({ ok: true });
    }
  });

  it('compares Windows paths without regard to case', () => {
    const files = new SavedFiles('win32');
    files.add('C:\\Users\\书记\\Documents\\会议记录.docx');
    expect(files.has('c:\\users\\书记\\documents\\会议记录.docx')).toBe(true);
    expect(files.has('C:\\Users\\书记\\Documents\\..\\Documents\\会议记录.docx')).toBe(true);
    expect(files.has('C:\\Users\\书记\\Documents\\别的.docx')).toBe(false);
    expect(files.has('会议记录.docx')).toBe(false);
  });

  it('turns shell.openPath’s answer into an envelope', () => {
    expect(openResult('/a/b.docx', '')).toEqual({ ok: true, value: null });
    expect(openResult('/a/b.docx', 'No application')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('保存一份导出文件的全过程', () => {
  const docx = (name: string, kind?: '签到表' | '会议记录') => ({
    fileName: name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    base64: Buffer.from('word bytes').toString('base64'),
    ...(kind ? { kind } : {}),
  });

  it('offers Documents first, writes where the user chose, then may open it and starts the next one there', async () => {
    const documents = folder('文档');
    const chosen = folder('会议材料');
    const folders = new SaveFolders(path.join(dir, SAVE_FOLDERS_FILE), () => documents);
    const saved = new SavedFiles();
    const offered: string[] = [];
    const answer = (target: string | null) => async (defaultPath: string) => {
      offered.push(defaultPath);
      return target;
    };

    const target = path.join(chosen, '一季度 签到表.docx');
    const first = await saveProduced(docx('一季度 签到表.docx', '签到表'), answer(target), folders, saved);
    expect(first).toEqual({ ok: true, value: expect.objectContaining({ savedTo: target, base64: '' }) });
    expect(fs.readFileSync(target, 'utf8')).toBe('word bytes');
    expect(saved.check({ action: 'open', path: target })).toMatchObject({ ok: true });

    // The next 签到表 starts in 会议材料; a 会议记录 still in Documents.
    await saveProduced(docx('二季度 签到表.docx', '签到表'), answer(null), folders, saved);
    await saveProduced(docx('二季度 会议记录.docx', '会议记录'), answer(null), folders, saved);
    expect(offered).toEqual([
      path.join(documents, '一季度 签到表.docx'),
      path.join(chosen, '二季度 签到表.docx'),
      path.join(documents, '二季度 会议记录.docx'),
    ]);
  });

  it('cancelling writes nothing, allows nothing and remembers nothing; a failed write neither', async () => {
    const documents = folder('文档');
    const folders = new SaveFolders(path.join(dir, SAVE_FOLDERS_FILE), () => documents);
    const saved = new SavedFiles();
    const cancelled = await saveProduced(docx('a 签到表.docx'), async () => null, folders, saved);
    expect(cancelled).toEqual({ ok: true, value: expect.objectContaining({ savedTo: '', base64: '' }) });
    expect(fs.existsSync(path.join(dir, SAVE_FOLDERS_FILE))).toBe(false);

    const nowhere = path.join(dir, '不存在的文件夹', 'a 签到表.docx');
    const failed = await saveProduced(docx('a 签到表.docx'), async () => nowhere, folders, saved);
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(saved.has(nowhere)).toBe(false);
    expect(folders.folderFor('签到表')).toBe(documents);
  });

  it('strips folders from a suggested name before offering it', async () => {
    const documents = folder('文档');
    const offered: string[] = [];
    await saveProduced(
      docx('../../etc/签到表.docx'),
      async (p) => {
        offered.push(p);
        return null;
      },
      new SaveFolders(path.join(dir, SAVE_FOLDERS_FILE), () => documents),
      new SavedFiles(),
    );
    expect(offered).toEqual([path.join(documents, '签到表.docx')]);
  });
});
