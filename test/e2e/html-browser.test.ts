// The HTML report opened in a real browser: Debian's Chromium, headless, driven by playwright-core
// (which never downloads a browser of its own). The page must make no request beyond its own
// file, log no console error (a Content-Security-Policy violation would be one), draw the
// expected number of bars, and re-sort its table when a header is clicked. A full-page screenshot
// and a PDF print go to test/artifacts/ (ignored by git) for a person to look at.
//
// Chromium: /usr/bin/chromium, or $CHROMIUM. .ci/run installs Debian's chromium when it is
// absent, so in CI (CI set) a missing browser fails this file; on a developer machine without
// one the tests are skipped, saying why.
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, HAVE_CHROMIUM, launch, open, type Opened } from './chromium.js';
import { FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

const ARTIFACTS = join(ROOT, 'test/artifacts');

// The few DOM types the page functions use (the project compiles without the DOM library).
interface SvgGraphics {
  getBBox(): { width: number };
}
interface BrowserWindow {
  getComputedStyle(element: unknown): { direction: string; backgroundColor: string };
}

interface JsonRegion {
  region: string;
  name: string;
  population: number;
  coverage_index: number | null;
}

if (!HAVE_CHROMIUM) {
  describe('HTML report in headless Chromium', () => {
    if (process.env.CI) {
      it('needs Chromium in CI', () => {
        throw new Error(`${CHROMIUM} not found: .ci/run should have installed Debian's chromium`);
      });
    } else {
      const reason = `no browser at ${CHROMIUM} (install Debian's chromium: apt-get install chromium, or set CHROMIUM)`;
      console.warn(`html-browser.test.ts: skipped: ${reason}`);
      it.skip(`skipped: ${reason}`, () => {});
    }
  });
} else {
  describe('HTML report in headless Chromium', () => {
    const profiles: string[] = [];
    let context: BrowserContext;
    let dir: string;
    let reportFile: string;
    let regions: JsonRegion[];
    let opened: Opened;

    beforeAll(async () => {
      dir = tempDir();
      reportFile = join(dir, 'report.html');
      const r = runCli(['report', '--data', FIVE_REGIONS, '--quiet', '--out', reportFile]);
      expect(r.code, r.context).toBe(0);
      regions = JSON.parse(runCli(['report', '--data', FIVE_REGIONS, '--format', 'json']).stdout).regions;
      context = await launch(profiles);
      opened = await open(context, reportFile);
    }, 90_000);

    afterAll(async () => {
      await context?.close();
      for (const p of profiles) rmSync(p, { recursive: true, force: true });
    });

    it('loads with no request beyond the file itself and no console error', async () => {
      expect(opened.blocked).toEqual([]);
      expect(opened.requests).toEqual([pathToFileURL(reportFile).href]);
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.dialogs).toEqual([]);
    });

    it('draws one bar per ranked region, and a breakdown and a trend panel for each', async () => {
      const { page } = opened;
      expect(regions).toHaveLength(5);
      await expect(page.locator('svg.bar-chart rect.bar').count()).resolves.toBe(regions.length);
      await expect(page.locator('svg.breakdown').count()).resolves.toBe(regions.length);
      await expect(page.locator('svg.trend').count()).resolves.toBe(regions.length);
      // The widest bar belongs to the first-ranked region, and bars shrink down the ranking.
      const widths = await page.locator('svg.bar-chart rect.bar').evaluateAll((rects) => rects.map((r) => (r as unknown as SvgGraphics).getBBox().width));
      expect(widths[0]).toBeGreaterThan(0);
      expect([...widths].sort((a, b) => b - a)).toEqual(widths);
      // Every bar is labelled with its region's name.
      const labels = await page.locator('svg.bar-chart text.label').allTextContents();
      expect(labels).toEqual(regions.map((r) => r.name));
    });

    it('shows the coverage heatmap: regions × norms cells in rank order, each with a percentage and its band', async () => {
      const { page } = opened;
      const grid = page.locator('#coverage-heatmap');
      await expect(grid.isVisible()).resolves.toBe(true);
      const norms = await grid.locator('thead th code').allTextContents();
      expect(norms).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams']);
      const rows = await grid.locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-region')));
      expect(rows).toEqual(regions.map((r) => r.region));
      await expect(grid.locator('tbody td.cov').count()).resolves.toBe(regions.length * norms.length);
      for (const row of await grid.locator('tbody tr').all()) {
        const cells = row.locator('td.cov');
        await expect(cells.count()).resolves.toBe(norms.length);
        // Every cell shows its coverage as text, and its band in words to a screen reader.
        for (const text of await cells.locator('.pct').allTextContents()) expect(text).toMatch(/^(\d+%|–)$/);
        for (const words of await cells.locator('.visually-hidden').allTextContents()) {
          expect(words.trim()).toMatch(/^(under the low end|within the range|above the high end|unknown)$/);
        }
      }
      // Coloured by band: an under cell and an above cell have different fills.
      const fill = (band: string) => grid.locator(`td.cov-${band}`).first().evaluate((td) => (globalThis as unknown as BrowserWindow).getComputedStyle(td).backgroundColor);
      const [under, above] = await Promise.all([fill('under'), fill('above')]);
      expect(under).not.toBe(above);
      expect(under).not.toBe('rgba(0, 0, 0, 0)');
      // The norms are listed with their sources under the grid.
      await expect(page.locator('#coverage table.norms tbody tr').count()).resolves.toBe(norms.length);
    });

    it('exposes each chart as an image with an accessible name', async () => {
      const { page } = opened;
      await expect(page.getByRole('img', { name: /^Service vacuum per 100,000 residents, 2000–2002/ }).count()).resolves.toBe(1);
      await expect(page.getByRole('img', { name: /beds lost and community capacity added/ }).count()).resolves.toBe(5);
      await expect(page.getByRole('img', { name: /institutional beds and community bed-equivalents/ }).count()).resolves.toBe(5);
    });

    it('clicking a header re-sorts the table, and clicking again reverses it', async () => {
      const { page } = opened;
      const rowRegions = () => page.locator('#ranked-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region')));
      expect(await rowRegions()).toEqual(regions.map((r) => r.region));
      await expect(page.locator('#sort-hint').isVisible()).resolves.toBe(true);

      const byPopulation = [...regions].sort((a, b) => b.population - a.population).map((r) => r.region);
      const header = page.locator('#ranked-table thead th', { hasText: 'Population' });
      await header.getByRole('button').click();
      expect(await rowRegions()).toEqual(byPopulation);
      await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
      await header.getByRole('button').click();
      expect(await rowRegions()).toEqual([...byPopulation].reverse());
      await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');

      await page.locator('#ranked-table thead th', { hasText: 'Region' }).getByRole('button').click();
      const byName = [...regions].sort((a, b) => a.name.localeCompare(b.name)).map((r) => r.region);
      expect(await rowRegions()).toEqual(byName);
      await expect(page.locator('#sort-status').textContent()).resolves.toBe('Sorted by Region, ascending.');

      // The coverage index sorts like the others: highest first, a null last.
      const byCoverage = [...regions]
        .sort((a, b) => (a.coverage_index === null ? 1 : b.coverage_index === null ? -1 : b.coverage_index - a.coverage_index))
        .map((r) => r.region);
      const coverageHeader = page.locator('#ranked-table thead th', { hasText: 'Coverage index' });
      await coverageHeader.getByRole('button').click();
      expect(await rowRegions()).toEqual(byCoverage);
      await expect(coverageHeader.getAttribute('aria-sort')).resolves.toBe('descending');

      await page.locator('#ranked-table thead th', { hasText: /^Rank$/ }).getByRole('button').click();
      expect(await rowRegions()).toEqual(regions.map((r) => r.region));
      expect(opened.consoleErrors).toEqual([]);
    });

    it('saves a screenshot and prints to PDF under test/artifacts/', async () => {
      const { page } = opened;
      mkdirSync(ARTIFACTS, { recursive: true });
      const png = join(ARTIFACTS, 'html-report.png');
      const pdf = join(ARTIFACTS, 'html-report.pdf');
      await page.screenshot({ path: png, fullPage: true });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      expect(statSync(png).size).toBeGreaterThan(10_000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('without JavaScript the table is complete, in rank order, with plain headers', async () => {
      const noScript = await launch(profiles, { javaScriptEnabled: false });
      try {
        const { page, blocked, consoleErrors } = await open(noScript, reportFile);
        const rows = await page.locator('#ranked-table tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-region')));
        expect(rows).toEqual(regions.map((r) => r.region));
        await expect(page.locator('#ranked-table thead button').count()).resolves.toBe(0);
        await expect(page.locator('#sort-hint').isVisible()).resolves.toBe(false);
        await expect(page.locator('svg.bar-chart rect.bar').count()).resolves.toBe(regions.length);
        expect(blocked).toEqual([]);
        expect(consoleErrors).toEqual([]);
      } finally {
        await noScript.close();
      }
    }, 60_000);

    it('shows hostile and right-to-left names as text: no script runs, no dialog opens', async () => {
      const data = join(dir, 'hostile');
      mkdirSync(data);
      for (const f of ['beds.csv', 'population.csv', 'services.csv']) copyFileSync(join(ROOT, 'fixtures/worked-stock', f), join(data, f));
      writeFileSync(
        join(data, 'regions.csv'),
        [
          'region,name',
          'FI-PIR,<script>alert(1)</script>',
          `FI-VS,"""quotes"" & 'apostrophes'"`,
          'FI-KS,القاهرة الكبرى',
          'FI-LAP,<img src=x onerror=alert(2)>',
          'FI-KAI,Kainuu',
        ].join('\n'),
      );
      const file = join(dir, 'hostile.html');
      const r = runCli(['report', '--quiet', '--data', data, '--out', file]);
      expect(r.code, r.context).toBe(0);
      const hostile = await open(context, file);
      const { page } = hostile;
      const labels = await page.locator('svg.bar-chart text.label').allTextContents();
      expect(labels).toEqual(expect.arrayContaining(['<script>alert(1)</script>', `"quotes" & 'apostrophes'`, 'القاهرة الكبرى', '<img src=x onerror=alert(2)>']));
      await expect(page.locator('#ranked-table tbody th bdi', { hasText: '<script>alert(1)</script>' }).count()).resolves.toBe(1);
      await expect(page.locator('body script').count()).resolves.toBe(1);
      await expect(page.locator('img').count()).resolves.toBe(0);
      // The Arabic name is laid out right to left, right-aligned against its bar.
      const arabic = page.locator('svg.bar-chart text.label', { hasText: 'القاهرة' });
      await expect(arabic.evaluate((t) => (globalThis as unknown as BrowserWindow).getComputedStyle(t).direction)).resolves.toBe('rtl');
      const [labelBox, barBox] = await Promise.all([
        arabic.boundingBox(),
        page.locator('svg.bar-chart rect.bar').first().boundingBox(),
      ]);
      expect(labelBox!.x + labelBox!.width).toBeLessThanOrEqual(barBox!.x);
      expect(labelBox!.x + labelBox!.width).toBeGreaterThan(barBox!.x - 20);
      expect(hostile.dialogs).toEqual([]);
      expect(hostile.blocked).toEqual([]);
      expect(hostile.consoleErrors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'html-report-hostile-names.png'), fullPage: true });
    });
  });
}
