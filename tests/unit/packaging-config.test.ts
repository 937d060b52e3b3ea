import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What decides whether an installer works on a government PC, read from the configuration:
 * runtime libraries declared as dependencies (an audit of what ships sees them), the Linux
 * launcher matched to the window, the Windows installer per-user by default.
 */
const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  desktopName?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const builder = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Packages the shipped code imports at run time (type-only imports excluded). */
function runtimeImports(): Map<string, string> {
  const found = new Map<string, string>();
  const builtins = new Set(builtinModules);
  for (const dir of ['core', 'db', 'electron', 'renderer/src']) {
    for (const file of sources(path.join(root, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[3]!;
        if (m[2] || spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!found.has(name)) found.set(name, path.relative(root, file));
      }
    }
  }
  return found;
}

describe('packaging configuration', () => {
  it('declares every library the app loads at run time as a dependency (Electron itself stays a build tool)', () => {
    const imports = runtimeImports();
    expect(imports.size).toBeGreaterThan(5);
    for (const [name, file] of imports) {
      if (name === 'electron') {
        expect(pkg.devDependencies.electron, 'electron-builder wants electron in devDependencies').toBeDefined();
        continue;
      }
      expect(pkg.dependencies[name], `${name}（${file} 引用）应列在 dependencies 中`).toBeDefined();
    }
  });

  it('names the Linux desktop entry after the app id, so the dock matches the window to its launcher', () => {
    const appId = /^appId:\s*(\S+)/m.exec(builder)?.[1];
    expect(pkg.desktopName).toBe(`${appId}.desktop`);
    expect(builder).toMatch(/^\s+syncDesktopName:\s*true/m);
  });

  it('installs per user on Windows by default, still offering the choice, and keeps the records on uninstall', () => {
    const nsis = builder.slice(builder.indexOf('\nnsis:'), builder.indexOf('\nlinux:'));
    expect(nsis).toMatch(/oneClick:\s*false/);
    expect(nsis).toMatch(/perMachine:\s*false/);
    expect(nsis).toMatch(/allowElevation:\s*true/);
    expect(nsis).toMatch(/shortcutName:\s*议事厅/);
    expect(nsis).toMatch(/deleteAppDataOnUninstall:\s*false/);
  });

  it('ships the Linux window icon and turns off the file:// extra privileges (the page is served from app://)', () => {
    expect(builder).toMatch(/- from: build\/icon\.png\n\s+to: icon\.png/);
    expect(fs.existsSync(path.join(root, 'build', 'icon.png'))).toBe(true);
    expect(builder).toMatch(/^\s+grantFileProtocolExtraPrivileges:\s*false/m);
  });

  it('restores the Node build of better-sqlite3 after packaging even when packaging fails', () => {
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    expect(pkg.scripts.postdist).toBeUndefined();
    const script = fs.readFileSync(path.join(root, 'scripts', 'dist.mjs'), 'utf8');
    // The rebuild is not conditional on the builder's status.
    expect(script).toMatch(/\nconst restored = run\(npm, \['rebuild', 'better-sqlite3'\]\);/);
  });
});
