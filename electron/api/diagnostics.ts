import fs from 'node:fs';
import os from 'node:os';
import { verifyAuditChain } from '../../db/audit';
import type { FileOutput } from '../../core/contract/common';
import type { ReadContext } from './context';

/** How many lines of the support log go into the file. */
export const DIAGNOSTIC_LOG_LINES = 200;

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * 导出诊断信息 (issue 14 item 8): facts about the installation, never its records. Everything
 * here is a version, a size, a count, a status or a support-log line (electron/log.ts keeps
 * those free of personal data); paths are reduced to file names, since a Windows path carries
 * the account's name.
 */
export function buildDiagnostics(ctx: ReadContext): FileOutput {
  const sqlite = ctx.db.sqlite;
  const pragma = (name: string) => sqlite.pragma(name, { simple: true }) as unknown;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts = tables.map(
    (t) =>
      `  ${t}: ${
        sqlite
          .prepare(`SELECT COUNT(*) FROM "${t.replace(/"/g, '""')}"`)
          .pluck()
          .get() as number
      }`,
  );
  const triggers = sqlite.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get() as number;
  let audit: string;
  try {
    const chain = verifyAuditChain(ctx.db);
    audit = chain.ok ? `完整（${chain.entries} 条）` : `异常：第 ${chain.brokenAt} 条起对不上（共 ${chain.entries} 条）`;
  } catch (err) {
    audit = `无法核验：${(err as Error).name}`;
  }
  let integrity: string;
  try {
    integrity = String(pragma('quick_check'));
  } catch (err) {
    integrity = `无法检查：${(err as Error).name}`;
  }
  const file = ctx.db.file;
  const baseName = (p: string | null) => (p ? (p.split(/[\\/]/).pop() ?? '') : '无');
  const log = ctx.log?.recentLines(DIAGNOSTIC_LOG_LINES) ?? [];
  const lines = [
    '议事厅 诊断信息',
    `生成时间：${ctx.clock.today} ${ctx.clock.time}（${ctx.clock.timeZone}；UTC ${ctx.clock.instant}）`,
    '本文件只含软件版本、运行环境、数据文件的大小和各表行数、操作记录核验结果和运行日志，不含姓名、身份证号或电话。',
    '',
    '[软件]',
    `版本：${ctx.info.appVersion}`,
    `数据库结构版本：${ctx.info.schemaVersion}`,
    `Node：${process.versions.node}`,
    `Electron：${process.versions.electron ?? '（浏览器预览）'}`,
    `SQLite：${sqlite.prepare('SELECT sqlite_version()').pluck().get() as string}`,
    '',
    '[运行环境]',
    `系统：${process.platform} ${os.release()} ${process.arch}`,
    `内存：${Math.round(os.totalmem() / 1024 / 1024)} MB`,
    '',
    '[数据文件]',
    `文件名：${baseName(file)}`,
    `大小：${fileSize(file) ?? '未知'} 字节；WAL：${fileSize(`${file}-wal`) ?? 0} 字节`,
    `页大小 ${String(pragma('page_size'))}，页数 ${String(pragma('page_count'))}，空闲页 ${String(pragma('freelist_count'))}，日志模式 ${String(pragma('journal_mode'))}`,
    `快速完整性检查：${integrity}`,
    `触发器：${triggers} 个`,
    `最近一次启动备份：${baseName(ctx.info.lastBackupPath)}`,
    `操作记录核验：${audit}`,
    '各表行数：',
    ...counts,
    '',
    `[运行日志：最近 ${log.length} 行]`,
    ...(log.length ? log : ['（无）']),
    '',
  ];
  const stamp = `${ctx.clock.today.replace(/-/g, '')}-${ctx.clock.time.replace(':', '')}`;
  // A BOM and CRLF: Notepad on an older Windows opens it as UTF-8 and with its lines.
  const text = `\uFEFF${lines.join('\r\n')}`;
  return { fileName: `议事厅诊断信息-${stamp}.txt`, mimeType: 'text/plain; charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') };
}
