#!/usr/bin/env node
/* global document -- used only inside page.evaluate, which runs in the browser */
/**
 * Draws build/icon.png (512×512): a red (#B22222) rounded square with a white 议 and a thin
 * seal-like inner frame. Rendered by the system Chromium through Playwright (both already
 * needed by the end-to-end tests) so the glyph comes from the installed Noto CJK font rather
 * than from hand-drawn paths. Run again only when the design changes; the PNG is committed.
 *
 *   node scripts/make-icon.mjs        (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build', 'icon.png');
const size = 512;

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: transparent; }
  svg { display: block; }
</style></head><body>
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="shade" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#C62A2A"/>
      <stop offset="1" stop-color="#9E1C1C"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="96" fill="url(#shade)"/>
  <rect x="44" y="44" width="424" height="424" rx="72" fill="none" stroke="#FFFFFF" stroke-opacity="0.55" stroke-width="6"/>
  <text x="256" y="262" text-anchor="middle" dominant-baseline="central"
        font-family="'Noto Serif CJK SC', 'Noto Sans CJK SC', serif" font-weight="700"
        font-size="300" fill="#FFFFFF">议</text>
</svg></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const hasCjk = await page.evaluate(() => document.fonts.check('700 300px "Noto Serif CJK SC"'));
  if (!hasCjk) console.warn('警告：未找到 Noto Serif CJK SC 字体，图标中的“议”可能不是宋体 / warning: Noto Serif CJK SC not found');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`已生成 ${path.relative(root, out)} / wrote ${path.relative(root, out)} (${size}×${size})`);
} finally {
  await browser.close();
}
