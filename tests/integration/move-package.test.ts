import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { attachmentsFolder } from '../../db/attachments';
import { importIntoContext } from '../../electron/move-import';
import { exportMovePackage } from '../../electron/move-package';
import { MIGRATIONS, openTemp, tempDir } from '../support/db';
import { failure, value, village, type Ctx } from '../support/village';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const photo = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(300_000, 7)]);
const scan = Buffer.from('%PDF-1.4 签到表扫描件');

function counts(ctx: Ctx): Record<string, number> {
  const tables = (ctx.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
  return Object.fromEntries(tables.map((t) => [t, (ctx.db.sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
}

function attachmentHashes(dbFile: string): Record<string, string> {
  const root = attachmentsFolder(dbFile);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else out[path.relative(root, f).split(path.sep).join('/')] = sha(fs.readFileSync(f));
    }
  };
  walk(root);
  return out;
}

/** A village with a topic and an agenda item that both carry copied files. */
async function worldWithAttachments() {
  const v = await village(5);
  const topic = await value(v.ctx, 'topics.create', {
    orgId: v.org.id,
    receivedOn: '2026-03-02',
    channel: '居民信箱',
    raiserKind: 'anonymous',
    title: '垃圾桶满溢',
    content: '3号楼东侧垃圾桶满溢',
    attachments: ['D:/照片/垃圾桶.jpg'],
  });
  const m = await v.meeting('三月议事协商', '2026-03-20');
  const item = await value(v.ctx, 'agenda.add', { meetingId: m.id, title: '垃圾桶增设' });
  const a = await value(v.ctx, 'attachments.add', { target: { kind: 'topic', id: topic.id }, fileName: '垃圾桶 照片.png', base64: photo.toString('base64') });
  await value(v.ctx, 'attachments.add', { target: { kind: 'agendaItem', id: item.id }, fileName: '签到表.pdf', base64: scan.toString('base64') });
  return { ...v, topic, item, added: a };
}

function packageFile(): string {
  return path.join(tempDir('council-hall-move-'), '迁移包.chmove');
}

function freshInstall() {
  return openTemp(path.join(tempDir('council-hall-new-pc-'), 'council-hall.sqlite'));
}

function importOptions(t: ReturnType<typeof openTemp>) {
  return {
    migrationsFolder: MIGRATIONS,
    backupDir: path.join(path.dirname(t.file), 'backups'),
    reopen: () => openDatabase(t.file, { migrationsFolder: MIGRATIONS }),
  };
}

describe('附件：复制到数据文件夹', () => {
  it('copies the file by content hash, keeps old typed paths, and removing leaves the file', async () => {
    const w = await worldWithAttachments();
    expect(w.added.sha256).toBe(sha(photo));
    expect(w.added.added).toMatchObject({ name: '垃圾桶 照片.png', stored: true });
    expect(w.added.added.path).toMatch(/^attachments\/\d{4}\/[0-9a-f]{16}-垃圾桶 照片\.png$/);
    expect(w.added.attachments[0]).toMatchObject({ path: 'D:/照片/垃圾桶.jpg', stored: false });
    const file = path.join(path.dirname(w.file), ...w.added.added.path.split('/'));
    expect(sha(fs.readFileSync(file))).toBe(sha(photo));
    const got = await value(w.ctx, 'attachments.get', { path: w.added.added.path });
    expect(got).toMatchObject({ fileName: '垃圾桶 照片.png', mimeType: 'image/png', sha256: sha(photo), size: photo.length });
    expect((await failure(w.ctx, 'attachments.get', { path: 'attachments/2026/../../council-hall.sqlite' })).code).toBe('FORBIDDEN');
    expect((await failure(w.ctx, 'attachments.get', { path: 'D:/照片/垃圾桶.jpg' })).message).toContain('外部文件');
    expect(
      (await failure(w.ctx, 'attachments.add', { target: { kind: 'topic', id: w.topic.id }, fileName: 'x.png', base64: photo.toString('base64') })).code,
    ).toBe('CONFLICT');

    const removed = await value(w.ctx, 'attachments.remove', { target: { kind: 'topic', id: w.topic.id }, path: w.added.added.path });
    expect(removed.attachments.map((a: { path: string }) => a.path)).toEqual(['D:/照片/垃圾桶.jpg']);
    expect(fs.existsSync(file)).toBe(true);
    const topic = await value(w.ctx, 'topics.get', { id: w.topic.id });
    expect(topic.attachments).toEqual(['D:/照片/垃圾桶.jpg']);
    const audit = w.ctx.db.sqlite.prepare("select action, after_json from audit_log where action like 'attachments.%' order by id").all() as {
      action: string;
      after_json: string;
    }[];
    expect(audit.map((r) => r.action)).toEqual(['attachments.add', 'attachments.add', 'attachments.remove']);
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ sha256: sha(photo), size: photo.length });
  });
});

describe('数据迁移包', () => {
  it('exports a world with attachments and imports it into a fresh data folder: same rows, same files, same hashes', async () => {
    const w = await worldWithAttachments();
    const out = packageFile();
    const summary = await exportMovePackage(w.ctx.db, { appVersion: '0.0.0-test', schemaVersion: w.schemaVersion }, out);
    expect(summary).toMatchObject({ attachments: 2, files: 3 });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ format: 'council-hall-move', appVersion: '0.0.0-test', schemaVersion: w.schemaVersion });
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(w.added.added.path);

    const target = freshInstall();
    const result = await importIntoContext(target.ctx, out, importOptions(target));
    expect(fs.existsSync(result.backupPath)).toBe(true);
    expect(target.ctx.session.current).toBeNull();
    // Same rows, plus the import itself in the trail (and the head it replaced among the anchors).
    const { audit_log: importedTrail, audit_anchors: _a, ...imported } = counts(target.ctx);
    const { audit_log: sourceTrail, audit_anchors: _b, ...source } = counts(w.ctx);
    expect(imported).toEqual(source);
    expect(importedTrail).toBe(sourceTrail! + 1);
    const last = target.ctx.db.sqlite.prepare('select action, before_json as b from audit_log order by id desc limit 1').get() as { action: string; b: string };
    expect(last.action).toBe('move.imported');
    expect(JSON.parse(last.b)).toMatchObject({ savedAs: path.basename(result.backupPath) });
    expect(path.basename(result.backupPath)).toMatch(/^议事厅备份-\d{4}-\d{2}-\d{2}-\d{4}-导入前(-\d+)?\.sqlite$/);
    expect(attachmentHashes(target.file)).toEqual(attachmentHashes(w.file));
    expect(Object.keys(attachmentHashes(target.file))).toHaveLength(2);
    const got = await value(target.ctx, 'attachments.get', { path: w.added.added.path });
    expect(got.sha256).toBe(sha(photo));
    expect(await value(target.ctx, 'system.verifyAudit', {})).toMatchObject({ ok: true });
  });

  async function tampered(edit: (zip: JSZip, manifest: any) => Promise<void> | void): Promise<string> {
    const w = await worldWithAttachments();
    const out = packageFile();
    await exportMovePackage(w.ctx.db, { appVersion: '0.0.0-test', schemaVersion: w.schemaVersion }, out);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    await edit(zip, manifest);
    zip.file('manifest.json', JSON.stringify(manifest));
    const bad = path.join(path.dirname(out), '改过的.chmove');
    fs.writeFileSync(bad, await zip.generateAsync({ type: 'nodebuffer' }));
    return bad;
  }

  async function refusedUnchanged(bad: string, expected: RegExp) {
    const target = freshInstall();
    await value(target.ctx, 'organizations.create', { name: '新电脑上的村', kind: '村' });
    const before = counts(target.ctx);
    const beforeFiles = fs.readdirSync(path.dirname(target.file)).sort();
    const sqliteBefore = sha(fs.readFileSync(target.file));
    await expect(importIntoContext(target.ctx, bad, importOptions(target))).rejects.toThrow(expected);
    expect(target.ctx.db.sqlite.open).toBe(true);
    expect(counts(target.ctx)).toEqual(before);
    expect(fs.readdirSync(path.dirname(target.file)).sort()).toEqual(beforeFiles);
    expect(sha(fs.readFileSync(target.file))).toBe(sqliteBefore);
    expect(target.ctx.session.current).not.toBeNull();
  }

  it('refuses a package whose attachment was changed', async () => {
    const bad = await tampered(async (zip, m) => {
      const p = m.files.find((f: { path: string }) => f.path.endsWith('.pdf')).path;
      zip.file(p, Buffer.from('%PDF-1.4 改过的签到表扫描件'));
    });
    await refusedUnchanged(bad, /迁移包无法使用：.*(校验值|大)/);
  });

  it('refuses a package with a missing file', async () => {
    const bad = await tampered((zip, m) => {
      zip.remove(m.files.find((f: { path: string }) => f.path.endsWith('.png')).path);
    });
    await refusedUnchanged(bad, /缺少文件/);
  });

  it('refuses a package whose database is not ours, even with matching hashes', async () => {
    const bad = await tampered((zip, m) => {
      const other = path.join(tempDir('council-hall-other-'), 'other.sqlite');
      const db = new Database(other);
      db.exec("create table notes (id integer primary key, text text); insert into notes (text) values ('hello')");
      db.close();
      const bytes = fs.readFileSync(other);
      zip.file('council-hall.sqlite', bytes);
      const entry = m.files.find((f: { path: string }) => f.path === 'council-hall.sqlite');
      entry.size = bytes.length;
      entry.sha256 = sha(bytes);
    });
    await refusedUnchanged(bad, /不是议事厅的数据文件/);
  });

  it('refuses a file outside the manifest, an unsafe name, and a file that is not a package', async () => {
    await refusedUnchanged(
      await tampered((zip) => {
        zip.file('attachments/2026/extra.txt', 'x');
      }),
      /清单以外/,
    );
    await refusedUnchanged(
      await tampered((zip, m) => {
        m.files.push({ path: '../evil.txt', size: 1, sha256: sha(Buffer.from('x')) });
        zip.file('../evil.txt', 'x');
      }),
      /文件名.*无效/,
    );
    const notZip = path.join(tempDir('council-hall-move-'), '照片.chmove');
    fs.writeFileSync(notZip, photo);
    await refusedUnchanged(notZip, /不是迁移包/);
  });
});
