#!/usr/bin/env node
// Regenerates docs/report.png, the README's picture of the HTML report: builds the report on the
// bundled data with the built CLI (run `npm run build` first), opens it in Debian's Chromium
// through playwright-core (which never downloads a browser), and screenshots the page.
//
//   node scripts/screenshot-report.mjs [--full] [--out docs/report.png] [--html FILE]
//
// By default the picture runs from the top of the page to the end of the per-region panels;
// --full takes the whole page.
// Needs /usr/bin/chromium (Debian: apt-get install chromium), or CHROMIUM=/path/to/chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const out = resolve(flag('--out') ?? join(ROOT, 'docs/report.png'));
const full = args.includes('--full');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`${executablePath} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'servicegap-shot-'));
try {
  let html = flag('--html');
  if (html === undefined) {
    html = join(work, 'report.html');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/servicegap.js'), 'report', '--quiet', '--out', html], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(run.status ?? 1);
    }
  }
  // A fresh profile folder each run (playwright takes it as launchPersistentContext's argument).
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1120, height: 1400 },
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(resolve(html)).href);
    mkdirSync(dirname(out), { recursive: true });
    // The README's picture: from the top through the "What replaced the closed beds" panels.
    const end = await page.locator('#replacement').boundingBox();
    const clip = full || end === null ? undefined : { x: 0, y: 0, width: 1120, height: Math.ceil(end.y + end.height + 16) };
    await page.screenshot({ path: out, fullPage: true, clip });
    console.error(`wrote ${out}`);
  } finally {
    await context.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
