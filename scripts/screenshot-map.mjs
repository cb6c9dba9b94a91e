#!/usr/bin/env node
// Regenerates the README's pictures of the maps, made from real data (run `npm run build` first):
//
//   docs/map-europe.png          report on data/examples/europe-psychiatric-beds-2000-2011
//                                (Eurostat tps00047): the vacuum per 100,000 on the map
//   docs/map-world-coverage.png  coverage on data/examples/world-mh-atlas-2017 (WHO Mental
//                                Health Atlas 2017): the coverage index on the world map
//
// Each is the page's map section, screenshotted in Debian's Chromium through playwright-core
// (which never downloads a browser). Needs /usr/bin/chromium or CHROMIUM=/path/to/chromium.
//
//   node scripts/screenshot-map.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`${executablePath} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM`);
  process.exit(1);
}

const SHOTS = [
  { out: 'docs/map-europe.png', args: ['report', '--data', 'data/examples/europe-psychiatric-beds-2000-2011', '--services', 'none', '--missing-community', 'zero'] },
  { out: 'docs/map-world-coverage.png', args: ['coverage', '--data', 'data/examples/world-mh-atlas-2017'] },
];

const work = mkdtempSync(join(tmpdir(), 'servicegap-map-shot-'));
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1120, height: 1000 },
  deviceScaleFactor: 1,
});
try {
  for (const shot of SHOTS) {
    const html = join(work, 'page.html');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/servicegap.js'), ...shot.args, '--quiet', '--out', html], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(run.status ?? 1);
    }
    const page = await context.newPage();
    await page.goto(pathToFileURL(html).href);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    // The map, its legend and caption (the table under it stays folded).
    await page.locator('#map figure').screenshot({ path: join(ROOT, shot.out) });
    await page.close();
    console.error(`wrote ${shot.out}`);
  }
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
