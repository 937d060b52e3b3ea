import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../core/contract';
import { dispatch } from '../../electron/api/dispatch';
import { LOG_FILE_NAME, openLog, redact } from '../../electron/log';
import { openTemp, tempDir } from '../support/db';
import { makeId } from '../support/ids';
import { value } from '../support/village';

describe('support log and 导出诊断信息 (issue 14 item 8)', () => {
  it('rotates: the current file and three older ones, each kept small', () => {
    const dir = tempDir();
    const log = openLog(dir, { maxBytes: 1000 });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`, `${LOG_FILE_NAME}.3`]);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(1200);
    const recent = log.recentLines(30);
    expect(recent).toHaveLength(30);
    expect(recent.at(-1)).toMatch(/INFO line 199 /);
  });

  it('redacts digits runs and quoted text from error messages', () => {
    expect(redact('UNIQUE failed for "张三" 110101199003076734 and 13812345678')).toBe('UNIQUE failed for <…> <数字> and <数字>');
  });

  it('dispatch logs failures by call name and code, never the input; the diagnostics file has no personal data', async () => {
    const { ctx } = openTemp();
    const log = openLog(path.join(tempDir(), 'logs'));
    ctx.log = log;
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    const idNumber = makeId('1958-07-01', '男');
    await value(ctx, 'people.create', { orgId: org.id, name: '张三丰', idNumber, phone: '13812345678' });
    const dup = await dispatch(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    expect(dup.ok).toBe(false);
    const missing = await dispatch(ctx, 'people.get', { id: 999999 });
    expect(missing.ok).toBe(false);
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(/WARN call organizations\.create refused CONFLICT after \d+ ms/);
    expect(text).not.toContain('幸福社区');

    const r = await dispatch(ctx, 'system.diagnostics', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = contract['system.diagnostics'].output.parse(r.value);
    expect(out.fileName).toMatch(/^议事厅诊断信息-\d{8}-\d{4}\.txt$/);
    const body = Buffer.from(out.base64, 'base64').toString('utf8');
    expect(body).toContain('版本：0.0.0-test');
    expect(body).toMatch(/数据库结构版本：\d+/);
    expect(body).toMatch(/快速完整性检查：ok/);
    expect(body).toMatch(/操作记录核验：完整（\d+ 条）/);
    expect(body).toMatch(/ {2}people: 1\r\n/);
    expect(body).toContain('refused CONFLICT');
    for (const secret of ['张三丰', '幸福社区', idNumber, '13812345678', path.dirname(ctx.info.databasePath)]) expect(body).not.toContain(secret);
  });
});
