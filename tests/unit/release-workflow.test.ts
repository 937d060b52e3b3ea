import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The release workflow (.github/workflows/release.yml) runs only on a connected CI with native
 * runners. Here it is checked by action-validator against GitHub's workflow schema, and read for
 * what a release must do: build on each platform, run the Electron tests, smoke-test what was
 * packaged, and publish sha256 sums.
 */
const root = path.resolve(__dirname, '..', '..');
const validator = path.join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const workflow = path.join(root, '.github', 'workflows', 'release.yml');

function validate(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('release workflow', () => {
  it('every workflow in .github/workflows passes action-validator', () => {
    const files = fs.readdirSync(path.dirname(workflow)).filter((f) => /\.ya?ml$/.test(f));
    expect(files).toContain('release.yml');
    for (const f of files) {
      const r = validate(path.join(path.dirname(workflow), f));
      expect(r.output, f).toBe('');
      expect(r.status, f).toBe(0);
    }
  });

  it('the validator refuses a broken workflow (a step with both uses and run)', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'council-hall-wf-')), 'bad.yml');
    fs.writeFileSync(bad, 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n        run: echo both\n');
    expect(validate(bad).status).not.toBe(0);
  });

  it('builds on Windows x64 and Linux x64/arm64, runs the Electron tests and the packaged smoke test, and publishes sha256 sums', () => {
    const text = fs.readFileSync(workflow, 'utf8');
    for (const runner of ['windows-2022', 'ubuntu-24.04', 'ubuntu-24.04-arm']) expect(text).toContain(`runner: ${runner}`);
    for (const target of ['--win nsis --x64', '--linux deb AppImage --x64', '--linux deb AppImage --arm64']) expect(text).toContain(target);
    expect(text).toContain('npx playwright test -c playwright.electron.config.ts');
    expect(text).toContain('node scripts/electron-native.mjs');
    expect(text.match(/node scripts\/smoke-packaged\.mjs/g)).toHaveLength(3);
    expect(fs.existsSync(path.join(root, 'scripts', 'smoke-packaged.mjs'))).toBe(true);
    expect(text).toContain('sha256sum');
    // Signing only with secrets, and a printed reason without them.
    expect(text).toContain('未配置 WINDOWS_CERTIFICATE');
    expect(text).toContain('未配置 DEB_SIGNING_KEY');
    // Never ELECTRON_SKIP_BINARY_DOWNLOAD there: the real binary is the point.
    expect(text).not.toMatch(/^\s*ELECTRON_SKIP_BINARY_DOWNLOAD/m);
  });
});
