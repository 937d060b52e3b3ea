/**
 * 数据迁移包 (.chmove): one zip file holding a consistent copy of the database (VACUUM INTO),
 * every attachment and manifest.json (app and schema version, time, the audit trail's head, and
 * every file with its size and sha256). Importing verifies every hash, the file list and the
 * database itself in a staging folder before anything of the current data is touched.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import JSZip from 'jszip';
import { clockOf } from '../db/clock';
import { ApiError } from '../core/contract/define';
import { ATTACHMENTS_DIR } from '../core/contract/attachments';
import { attachmentsFolder } from '../db/attachments';
import { auditHead, verifyAuditChain } from '../db/audit';
import type { Db } from '../db/client';
import { APPLICATION_ID, inspectBeforeOpen } from '../db/integrity';
import { readJournal } from '../db/open';
import { takeBackupSync, zoneOf } from '../db/backups/store';
import * as schema from '../db/schema';

export const MOVE_PACKAGE_EXTENSION = 'chmove';

/** 议事厅数据迁移包-20261120.chmove, dated by the user's day (the app's clock, not the computer's zone). */
export function defaultPackageName(db: Db): string {
  return `议事厅数据迁移包-${clockOf(db, new Date()).today.replace(/-/g, '')}.${MOVE_PACKAGE_EXTENSION}`;
}
const FORMAT = 'council-hall-move';
const MANIFEST = 'manifest.json';
const DATABASE_ENTRY = 'council-hall.sqlite';

export interface MoveManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface MoveManifest {
  format: typeof FORMAT;
  formatVersion: 1;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  auditHead: { count: number; hash: string };
  files: MoveManifestFile[];
}

export interface MoveSummary {
  file: string;
  files: number;
  attachments: number;
  bytes: number;
}

function damaged(why: string): ApiError {
  return new ApiError('FORBIDDEN', `迁移包无法使用：${why}。当前数据没有任何改动；请在原来的电脑上重新导出迁移包，再复制过来导入`);
}

async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Every file under the attachments folder, as "attachments/2026/…" paths (temporary files skipped). */
function listAttachments(folder: string): { rel: string; file: string }[] {
  const out: { rel: string; file: string }[] = [];
  const walk = (dir: string, rel: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      const r = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(file, r);
      else if (entry.isFile() && !entry.name.endsWith('.tmp')) out.push({ rel: r, file });
    }
  };
  walk(folder, ATTACHMENTS_DIR);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

function tempDirBeside(target: string, prefix: string): string {
  const dir = path.join(path.dirname(target), `.${prefix}-${randomBytes(6).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Writes the package to `outFile` (through a temporary name, renamed at the end). The database
 * copy is taken with VACUUM INTO, so writes before and after do not tear it. Files are streamed
 * into the zip, not held in memory.
 */
export async function exportMovePackage(
  db: Db,
  info: { appVersion: string; schemaVersion: number; now?: Date },
  outFile: string,
): Promise<MoveSummary & { manifest: MoveManifest }> {
  const work = tempDirBeside(db.file, 'move-export');
  const tmpOut = `${outFile}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const dbCopy = path.join(work, DATABASE_ENTRY);
    db.sqlite.prepare('VACUUM INTO ?').run(dbCopy);
    const head = auditHead(db);
    const attachments = listAttachments(attachmentsFolder(db.file));
    const entries = [{ rel: DATABASE_ENTRY, file: dbCopy }, ...attachments];
    const files: MoveManifestFile[] = [];
    for (const e of entries) files.push({ path: e.rel, ...(await hashFile(e.file)) });
    const manifest: MoveManifest = {
      format: FORMAT,
      formatVersion: 1,
      appVersion: info.appVersion,
      schemaVersion: info.schemaVersion,
      createdAt: (info.now ?? new Date()).toISOString(),
      auditHead: { count: head.count, hash: head.hash },
      files,
    };
    const zip = new JSZip();
    zip.file(MANIFEST, JSON.stringify(manifest, null, 2));
    for (const e of entries) {
      // Photos and scans are compressed already; the database compresses well.
      zip.file(e.rel, fs.createReadStream(e.file), { binary: true, compression: e.rel === DATABASE_ENTRY ? 'DEFLATE' : 'STORE' });
    }
    await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true }), fs.createWriteStream(tmpOut));
    fs.renameSync(tmpOut, outFile);
    return {
      file: outFile,
      files: files.length,
      attachments: attachments.length,
      bytes: fs.statSync(outFile).size,
      manifest,
    };
  } catch (err) {
    fs.rmSync(tmpOut, { force: true });
    if (err instanceof ApiError) throw err;
    throw new ApiError(
      'FILE_UNREADABLE',
      `无法写出迁移包（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）。请检查保存位置的空间和权限后重试`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function isSafeEntry(p: string): boolean {
  if (p === DATABASE_ENTRY) return true;
  const parts = p.split('/');
  return (
    parts[0] === ATTACHMENTS_DIR &&
    parts.length >= 2 &&
    parts.every((s) => s.length > 0 && s !== '.' && s !== '..' && !/[\\:\u0000-\u001f]/.test(s)) &&
    !p.endsWith('.tmp')
  );
}

function parseManifest(text: string): MoveManifest {
  let m: MoveManifest;
  try {
    m = JSON.parse(text) as MoveManifest;
  } catch {
    throw damaged('清单 manifest.json 已损坏');
  }
  const okFile = (f: MoveManifestFile) =>
    f && typeof f.path === 'string' && Number.isSafeInteger(f.size) && f.size >= 0 && typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256);
  if (!m || m.format !== FORMAT || !Array.isArray(m.files) || !m.files.every(okFile)) throw damaged('它不是议事厅的迁移包，或清单已损坏');
  if (m.formatVersion !== 1) throw damaged('它由更新版本的议事厅导出，请先安装最新版本的议事厅');
  const seen = new Set<string>();
  for (const f of m.files) {
    if (!isSafeEntry(f.path) || seen.has(f.path)) throw damaged(`清单里的文件名“${f.path.slice(0, 80)}”无效`);
    seen.add(f.path);
  }
  if (!seen.has(DATABASE_ENTRY)) throw damaged('包里没有数据库文件');
  return m;
}

/** Streams one entry to `file`, hashing it; stops as soon as it grows past the size the manifest gives. */
async function extractEntry(entry: JSZip.JSZipObject, file: string, expected: MoveManifestFile): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > expected.size) return done(damaged(`文件“${expected.path}”比清单记载的大`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(entry.nodeStream('nodebuffer'), check, fs.createWriteStream(file));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw damaged(`文件“${expected.path}”无法解压（包可能不完整）`);
  }
  if (size !== expected.size || hash.digest('hex') !== expected.sha256) throw damaged(`文件“${expected.path}”的校验值与清单不符（包可能被改动或复制不完整）`);
}

/** The staged database must be ours, whole, no newer than this version, with an intact audit trail matching the manifest. */
function checkStagedDatabase(file: string, manifest: MoveManifest, options: { migrationsFolder: string; nativeBinding?: string }): void {
  try {
    inspectBeforeOpen(file, options.nativeBinding);
  } catch {
    throw damaged('包里的数据库不是议事厅的数据文件');
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch {
    throw damaged('包里的数据库无法打开');
  }
  try {
    let integrity: { integrity_check: string }[];
    let tables: string[];
    try {
      integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
      tables = (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
    } catch {
      throw damaged('包里的数据库已损坏');
    }
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') throw damaged('包里的数据库检查发现损坏');
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    if ((appId !== 0 && appId !== APPLICATION_ID) || !tables.includes('__drizzle_migrations') || !tables.includes('audit_log')) {
      throw damaged('包里的数据库不是议事厅的数据文件');
    }
    const journal = readJournal(options.migrationsFolder);
    const latest = journal.reduce((max, e) => Math.max(max, e.when), 0);
    const applied = sqlite.prepare('select count(*) as count, max(created_at) as lastWhen from __drizzle_migrations').get() as {
      count: number;
      lastWhen: number | null;
    };
    if (applied.count > journal.length || Number(applied.lastWhen ?? 0) > latest) {
      throw new ApiError('FORBIDDEN', '这个迁移包由更新版本的议事厅导出，本版本无法打开。请先安装最新版本的议事厅再导入；当前数据没有任何改动');
    }
    const staged: Db = { sqlite, orm: drizzle(sqlite, { schema }), file };
    const head = auditHead(staged);
    if (head.count !== manifest.auditHead?.count || head.hash !== manifest.auditHead?.hash) throw damaged('数据库的操作记录与清单不符');
    if (!verifyAuditChain(staged).ok) throw damaged('数据库的操作记录核验不通过');
  } finally {
    sqlite.close();
  }
}

export interface StagedPackage {
  dir: string;
  databaseFile: string;
  manifest: MoveManifest;
  /** Removes the staging folder (after applying, or when the import is abandoned). */
  discard(): void;
}

/**
 * Unpacks and verifies a package into a staging folder beside `databaseFile`: the manifest,
 * every file's size and sha256, no file outside the manifest, and the database. Throws a
 * Chinese ApiError and leaves nothing behind when anything is wrong. The current data is not touched.
 */
export async function stageMovePackage(
  packageFile: string,
  databaseFile: string,
  options: { migrationsFolder: string; nativeBinding?: string },
): Promise<StagedPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(fs.readFileSync(packageFile), { checkCRC32: true });
  } catch {
    throw damaged('它不是迁移包（.chmove）或文件已损坏');
  }
  const manifestEntry = zip.file(MANIFEST);
  if (!manifestEntry) throw damaged('包里没有清单 manifest.json');
  const manifest = parseManifest(await manifestEntry.async('string'));
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir || name === MANIFEST) continue;
    if (!listed.has(name)) throw damaged(`包里有清单以外的文件“${name.slice(0, 80)}”`);
  }
  const dir = tempDirBeside(databaseFile, 'move-import');
  const discard = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    for (const f of manifest.files) {
      const entry = zip.file(f.path);
      if (!entry) throw damaged(`缺少文件“${f.path}”`);
      await extractEntry(entry, path.join(dir, ...f.path.split('/')), f);
    }
    checkStagedDatabase(path.join(dir, DATABASE_ENTRY), manifest, options);
    return { dir, databaseFile: path.join(dir, DATABASE_ENTRY), manifest, discard };
  } catch (err) {
    discard();
    throw err;
  }
}

/** A checked copy of the current database before it is replaced: 议事厅备份-<local time>-导入前.sqlite, listed and never pruned. */
export function saveCurrentBeforeImport(db: Db, backupDir: string, nativeBinding?: string): string {
  return takeBackupSync(db.sqlite, backupDir, 'before-import', { timeZone: zoneOf(db.sqlite), ...(nativeBinding ? { nativeBinding } : {}) }).path;
}

/**
 * Puts a verified package in place of the data at `databaseFile`, which must be closed: the
 * attachments are added to the attachments folder (existing files stay; names carry their
 * hash), then the database file replaces the old one by rename. Stale -wal / -shm files of the
 * old database go first so SQLite does not replay them onto the new file.
 */
export function applyStagedPackage(staged: StagedPackage, databaseFile: string): void {
  try {
    const folder = attachmentsFolder(databaseFile);
    for (const f of staged.manifest.files) {
      if (f.path === DATABASE_ENTRY) continue;
      const target = path.join(path.dirname(folder), ...f.path.split('/'));
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(staged.dir, ...f.path.split('/')), target);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(databaseFile + suffix, { force: true });
    fs.renameSync(staged.databaseFile, databaseFile);
  } finally {
    staged.discard();
  }
}
