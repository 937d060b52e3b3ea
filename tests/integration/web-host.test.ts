import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../core/contract/bridge';
import { startWebHost } from '../../electron/web-host';
import { MIGRATIONS, tempDir } from '../support/db';

let host: { url: string; close: () => Promise<void> };
let token = '';
const dir = tempDir();

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(pathname, host.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>议事厅</title></head><body></body></html>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), '不该被读到');
  host = await startWebHost({ databaseFile: path.join(dir, 'db.sqlite'), port: 0, rendererDir, migrations: MIGRATIONS, appVersion: '0.0.0-test' });
  const index = await request('/');
  token = /council-hall-token" content="([0-9a-f]+)"/.exec(index.body)?.[1] ?? '';
});
afterAll(() => host.close());

describe('浏览器预览服务', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with the CSP and a per-run token', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
  });

  it('answers API calls with the envelope when the token is given', async () => {
    const post = (name: string, input: unknown) =>
      request(`/api/${name}`, { method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    // Nobody chosen yet: a write is refused until the first user is made (and so chosen).
    expect(JSON.parse((await post('organizations.create', { name: '幸福社区', kind: '社区' })).body).error.message).toMatch(/^请先选择使用人/);
    expect(JSON.parse((await post('users.create', { name: '王文书', role: '文书' })).body)).toMatchObject({
      ok: true,
      value: { name: '王文书', hasPin: false },
    });
    expect(JSON.parse((await post('users.current', {})).body)).toMatchObject({ ok: true, value: { user: { name: '王文书' }, hasUsers: true } });
    const r = await request('/api/organizations.create', {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '幸福社区', kind: '社区' }),
    });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: '幸福社区', kind: '社区' } });
    const bad = await request('/api/people.list', { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: '{"orgId":"x"}' });
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '输入有误：议事主体编号应为数字' } });
  });

  it('refuses calls without the token, from other host names, and paths outside the renderer', async () => {
    expect((await request('/api/organizations.list', { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await request('/api/organizations.list', { method: 'POST', headers: { [TOKEN_HEADER]: 'f'.repeat(48) }, body: '{}' })).status).toBe(403);
    expect((await request('/', { headers: { host: 'evil.example:80' } })).status).toBe(421);
    expect((await request('/api/organizations.list', { method: 'GET', headers: { [TOKEN_HEADER]: token } })).status).toBe(405);
    expect((await request('/../secret.txt')).body).not.toContain('不该被读到');
    expect((await request('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('answers malformed JSON with a Chinese error', async () => {
    const r = await request('/api/organizations.list', { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: '{oops' });
    expect(JSON.parse(r.body).error.message).toBe('提交的内容格式不对');
  });
});
